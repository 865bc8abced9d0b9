import Foundation
import KembarCore
import KembarTestSupport
import Testing

/// Finding quotes, keeping coded passages anchored, the code book, and the REFI-QDA documents.
@Suite struct EvidenceTests {
    @Test func aQuoteMatchesAcrossDifferentWhiteSpaceButNothingElse() {
        let text = "Kedua pihak sepakat\nbertemu  setiap tahun.\tSelesai."
        #expect(QuoteLocator.locate("sepakat bertemu setiap", in: text) == .success(12..<35))
        #expect(QuoteLocator.locate("  sepakat\r\n bertemu ", in: text) == .success(12..<27))
        #expect(QuoteLocator.locate("Sepakat bertemu", in: text) == .failure(.notFound))
        #expect(QuoteLocator.locate("sepakatbertemu", in: text) == .failure(.notFound))
        #expect(QuoteLocator.locate(" \n\t", in: text) == .failure(.empty))
    }

    @Test func positionsCountUnicodeScalarsAsREFIQDADoes() {
        let text = "柳州市 dan Bandung 🌏 bersaudara"
        guard case .success(let range) = QuoteLocator.locate("Bandung 🌏", in: text) else {
            Issue.record("not found")
            return
        }
        #expect(range == 8..<17)
        #expect(QuoteLocator.passage(range, of: text) == "Bandung 🌏")
        #expect(QuoteLocator.passage(30..<40, of: text) == nil)
    }

    @Test func aRepeatedQuoteIsAmbiguousUnlessItsStartIsGiven() {
        let text = "rapat tahunan; rapat tahunan; rapat tahunan"
        #expect(QuoteLocator.locate("rapat tahunan", in: text) == .failure(.ambiguous(count: 3)))
        #expect(QuoteLocator.locate("rapat tahunan", in: text, near: 15) == .success(15..<28))
        // A start that is not where the quote begins does not choose one.
        #expect(QuoteLocator.locate("rapat tahunan", in: text, near: 3) == .failure(.ambiguous(count: 3)))
    }

    static func excerpt(_ start: Int, _ end: Int, _ quote: String) -> CodedExcerpt {
        CodedExcerpt(
            id: 1, organizationID: "o", partnershipID: "p", documentID: "d", start: start, end: end, quote: quote,
            code: "C1", memo: "", codedBy: "a", codedAt: "2026-11-29T00:00:00Z")
    }

    @Test func aCodedPassageFollowsItsQuoteWhenTheTextChangesAroundIt() {
        let coded = Self.excerpt(6, 13, "tahunan")
        #expect(coded.anchored(in: "rapat tahunan") == coded)
        let moved = coded.anchored(in: "Notulen rapat tahunan")
        #expect(moved?.start == 14 && moved?.end == 21)
        #expect(coded.anchored(in: "rapat bulanan") == nil)
    }

    static func book() -> CodeBook {
        CodeBook(
            subCodes: [
                Code(
                    key: "C1/jwg", name: "JWG, \"minutes\"", description: "Line one\nline two", parent: "C1",
                    element: .commitment),
                Code(key: "C1/jwg/yearly", name: "Yearly", description: "", parent: "C1/jwg", element: .commitment),
            ], describe: { "about \($0)" })
    }

    @Test func theCodeBookPlacesSubCodesUnderTheirParents() {
        let book = Self.book()
        let keys = book.codes.map(\.key)
        #expect(keys.prefix(4) == ["commitment", "C1", "C1/jwg", "C1/jwg/yearly"])
        #expect(keys.count == 5 + 21 + 2)
        #expect(book.path(to: "C1/jwg/yearly").map(\.key) == ["commitment", "C1", "C1/jwg", "C1/jwg/yearly"])
        #expect(book.code("P2")?.description == "about P2")
        #expect(CodeBook.subCodeKey(name: "JWG!", parent: "C1", avoiding: Set(keys)) == "C1/jwg-2")
    }

    @Test func theCSVCodeBookQuotesWhatNeedsQuoting() {
        let lines = REFIQDACodeBook.csv(Self.book()).components(separatedBy: "\r\n")
        #expect(lines[0] == "tag,description")
        #expect(lines[1] == "commitment,about commitment")
        #expect(lines[3] == "\"commitment / C1 obligation fulfilment / JWG, \"\"minutes\"\"\",\"Line one\nline two\"")
        #expect(lines[4] == "\"commitment / C1 obligation fulfilment / JWG, \"\"minutes\"\" / Yearly\",")
    }

