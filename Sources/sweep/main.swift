import Dispatch
import Experiments
import Foundation
import Numerics

/// The seed sweep: every check of a profile at many seeds. Each check must pass at every seed:
/// an agreement fails by chance at most once in 10⁵, so a failure here is a bug, not bad luck,
/// and a comparison that misses a true difference lacks power. An agreement must also fail at
/// 95 % of the seeds or more when a theory constant it rests on is 10 % off (its power).
///
///     sweep [--profile quick|handout|paper] [--seeds FIRST-LAST] [--only ID,ID…]
///
/// Prints one line per check and ends with `N passed, M failed`; exits 1 if any check failed.
struct Options {
    var profile = Profile.quick
    var seeds: ClosedRange<UInt64> = 1...20
    /// The experiments to run, by id; all when empty.
    var only: Set<String> = []

    init(_ arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError("\(option) needs a value") }
            switch option {
            case "--profile":
                guard let profile = Profile(rawValue: value) else {
                    throw UsageError(
                        "--profile: unknown profile \(value); use one of \(Profile.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                self.profile = profile
            case "--seeds":
                let bounds = value.split(separator: "-").map { UInt64($0) }
                guard bounds.count == 2, let first = bounds[0], let last = bounds[1], first <= last else {
                    throw UsageError("--seeds: \(value) is not a range FIRST-LAST such as 1-20")
                }
                seeds = first...last
            case "--only":
                only = Set(value.split(separator: ",").map(String.init))
                let known = Set(Plan.catalogue.map { $0.id })
                if let unknown = only.subtracting(known).sorted().first {
                    throw UsageError(
                        "--only: unknown experiment \(unknown); the experiments are \(Plan.catalogue.map { $0.id }.joined(separator: ", "))"
                    )
                }
            default:
                throw UsageError("unknown option \(option); the options are --profile, --seeds and --only")
            }
        }
    }
}

struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// One check over every seed.
struct Tally {
    let first: Check
    var passes = 0
    /// Per perturbation (in the order of the first seed's check), the seeds at which it failed.
    var rejections: [String: Int] = [:]
}

func sweep(_ options: Options) -> Int32 {
    let seeds = Array(options.seeds)
    let start = DispatchTime.now().uptimeNanoseconds
    // Seeds are independent, so they share the cores; each experiment also splits its own work.
    let runs = ParallelMap.map(seeds) { seed in
        Plan(seed: seed, profile: options.profile).experiments
            .filter { options.only.isEmpty || options.only.contains(type(of: $0).id) }
            .flatMap { $0.execute(seed: seed).checks }
    }
    var order: [String] = []
    var tallies: [String: Tally] = [:]
    for checks in runs {
        for check in checks {
            if tallies[check.id] == nil {
                order.append(check.id)
                tallies[check.id] = Tally(first: check)
            }
            if check.passed { tallies[check.id]?.passes += 1 }
            for perturbation in check.perturbations where !check.passes(perturbation) {
                tallies[check.id]?.rejections[perturbation.constant, default: 0] += 1
            }
        }
    }
    let needed = Int((0.95 * Double(seeds.count)).rounded(.up))
    var passed = 0, failed = 0
    for id in order {
        guard let tally = tallies[id] else { continue }
        let powers = tally.first.perturbations.map { ($0.constant, tally.rejections[$0.constant] ?? 0) }
        let ok = tally.passes == seeds.count && powers.allSatisfy { $0.1 >= needed }
        if ok { passed += 1 } else { failed += 1 }
        let power =
            switch (tally.first.kind, powers.isEmpty) {
            case (.comparison, _): "a comparison: its power is how often it passes"
            case (.agreement, true): "no constant to perturb"
            case (.agreement, false): "power " + powers.map { "\($0.0): rejected \($0.1)/\(seeds.count)" }.joined(separator: "; ")
            }
        let rate = tally.first.falseAlarmRate == 0 ? "α = 0" : "α = \(tally.first.falseAlarmRate)"
        print("\(ok ? "ok  " : "FAIL") \(id): passed \(tally.passes)/\(seeds.count); \(power); \(rate), \(tally.first.basis)")
        if !ok {
            let check = tally.first
            let expected =
                check.kind == .comparison
                ? "the margin \(check.tolerance) to exceed"
                : "expected \(check.expected), tolerance \(check.tolerance)"
            print("     at seed \(options.seeds.lowerBound): measured \(check.measured), \(expected)")
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
        "sweep: \(options.profile.rawValue) profile, seeds \(options.seeds.lowerBound) to \(options.seeds.upperBound), \(String(format: "%.1f", seconds)) s; a check passes when it passes at every seed and each perturbation is rejected at \(needed) or more"
    )
    print("\(passed) passed, \(failed) failed")
    return failed == 0 ? 0 : 1
}

do {
    exit(sweep(try Options(Array(CommandLine.arguments.dropFirst()))))
} catch {
    FileHandle.standardError.write(Data("sweep: \(error.message)\n".utf8))
    exit(2)
}
