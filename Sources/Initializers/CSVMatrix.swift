/// A weight tensor as comma-separated text: one line per unit (the first dimension), the unit's
/// incoming weights flattened in C order across the line, so a kernel (out, in, k₁, k₂) becomes
/// an out × (in·k₁·k₂) table. No header row: the file is a matrix, as `numpy.loadtxt` reads it.
public enum CSVMatrix {
    /// The text, each number in the shortest form that reads back as the same float32.
    public static func text(of tensor: WeightTensor) -> String {
        var text = ""
        text.reserveCapacity(tensor.elements.count * 12)
        for row in 0..<tensor.rows {
            for column in 0..<tensor.columns {
                if column > 0 { text += "," }
                text += tensor.elements[row * tensor.columns + column].description
            }
            text += "\n"
        }
        return text
    }
}