    /// Readable GUIDs for the assertions; `uuid` for the schema, which takes only UUIDs.
    static func readable(_ name: String) -> String { "g-\(name)" }

    /// A UUID made from a name (two FNV-1a hashes), stable within and across runs.
    @Sendable static func uuid(_ name: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            name.utf8.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        let hex = String(format: "%016llx%016llx", fnv(0xcbf2_9ce4_8422_2325), fnv(0x84222325_cbf29ce4))
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(Array(hex)[range])
        }
        return parts.joined(separator: "-")
    }

    static func project(excerpts: [CodedExcerpt], guid: @escaping @Sendable (String) -> String = readable)
        -> REFIQDAProject
    {
        var partnership = Partnership(
            id: "kota-mitra", kind: .sisterCity, partner: Partner(name: "Mitra & <Co>", country: "JP", kind: .city))
        partnership.documents = [
            Document(id: "d", title: "Notulen \"JWG\"", kind: .minutes, text: "rapat tahunan\u{0B} selesai"),
            Document(id: "scan", title: "Pindaian", kind: .letter),
        ]
        partnership.assessments = [
            Assessment(
                element: .commitment, status: .unmet, by: "Rina", date: try! PartialDate(parsing: "2026-11"),
                note: "Tidak pernah bertemu.", evidence: [Evidence(document: "d", quote: "tahunan")])
        ]
        return REFIQDAProject(
            name: "Kembar – Kota",
            cases: [
                .init(
                    organization: Organization(id: "o", name: "Kota", place: Place(name: "Kota", country: "ID")),
                    partnership: partnership, partnerName: partnership.partner.name)
            ], excerpts: excerpts, codeBook: book(), exportedAt: "2026-11-29T10:00:00Z", guid: guid)
    }

    @Test func theProjectHoldsCasesSourcesSelectionsAndNotesAndIsValidQDAXML() async throws {
        var coded = Self.excerpt(6, 13, "tahunan")
        coded.organizationID = "o"
        coded.partnershipID = "kota-mitra"
        coded.code = "C1/jwg"
        coded.memo = "janji <tahunan>"
        let files = Self.project(excerpts: [coded]).files()
        #expect(files.sources.map(\.path) == ["sources/g-source:o/kota-mitra/d.txt"])
        // Characters XML forbids become spaces in the source, one for one, so positions hold.
        #expect(files.sources[0].text == "rapat tahunan  selesai")
        let xml = files.project
        #expect(xml.contains("<Case guid=\"g-case:o/kota-mitra\" name=\"Kota – Mitra &amp; &lt;Co&gt;\">"))
        #expect(xml.contains("<SourceRef targetGUID=\"g-source:o/kota-mitra/d\"/>"))
        #expect(xml.contains("startPosition=\"6\" endPosition=\"13\""))
        #expect(xml.contains("<CodeRef targetGUID=\"g-code:C1/jwg\"/>"))
        #expect(xml.contains("<Description>janji &lt;tahunan&gt;</Description>"))
        #expect(xml.contains("<NoteRef targetGUID=\"g-note:o/kota-mitra/0\"/>"))
        #expect(xml.contains("originGUID=\"g-note:o/kota-mitra/0\" targetGUID=\"g-case:o/kota-mitra\""))
        #expect(!xml.contains("Pindaian"))
        try await REFIQDASchema.validate(Self.project(excerpts: [coded], guid: Self.uuid).files().project)
        // The .qdc's code tree is the project's: checked inside a project, the schema at hand.
        try await REFIQDASchema.validate(
            REFIQDACodeBook.document(Self.book(), guid: Self.uuid).replacing(
                "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Kembar\">",
                with: "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook>"
            ).replacing("</CodeBook>\n", with: "</CodeBook></Project>\n"))
    }

    @Test func aPassageNoLongerInTheTextIsLeftOut() async throws {
        var lost = Self.excerpt(0, 5, "bulan")
        lost.organizationID = "o"
        lost.partnershipID = "kota-mitra"
        let xml = Self.project(excerpts: [lost], guid: Self.uuid).files().project
        #expect(!xml.contains("<PlainTextSelection"))
        try await REFIQDASchema.validate(xml)
    }
}
