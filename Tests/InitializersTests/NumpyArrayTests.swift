import Foundation
import Testing

@testable import Initializers

/// A reader for the subset of the .npy specification we write, version 1.0: checks every
/// field it passes rather than trusting it.
struct NpyReader {
    enum Failure: Error, Equatable { case malformed(String) }

    let header: String
    let shape: [Int]
    let values: [Float]

    init(_ bytes: [UInt8]) throws {
        guard bytes.count >= 10, Array(bytes[0..<6]) == [0x93] + Array("NUMPY".utf8) else { throw Failure.malformed("magic") }
        guard bytes[6] == 1, bytes[7] == 0 else { throw Failure.malformed("version") }
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        let dataStart = 10 + headerLength
        guard dataStart % 64 == 0, bytes.count >= dataStart else { throw Failure.malformed("alignment") }
        guard let header = String(bytes: bytes[10..<dataStart], encoding: .ascii), header.hasSuffix("\n") else {
            throw Failure.malformed("header")
        }
        let dict = header.trimmingCharacters(in: .whitespacesAndNewlines)
        guard dict.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': ("), dict.hasSuffix("), }"),
            let open = dict.firstIndex(of: "("), let close = dict.lastIndex(of: ")")
        else { throw Failure.malformed("dict") }
        let shape = dict[dict.index(after: open)..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let count = shape.reduce(1, *)
        guard bytes.count == dataStart + 4 * count else { throw Failure.malformed("data length") }
        self.header = header
        self.shape = shape
        values = (0..<count).map { i in
            let offset = dataStart + 4 * i
            let bits =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}

@Suite struct NumpyArrayTests {
    @Test func headerFollowsTheSpecification() throws {
        let header = NumpyArray.header(shape: [256, 784])
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (256, 784), }"))
        #expect(header.hasSuffix(" \n"))
        #expect((10 + header.utf8.count) % 64 == 0)
        #expect(header.dropLast().allSatisfy { $0 != "\n" })
        // Python needs the comma of a one-element tuple.
        #expect(NumpyArray.header(shape: [5]).hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }"))
    }

    @Test func bytesAreMagicVersionLengthHeaderAndLittleEndianData() throws {
        var tensor = try WeightTensor(zerosOf: [2, 3])
        tensor.elements = [1, -2, 0.5, 0, 3, -0.25]
        let bytes = try NumpyArray.encode(tensor)
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        #expect(Int(bytes[8]) + Int(bytes[9]) * 256 == 118)
        #expect(bytes.count == 128 + 24)
        // 1.0f is 0x3F800000, stored low byte first.
        #expect(Array(bytes[128..<132]) == [0x00, 0x00, 0x80, 0x3F])
        #expect(Array(bytes[132..<136]) == [0x00, 0x00, 0x00, 0xC0])
    }

    @Test(arguments: [[30, 20], [64, 3, 3, 3], [1, 1]])
    func roundTripThroughTheReader(_ shape: [Int]) throws {
        let tensor = try draw(try Rule(.heNormal), shape: shape)
        let read = try NpyReader(try NumpyArray.encode(tensor))
        #expect(read.shape == shape)
        #expect(read.values.map(\.bitPattern) == tensor.elements.map(\.bitPattern))
    }

    @Test func tooManyDimensionsForNumPyAreAnError() throws {
        let tensor = try WeightTensor(zerosOf: [Int](repeating: 1, count: 33))
        #expect(throws: ShapeError.self) { try NumpyArray.encode(tensor) }
    }

    /// numpy.load reads the file when NumPy is installed; the Swift reader checks it in any case,
    /// so the test means something on a machine without NumPy too.
    @Test func numpyLoadsTheFile() throws {
        let tensor = try draw(try Rule(.glorotUniform), shape: [5, 4, 3, 3])
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("W.npy")
        let bytes = try NumpyArray.encode(tensor)
        try Data(bytes).write(to: file)

        let read = try NpyReader(Array(try Data(contentsOf: file)))
        #expect(read.shape == [5, 4, 3, 3])
        #expect(read.values.map(\.bitPattern) == tensor.elements.map(\.bitPattern))

        guard let numpy = try? python(["-c", "import numpy"]), numpy.status == 0 else { return }
        let script =
            "import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, a.flags['C_CONTIGUOUS']); print(a.astype('<f4').tobytes().hex())"
        let loaded = try python(["-c", script, file.path])
        #expect(loaded.status == 0)
        let lines = loaded.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "float32 (5, 4, 3, 3) True")
        let hex = bytes[128...].map { String(format: "%02x", $0) }.joined()
        #expect(lines.last == hex)
    }

    func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
