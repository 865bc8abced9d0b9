import HTTPTypes

/// Every page and form of the site, declared once: its path pattern, its methods and who may use
/// it. The router registers the table, links are made from it, and the access-matrix test walks
/// it, so that a route, its links and its boundary cannot drift apart. (The JSON API keeps its
/// own table, ``APIController/endpoints``, which the OpenAPI document describes.)
enum Route: String, CaseIterable, Sendable {
    case liveness, health, readiness
    case portfolio, map, search
    case signIn, signOut, password, tokens, revokeToken
    case accounts, newAccount, account
    case newPartnership, partnership, editPartnership, editPartner, newRecord, editRecord, dossier, history
    case newDocument, document, documentFile, describeDocument, removeDocument, codings, removeCoding
    case evidence, projectExport, partnershipEvidence, assessments, codeBook, codeBookQDC, codeBookCSV
    case reports, annualReportChoice, annualReportHTML, annualReportCSV, annualReportXLSX
    case proposals, proposal, submissions, submission, newSubmission, contributions
    case publicHome, publicOrganization, publicPartnership, propose, publicFeed, publicCalendar, publicPartners
    case calendarFeed, partnershipCalendarFeed
    case importList, importPreview, importTemplate, recordWorkbook
    case directory, national, provinceOverview, nationalCompilation, provinceCompilation
    case mailPreferences, forgotPassword, accountLink

    /// The path, with `{name}` for each parameter; the organization is always `{organization}` and
    /// the partnership `{partnership}`, which the route's access check reads.
    var pattern: String {
        recordPattern ?? publicPattern ?? sitePattern
    }

    /// The pages of a government's record: a partnership's, its records', documents', evidence's
    /// and reviews'.
    private var recordPattern: String? {
        let partnership = "/partnerships/{organization}/{partnership}"
        let document = partnership + "/documents/{document}"
        let review = "/review/{organization}/{partnership}"
        let contribute = "/contribute/{organization}/{partnership}/activities"
        switch self {
        case .partnership: return partnership
        case .editPartnership: return partnership + "/edit"
        case .editPartner: return "/partners/{organization}/{partner}/edit"
        case .newRecord: return partnership + "/{kind}/new"
        case .editRecord: return partnership + "/{kind}/{record}/edit"
        case .dossier: return partnership + "/dossier"
        case .history: return "/history/{organization}/{partnership}"
        case .newDocument: return partnership + "/documents/new"
        case .document: return document
        case .documentFile: return document + "/file"
        case .describeDocument: return document + "/edit"
        case .removeDocument: return document + "/remove"
        case .codings: return document + "/codings"
        case .removeCoding: return document + "/codings/{excerpt}/remove"
        case .partnershipEvidence: return "/evidence/{organization}/{partnership}"
        case .assessments: return "/evidence/{organization}/{partnership}/assessments"
        case .proposals: return review + "/proposals"
        case .proposal: return review + "/proposals/{proposal}"
        case .submissions: return review + "/partner-activities"
        case .submission: return review + "/partner-activities/{submission}"
        case .newSubmission: return contribute + "/new"
        case .contributions: return contribute
        default: return nil
        }
    }

    /// The public's pages and the calendar feeds.
    private var publicPattern: String? {
        let publicOrganization = "/public/{organization}"
        switch self {
        case .publicHome: return "/public"
        case .publicOrganization: return publicOrganization
        case .publicPartnership: return publicOrganization + "/partnerships/{partnership}"
        case .propose: return publicOrganization + "/partnerships/{partnership}/propose"
        case .publicFeed: return publicOrganization + "/feed.atom"
        case .publicCalendar: return publicOrganization + "/calendar.ics"
        case .publicPartners: return publicOrganization + "/partners.geojson"
        case .calendarFeed: return "/feeds/{token}/{organization}/calendar.ics"
        case .partnershipCalendarFeed: return "/feeds/{token}/{organization}/{partnership}/calendar.ics"
        default: return nil
        }
    }

