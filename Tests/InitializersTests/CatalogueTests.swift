import Testing

@testable import Initializers

/// What the report reads from the catalogue is there for every rule, and consistent.
@Suite struct CatalogueTests {
    static let bibliographyKeys: Set = [
        "lecun1998", "glorot2010", "bengio2012", "he2015", "kumar2017", "saxe2014", "martens2010", "sutskever2013", "hinton2010",
        "mishkin2016",
    ]

    @Test(arguments: RuleID.allCases)
    func everyRuleIsDescribed(_ id: RuleID) {
        #expect(!id.displayName.isEmpty && !id.formula.isEmpty && !id.assumption.isEmpty && !id.useWith.isEmpty)
        #expect(id.citations.allSatisfy(Self.bibliographyKeys.contains))
        #expect(id.equivalents.map(\.library) == Library.allCases)
        #expect(id.equivalents.allSatisfy { !$0.note.isEmpty })
        #expect(Set(id.requiredParameters).isSubset(of: id.parameters))
        // A rule that needs data takes no option of `initlab sample`, which refuses it.
        #expect(id.parameters.contains(.gain) != id.needsData)
        #expect((id.varianceFormula == nil) == (id.varianceTeX == nil))
    }

    /// Braces and \left…\right pairs balance, so the TeX-to-MathML converter can read it.
    @Test(arguments: RuleID.allCases)
    func texIsBalanced(_ id: RuleID) {
        for tex in [id.formulaTeX, id.varianceTeX].compactMap({ $0 }) {
            var depth = 0
            for character in tex {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
                #expect(depth >= 0, "\(tex)")
            }
            #expect(depth == 0, "\(tex)")
            #expect(tex.components(separatedBy: #"\left"#).count == tex.components(separatedBy: #"\right"#).count)
        }
    }

    /// The variance formula is stated exactly for the rules that have one: nil for those that
    /// draw nothing at random, and a value for the others.
    @Test(arguments: RuleID.dataFree)
    func varianceIsStatedWhereItExists(_ id: RuleID) throws {
        let rule = try Rule(id, bound: id == .uniform ? 1 : nil, value: id == .constant ? 1 : nil)
        #expect((rule.variance(for: Fans(fanIn: 20, fanOut: 30)) == nil) == (id.varianceFormula == nil))
    }

    /// Exactly the rules that draw from a normal take the distribution parameter.
    @Test(arguments: RuleID.dataFree)
    func distributionIsOfferedByTheNormalBasedRules(_ id: RuleID) throws {
        let rule = try Rule(id, bound: id == .uniform ? 1 : nil, value: id == .constant ? 1 : nil)
        let drawsNormals =
            switch rule.distribution(for: Fans(fanIn: 20, fanOut: 30)) {
            case .normal: true
            case .uniform, .truncatedNormal: false
            case nil: id == .sparse
            }
        #expect(id.parameters.contains(.distribution) == drawsNormals)
    }

    /// LSUV is documented with the rules but needs a network and data: building it as a
    /// data-free rule is refused with a reason, whatever the options.
    @Test func aRuleThatNeedsDataIsRefused() {
        #expect(RuleID.allCases.filter(\.needsData) == [.lsuv])
        #expect(throws: RuleError.needsData(.lsuv)) { try Rule(.lsuv) }
        #expect(throws: RuleError.needsData(.lsuv)) { try Rule(.lsuv, gain: 2) }
        #expect(RuleError.needsData(.lsuv).description.contains("needs a network and a batch of data"))
    }

    /// The rules that build their activation's factor in are those whose gain would otherwise
    /// count it twice.
    @Test func activationFactorsAreMarked() {
        #expect(RuleID.allCases.filter(\.includesActivationGain) == [.glorotUniformSigmoid, .heNormal, .heUniform, .kumar])
    }
}
