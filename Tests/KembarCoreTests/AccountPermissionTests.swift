import KembarCore
import Testing

/// What each role may do, decided in one place and tested here for every role.
@Suite struct AccountPermissionTests {
    static func account(_ role: Role, organization: String? = "bandung", partnership: String? = nil) -> Account {
        Account(
            id: 1, email: "x@example.org", name: "X", role: role, organizationID: organization,
            partnershipID: partnership)
    }

    @Test func eachRoleReadsAndChangesExactlyWhatItShould() {
        let expectations: [(Role, read: Bool, portfolio: Bool, edit: Bool, submit: Bool, history: Bool)] = [
            (.admin, true, true, true, false, true), (.officer, true, true, true, false, true),
            (.viewer, true, true, false, false, true), (.researcher, true, true, false, false, true),
        ]
        for (role, read, portfolio, edit, submit, history) in expectations {
            let account = Self.account(role)
            #expect(account.canRead(organizationID: "bandung", partnershipID: "bandung-liuzhou") == read, "\(role)")
            #expect(account.readsWholePortfolio == portfolio, "\(role)")
            #expect(account.canEdit(organizationID: "bandung") == edit, "\(role)")
            #expect(account.canSubmitActivity(organizationID: "bandung", partnershipID: "bandung-liuzhou") == submit)
            #expect(account.canReadHistory(organizationID: "bandung") == history, "\(role)")
            // Nothing of another government.
            #expect(!account.canRead(organizationID: "surabaya", partnershipID: "x"), "\(role)")
            #expect(!account.canEdit(organizationID: "surabaya"), "\(role)")
            #expect(!account.canReadHistory(organizationID: "surabaya"), "\(role)")
        }
    }

    @Test func aPartnerSeesAndAddsToItsOnePartnershipOnly() {
        let partner = Self.account(.partner, partnership: "bandung-liuzhou")
        #expect(partner.canRead(organizationID: "bandung", partnershipID: "bandung-liuzhou"))
        #expect(!partner.canRead(organizationID: "bandung", partnershipID: "bandung-seoul"))
        #expect(partner.canSubmitActivity(organizationID: "bandung", partnershipID: "bandung-liuzhou"))
        #expect(!partner.canSubmitActivity(organizationID: "bandung", partnershipID: "bandung-seoul"))
        #expect(!partner.readsWholePortfolio)
        #expect(!partner.canEdit(organizationID: "bandung"))
        #expect(!partner.canReadHistory(organizationID: "bandung"))
    }

    @Test func aDeploymentAccountCoversEveryGovernmentAndOnlyItsAdministratorManagesAll() {
        let ministry = Self.account(.admin, organization: nil)
        #expect(ministry.canEdit(organizationID: "surabaya"))
        #expect(ministry.canManageAccounts(of: nil))
        #expect(ministry.canManageAccounts(of: "bandung"))
        let local = Self.account(.admin)
        #expect(local.canManageAccounts(of: "bandung"))
        #expect(!local.canManageAccounts(of: nil))
        #expect(!local.canManageAccounts(of: "surabaya"))
        #expect(!Self.account(.officer).canManageAccounts(of: "bandung"))
    }

    @Test func aDisabledAccountMayDoNothing() {
        var account = Self.account(.admin, organization: nil)
        account.disabled = true
        #expect(!account.canRead(organizationID: "bandung", partnershipID: "bandung-liuzhou"))
        #expect(!account.readsWholePortfolio)
        #expect(!account.canEdit(organizationID: "bandung"))
        #expect(!account.canManageAccounts(of: nil))
    }
}
