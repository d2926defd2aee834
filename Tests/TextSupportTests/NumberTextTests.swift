import Testing
import TextSupport

@Suite struct NumberTextTests {
    @Test(arguments: [
        (0.10499358540350649, 6, "0.104994"),
        (4.5395807735951673e-05, 4, "4.540 × 10⁻⁵"),
        (2312.87, 4, "2313"),
        (22028.4, 5, "22\u{2009}028"),
        (-0.5773502691896257, 3, "\u{2212}0.577"),
        (9.9996, 4, "10.00"),
        (1.0 / 3, 3, "0.333"),
        (4.262e-12, 2, "4.3 × 10⁻¹²"),
        (0, 3, "0"),
        (256.0, 1, "256"),
        (1.0, 4, "1"),
        (-20.0, 2, "\u{2212}20"),
    ])
    func formats(_ value: Double, _ digits: Int, _ text: String) {
        #expect(NumberText.format(value, digits: digits) == text)
    }

    @Test func nonFiniteValuesAreNamed() {
        #expect(NumberText.format(.nan) == "NaN")
        #expect(NumberText.format(-.infinity) == "−∞")
    }
}

@Suite struct NumberTeXTests {
    @Test(arguments: [
        (4.5395807735951673e-05, 4, #"4.540 \times 10^{-5}"#),
        (22028.4, 5, #"22\,028"#),
        (-0.5773502691896257, 3, "-0.577"),
        (0.25, 2, "0.25"),
    ])
    func writesTeX(_ value: Double, _ digits: Int, _ tex: String) {
        #expect(NumberText.tex(value, digits: digits) == tex)
    }
}

@Suite struct SpelledCountTests {
    @Test(arguments: [
        (0, "zero"), (5, "five"), (13, "thirteen"), (20, "twenty"), (30, "thirty"), (42, "forty-two"), (99, "ninety-nine"), (100, "100"),
        (-3, "-3"),
    ])
    func countsUnderAHundredAreWords(_ count: Int, _ text: String) {
        #expect(NumberText.spelled(count) == text)
    }

    @Test func titlesStartWithACapital() {
        #expect(NumberText.spelled(30, capitalized: true) == "Thirty")
        #expect(NumberText.spelled(128, capitalized: true) == "128")
    }
}
