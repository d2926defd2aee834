import ArgumentParser
import Experiments
import FileSafety
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute a share of the experiments into the cache, and nothing else.",
        discussion: """
            With --shard I/N, runs the experiments whose position in the plan is I modulo N \
            (I from 1 to N) and stores their results in the cache. The cache is plain files: \
            copy the cache folders of all shards into one and `initlab build` with the same \
            configuration assembles the handout without running anything, byte for byte as a \
            build on one machine would.
            """)

    @OptionGroup var planOptions: PlanOptions

    @Option(help: "Which share to compute, as I/N (for example 2/3).")
    var shard: Shard = Shard(index: 1, count: 1)

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !planOptions.noCache else {
            throw ValidationError("--no-cache would throw the shard's results away; run stores them in the cache")
        }
    }

    func run() throws {
        let plan = try planOptions.plan()
        let runner = Runner(plan: plan, cache: try planOptions.resultCache())
        // Ctrl-C while an entry is written removes its temporary file.
        Interrupts.removeCreatedItemsOnSignal()
        let quiet = quiet
        let display = ProgressDisplay(quiet: quiet)
        let outcome = runner.run(
            shard: (shard.index - 1, shard.count),
            log: { message in
                if !quiet && !display.enabled { FileHandle.standardError.write(Data("initlab: \(message)\n".utf8)) }
            }, watch: display.watch)
        display.finish()
        for warning in outcome.warnings { FileHandle.standardError.write(Data("initlab: warning: \(warning)\n".utf8)) }
        if !quiet {
            let names = outcome.timings.map { "\($0.experiment) (\($0.cached ? "already cached" : String(format: "%.2f s", $0.seconds)))" }
            FileHandle.standardError.write(
                Data(
                    "initlab: shard \(shard.index)/\(shard.count) stored \(names.isEmpty ? "nothing" : names.joined(separator: ", ")) in \(planOptions.cache)\n"
                        .utf8))
        }
    }
}

/// A share of the plan, written I/N on the command line.
struct Shard: ExpressibleByArgument {
    let index: Int
    let count: Int

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.init(index: index, count: count)
    }

    static var defaultValueDescription: String { "1/1" }
}
