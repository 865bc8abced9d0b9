import KembarCore
import KembarTestSupport
import Testing

/// What the import makes of a list, and what it leaves alone in the record.
@Suite struct SpreadsheetImportTests {
    static let organization = Organization(
        id: "kota", name: "Pemerintah Kota Contoh", place: Place(name: "Contoh", country: "ID"))

    /// A sheet from rows of text, numbered from 1.
    static func sheet(name: String = "Daftar", _ rows: [[String]]) -> Sheet {
        Sheet(
            name: name,
            rows: rows.enumerated().compactMap { index, cells in
                let row = SheetRow(number: index + 1, cells: cells.map(Cell.init(text:)))
                return row.isEmpty ? nil : row
            })
    }

    static func plan(_ sheets: [Sheet], existing: [Partnership] = [], choices: [String: [Int: ImportField]] = [:])
        -> ImportPlan
    {
        SpreadsheetImport(
            organization: organization, existing: existing, partners: existing.map { ($0.id, $0.partner) },
            fileName: "daftar.xlsx"
        ).plan(Spreadsheet(sheets: sheets), choices: choices)
    }

    static let header = [
        "No", "Nama Mitra", "Negara", "Jenis Kerja Sama", "Tanggal Penandatanganan", "Berlaku Sampai",
        "Bidang Kerja Sama", "Keterangan",
    ]

    @Test func theHeaderIsFoundUnderTitleRowsAndEachRowBecomesAPartnership() throws {
        let plan = Self.plan([
            Self.sheet([
                ["DAFTAR KERJA SAMA LUAR NEGERI PEMERINTAH KOTA CONTOH"], [], Self.header,
                [
                    "1", "Liuzhou", "Tiongkok", "Kota Kembar", "21 September 2006", "", "Pendidikan; Lingkungan Hidup",
                    "",
                ],
                ["2", "Namur", "Belgia", "Kota Kembar", "April 2024", "", "", "Penjajakan"],
                ["3", "Fort Worth", "US", "Sister city", "2005", "", "Ekonomi\nKesehatan", ""],
            ])
        ])
        #expect(plan.problems.isEmpty)
        #expect(plan.layouts.map(\.headerRow) == [3])
        #expect(plan.partnerships.map(\.action) == [.create, .create, .create])
        let liuzhou = plan.partnerships[0].partnership
        #expect(liuzhou.id == "contoh-liuzhou")
        #expect(liuzhou.partner == Partner(name: "Liuzhou", country: "CN", kind: .city))
        #expect(liuzhou.agreements.map(\.signed.description) == ["2006-09-21"])
        #expect(liuzhou.agreements[0].areas == ["education-culture", "environment-urban"])
        // Dates keep the precision they were written with.
        #expect(plan.partnerships[1].partnership.agreements.map(\.signed.description) == ["2024-04"])
        #expect(plan.partnerships[2].partnership.agreements.map(\.signed.description) == ["2005"])
        #expect(plan.partnerships[2].partnership.agreements[0].areas == ["economy", "health"])
        let notes = try #require(plan.partnerships[1].partnership.documents.first)
        #expect(notes.title == "Keterangan")
        #expect(notes.text == "Penjajakan")
        #expect(notes.source == "daftar.xlsx, Daftar 5")
    }

    @Test func headersAreMatchedWhateverTheirCaseSpacingAndLanguage() {
        let plan = Self.plan([
            Self.sheet([
                ["  PARTNER ", "country", "KIND", "signed", "Valid   until", "AREAS", "notes", "TanggalMoU"],
                ["Suwon", "South Korea", "sister city", "26/06/2019", "5 years", "education", ""],
            ])
        ])
        #expect(plan.problems.isEmpty)
        #expect(plan.layouts.first?.unknownHeaders.isEmpty == true)
        let agreement = plan.partnerships.first?.partnership.agreements.first
        #expect(agreement?.validUntil?.description == "2024-06-26")
        #expect(plan.partnerships.first?.partnership.partner.country == "KR")
    }

