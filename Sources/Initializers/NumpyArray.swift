/// The NumPy `.npy` format, version 1.0, for float32 tensors: what `numpy.load` reads.
///
/// A file is the magic string `\x93NUMPY`, the version bytes 1 and 0, the header length as a
/// little-endian UInt16, then an ASCII header (a Python dict literal) padded with spaces and
/// ended by a newline so that the data starts at a multiple of 64 bytes, then the data.
public enum NumpyArray {
    /// The most dimensions NumPy 1 can load (NumPy 2 allows 64).
    public static let maximumDimensions = 32

    /// The header dict, padded, newline included:
    /// `{'descr': '<f4', 'fortran_order': False, 'shape': (256, 784), }`.
    public static func header(shape: [Int]) -> String {
        // A one-element tuple needs its trailing comma in Python.
        let dimensions = shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? "," : "")
        let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(dimensions)), }"
        let unpadded = preambleLength + dict.utf8.count + 1
        let padding = (64 - unpadded % 64) % 64
        return dict + String(repeating: " ", count: padding) + "\n"
    }

    /// The bytes of a `.npy` file holding `tensor`: little-endian float32 in C order.
    /// - Throws: ``ShapeError`` for more than ``maximumDimensions`` dimensions.
    public static func encode(_ tensor: WeightTensor) throws(ShapeError) -> [UInt8] {
        guard tensor.shape.count <= maximumDimensions else {
            throw ShapeError(shape: tensor.shape, reason: "has more than \(maximumDimensions) dimensions, more than NumPy can load")
        }
        let header = Array(header(shape: tensor.shape).utf8)
        let dataStart = preambleLength + header.count
        var bytes = [UInt8](repeating: 0, count: dataStart + 4 * tensor.elements.count)
        bytes.replaceSubrange(0..<preambleLength, with: magic + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)])
        bytes.replaceSubrange(preambleLength..<dataStart, with: header)
        bytes.withUnsafeMutableBytes { raw in
            for (i, value) in tensor.elements.enumerated() {
                raw.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: dataStart + 4 * i, as: UInt32.self)
            }
        }
        return bytes
    }

    /// `\x93NUMPY`.
    public static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Magic, two version bytes, two header-length bytes.
    static let preambleLength = 10
}
