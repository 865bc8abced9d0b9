import KembarMail
import KembarStore

/// The administrator's view of mail: whether a server is configured, and each message's fate
/// (sent, waiting for another try and why, or given up).
struct MailLogView {
    struct Row {
        let created: String
        let recipient: String
        let subject: String
        let status: String
        let detail: String
    }

    let status: String
    let rows: [Row]
    let hasRows: Bool

    init(setup: MailSetup?, messages: [OutboxMessage], counts: [OutboxMessage.Status: Int], words: Words) {
        if let setup {
            status = words.text(
                "mail_configured",
                [
                    "server": setup.server.redacted, "from": setup.from.address,
                    "waiting": words.count((counts[.waiting] ?? 0) + (counts[.sending] ?? 0)),
                    "failed": words.count(counts[.failed] ?? 0),
                ])
        } else {
            status = words.text("mail_not_configured")
        }
        rows = messages.map { message in
            let status: String
            switch message.status {
            case .sent: status = words.text("mail_status_sent", ["time": Self.time(message.sentAt ?? "")])
            case .sending: status = words.text("mail_status_sending")
            case .failed: status = words.text("mail_status_failed", ["n": words.count(message.attempts)])
            case .waiting:
                status =
                    message.attempts == 0
                    ? words.text("mail_status_waiting")
                    : words.text(
                        "mail_status_retry",
                        ["n": words.count(message.attempts), "time": Self.time(message.nextAttempt)])
            }
            return Row(
                created: Self.time(message.createdAt), recipient: message.recipient, subject: message.subject,
                status: status, detail: message.lastError ?? "")
        }
        hasRows = !rows.isEmpty
    }

    /// `2026-12-05T13:04:05Z` as `2026-12-05 13:04 UTC`.
    static func time(_ stamp: String) -> String {
        guard stamp.count >= 16 else { return stamp }
        return stamp.prefix(10) + " " + stamp.dropFirst(11).prefix(5) + " UTC"
    }
}
