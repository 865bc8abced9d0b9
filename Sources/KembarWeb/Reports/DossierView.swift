import KembarCore

/// A partnership's dossier: what a new officer reads on the first day. The partnership page's
/// whole record, scorecard, alarms and charts, without its forms and actions, with the people
/// to ask: the home office's officers, the partner city's liaisons, and who signed each agreement.
struct DossierView {
    struct Contact {
        let name: String
        let detail: String
        let email: String?
    }

    struct ContactGroup {
        let heading: String
        let people: [Contact]
    }

    let title: String
    let organizationName: String
    let nativeName: String?
    let asOf: String
    let intro: String
    let partnership: PartnershipView
    let contacts: [ContactGroup]
    let generated: String

    /// - Parameter accounts: the government's accounts when the dossier is written from the
    ///   database; a kembar/1 file holds none, and its dossier names only the signatories.
    /// - Parameter partnership: the whole record; the dossier shows what was known on `today`
    ///   and planned for the twelve months after, as the yearly report does.
    init(
        organization: Organization, partnership whole: Partnership, evaluation: PartnershipEvaluation?,
        today: CalendarDay, policyName: String, accounts: [Account], words: Words
    ) {
        let partnership = whole.known(through: today.adding(months: FollowUp.horizonMonths))
        var view = PartnershipView(
            organization: organization, partnership: partnership, partnerID: "", evaluation: evaluation, today: today,
            policyName: policyName, words: words, saved: nil, access: PartnershipAccess())
        view.forPrint()
        self.partnership = view
        title = words.text("dossier_title", ["partnership": view.title])
        organizationName = organization.name
        nativeName = partnership.partner.nativeName
        asOf = words.text("report_as_of", ["date": words.day(today)])
        intro = words.text("dossier_intro")
        let active = accounts.filter { !$0.disabled && $0.covers(organization.id) }
        let officers = active.filter { [.officer, .admin].contains($0.role) }.map { account in
            Contact(name: account.name, detail: words.term(account.role, "account-role"), email: account.email)
        }
        let liaisons = active.filter { $0.role == .partner && $0.partnershipID == partnership.id }.map { account in
            Contact(name: account.name, detail: partnership.partner.name, email: account.email)
        }
        let signatories = partnership.agreements.flatMap { agreement in
            agreement.signatories.map { signatory in
                Contact(
                    name: signatory.name,
                    detail: [
                        signatory.title,
                        signatory.side == .home ? organization.place.name : partnership.partner.name,
                        words.agreement(agreement),
                    ].compactMap { $0 }.joined(separator: " · "),
                    email: nil)
            }
        }
        contacts = [
            ContactGroup(heading: words.text("dossier_contacts_office"), people: officers),
            ContactGroup(
                heading: words.text("dossier_contacts_liaisons", ["partner": partnership.partner.name]),
                people: liaisons),
            ContactGroup(heading: words.text("dossier_contacts_signatories"), people: signatories),
        ]
        generated = words.text("report_generated", ["date": words.day(today)])
    }
}
