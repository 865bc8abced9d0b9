import Foundation

/// The links of the site, each made from its route in ``Route``'s table, so that a link cannot
/// point where no route answers.
enum SitePath {
    static let portfolio = Route.portfolio.path()
    static let map = Route.map.path()
    static let health = Route.health.path()
    /// Answers while the process lives.
    static let liveness = Route.liveness.path()
    /// Answers 200 only while the database answers and its schema is current.
    static let readiness = Route.readiness.path()
    /// Kembar's own style sheets and script, served from its resources.
    static let staticFiles = "/static"
    static let newPartnership = Route.newPartnership.path()
    static let importList = Route.importList.path()
    static let directory = Route.directory.path()
    static let national = Route.national.path()
    static let mailPreferences = Route.mailPreferences.path()
    static let forgotPassword = Route.forgotPassword.path()

    static func accountLink(_ token: String) -> String { Route.accountLink.path(token) }

    /// The one-click unsubscribe, outside the route table: a mail program's POST carries no form token.
    static let unsubscribePattern = "/unsubscribe/{token}"

    static func unsubscribe(_ token: String) -> String { "/unsubscribe/" + token.addingPercentEncodingForPath() }

    static func provinceOverview(_ organization: String) -> String { Route.provinceOverview.path(organization) }

    /// The yearly compilation of the nation's governments (`province` nil) or of a province's.
    static func compilation(province: String?, year: Int, format: String = "html") -> String {
        let path =
            province.map { Route.provinceCompilation.path($0, String(year)) }
            ?? Route.nationalCompilation.path(String(year))
        return format == "html" ? path : path + "?format=" + format
    }

