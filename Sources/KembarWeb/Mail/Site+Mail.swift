import KembarCore
import KembarMail
import KembarStore

extension Site {
    /// The writer of the deployment's messages; nil when no mail server is configured.
    func mailComposer() async throws -> MailComposer? {
        guard let mail, let base = security.publicURL else { return nil }
        return MailComposer(
            renderer: renderer, from: mail.from, base: base, signingKey: try await MailSigningKey.key(database))
    }

    /// The name of the government an account belongs to, for the messages it gets.
    func governmentName(of account: Account) async throws -> String? {
        guard let organizationID = account.organizationID else { return nil }
        return try await organizations().first { $0.id == organizationID }?.name
    }
}
