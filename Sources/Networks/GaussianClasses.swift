import Numerics

/// Standard Gaussian inputs, x ~ N(0, I), labelled by a random linear teacher: the label is
/// argmax_k t_k·x over rows t_k of a teacher matrix with N(0, 1/d) entries. The classes are
/// cones through the origin, so they are learnable to any accuracy, which the training tests
/// rely on; the inputs are already standardised.
public struct GaussianClasses: Dataset {
    public let featureCount: Int
    public let classCount: Int
    public var sampleCount: Int? { nil }
    private let teacher: Matrix
    private let stream: RandomSource

    /// The samples of `split`; every split shares the teacher, drawn from `random` by the label
    /// "teacher", and sample i comes from the split's stream derived by the label "i".
    public init(features: Int, classes: Int, split: DataSplit, random: RandomSource) {
        precondition(features >= 1 && classes >= 2, "Gaussian classes need a feature and two classes")
        featureCount = features
        classCount = classes
        var teacherStream = random.derived("teacher")
        var teacher = Matrix(rows: classes, columns: features)
        teacher.elements.withUnsafeMutableBufferPointer { teacherStream.fillNormal($0, std: 1 / Double(features).squareRoot()) }
        self.teacher = teacher
        stream = random.derived(split.rawValue)
    }

    public func sample(_ index: Int, into features: UnsafeMutableBufferPointer<Float>) -> Int {
        var random = stream.derived(String(index))
        random.fillNormal(features)
        return label(of: UnsafeBufferPointer(features))
    }

    /// The teacher's class for `features`.
    func label(of features: UnsafeBufferPointer<Float>) -> Int {
        var label = 0, best = -Float.infinity
        teacher.elements.withUnsafeBufferPointer { t in
            for k in 0..<classCount {
                var score: Float = 0
                for j in 0..<featureCount { score += t[k * featureCount + j] * features[j] }
                if score > best { (best, label) = (score, k) }
            }
        }
        return label
    }
}
