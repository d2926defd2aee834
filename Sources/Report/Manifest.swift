import Experiments
import Foundation
import TextSupport

/// `data/manifest.json`: every figure, named number and check of the build, for machines.
struct Manifest: Encodable {
    struct FigureEntry: Encodable {
        let id: String
        let title: String
        let caption: String
        let alt: String
        let files: [String: String]
    }

    let generator: String
    let profile: String
    let seed: UInt64
    let figures: [FigureEntry]
    let numbers: [String: Double]
    let checks: [Check]

    func json() throws(LocatedError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw LocatedError("data/manifest.json", "cannot encode the manifest: \(error)")
        }
    }
}
