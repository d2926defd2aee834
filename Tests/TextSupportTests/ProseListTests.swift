import Testing

@testable import TextSupport

@Suite struct ProseListTests {
    @Test func itemsReadAsASentenceListsThem() {
        #expect(proseList([]) == "")
        #expect(proseList(["a"]) == "a")
        #expect(proseList(["a", "b"]) == "a and b")
        #expect(proseList(["a", "b", "c"], conjunction: "or") == "a, b or c")
    }
}
