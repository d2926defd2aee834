import Numerics
import Testing

@testable import Networks

@Suite struct DatasetTests {
    static let random = RandomSource(seed: 21)

    @Test func gaussianInputsAreStandardAndReproducible() {
        let set = GaussianClasses(features: 16, classes: 4, split: .training, random: Self.random)
        let data = LabelledData(materializing: set, count: 400)
        let moments = Moments(data.inputs.elements)
        // 6400 standard normal values: the mean's standard error is 1/80 and the variance's
        // √(2/6400) ≈ 0.018; four of each.
        #expect(abs(moments.mean) < 0.05 && abs(moments.variance - 1) < 0.071)
        // Any sample regenerates alone, identically.
        var row = [Float](repeating: 0, count: 16)
        let label = row.withUnsafeMutableBufferPointer { set.sample(123, into: $0) }
        #expect(label == data.labels[123] && row == Array(data.inputs.elements[123 * 16..<124 * 16]))
        #expect(Set(data.labels) == [0, 1, 2, 3])
    }

    @Test func splitsShareTheTeacherButNotTheSamples() {
        let trainingSet = GaussianClasses(features: 8, classes: 3, split: .training, random: Self.random)
        let training = LabelledData(materializing: trainingSet, count: 50)
        let test = LabelledData(materializing: GaussianClasses(features: 8, classes: 3, split: .test, random: Self.random), count: 50)
        #expect(training.inputs != test.inputs)
        // The training split's teacher labels the test inputs as the test split does.
        let teacher = GaussianClasses(features: 8, classes: 3, split: .training, random: Self.random)
        test.inputs.elements.withUnsafeBufferPointer { all in
            for index in 0..<50 {
                #expect(teacher.label(of: UnsafeBufferPointer(rebasing: all[index * 8..<(index + 1) * 8])) == test.labels[index])
            }
        }
    }

    @Test func standardizationUsesTrainingStatistics() {
        // Feature 0 ~ 5 + 2·N(0,1), feature 1 constant 7.
        var random = RandomSource(seed: 3)
        let rows = 500
        var inputs = Matrix(rows: rows, columns: 2)
        for row in 0..<rows {
            inputs[row, 0] = Float(5 + 2 * random.nextNormal())
            inputs[row, 1] = 7
        }
        let data = LabelledData(inputs: inputs, labels: Array(repeating: 0, count: rows), classCount: 1)
        let standardization = Standardization(fittedTo: data, samples: rows)
        let standardized = LabelledData(materializing: data.standardized(by: standardization), count: rows)
        let feature0 = Moments((0..<rows).map { standardized.inputs[$0, 0] })
        // On the samples it was fitted to, exact up to Float rounding.
        #expect(abs(feature0.mean) < 1e-5 && abs(feature0.variance - 1) < 1e-5)
        #expect((0..<rows).allSatisfy { standardized.inputs[$0, 1] == 0 })
        #expect(standardization.inverseStandardDeviations[1] == 1)
    }

    @Test func materializingStopsAtTheEnd() {
        let data = LabelledData(inputs: Matrix(rows: 3, columns: 1, elements: [1, 2, 3]), labels: [0, 1, 0], classCount: 2)
        #expect(LabelledData(materializing: data, count: 10) == data)
        #expect(LabelledData(materializing: data, count: 2).labels == [0, 1])
    }
}
