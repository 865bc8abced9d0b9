import KembarCore
import Testing

@Suite struct SlugTests {
    @Test func keepsTheASCIIWordsLowerCasedAndHyphenated() {
        #expect(Slug.make("Rapat Kelompok Kerja Bersama, 2026!", maxLength: 60) == "rapat-kelompok-kerja-bersama-2026")
        #expect(Slug.make("  Fort   Worth ", maxLength: 60) == "fort-worth")
    }

    @Test func dropsOtherScriptsAndSaysSoWhenNothingIsLeft() {
        #expect(Slug.make("Liuzhou 柳州市", maxLength: 60) == "liuzhou")
        #expect(Slug.make("柳州市", maxLength: 60) == nil)
        #expect(Slug.make("", maxLength: 60) == nil)
    }

    @Test func staysWithinItsLengthWithoutATrailingHyphen() {
        #expect(Slug.make("abcd efgh", maxLength: 5) == "abcd")
        #expect(Slug.make("abcd efgh", maxLength: 7) == "abcd-ef")
    }

    @Test func findsTheFirstUnusedNumberedVariant() {
        #expect(Slug.unused("visit", avoiding: []) == "visit")
        #expect(Slug.unused("visit", avoiding: ["visit", "visit-2"]) == "visit-3")
        #expect(Slug.unused("visit", avoiding: ["visit-2"]) == "visit")
    }
}
