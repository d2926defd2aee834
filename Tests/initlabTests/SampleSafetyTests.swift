import Foundation
import Scratch
import Testing

/// `initlab sample` with options that would write inf or zeros, outputs that are folders or
/// symbolic links, and orthogonal draws too slow to start unasked.
@Suite struct SampleSafetyTests {
    struct FloatCase: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        /// The option the error must name.
        let option: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let floatCases: [FloatCase] = [
        FloatCase(arguments: ["normal", "--std", "1e39"], option: "--std"),
        FloatCase(arguments: ["normal", "--std", "1e-40"], option: "--std"),
        FloatCase(arguments: ["normal", "--std", "2e38", "--distribution", "truncated-normal"], option: "--std"),
        FloatCase(arguments: ["normal", "--std", "1e10", "--gain", "1e30"], option: "--gain"),
        FloatCase(arguments: ["glorot-normal", "--gain", "1e308"], option: "--gain"),
        FloatCase(arguments: ["kumar", "--gain", "1e-36"], option: "--gain"),
        FloatCase(arguments: ["uniform", "--bound", "1e200"], option: "--bound"),
        FloatCase(arguments: ["uniform", "--bound", "1e-37"], option: "--bound"),
        FloatCase(arguments: ["he-normal", "--slope", "1e300"], option: "--slope"),
        FloatCase(arguments: ["he-uniform", "--slope=-1e40"], option: "--slope"),
        // No slope would help: the gain is to blame.
        FloatCase(arguments: ["he-normal", "--gain", "1e-34", "--slope", "1e36"], option: "--gain"),
        FloatCase(arguments: ["constant", "--value", "1e39"], option: "--value"),
        FloatCase(arguments: ["constant", "--value=-1e-40"], option: "--value"),
        FloatCase(arguments: ["identity", "--gain", "1e-39"], option: "--gain"),
        FloatCase(arguments: ["orthogonal", "--gain", "1e39"], option: "--gain"),
        FloatCase(arguments: ["orthogonal", "--gain", "1e-34"], option: "--gain"),
        FloatCase(arguments: ["sparse", "--std", "1e39"], option: "--std"),
        FloatCase(arguments: ["glorot-uniform", "--nonlinearity", "leaky_relu", "--slope", "1e40"], option: "--slope"),
    ]

    static let shape = ["--shape", "256,784"]

    /// The weights of a .npy file that `initlab sample` wrote.
    static func weights(_ file: URL) throws -> [Float] {
        let data = try Data(contentsOf: file)
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        return data[(10 + headerLength)...].withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    /// Refused with the option named and a limit; the limit as printed is accepted, and then no
    /// weight is infinite and hardly any is subnormal or zero.
    @Test(arguments: floatCases)
    func weightsOutsideFloat32AreRefused(_ bad: FloatCase) throws {
        let scratch = try ScratchFolder("initlab-sample-safety")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("w.npy")
        let outcome = try Initlab.run(["sample"] + bad.arguments + Self.shape + ["--output", file.path])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("initlab: error: \(bad.option): "), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: file.path))

