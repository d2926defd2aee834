import Experiments
import Foundation
import Initializers
import TextSupport
import Yams

/// What a build runs: the seed, the profile, and every experiment's parameters, read from a
/// YAML file laid over the profile's defaults; and how the course presents the handout. Every
/// problem is found before any work starts and named with its file, line and column.
public struct BuildConfiguration: Sendable {
    public var seed: UInt64
    public var profile: Profile
    public var experiments: [any Experiment]
    public var course = CourseSettings()

    public var plan: Plan { Plan(seed: seed, profile: profile, experiments: experiments) }

    static let topLevelKeys = ["seed", "profile", "course", "experiments"]

    /// The built-in configuration of a profile.
    public init(profile: Profile, seed: UInt64 = 1) {
        self.seed = seed
        self.profile = profile
        experiments = Plan.catalogue.map { $0.init(profile: profile) }
    }

    /// Reads a configuration file. `seed` and `profile`, when given, override the file's.
    public init(path: String, seed: UInt64? = nil, profile: Profile? = nil) throws(LocatedError) {
        let text = try ConfigText.read(path: path)
        let root: Node
        do {
            root = try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            throw Self.syntaxError(error, path: path, text: text)
        } catch {
            throw LocatedError(path, "not YAML: \(error)")
        }
        let file = ConfigFile(path: path)
        try file.checkSize(root)
        guard case .mapping(let mapping) = root else {
            throw file.error(at: root, "the configuration must be a mapping of keys (\(Self.topLevelKeys.joined(separator: ", ")))")
        }
        try file.checkKeys(mapping, allowed: Self.topLevelKeys, what: "key")

        var resolvedProfile = Profile.handout
        if let node = mapping["profile"] {
            guard let name = node.string, let value = Profile(rawValue: name) else {
                throw file.error(
                    at: node, "profile must be one of \(Profile.allCases.map(\.rawValue).joined(separator: ", "))",
                    hint: node.string.flatMap { nearestName(to: $0, in: Profile.allCases.map(\.rawValue)) }.map { "did you mean \($0)?" })
            }
            resolvedProfile = value
        }
        var resolvedSeed: UInt64 = 1
        if let node = mapping["seed"] {
            guard let scalar = node.scalar, ScalarKind(scalar) == .integer, let value = UInt64(scalar.string) else {
                throw file.error(at: node, "seed must be a whole number from 0 to \(UInt64.max)")
            }
            resolvedSeed = value
        }
        self.seed = seed ?? resolvedSeed
        self.profile = profile ?? resolvedProfile
        if let node = mapping["course"] { course = try CourseSettings(node, file: file) }

        var overrides: [String: Node] = [:]
        if let node = mapping["experiments"] {
            guard case .mapping(let experiments) = node else {
                throw file.error(at: node, "experiments must map experiment ids to their parameters")
            }
            try file.checkKeys(experiments, allowed: Plan.catalogue.map { $0.id }, what: "experiment")
            for pair in experiments { overrides[pair.key.string ?? ""] = pair.value }
        }
        let (dataset, convergence) = try DatasetEntry.take(from: overrides[Convergence.id], file: file)
        overrides[Convergence.id] = convergence
        var resolved: [any Experiment] = []
        for type in Plan.catalogue {
            resolved.append(try Self.resolve(type, profile: self.profile, override: overrides[type.id], file: file))
        }
        experiments = resolved
        try readData(entry: dataset, file: file)
    }

    /// Reads the data the experiments train on (once per build), so that a missing or bad file
    /// stops the build at its key before anything runs, and its content hash enters the cache
    /// key. A configuration read from a file has done this already; one built from a profile
    /// does it here.
    public func readingData() throws(LocatedError) -> BuildConfiguration {
        var read = self
        try read.readData(entry: nil, file: nil)
        return read
    }

    private mutating func readData(entry: DatasetEntry?, file: ConfigFile?) throws(LocatedError) {
        var read: [any Experiment] = []
        for experiment in experiments {
            guard var convergence = experiment as? Convergence else {
                read.append(experiment)
                continue
            }
            if let entry {
                var parameters = convergence.parameters
                parameters.dataset = entry.dataset
                convergence = Convergence(parameters: parameters)
            }
            read.append(try DatasetEntry.read(convergence, seed: seed, entry: entry, file: file))
        }
        experiments = read
    }

    /// An experiment at the profile's sizes, with the user's keys laid over them.
    static func resolve<E: Experiment>(_ type: E.Type, profile: Profile, override: Node?, file: ConfigFile) throws(LocatedError) -> E {
        let defaults = E(profile: profile)
        guard let override else { return defaults }
        let base: Node
        do {
            base = try ParameterTree.node(encoding: defaults.parameters)
        } catch {
            throw LocatedError(file.path, "cannot describe the parameters of \(E.id): \(error)")
        }
        let merged = try file.overlay(override, on: base, path: "experiments.\(E.id)")
        let parameters: E.Parameters
        do {
            parameters = try ParameterTree.decode(E.Parameters.self, from: merged)
        } catch let error as DecodingError {
            // A fraction where the default is a whole number is the likeliest culprit: the
            // decoder does not always say where it stopped.
            if let fraction = ConfigFile.fractions(in: override, over: base, path: "experiments.\(E.id)").first {
                throw file.error(at: fraction.node, "\(fraction.path) must be a whole number, not \(fraction.node.string ?? "")")
            }
            throw file.decodingError(error, in: override, experiment: E.id)
        } catch {
            throw file.error(at: override, "the parameters of \(E.id) do not decode: \(error)")
        }
        if let problem = E.problems(parameters).first {
            throw file.error(at: ConfigFile.node(at: problem.key, in: override), "experiments.\(E.id).\(problem.key): \(problem.message)")
        }
        return E(parameters: parameters)
    }

    static func syntaxError(_ error: YamlError, path: String, text: String) -> LocatedError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return LocatedError("\(path):\(mark.line):\(mark.column)", "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let keys, let context):
            let key = keys.first ?? ""
            let first = "line \(context.mark.line), column \(context.mark.column)"
            guard let mark = DuplicateKey.repetition(of: key, firstAt: context.mark, in: text) else {
                return LocatedError(
                    "\(path):\(context.mark.line):\(context.mark.column)",
                    "the key '\(key)' appears more than once in this mapping", hint: "keep one of them")
            }
            return LocatedError(
                "\(path):\(mark.line):\(mark.column)", "duplicate key '\(key)'",
                hint: "it is first given at \(first); keep one of them")
        default:
            return LocatedError(path, "YAML error: \(error)")
        }
    }

    /// The complete configuration as YAML that can be edited and fed back with --config.
    public func yaml() -> String {
        var text = """
            # initlab build configuration: every key, with the values of the \(profile.rawValue) profile.
            # Edit and pass with `initlab build --config FILE`; keys left out keep these values.
            seed: \(seed)
            profile: \(profile.rawValue)

            """
        text += course.yaml()
        text += "experiments:\n"
        for experiment in experiments {
            text += "  \(type(of: experiment).id):\n"
            if let node = try? ParameterTree.node(encoding: experiment.parameters) {
                text += ParameterTree.yaml(node, depth: 2)
            }
        }
        return text
    }
}