    /// The directory's twins of a city: its name and country in the query, every byte but ASCII
    /// letters and digits percent-encoded.
    static func directory(searching name: String, in country: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        let encoded = name.utf8.map { plain.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
            .joined()
        return directory + "?q=" + encoded + "&country=" + country
    }
    static let importTemplate = Route.importTemplate.path()

    static func importPreview(_ organization: String, _ upload: String) -> String {
        Route.importPreview.path(organization, upload)
    }

    /// A government's record as an XLSX workbook in the import template's shape.
    static func recordWorkbook(_ organization: String) -> String { Route.recordWorkbook.path(organization) }
    static let home = Route.portfolio.path()
    static let signIn = Route.signIn.path()
    static let signOut = Route.signOut.path()
    static let password = Route.password.path()
    static let accounts = Route.accounts.path()
    static let newAccount = Route.newAccount.path()
    static let publicHome = Route.publicHome.path()
    static let search = Route.search.path()
    static let evidence = Route.evidence.path()
    static let codeBook = Route.codeBook.path()
    static let codeBookQDC = Route.codeBookQDC.path()
    static let codeBookCSV = Route.codeBookCSV.path()
    static let projectExport = Route.projectExport.path()
    static let reports = Route.reports.path()
    /// One's own personal tokens, for the API and for calendar feeds.
    static let tokens = Route.tokens.path()
    /// Where the reports page's form goes; it answers with the chosen report's address.
    static let annualReportChoice = Route.annualReportChoice.path()

    static func revokeToken(_ id: Int) -> String { Route.revokeToken.path(String(id)) }

    /// A calendar feed opened by a calendar token: a government's, or one partnership's.
    static func calendarFeed(_ token: String, _ organization: String, _ partnership: String? = nil) -> String {
        guard let partnership else { return Route.calendarFeed.path(token, organization) }
        return Route.partnershipCalendarFeed.path(token, organization, partnership)
    }

    /// The public's calendar of a government's published activities to come.
    static func publicCalendar(_ organization: String) -> String { Route.publicCalendar.path(organization) }

    /// The partners of a government as GeoJSON, for maps.
    static func publicPartners(_ organization: String) -> String { Route.publicPartners.path(organization) }

    /// The yearly report to the Ministry: `html` (to read and print), `csv` or `xlsx`.
    static func annualReport(_ organization: String, year: Int, format: String) -> String {
        let route: Route =
            switch format {
            case "csv": .annualReportCSV
            case "xlsx": .annualReportXLSX
            default: .annualReportHTML
            }
        return route.path(organization, String(year))
    }

    /// The sign-in page, returning to `next` (a path of this site) afterwards.
    static func signIn(next: String) -> String {
        signIn + "?next=" + next.addingPercentEncodingForPath()
    }

    static func account(_ id: Int) -> String { Route.account.path(String(id)) }

    /// The audit log of one partnership.
    static func history(_ organization: String, _ id: String) -> String { Route.history.path(organization, id) }

    static func proposals(_ organization: String, _ id: String) -> String { Route.proposals.path(organization, id) }

    static func proposal(_ organization: String, _ id: String, _ proposal: Int) -> String {
        Route.proposal.path(organization, id, String(proposal))
    }

    static func submissions(_ organization: String, _ id: String) -> String {
        Route.submissions.path(organization, id)
    }

    static func submission(_ organization: String, _ id: String, _ submission: Int) -> String {
        Route.submission.path(organization, id, String(submission))
    }

    /// The activities a partner city's liaison has entered, with what became of each.
    static func contributions(_ organization: String, _ id: String) -> String {
        Route.contributions.path(organization, id)
    }

    /// Where a partner city's liaison enters an activity for confirmation.
    static func newSubmission(_ organization: String, _ id: String) -> String {
        Route.newSubmission.path(organization, id)
    }

    static func publicOrganization(_ organization: String) -> String { Route.publicOrganization.path(organization) }

    static func publicPartnership(_ organization: String, _ id: String) -> String {
        Route.publicPartnership.path(organization, id)
    }

    static func propose(_ organization: String, _ id: String) -> String { Route.propose.path(organization, id) }

    static func publicFeed(_ organization: String) -> String { Route.publicFeed.path(organization) }

    static func staticFile(_ name: String) -> String {
        "\(staticFiles)/\(name)"
    }

    static func partnership(_ organization: String, _ id: String) -> String { Route.partnership.path(organization, id) }

    /// The partnership's printable dossier.
    static func dossier(_ organization: String, _ id: String) -> String { Route.dossier.path(organization, id) }

    static func editPartnership(_ organization: String, _ id: String) -> String {
        Route.editPartnership.path(organization, id)
    }

    static func editPartner(_ organization: String, _ partnerID: String) -> String {
        Route.editPartner.path(organization, partnerID)
    }

    /// The form for a new record of a kind (`activities`, `agreements`, `obligations`, `stages`).
    static func newRecord(_ organization: String, _ partnershipID: String, _ kind: String) -> String {
        Route.newRecord.path(organization, partnershipID, kind)
    }

    /// The form for an existing record; stages, having no id, are named by their position.
    static func editRecord(_ organization: String, _ partnershipID: String, _ kind: String, _ id: String) -> String {
        Route.editRecord.path(organization, partnershipID, kind, id)
    }

    static func newDocument(_ organization: String, _ id: String) -> String { Route.newDocument.path(organization, id) }

    /// The upload form, with the document already belonging to one activity.
    static func newDocument(_ organization: String, _ id: String, forActivity activity: String) -> String {
        newDocument(organization, id) + "?activity=" + activity.addingPercentEncodingForPath()
    }

    /// A document's page: its text, its coded passages and the coding form.
    static func document(_ organization: String, _ id: String, _ document: String) -> String {
        Route.document.path(organization, id, document)
    }

    static func documentFile(_ organization: String, _ id: String, _ document: String) -> String {
        Route.documentFile.path(organization, id, document)
    }

    static func describeDocument(_ organization: String, _ id: String, _ document: String) -> String {
        Route.describeDocument.path(organization, id, document)
    }

    static func removeDocument(_ organization: String, _ id: String, _ document: String) -> String {
        Route.removeDocument.path(organization, id, document)
    }

    static func codings(_ organization: String, _ id: String, _ document: String) -> String {
        Route.codings.path(organization, id, document)
    }

    static func removeCoding(_ organization: String, _ id: String, _ document: String, _ excerpt: Int) -> String {
        Route.removeCoding.path(organization, id, document, String(excerpt))
    }

    /// A partnership's evidence: coded excerpts by element, the computed verdict and people's assessments.
    static func partnershipEvidence(_ organization: String, _ id: String) -> String {
        Route.partnershipEvidence.path(organization, id)
    }

    static func assessments(_ organization: String, _ id: String) -> String { Route.assessments.path(organization, id) }

    /// An anchor on the partnership page for a record, so indicators can link to what they used.
    static func anchor(_ kind: String, _ id: String) -> String {
        "\(kind)-"
            + String(
                id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
    }
}

extension String {
    func addingPercentEncodingForPath() -> String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