        let limit = try #require(outcome.stderr.firstMatch(of: /must be (?:0 or )?at (?:most|least) ([0-9.e+-]+)/)?.1, "\(outcome.stderr)")
        // A gain that comes from --nonlinearity has its limit on the gain, not on the option.
        guard !bad.arguments.contains("--nonlinearity") else { return }
        let arguments = bad.arguments.filter { !$0.hasPrefix("\(bad.option)=") }
        let at = try #require(arguments.firstIndex(of: bad.option).map { $0 + 1 } ?? Optional(arguments.count))
        var fixed = arguments
        if at < fixed.count { fixed[at] = String(limit) } else { fixed += [bad.option, String(limit)] }
        let accepted = try Initlab.run(["sample"] + fixed + Self.shape + ["--output", file.path, "--quiet"])
        #expect(accepted.status == 0, "\(fixed): \(accepted.stderr)")
        let weights = try Self.weights(file)
        #expect(weights.allSatisfy { $0.isFinite })
        // At the smallest standard deviation σ = 1024 · leastNormal, a draw lies below
        // leastNormal with probability at most 0.8/1024: allow five standard errors more.
        // (Zeros are left out: the identity and sparse rules write them on purpose.)
        let expected = Double(weights.count) * 0.8 / 1024
        let subnormal = weights.filter { $0 != 0 && $0.magnitude < Float.leastNormalMagnitude }.count
        #expect(Double(subnormal) <= expected + 5 * expected.squareRoot(), "\(subnormal) of \(weights.count) subnormal")
    }

    @Test func aFolderNamedLikeTheOutputIsNamedAsAFolder() throws {
        let scratch = try ScratchFolder("initlab-sample-safety")
        defer { scratch.remove() }
        let root = scratch.url
        let folder = root.appendingPathComponent("d.npy")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let outcome = try Initlab.run(["sample", "he-normal", "--shape", "3,3", "--output", folder.path])
        #expect(outcome.status == 2)
        let expected = "initlab: error: --output: \(folder.path) is a folder (give the name of a file in it, ending in .npy or .csv)\n"
        #expect(outcome.stderr == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let scratch = try ScratchFolder("initlab-sample-safety")
        defer { scratch.remove() }
        let root = scratch.url
        let target = root.appendingPathComponent("shared/weights.npy"), link = root.appendingPathComponent("w.npy")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "shared/weights.npy")
        let outcome = try Initlab.run(["sample", "he-normal", "--shape", "3,3", "--output", link.path, "--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "shared/weights.npy")
        #expect(try Self.weights(target).count == 9)
    }

    @Test func aDanglingLinkOrALinkToAFolderIsRefused() throws {
        let scratch = try ScratchFolder("initlab-sample-safety")
        defer { scratch.remove() }
        let root = scratch.url
        let dangling = root.appendingPathComponent("dangling.npy"), toFolder = root.appendingPathComponent("folder.npy")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.npy")
        try FileManager.default.createSymbolicLink(atPath: toFolder.path, withDestinationPath: root.path)
        let first = try Initlab.run(["sample", "he-normal", "--shape", "3,3", "--output", dangling.path])
        #expect(first.status == 2)
        #expect(first.stderr.contains("\(dangling.path) is a symbolic link to nothing"), "\(first.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("nowhere.npy").path))
        let second = try Initlab.run(["sample", "he-normal", "--shape", "3,3", "--output", toFolder.path])
        #expect(second.status == 2)
        #expect(second.stderr.contains("\(toFolder.path) is a folder"), "\(second.stderr)")
    }

    /// A shape estimated over 10 s in a debug build (1e8 operations a second) and in a
    /// release build (1e9): 4000² is 1.7e11 operations.
    @Test func aSlowOrthogonalDrawIsRefusedWithItsEstimate() throws {
        let scratch = try ScratchFolder("initlab-sample-safety")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("q.npy")
        let clock = ContinuousClock()
        var outcome: Initlab.Outcome?
        let elapsed = try clock.measure {
            outcome = try Initlab.run(["sample", "orthogonal", "--shape", "4000,4000", "--output", file.path])
        }
        let refused = try #require(outcome)
        #expect(refused.status == 2)
        let message = refused.stderr
        #expect(message.hasPrefix("initlab: error: --shape: an orthogonal matrix of shape (4000, 4000) takes about "), "\(message)")
        #expect(message.contains("(1.7e+11 floating-point operations at") && message.contains("add --allow-slow"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(elapsed < .seconds(5), "refused only after \(elapsed)")
    }

    /// Just over the 10 s estimate (1.1e9 operations in a debug build, 1.1e10 in a release
    /// one): about 5 s of work in the build the tests run.
    #if DEBUG
        static let slowSide = "750"
    #else
        static let slowSide = "1600"
    #endif

    /// With --allow-slow the draw runs; progress is drawn on a terminal (here a pseudo-terminal
    /// from `script`) and nothing but the summary goes to a pipe.
    @Test func allowSlowShowsProgressOnATerminalOnly() throws {
        let scratch = try ScratchFolder("initlab-sample-safety")
        defer { scratch.remove() }
        let root = scratch.url
        let file = root.appendingPathComponent("q.npy")
        let arguments = ["sample", "orthogonal", "--shape", "\(Self.slowSide),\(Self.slowSide)", "--allow-slow", "--output", file.path]
        let piped = try Initlab.run(arguments)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("\u{1B}[") && piped.stderr.hasPrefix("initlab: wrote "), "\(piped.stderr)")
        let weights = try Self.weights(file)
        // Rows of an orthogonal matrix have unit norm.
        let side = Int(Self.slowSide) ?? 0
        let norm = weights.prefix(side).reduce(0) { $0 + Double($1) * Double($1) }
        #expect(abs(norm - 1) < 1e-5)

        let command = ([Initlab.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let terminal = try TestTools.run("script", ["-qec", command, "/dev/null"])
        #expect(terminal.status == 0, "\(terminal.stderr)")
        #expect(terminal.stdout.contains("orthogonal") && terminal.stdout.contains("%  ETA"), "\(terminal.stdout.prefix(400))")
    }
}
