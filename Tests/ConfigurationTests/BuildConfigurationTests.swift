import Foundation
import Testing
import TextSupport

@testable import Configuration
@testable import Experiments

@Suite struct BuildConfigurationTests {
    func load(_ yaml: String) throws -> BuildConfiguration {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-config-\(UUID().uuidString).yml")
        try Data(yaml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try BuildConfiguration(path: url.path)
    }

    func saturation(_ configuration: BuildConfiguration) throws -> Saturation.Parameters {
        try #require(configuration.experiments.first as? Saturation).parameters
    }

    @Test func keysLaidOverTheProfile() throws {
        let configuration = try load(
            "seed: 7\nprofile: quick\nexperiments:\n  saturation:\n    units: 32\n    fan_ins: [1, 10, 100]\n    false_alarm_rate: 1e-6\n")
        #expect(configuration.seed == 7 && configuration.profile == .quick)
        let parameters = try saturation(configuration)
        var expected = Saturation(profile: .quick).parameters
        expected.units = 32
        expected.fanIns = [1, 10, 100]
        expected.falseAlarmRate = 1e-6
        #expect(parameters == expected)
    }

    @Test(arguments: [Profile.quick, .handout])
    func defaultsRoundTrip(_ profile: Profile) throws {
        let defaults = BuildConfiguration(profile: profile, seed: 3)
        let again = try load(defaults.yaml())
        #expect(again.seed == 3 && again.profile == profile)
        #expect(try saturation(again) == Saturation(profile: profile).parameters)
        #expect(again.yaml() == defaults.yaml())
    }

    @Test(arguments: [
        ("profile: quik\n", "1:10", "profile must be one of quick, handout, paper", "did you mean quick?"),
        ("seeed: 1\n", "1:1", "unknown key 'seeed'", "did you mean seed?"),
        ("seed: -1\n", "1:7", "seed must be a whole number from 0 to 18446744073709551615", nil),
        ("experiments:\n  saturaton: {}\n", "2:3", "unknown experiment 'saturaton'", "did you mean saturation?"),
        ("experiments:\n  saturation:\n    unts: 3\n", "3:5", "unknown parameter of experiments.saturation 'unts'", "did you mean units?"),
        ("experiments:\n  saturation:\n    units: 0\n", "3:12", "experiments.saturation.units: 0 is outside 1 to 4096", nil),
        ("experiments:\n  saturation:\n    units: 3.5\n", "3:12", "experiments.saturation.units must be a whole number, not 3.5", nil),
        ("experiments:\n  saturation:\n    units: \"64\"\n", "3:12", "experiments.saturation.units must be a number, not 64", nil),
        ("experiments:\n  saturation:\n    fan_ins: 7\n", "3:14", "experiments.saturation.fan_ins must be a list, written [a, b, c]", nil),
        (
            "experiments:\n  saturation:\n    false_alarm_rate: .nan\n", "3:23",
            "experiments.saturation.false_alarm_rate must be a finite number, not .nan", nil
        ),
        (
            "experiments:\n  saturation:\n    fan_ins: [1, 100000000]\n", "3:18",
            "experiments.saturation.fan_ins[1]: 100000000 is outside 1 to 1048576", nil
        ),
        (
            "experiments:\n  saturation:\n    fan_ins: [1048576]\n    units: 4096\n", "3:14",
            "experiments.saturation.fan_ins: the largest fan-in with these units and batch needs 16641 MiB per layer; keep it under 1 GiB",
            nil
        ),
        ("seed: [1\n", "2:1", "YAML syntax error: did not find expected ',' or ']'", nil),
        ("- a\n- b\n", "1:1", "the configuration must be a mapping of keys (seed, profile, course, experiments)", nil),
    ])
    func badInputIsLocated(_ yaml: String, _ position: String, _ message: String, _ hint: String?) {
        #expect {
            _ = try load(yaml)
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.location.hasSuffix(".yml:\(position)") && error.message == message && error.hint == hint
        }
    }

    @Test func settingNamesAreChecked() {
        #expect {
            _ = try load("experiments:\n  saturation:\n    settings: [standardised, standardized]\n")
        } throws: { error in
            guard let error = error as? LocatedError else { return false }
            return error.location.hasSuffix(":3:30") && error.message == "experiments.saturation.settings[1]: invalid value 'standardized'"
        }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: LocatedError.self) { try BuildConfiguration(path: "/nonexistent/course.yml") }
    }
}
