import Foundation
import KembarCore
import SQLKit

/// One message in the outbox, as rendered when it was written.
public struct OutboxMessage: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// To be sent at `nextAttempt`.
        case waiting
        /// Claimed by a sender until `nextAttempt`; waiting again after that if the sender died.
        case sending
        case sent
        /// Refused for good, or tried ``Outbox/maximumAttempts`` times.
        case failed
    }

    public var id: Int
    public var dedupeKey: String
    public var accountID: Int?
    /// What the message is (`test`, `digest`, `reminder`, `invitation`, `password-reset`).
    public var kind: String
    public var sender: String
    public var recipient: String
    public var subject: String
    /// The whole message, headers and body (RFC 5322), CRLF line ends.
    public var message: String
    public var status: Status
    public var attempts: Int
    public var nextAttempt: String
    public var lastError: String?
    public var createdAt: String
    public var sentAt: String?
}

/// The mail outbox: written with what causes each message, claimed by one sender at a time,
/// retried with growing waits, and kept as the delivery log.
public struct Outbox: Sendable {
    /// What a new message needs; the outbox adds its state.
    public struct Draft: Sendable {
        public var dedupeKey: String
        public var accountID: Int?
        public var kind: String
        public var sender: String
        public var recipient: String
        public var subject: String
        public var message: String

        public init(
            dedupeKey: String, accountID: Int?, kind: String, sender: String, recipient: String, subject: String,
            message: String
        ) {
            self.dedupeKey = dedupeKey
            self.accountID = accountID
            self.kind = kind
            self.sender = sender
            self.recipient = recipient
            self.subject = subject
            self.message = message
        }
    }

    public let database: any KembarDatabase

    /// After this many attempts a message is given up.
    public static let maximumAttempts = 8
    /// How long a sender may hold a claimed message before another may take it.
    public static let lease: TimeInterval = 300
    /// The PostgreSQL advisory lock that lets one instance claim at a time.
    static let lockKey = 7_345_201

    public init(database: any KembarDatabase) {
        self.database = database
    }

    /// Writes `draft` unless a message with its key was written before; true when written.
    @discardableResult
    public func enqueue(_ draft: Draft, now: Date = Date()) async throws -> Bool {
        try await database.write { sql in try await Self.enqueue(draft, now: now, sql) }
    }

    /// The same, inside a transaction that writes what causes the message.
    public static func enqueue(_ draft: Draft, now: Date, _ sql: any SQLDatabase) async throws -> Bool {
        let stamp = Timestamp.string(now)
        let rows = try await sql.raw(
            """
            INSERT INTO mail_outbox (dedupe_key, account_id, kind, sender, recipient, subject, message, status,
            attempts, next_attempt_at, created_at)
            VALUES (\(bind: draft.dedupeKey), \(bind: draft.accountID), \(bind: draft.kind), \(bind: draft.sender),
            \(bind: draft.recipient), \(bind: draft.subject), \(bind: draft.message), 'waiting', 0, \(bind: stamp),
            \(bind: stamp))
            ON CONFLICT (dedupe_key) DO NOTHING RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Whether a message with `key` was ever written.
    public func holds(_ key: String) async throws -> Bool {
        try await database.read { sql in
            try await sql.select().column("id").from("mail_outbox").where("dedupe_key", .equal, SQLBind(key)).first()
                != nil
        }
    }

    /// Claims up to `limit` messages due at `now` for this sender, or none while another sender
    /// holds the claim (PostgreSQL's advisory lock; SQLite writes one transaction at a time).
    public func claimDue(now: Date = Date(), limit: Int = 20) async throws -> [OutboxMessage] {
        try await database.write { sql in
            if database.dialect == .postgres {
                let locked = try await sql.raw("SELECT pg_try_advisory_xact_lock(\(bind: Self.lockKey)) AS locked")
                    .first()?.decode(column: "locked", as: Bool.self)
                guard locked == true else { return [] }
            }
            let stamp = Timestamp.string(now)
            let due = try await sql.select().column("*").from("mail_outbox")
                .where("status", .in, SQLBind.group(["waiting", "sending"]))
                .where("next_attempt_at", .lessThanOrEqual, SQLBind(stamp))
                .orderBy("id").limit(limit).all().map(Self.message)
            guard !due.isEmpty else { return [] }
            try await sql.update("mail_outbox").set("status", to: SQLBind("sending"))
                .set("next_attempt_at", to: SQLBind(Timestamp.string(now.addingTimeInterval(Self.lease))))
                .where("id", .in, SQLBind.group(due.map(\.id))).run()
            return due
        }
    }

    public func markSent(_ id: Int, now: Date = Date()) async throws {
        try await database.write { sql in
            try await sql.update("mail_outbox").set("status", to: SQLBind("sent"))
                .set("sent_at", to: SQLBind(Timestamp.string(now))).set("last_error", to: SQLLiteral.null)
                .set("attempts", to: SQLRaw("attempts + 1")).where("id", .equal, SQLBind(id)).run()
        }
    }

    /// Records a failed attempt: tried again later when `transient` and attempts remain, given up otherwise.
    public func markFailed(_ id: Int, reason: String, transient: Bool, now: Date = Date()) async throws {
        try await database.write { sql in
            let attempts =
                try await sql.select().column("attempts").from("mail_outbox").where("id", .equal, SQLBind(id)).first()?
                .decode(column: "attempts", as: Int.self) ?? 0
            let retry = transient && attempts + 1 < Self.maximumAttempts
            try await sql.update("mail_outbox").set("status", to: SQLBind(retry ? "waiting" : "failed"))
                .set("attempts", to: SQLBind(attempts + 1)).set("last_error", to: SQLBind(String(reason.prefix(1000))))
                .set(
                    "next_attempt_at",
                    to: SQLBind(Timestamp.string(now.addingTimeInterval(retry ? Self.wait(after: attempts + 1) : 0)))
                )
                .where("id", .equal, SQLBind(id)).run()
        }
    }

    /// The wait before the next attempt after `attempts`: 1, 5, 15 minutes, 1, 3, 6, 12 hours.
    public static func wait(after attempts: Int) -> TimeInterval {
        let minutes = [1, 5, 15, 60, 180, 360, 720]
        return TimeInterval(minutes[min(max(attempts, 1), minutes.count) - 1] * 60)
    }

    /// The newest messages first, for the delivery log.
    public func log(limit: Int = 100) async throws -> [OutboxMessage] {
        try await database.read { sql in
            try await sql.select().column("*").from("mail_outbox").orderBy("id", .descending).limit(limit).all()
                .map(Self.message)
        }
    }

    /// How many messages are in each state.
    public func counts() async throws -> [OutboxMessage.Status: Int] {
        try await database.read { sql in
            var counts: [OutboxMessage.Status: Int] = [:]
            for row in try await sql.raw("SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status").all() {
                if let status = OutboxMessage.Status(rawValue: try row.text("status")) {
                    counts[status] = try row.integer("n")
                }
            }
            return counts
        }
    }

    static func message(_ row: any SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: try row.integer("id"), dedupeKey: try row.text("dedupe_key"),
            accountID: try row.optionalInteger("account_id"), kind: try row.text("kind"),
            sender: try row.text("sender"), recipient: try row.text("recipient"), subject: try row.text("subject"),
            message: try row.text("message"), status: OutboxMessage.Status(rawValue: try row.text("status")) ?? .failed,
            attempts: try row.integer("attempts"), nextAttempt: try row.text("next_attempt_at"),
            lastError: try row.optionalText("last_error"), createdAt: try row.text("created_at"),
            sentAt: try row.optionalText("sent_at"))
    }
}
