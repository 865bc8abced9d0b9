import Foundation
import Testing

@testable import KembarDocuments

@Suite struct DocumentIntakeTests {
    let intake = DocumentIntake(pdf: PDFText(program: nil))

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    @Test func plainTextIsTakenAsUTF8WithLineEndsNormalised() async throws {
        let document = try await intake.read(
            name: "catatan.txt", bytes: Array("\u{FEFF}Rapat pertama\r\nKota Bandung\u{07}\r\n".utf8))
        #expect(document == ExtractedDocument(format: .plainText, text: "Rapat pertama\nKota Bandung"))
    }

    @Test func textThatIsNotUTF8IsReadAsTheWindowsCodePage() async throws {
        let document = try await intake.read(name: "lama.txt", bytes: [0x43, 0x61, 0x66, 0xE9])
        #expect(document.text == "Café")
    }

    @Test func markdownIsKeptAsWritten() async throws {
        let document = try await intake.read(name: "rencana.md", bytes: Array("# Rencana\n\n- kunjungan".utf8))
        #expect(document == ExtractedDocument(format: .markdown, text: "# Rencana\n\n- kunjungan"))
    }

    @Test func htmlLosesItsTagsScriptsAndStylesButKeepsItsText() async throws {
        let html = """
            <!DOCTYPE html><html><head><title>Berita</title><style>p{color:red}</style></head>
            <body><h1>Kunjungan &amp; kerja sama</h1><script>alert("x")</script>
            <p>Delegasi   Liuzhou&nbsp;tiba.</p><p>Suhu 30&#176;C &#x2014; cerah</p></body></html>
            """
        let document = try await intake.read(name: "berita.html", bytes: Array(html.utf8))
        #expect(document.format == .html)
        #expect(document.text == "Berita\n\nKunjungan & kerja sama\n\nDelegasi Liuzhou tiba.\n\nSuhu 30°C — cerah")
    }

    @Test func htmlIsRecognisedByContentWhateverItsName() async throws {
        let document = try await intake.read(name: "unduhan", bytes: Array("<html><body><p>Isi</p></body></html>".utf8))
        #expect(document == ExtractedDocument(format: .html, text: "Isi"))
    }

    @Test func docxTextIsExtractedParagraphByParagraphWithoutDeletedText() async throws {
        let document = try await intake.read(name: "notulen.docx", bytes: try Self.fixture("minutes.docx"))
        #expect(document.format == .docx)
        #expect(
            document.text
                == "Notulen Kelompok Kerja Bersama\nKedua pihak sepakat bertemu setiap tahun.\nKolom\tsatu\nbaris & dua"
        )
    }

    @Test func pdfWithoutPdftotextIsKeptWithNoText() async throws {
        let document = try await intake.read(name: "laporan.pdf", bytes: try Self.fixture("visit-report.pdf"))
        #expect(document == ExtractedDocument(format: .pdf, text: nil))
    }

    @Test(.enabled(if: PDFText.installed().program != nil, "pdftotext is installed (CI installs poppler-utils)"))
    func pdfTextIsReadWithPdftotext() async throws {
        let document = try await DocumentIntake().read(name: "laporan.pdf", bytes: try Self.fixture("visit-report.pdf"))
        #expect(document == ExtractedDocument(format: .pdf, text: "Laporan kunjungan delegasi ke Liuzhou"))
    }

    @Test(.enabled(if: PDFText.installed().program != nil, "pdftotext is installed (CI installs poppler-utils)"))
    func aPDFThatPdftotextCannotReadIsCorrupt() async throws {
        var bytes = try Self.fixture("visit-report.pdf")
        bytes.replaceSubrange(9..<200, with: [UInt8](repeating: 0x20, count: 191))
        await #expect(throws: IntakeError.corrupt(.pdf)) {
            try await DocumentIntake().read(name: "laporan.pdf", bytes: bytes)
        }
    }

    @Test func emptyFilesAreRefused() async throws {
        await #expect(throws: IntakeError.empty) { try await intake.read(name: "kosong.txt", bytes: []) }
        await #expect(throws: IntakeError.empty) {
            try await intake.read(name: "spasi.txt", bytes: Array(" \n\t ".utf8))
        }
    }

    @Test func filesOverTheLimitAreRefused() async throws {
        let small = DocumentIntake(limits: IntakeLimits(maximumBytes: 10), pdf: PDFText(program: nil))
        await #expect(throws: IntakeError.tooLarge(limit: 10)) {
            try await small.read(name: "panjang.txt", bytes: Array("sebelas huruf".utf8))
        }
    }

    @Test func aNameThatClaimsAnotherFormatIsRefused() async throws {
        await #expect(throws: IntakeError.mislabelled(name: "laporan.docx", claimed: .docx, actual: .pdf)) {
            try await intake.read(name: "laporan.docx", bytes: try Self.fixture("visit-report.pdf"))
        }
        await #expect(throws: IntakeError.mislabelled(name: "foto.pdf", claimed: .pdf, actual: .image)) {
            try await intake.read(name: "foto.pdf", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])
        }
        await #expect(throws: IntakeError.mislabelled(name: "notulen.pdf", claimed: .pdf, actual: .text)) {
            try await intake.read(name: "notulen.pdf", bytes: Array("bukan PDF".utf8))
        }
    }

    @Test func unsupportedContentIsRefusedByWhatItIs() async throws {
        await #expect(throws: IntakeError.unsupported(.otherArchive)) {
            try await intake.read(name: "surat.odt", bytes: try Self.fixture("letter.odt"))
        }
        await #expect(throws: IntakeError.unsupported(.binary)) {
            try await intake.read(name: "data.bin", bytes: [0x00, 0x01, 0x02, 0x03])
        }
        await #expect(throws: IntakeError.unsupported(.legacyOffice)) {
            try await intake.read(name: "surat", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
        }
        await #expect(throws: IntakeError.unsupported(.otherArchive)) {
            try await intake.read(name: "arsip.zip", bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0])
        }
    }

    @Test func corruptFilesAreRefused() async throws {
        let docx = try Self.fixture("minutes.docx")
        await #expect(throws: IntakeError.corrupt(.docx)) {
            try await intake.read(name: "notulen.docx", bytes: Array(docx.prefix(docx.count / 2)))
        }
        // The compressed text damaged in place: the checksum no longer matches.
        var damaged = docx
        let start = try #require(Self.range(of: "word/document.xml", in: damaged)).upperBound
        for index in (start + 10)..<(start + 40) { damaged[index] ^= 0x55 }
        await #expect(throws: IntakeError.corrupt(.docx)) {
            try await intake.read(name: "notulen.docx", bytes: damaged)
        }
        let pdf = try Self.fixture("visit-report.pdf")
        await #expect(throws: IntakeError.corrupt(.pdf)) {
            try await intake.read(name: "laporan.pdf", bytes: Array(pdf.prefix(300)))
        }
    }

    @Test func aZipBombIsStoppedAtTheCeiling() async throws {
        let bomb = try Self.fixture("bomb.docx")
        let guarded = DocumentIntake(
            limits: IntakeLimits(maximumBytes: 1_000_000, maximumExpandedBytes: 1_000_000), pdf: PDFText(program: nil))
        await #expect(throws: IntakeError.expandsTooFar(limit: 1_000_000)) {
            try await guarded.read(name: "bom.docx", bytes: bomb)
        }
    }

    static func range(of needle: String, in bytes: [UInt8]) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
            .map { $0..<($0 + pattern.count) }
    }
}
