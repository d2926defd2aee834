import Foundation
import TextSupport

/// The text of a configuration file, refused before parsing when it is too large to be one or
/// is not UTF-8.
enum ConfigText {
    /// The most bytes a configuration may have. `initlab config --defaults --profile paper`,
    /// every key with its value, is about 4 KiB, so this leaves room for long comments and
    /// sweeps. Parsing costs about 5 µs a value (a debug build composed a 1 MiB list of 524,258
    /// entries in 2.7 s), so a larger limit would let a file take seconds before its size
    /// is refused (five million fan-ins took a minute and 1.3 GB before they were accepted).
    static let maximumBytes = 1 << 16

    /// Reads the file at `path`, at most ``maximumBytes`` and one more, so that a huge file or an
    /// endless device is refused without reading it whole.
    static func read(path: String) throws(LocatedError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LocatedError(path, "cannot read the configuration file", hint: "check the path given to --config")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw LocatedError(path, "cannot read the configuration file", hint: "check that it is a file, not a folder")
        }
        guard data.count <= maximumBytes else {
            throw LocatedError(
                path, "the file is larger than \(maximumBytes >> 10) KiB, far more than any configuration",
                hint: "a file with every key of the paper profile is about 4 KiB")
        }
        return try decode(Array(data), path: path)
    }

    /// The bytes as UTF-8, or an error at the first byte that is not, with its line and column
    /// counted in characters as the YAML parser counts them.
    static func decode(_ bytes: [UInt8], path: String) throws(LocatedError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var (offset, line, column) = (0, 1, 1)
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) {
            if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") {
                (line, column) = (line + 1, 1)
            } else {
                column += 1
            }
            offset += scalar.count
        }
        let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the end"
        throw LocatedError(
            "\(path):\(line):\(column)", "not UTF-8: byte \(byte) at offset \(offset) does not begin a valid UTF-8 character",
            hint: "save the file as UTF-8")
    }
}
