import Hummingbird
import KembarCore
import KembarDocuments

/// The import page: the template to download, and the form that takes the office's list.
struct ImportPageView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    /// What the last confirmed import wrote, said after it.
    struct Written {
        let message: String
        let portfolioHref: String

        init?(query: Parameters, words: Words) {
            guard let organization = query["organization"].map(String.init),
                let created = query["created"].flatMap({ Int($0) }), let filled = query["filled"].flatMap({ Int($0) })
            else { return nil }
            let unchanged = query["unchanged"].flatMap { Int($0) } ?? 0
            message = ImportReport.counts(created: created, filled: filled, unchanged: unchanged, written: true, words)
            portfolioHref = SitePath.portfolio + "?organization=" + organization.addingPercentEncodingForPath()
        }
    }

    let templateHref = SitePath.importTemplate
    let action = SitePath.importList
    let organizations: [Option]
    /// Sent as a hidden field when the account edits one government only.
    let singleOrganization: String?
    let written: Written?
    let error: String?
    let limit: String
    let accept = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"

    init(organizations: [Organization], chosen: String?, written: Written?, error: String?, words: Words) {
        self.organizations = organizations.map {
            Option(value: $0.id, label: $0.name, selected: $0.id == chosen)
        }
        singleOrganization = organizations.count == 1 ? organizations[0].id : nil
        self.written = written
        self.error = error
        limit = words.text(
            "import_limits",
            [
                "size": words.megabytes(SpreadsheetLimits.standard.maximumBytes),
                "rows": words.count(SpreadsheetLimits.standard.maximumRows),
            ])
    }
}
