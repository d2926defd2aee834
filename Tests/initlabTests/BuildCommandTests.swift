import Foundation
import Scratch
import Testing

/// `initlab build` end to end. The site is the shared quick build's, which ran every experiment;
/// the other builds take a copy of its cache and run none.
@Suite struct BuildCommandTests {
    @Test func buildWritesTheWholeSite() throws {
        // The shared build throws unless its status was 0.
        let built = try QuickBuild.shared()
        #expect(built.outcome.stderr.isEmpty)
        let files = try Initlab.files(built.site)
        let figureIDs = [
            "saturation-logistic", "saturation-variance", "saturation-outside", "saturation-derivative",
            "propagation-forward", "propagation-backward", "propagation-batchnorm", "propagation-glorot-activations",
            "propagation-glorot-gradients", "propagation-relu-scale", "propagation-relu-distributions", "modes-tapering",
            "isometry-variance", "isometry-spectra", "isometry-qr-signs",
            "convergence-deep-relu", "convergence-tanh", "convergence-sigmoid", "convergence-deep-tanh", "convergence-symmetry",
            "convergence-bad-scale", "convergence-distance", "residual-depth", "residual-gradients", "layernorm-gradients",
            "bias-training", "meanfield-phase", "meanfield-correlation", "meanfield-trainability",
            "fluctuation-variance", "selu-attraction", "lsuv-variances", "lsuv-training",
        ]
        for id in figureIDs {
            for file in [
                "figures/\(id).svg", "figures/\(id).png", "figures/\(id).pdf", "figures/\(id).dark.svg", "figures/\(id).dark.png",
                "data/\(id).csv",
            ] {
                #expect(files[file].map { !$0.isEmpty } == true, "\(file)")
            }
        }
        #expect(
            files["data/saturation.csv"] != nil && files["data/propagation.csv"] != nil && files["data/propagation-histograms.csv"] != nil
                && files["data/convergence.csv"] != nil && files["data/fluctuation.csv"] != nil
                && files["data/fluctuation-layer.csv"] != nil)
        // The critical line of tanh: a header and σ_b² = 0, 0.2, …, 2.
        let criticality = String(decoding: files["data/criticality.csv"] ?? Data(), as: UTF8.self).split(separator: "\n")
        #expect(criticality.first == "activation,sigma_b2,sigma_w2_critical,q_star")
        #expect(criticality.dropFirst().count >= 11 && criticality.dropFirst().allSatisfy { $0.hasPrefix("tanh,") })
        #expect(files["style.css"] != nil)

        let page = String(decoding: files["index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<math"))
        #expect(page.contains("id=\"fig-saturation-variance\""))
        #expect(!page.contains("INITLABPIECE"))
        #expect(page.contains("href=\"figures/saturation-variance.pdf\""))

        let manifest = try JSONSerialization.jsonObject(with: files["data/manifest.json"] ?? Data()) as? [String: Any]
        let numbers = manifest?["numbers"] as? [String: Double] ?? [:]
        // σ′(x) = e^{−x}/(1 + e^{−x})², written out here independently of the program.
        #expect(abs((numbers["sigmoid_prime_at_2"] ?? 0) - exp(-2) / pow(1 + exp(-2), 2)) < 1e-15)
        #expect(abs((numbers["sigmoid_prime_at_10"] ?? 0) - exp(-10) / pow(1 + exp(-10), 2)) < 1e-19)
        let checks = manifest?["checks"] as? [[String: Any]] ?? []
        #expect(checks.count > 20)
        #expect(checks.allSatisfy { $0["passed"] as? Bool == true })
        #expect(checks.contains { ($0["id"] as? String)?.hasPrefix("saturation/variance/standardised") == true })
        let figures = manifest?["figures"] as? [[String: Any]] ?? []
        #expect(Set(figures.compactMap { $0["id"] as? String }) == Set(figureIDs))
        #expect(manifest?["generator"] as? String == "initlab 0.1.0")
        #expect(manifest?["seed"] as? Int == 1)
    }

    /// A rebuild with the same seed, its results from the cache, gives the bytes of the build
    /// that ran the experiments.
    @Test func sameSeedSameBytes() throws {
        let scratch = try ScratchFolder("initlab-same-bytes")
        defer { scratch.remove() }
        let cache = try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        let rebuilt = scratch.url.appendingPathComponent("site")
        let outcome = try Initlab.run(["build", "--profile", "quick", "--cache", cache.path, "--output", rebuilt.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("running"), "the rebuild ran an experiment: \(outcome.stderr)")
        let first = try Initlab.files(QuickBuild.site()), second = try Initlab.files(rebuilt)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between two builds") }
    }

    @Test(arguments: [
        (["build", "--profile", "huge"], "huge"),
        (["build", "--seed", "minus"], "seed"),
        (["bild"], "bild"),
        (["build", "--templates", "/nonexistent/templates"], "/nonexistent/templates"),
        (["build", "--paper", "letter"], "--paper sets the paper of handout.pdf, which only --pdf writes"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ mentioned: String) throws {
        let outcome = try Initlab.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(mentioned), "\(outcome.stderr)")
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let scratch = try ScratchFolder("initlab-replace")
        defer { scratch.remove() }
        let cache = try QuickBuild.copyOfTheCache(at: scratch.url.appendingPathComponent("cache"))
        let root = scratch.url.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        let precious = root.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: precious)
        let build = ["build", "--profile", "quick", "--cache", cache.path, "--output", root.path, "--quiet"]
        let outcome = try Initlab.run(build)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(root.path))
        #expect(try Initlab.files(root) == ["notes.txt": Data("keep".utf8)])
        #expect(outcome.stderr.contains("--force"))
        // Told to, it replaces the folder.
        let forced = try Initlab.run(build + ["--force"])
        #expect(forced.status == 0)
        #expect(try Initlab.files(root)["notes.txt"] == nil)
        #expect(try Initlab.files(root)["index.html"] != nil)
    }
}