    @Test func anUnknownHeaderIsOfferedAndTheChosenFieldIsRead() {
        let rows = [
            ["Mitra", "Negara", "Jenis", "Catatan Khusus"], ["Liuzhou", "CN", "Kota Kembar", "Sudah lama diam"],
        ]
        let unchosen = Self.plan([Self.sheet(rows)])
        #expect(unchosen.layouts.first?.unknownHeaders == [3: "Catatan Khusus"])
        #expect(unchosen.partnerships.first?.partnership.documents.isEmpty == true)
        let chosen = Self.plan([Self.sheet(rows)], choices: ["Daftar": [3: .notes]])
        #expect(chosen.partnerships.first?.partnership.documents.first?.text == "Sudah lama diam")
        #expect(chosen.partnerships.first?.partnership.documents.first?.title == "Catatan Khusus")
    }

    @Test func anImpossibleDateIsAnErrorNamingItsCell() {
        let plan = Self.plan([
            Self.sheet([Self.header, ["1", "Liuzhou", "Tiongkok", "Kota Kembar", "30/02/2019", "", "", ""]])
        ])
        #expect(
            plan.problems == [
                ImportProblem(sheet: "Daftar", row: 2, column: "E", value: "30/02/2019", reason: .impossibleDate)
            ])
        #expect(plan.hasErrors)
        #expect(plan.partnerships.isEmpty)
    }

    @Test func badValuesAreErrorsWithTheirCells() {
        let plan = Self.plan([
            Self.sheet([
                Self.header,
                ["1", "Atlantis", "Atlantika", "Kota Kembar", "2006", "", "", ""],
                ["2", "Liuzhou", "CN", "Kota Serumpun", "tahun lalu", "", "", ""],
                ["3", "", "CN", "Kota Kembar", "", "", "", ""],
                ["4", "Suwon", "KR", "Kota Kembar", "2010", "2009", "", ""],
            ])
        ])
        #expect(
            plan.problems.map(\.place) == ["Daftar!C2", "Daftar!D3", "Daftar!E3", "Daftar!B4", "Daftar!F5"])
        #expect(
            plan.problems.map(\.reason) == [
                .unknownCountry, .unknownKind, .malformedDate, .missing(.partner), .endsBeforeStart,
            ])
        #expect(plan.problems[0].value == "Atlantika")
    }

    @Test func anAreaKembarDoesNotKnowIsANoticeAndRecordedAsOther() {
        let plan = Self.plan([
            Self.sheet([Self.header, ["1", "Liuzhou", "CN", "Kota Kembar", "2006", "", "Pertanian, Pendidikan", ""]])
        ])
        #expect(!plan.hasErrors)
        #expect(plan.problems.map(\.reason) == [.unknownArea("Pertanian")])
        #expect(plan.partnerships.first?.partnership.agreements.first?.areas == ["education-culture", "other"])
    }

    @Test func aPartnerInTheRecordGetsOnlyWhatTheRecordLacks() throws {
        var builder = RecordBuilder()
        builder.partnership = Partnership(
            id: "contoh-liuzhou", kind: .sisterCity, partner: Partner(name: "Liuzhou", country: "CN", kind: .city))
        builder.agreement("mou-2006", signed: "2006-09-21", areas: [])
        builder.agreement("loi-2004", signed: "2004", until: "2005", areas: ["economy"], type: .loi)
        let existing = builder.partnership
        let plan = Self.plan(
            [
                Self.sheet([
                    Self.header,
                    ["1", "LIUZHOU", "China", "Kota Kembar", "2006-09", "2011", "Pendidikan", "JWG tidak bertemu"],
                    ["2", "Liuzhou", "CN", "Kota Kembar", "2004", "2006", "Kesehatan", ""],
                ])
            ], existing: [existing])
        #expect(plan.problems.isEmpty)
        let planned = try #require(plan.partnerships.first)
        #expect(plan.partnerships.count == 1)
        #expect(planned.action == .fill)
        let mou = try #require(planned.partnership.agreements.first { $0.id == "mou-2006" })
        #expect(mou.signed.description == "2006-09-21")  // the record's more precise day is kept
        #expect(mou.validUntil?.description == "2011")
        #expect(mou.areas == ["education-culture"])
        let loi = try #require(planned.partnership.agreements.first { $0.id == "loi-2004" })
        #expect(loi.validUntil?.description == "2005")  // never overwritten
        #expect(loi.areas == ["economy"])
        #expect(planned.partnership.agreements.count == 2)
        #expect(planned.leftAlone.count == 2)
        #expect(planned.filled.count == 2)
        #expect(planned.added == [.notes("JWG tidak bertemu")])
    }

    @Test func importingTheSameListAgainChangesNothing() {
        let sheets = [
            Self.sheet([
                Self.header, ["1", "Liuzhou", "CN", "Kota Kembar", "2006", "2011", "Pendidikan", "Catatan"],
            ]),
            Self.sheet(
                name: "Kegiatan",
                [
                    ["Nama Mitra", "Negara", "Nama Kegiatan", "Tanggal Mulai", "Jenis", "Publikasi"],
                    ["Liuzhou", "CN", "Kunjungan delegasi", "12 Mei 2010", "Kunjungan", "ya"],
                ]),
        ]
        let first = Self.plan(sheets)
        #expect(first.problems.isEmpty)
        #expect(first.partnerships.first?.partnership.activities.map(\.id) == ["kunjungan-delegasi-2010"])
        #expect(first.partnerships.first?.partnership.activities.first?.isPublic == true)
        #expect(first.partnerships.first?.partnership.activities.first?.kind == .visit)
        let second = Self.plan(sheets, existing: first.partnerships.map(\.partnership))
        #expect(second.changed.isEmpty)
        #expect(second.partnerships.map(\.action) == [.unchanged])
    }

    @Test func agreementsAndActivitiesNeedTheirPartnership() {
        let plan = Self.plan([
            Self.sheet(
                name: "Perjanjian",
                [
                    ["Nama Mitra", "Negara", "Jenis", "Tanggal Penandatanganan"], ["Suwon", "KR", "Adendum", "2015"],
                ]),
            Self.sheet(
                name: "Kegiatan",
                [
                    ["Nama Mitra", "Negara", "Kegiatan", "Mulai"], ["Suwon", "KR", "Festival", "2016"],
                ]),
        ])
        #expect(plan.layouts.map(\.kind) == [.agreements, .activities])
        #expect(
            plan.problems.map(\.reason) == [
                .noPartnership(partner: "Suwon", country: "KR"), .noPartnership(partner: "Suwon", country: "KR"),
            ])
    }

    @Test func theTemplatesExampleRowIsNotData() {
        let plan = Self.plan([
            Self.sheet([Self.header, ["Contoh / Example", "Liuzhou", "CN", "Kota Kembar", "2006", "", "", ""]])
        ])
        #expect(plan.partnerships.isEmpty)
        #expect(plan.problems.isEmpty)
    }

    @Test func aSheetWithoutAPartnerColumnIsAnError() {
        let plan = Self.plan([Self.sheet([["Nama", "Alamat"], ["Budi", "Jalan Asia Afrika"]])])
        #expect(plan.problems.map(\.reason) == [.noHeader])
        #expect(plan.sheetsWithoutHeader == ["Daftar"])
    }

    @Test func areasAreReadByIdLabelOrAWordOfOneLabel() {
        let vocabulary = ImportVocabulary.standard
        #expect(vocabulary.areas("economy; Kesehatan").ids == ["economy", "health"])
        #expect(vocabulary.areas("Lingkungan Hidup").ids == ["environment-urban"])
        #expect(vocabulary.areas("Pendidikan dan Kebudayaan").ids == ["education-culture"])
        #expect(vocabulary.areas("tata kelola pemerintahan").ids == ["governance"])
        #expect(vocabulary.areas("Pertanian").unknown == ["Pertanian"])
        #expect(vocabulary.country("Tiongkok") == "CN")
        #expect(vocabulary.country("korea selatan") == "KR")
        #expect(vocabulary.country("Belgique") == "BE")
        #expect(vocabulary.country("it") == "IT")
        #expect(vocabulary.country("Narnia") == nil)
    }
}
