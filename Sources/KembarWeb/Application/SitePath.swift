/// Every path the site serves, so that routes and links cannot drift apart.
enum SitePath {
    static let portfolio = "/"
    static let map = "/map"
    static let health = "/health"
    /// Answers while the process lives.
    static let liveness = "/healthz"
    /// Answers 200 only while the database answers and its schema is current.
    static let readiness = "/readyz"
    static let staticFiles = "/static"
    static let newPartnership = "/partnerships/new"
    static let home = "/"
    static let signIn = "/sign-in"
    static let signOut = "/sign-out"
    static let password = "/account/password"
    static let accounts = "/admin/accounts"
    static let newAccount = "/admin/accounts/new"
    static let publicHome = "/public"
    static let search = "/search"
    static let evidence = "/evidence"
    static let codeBook = "/codebook"
    static let codeBookQDC = "/codebook.qdc"
    static let codeBookCSV = "/codebook.csv"
    static let projectExport = "/evidence/project.qdpx"
    static let reports = "/reports"
    /// One's own personal tokens, for the API and for calendar feeds.
    static let tokens = "/account/tokens"

    static func revokeToken(_ id: Int) -> String {
        "\(tokens)/\(id)/revoke"
    }

    /// A calendar feed opened by a calendar token: a government's, or one partnership's.
    static func calendarFeed(_ token: String, _ organization: String, _ partnership: String? = nil) -> String {
        "/feeds/\(escape(token))/\(escape(organization))" + (partnership.map { "/\(escape($0))" } ?? "")
            + "/calendar.ics"
    }

    /// The public's calendar of a government's published activities to come.
    static func publicCalendar(_ organization: String) -> String {
        publicOrganization(organization) + "/calendar.ics"
    }

    /// The partners of a government as GeoJSON, for maps.
    static func publicPartners(_ organization: String) -> String {
        publicOrganization(organization) + "/partners.geojson"
    }
    /// Where the reports page's form goes; it answers with the chosen report's address.
    static let annualReportChoice = "/reports/annual"

    /// The yearly report to the Ministry: `html` (to read and print) or `csv`.
    static func annualReport(_ organization: String, year: Int, format: String) -> String {
        "\(reports)/\(escape(organization))/annual/\(year).\(format)"
    }

    /// The sign-in page, returning to `next` (a path of this site) afterwards.
    static func signIn(next: String) -> String {
        signIn + "?next=" + next.addingPercentEncodingForPath()
    }

    static func account(_ id: Int) -> String {
        "\(accounts)/\(id)"
    }

    /// The audit log of one partnership.
    static func history(_ organization: String, _ id: String) -> String {
        "/history/\(escape(organization))/\(escape(id))"
    }

    static func proposals(_ organization: String, _ id: String) -> String {
        "/review/\(escape(organization))/\(escape(id))/proposals"
    }

    static func proposal(_ organization: String, _ id: String, _ proposal: Int) -> String {
        proposals(organization, id) + "/\(proposal)"
    }

    static func submissions(_ organization: String, _ id: String) -> String {
        "/review/\(escape(organization))/\(escape(id))/partner-activities"
    }

    static func submission(_ organization: String, _ id: String, _ submission: Int) -> String {
        submissions(organization, id) + "/\(submission)"
    }

    /// The activities a partner city's liaison has entered, with what became of each.
    static func contributions(_ organization: String, _ id: String) -> String {
        "/contribute/\(escape(organization))/\(escape(id))/activities"
    }

    /// Where a partner city's liaison enters an activity for confirmation.
    static func newSubmission(_ organization: String, _ id: String) -> String {
        "/contribute/\(escape(organization))/\(escape(id))/activities/new"
    }

    static func publicOrganization(_ organization: String) -> String {
        "\(publicHome)/\(escape(organization))"
    }

    static func publicPartnership(_ organization: String, _ id: String) -> String {
        publicOrganization(organization) + "/partnerships/\(escape(id))"
    }

    static func propose(_ organization: String, _ id: String) -> String {
        publicPartnership(organization, id) + "/propose"
    }

    static func publicFeed(_ organization: String) -> String {
        publicOrganization(organization) + "/feed.atom"
    }

    static func staticFile(_ name: String) -> String {
        "\(staticFiles)/\(name)"
    }

    static func partnership(_ organization: String, _ id: String) -> String {
        "/partnerships/\(escape(organization))/\(escape(id))"
    }

    /// The partnership's printable dossier.
    static func dossier(_ organization: String, _ id: String) -> String {
        partnership(organization, id) + "/dossier"
    }

    static func editPartnership(_ organization: String, _ id: String) -> String {
        partnership(organization, id) + "/edit"
    }

    static func editPartner(_ organization: String, _ partnerID: String) -> String {
        "/partners/\(escape(organization))/\(escape(partnerID))/edit"
    }

    /// The form for a new record of a kind (`activities`, `agreements`, `obligations`, `stages`).
    static func newRecord(_ organization: String, _ partnershipID: String, _ kind: String) -> String {
        partnership(organization, partnershipID) + "/\(kind)/new"
    }

    /// The form for an existing record; stages, having no id, are named by their position.
    static func editRecord(_ organization: String, _ partnershipID: String, _ kind: String, _ id: String) -> String {
        partnership(organization, partnershipID) + "/\(kind)/\(escape(id))/edit"
    }

    static func newDocument(_ organization: String, _ id: String) -> String {
        partnership(organization, id) + "/documents/new"
    }

    /// The upload form, with the document already belonging to one activity.
    static func newDocument(_ organization: String, _ id: String, forActivity activity: String) -> String {
        newDocument(organization, id) + "?activity=" + escape(activity)
    }

    /// A document's page: its text, its coded passages and the coding form.
    static func document(_ organization: String, _ id: String, _ document: String) -> String {
        partnership(organization, id) + "/documents/\(escape(document))"
    }

    static func documentFile(_ organization: String, _ id: String, _ document: String) -> String {
        self.document(organization, id, document) + "/file"
    }

    static func describeDocument(_ organization: String, _ id: String, _ document: String) -> String {
        self.document(organization, id, document) + "/edit"
    }

    static func removeDocument(_ organization: String, _ id: String, _ document: String) -> String {
        self.document(organization, id, document) + "/remove"
    }

    static func codings(_ organization: String, _ id: String, _ document: String) -> String {
        self.document(organization, id, document) + "/codings"
    }

    static func removeCoding(_ organization: String, _ id: String, _ document: String, _ excerpt: Int) -> String {
        codings(organization, id, document) + "/\(excerpt)/remove"
    }

    /// A partnership's evidence: coded excerpts by element, the computed verdict and people's assessments.
    static func partnershipEvidence(_ organization: String, _ id: String) -> String {
        "\(evidence)/\(escape(organization))/\(escape(id))"
    }

    static func assessments(_ organization: String, _ id: String) -> String {
        partnershipEvidence(organization, id) + "/assessments"
    }

    /// An anchor on the partnership page for a record, so indicators can link to what they used.
    static func anchor(_ kind: String, _ id: String) -> String {
        "\(kind)-"
            + String(
                id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
    }

    /// Percent-encodes a path segment.
    static func escape(_ segment: String) -> String {
        segment.addingPercentEncodingForPath()
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
