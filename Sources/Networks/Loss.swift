import Foundation
import Numerics

/// The training objective on a batch of outputs y (logits) with class labels.
public enum Loss: String, Codable, Sendable, Hashable, CaseIterable {
    /// −log softmax(y)_label, averaged over the batch.
    case crossEntropy = "cross-entropy"
    /// ½‖y − onehot(label)‖², averaged over the batch; Glorot & Bengio's "quadratic cost".
    case squaredError = "squared-error"

    /// The mean loss of `outputs` (one row per sample).
    public func mean(outputs: Matrix, labels: [Int]) -> Double {
        outputs.elements.withUnsafeBufferPointer { y in
            mean(y, columns: outputs.columns, labels: labels, gradient: nil)
        }
    }

    /// The mean loss of `outputs`, writing ∂(mean loss)/∂outputs into `gradient`.
    public func mean(outputs: Matrix, labels: [Int], gradient: inout Matrix) -> Double {
        precondition(gradient.rows == outputs.rows && gradient.columns == outputs.columns, "gradient shape differs from the outputs'")
        return outputs.elements.withUnsafeBufferPointer { y in
            gradient.elements.withUnsafeMutableBufferPointer { g in
                mean(y, columns: outputs.columns, labels: labels, gradient: g)
            }
        }
    }

    /// The mean loss of the workspace's outputs against its labels; the gradient goes where the
    /// backward pass starts.
    func mean(of workspace: inout Workspace) -> Double {
        let last = workspace.layers.count - 1
        return mean(
            outputs: workspace.layers[last].preActivations, labels: workspace.labels, gradient: &workspace.layers[last].backpropagated)
    }

    // Sums in Double: the loss is compared across steps and in gradient checks, where Float
    // rounding of a sum over the batch would be visible.
    private func mean(_ y: UnsafeBufferPointer<Float>, columns: Int, labels: [Int], gradient: UnsafeMutableBufferPointer<Float>?) -> Double
    {
        let rows = labels.count
        precondition(y.count == rows * columns, "\(labels.count) labels for \(y.count / max(columns, 1)) outputs")
        let perSample = 1 / Double(rows)
        var total = 0.0
        for row in 0..<rows {
            let start = row * columns, label = labels[row]
            precondition((0..<columns).contains(label), "label \(label) outside 0..<\(columns)")
            switch self {
            case .crossEntropy:
                // log Σ e^{y_k} = m + log Σ e^{y_k − m} with m = max y_k: no term overflows, and
                // the largest is exactly 1. A NaN or infinite output makes the loss NaN.
                var largest = -Double.infinity
                for k in 0..<columns { largest = Swift.max(largest, Double(y[start + k])) }
                var sum = 0.0
                for k in 0..<columns { sum += exp(Double(y[start + k]) - largest) }
                total += largest + log(sum) - Double(y[start + label])
                if let gradient {
                    for k in 0..<columns {
                        let probability = exp(Double(y[start + k]) - largest) / sum
                        gradient[start + k] = Float(((k == label ? -1 : 0) + probability) * perSample)
                    }
                }
            case .squaredError:
                for k in 0..<columns {
                    let error = Double(y[start + k]) - (k == label ? 1 : 0)
                    total += error * error / 2
                    gradient?[start + k] = Float(error * perSample)
                }
            }
        }
        return total * perSample
    }
}
