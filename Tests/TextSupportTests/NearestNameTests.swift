import Testing
import TextSupport

@Suite struct NearestNameTests {
    @Test func editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        #expect(editDistance("he-normal", "he-normal") == 0)
        // A swap of neighbours is one slip, not two substitutions.
        #expect(editDistance("alpah", "alpha") == 1)
        #expect(editDistance("rleu", "relu") == 1)
    }

    @Test func suggestsTheNearestCloseName() {
        #expect(nearestName(to: "he-norml", in: ["glorot-normal", "he-normal", "he-uniform"]) == "he-normal")
        #expect(nearestName(to: "saturaton", in: ["propagation", "saturation"]) == "saturation")
        #expect(nearestName(to: "alpah", in: ["alpha", "beta"]) == "alpha")
    }

    @Test func shortNamesNeedAnAlmostExactMatch() {
        #expect(nearestName(to: "bad", in: ["bar"]) == "bar")
        // Two edits turn any three letters into many words: no hint rather than a wrong one.
        #expect(nearestName(to: "xyz", in: ["xab"]) == nil)
    }

    @Test func aDifferentWordGetsNoSuggestion() {
        #expect(nearestName(to: "convergence", in: ["saturation", "propagation"]) == nil)
        #expect(nearestName(to: "anything", in: []) == nil)
    }

    @Test func tiesGoToTheLongerNameThenTheFirstAlphabeticallyWhateverTheOrder() {
        #expect(nearestName(to: "alignd", in: ["align", "aligned"]) == "aligned")
        #expect(nearestName(to: "alignd", in: ["aligned", "align"]) == "aligned")
        #expect(nearestName(to: "cat", in: ["cot", "cut"]) == "cot")
        #expect(nearestName(to: "cat", in: ["cut", "cot"]) == "cot")
    }
}