    /// The site's own pages: health, portfolio, accounts, evidence, reports.
    private var sitePattern: String {
        switch self {
        case .liveness: return "/healthz"
        case .health: return "/health"
        case .readiness: return "/readyz"
        case .portfolio: return "/"
        case .map: return "/map"
        case .search: return "/search"
        case .signIn: return "/sign-in"
        case .signOut: return "/sign-out"
        case .password: return "/account/password"
        case .tokens: return "/account/tokens"
        case .revokeToken: return "/account/tokens/{id}/revoke"
        case .accounts: return "/admin/accounts"
        case .newAccount: return "/admin/accounts/new"
        case .account: return "/admin/accounts/{account}"
        case .newPartnership: return "/partnerships/new"
        case .evidence: return "/evidence"
        case .projectExport: return "/evidence/project.qdpx"
        case .codeBook: return "/codebook"
        case .codeBookQDC: return "/codebook.qdc"
        case .codeBookCSV: return "/codebook.csv"
        case .reports: return "/reports"
        case .annualReportChoice: return "/reports/annual"
        case .annualReportHTML: return "/reports/{organization}/annual/{year}.html"
        case .annualReportCSV: return "/reports/{organization}/annual/{year}.csv"
        case .annualReportXLSX: return "/reports/{organization}/annual/{year}.xlsx"
        case .directory: return "/directory"
        case .mailPreferences: return "/account/mail"
        case .forgotPassword: return "/forgot-password"
        case .accountLink: return "/account/link/{token}"
        case .national: return "/national"
        case .provinceOverview: return "/provinces/{organization}"
        case .nationalCompilation: return "/reports/national/{year}"
        case .provinceCompilation: return "/reports/provinces/{organization}/{year}"
        case .importList: return "/import"
        case .importPreview: return "/import/{organization}/{upload}"
        case .importTemplate: return "/import-template.xlsx"
        case .recordWorkbook: return "/export/{organization}/kerja-sama.xlsx"
        default: preconditionFailure("\(self) has a pattern of its own")
        }
    }

    /// GET for pages; a form's address also takes its POST; some addresses take only a POST.
    var methods: [HTTPRequest.Method] {
        switch self {
        case .signIn, .signOut, .password, .tokens, .newAccount, .account, .newPartnership, .editPartnership,
            .editPartner, .newRecord, .editRecord, .newDocument, .describeDocument, .removeDocument, .codeBook,
            .newSubmission, .propose, .importList, .importPreview, .mailPreferences, .forgotPassword, .accountLink:
            [.get, .post]
        case .revokeToken, .codings, .removeCoding, .assessments, .proposal, .submission: [.post]
        default: [.get]
        }
    }

    /// Whether the route's form carries a file (`multipart/form-data`, read up to the largest
    /// file taken); every other form is small and URL-encoded.
    var takesUploads: Bool { self == .newDocument || self == .importList }

    /// Who may use the route, decided before its handler runs.
    var access: RouteAccess {
        switch self {
        case .liveness, .health, .readiness, .signIn, .signOut, .publicHome, .publicOrganization, .publicPartnership,
            .propose, .publicFeed, .publicCalendar, .publicPartners, .calendarFeed, .partnershipCalendarFeed,
            .forgotPassword, .accountLink:
            // The portfolio sends the public to the portal; a feed's token is its own key.
            .anyone
        case .portfolio: .anyone
        // Importing asks which government among those the account edits (see ImportController).
        case .search, .password, .tokens, .revokeToken, .newPartnership, .importList, .importTemplate, .directory,
            .mailPreferences:
            .signedIn
        case .map, .evidence, .projectExport, .codeBook, .codeBookQDC, .codeBookCSV, .reports, .annualReportChoice:
            .portfolioReader
        case .annualReportHTML, .annualReportCSV, .annualReportXLSX, .recordWorkbook, .provinceOverview,
            .provinceCompilation:
            .governmentReader
        case .national, .nationalCompilation: .deploymentReader
        case .accounts, .newAccount, .account: .administrator
        case .partnership, .document, .documentFile: .reader
        case .dossier, .history: .historyReader
        case .partnershipEvidence: .evidenceReader
        case .codings, .removeCoding, .assessments: .coder
        case .editPartnership, .editPartner, .newRecord, .editRecord, .newDocument, .describeDocument,
            .removeDocument, .proposals, .proposal, .submissions, .submission, .importPreview:
            .editor
        case .newSubmission, .contributions: .liaison
        }
    }

    /// The address of this route with `values` in its parameters, in the pattern's order,
    /// each percent-encoded as a path segment.
    func path(_ values: String...) -> String {
        var result = ""
        var rest = Substring(pattern)
        var values = values.makeIterator()
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[rest.startIndex..<open]
            guard let value = values.next() else { preconditionFailure("\(self) takes more values") }
            result += value.addingPercentEncodingForPath()
            rest = rest[rest.index(after: close)...]
        }
        precondition(values.next() == nil, "\(self) takes fewer values")
        return result + rest
    }

    /// The names of the pattern's parameters, in order.
    var parameters: [String] {
        pattern.split(separator: "{").dropFirst().map { String($0.prefix { $0 != "}" }) }
    }
}
