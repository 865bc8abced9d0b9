import Foundation

/// A column the spreadsheet import understands. Headers are recognised in Bahasa Indonesia and
/// English; a header it does not know is offered to the person, who chooses one of these or
/// `ignore`.
public enum ImportField: String, CaseIterable, Sendable {
    /// The row's running number (`No`): read to recognise the header, never stored.
    case number
    case partner
    case country
    /// The kind of cooperation (sister city, sister province, institution…).
    case kind
    /// The kind of the agreement (MoU, agreement, letter of intent…).
    case agreementType = "agreement-type"
    case signed
    case validUntil = "valid-until"
    case areas
    case notes
    /// An activity's title.
    case title
    case start
    case end
    case activityKind = "activity-kind"
    /// Whether an activity is published to citizens.
    case isPublic = "public"
    case ignore

    /// Headers known for each field, as match keys (see ``MatchKey``).
    static let headers: [String: ImportField] = {
        let written: [ImportField: [String]] = [
            .number: ["No", "No.", "Nomor", "Nomor Urut"],
            .partner: [
                "Nama Mitra", "Mitra", "Kota Mitra", "Partner", "Nama Kota Mitra", "Mitra Kerja Sama",
                "Mitra Kerjasama", "Partner city", "Partner name", "Nama Mitra Kerja Sama", "Kota/Provinsi Mitra",
            ],
            .country: ["Negara", "Country", "Negara Mitra", "Partner country"],
            .kind: [
                "Jenis", "Jenis Kerja Sama", "Jenis Kerjasama", "Kind", "Bentuk Kerja Sama", "Kind of cooperation",
                "Type of cooperation", "Kategori",
            ],
            .agreementType: ["Jenis Dokumen", "Dokumen", "Jenis Perjanjian", "Agreement type", "Document", "Type"],
            .signed: [
                "Tanggal Penandatanganan", "Tanggal MoU", "Signed", "Tanggal Ditandatangani", "Date signed",
                "Tanggal Perjanjian", "Signed on", "Tanggal Tanda Tangan",
            ],
            .validUntil: ["Berlaku Sampai", "Masa Berlaku", "Valid until", "Berakhir", "Expires", "Berlaku Hingga"],
            .areas: ["Bidang", "Bidang Kerja Sama", "Bidang Kerjasama", "Areas", "Area", "Ruang Lingkup", "Scope"],
            .notes: ["Keterangan", "Notes", "Catatan", "Note", "Remarks"],
            .title: ["Kegiatan", "Nama Kegiatan", "Judul", "Judul Kegiatan", "Title", "Activity"],
            .start: ["Tanggal Mulai", "Mulai", "Start", "Tanggal Kegiatan", "Waktu", "Tanggal Pelaksanaan", "Date"],
            .end: ["Tanggal Selesai", "Selesai", "End", "Sampai"],
            .activityKind: ["Jenis Kegiatan", "Activity kind", "Kind of activity"],
            .isPublic: ["Publikasi", "Dipublikasikan", "Public", "Published", "Terbuka untuk Publik"],
        ]
        var headers: [String: ImportField] = [:]
        for (field, names) in written {
            for name in names { headers[headerKey(name)] = field }
        }
        // A header of punctuation alone has no key; `#` is looked up as written.
        headers["#"] = .number
        return headers
    }()

    /// The field a header names, if Kembar knows it. `Jenis` alone means the kind of the row's
    /// own thing: of cooperation on a list of partnerships, of activity on a list of activities.
    static func named(_ header: String, on kind: ImportSheetKind) -> ImportField? {
        let key = headerKey(header)
        guard let field = headers[key.isEmpty ? header.trimmingCharacters(in: .whitespaces) : key] else { return nil }
        if kind == .activities && field == .kind && key == "jenis" { return .activityKind }
        if kind == .agreements && field == .kind && key == "jenis" { return .agreementType }
        return field
    }

    /// Headers compare without case, accents, punctuation or spaces: `Tanggal MoU`, `TANGGAL_MOU`
    /// and `TanggalMoU` are one header.
    private static func headerKey(_ header: String) -> String {
        MatchKey.of(header).replacingOccurrences(of: " ", with: "")
    }

    /// The fields a sheet of `kind` reads; a known header outside these is ignored there.
    public static func used(on kind: ImportSheetKind) -> Set<ImportField> {
        switch kind {
        case .partnerships: [.number, .partner, .country, .kind, .agreementType, .signed, .validUntil, .areas, .notes]
        case .agreements: [.number, .partner, .country, .kind, .agreementType, .signed, .validUntil, .areas]
        case .activities: [.number, .partner, .country, .kind, .title, .start, .end, .activityKind, .areas, .isPublic]
        }
    }
}

/// What a sheet lists, told by its headers and name.
public enum ImportSheetKind: String, Sendable, CaseIterable {
    case partnerships
    case agreements
    case activities
}
