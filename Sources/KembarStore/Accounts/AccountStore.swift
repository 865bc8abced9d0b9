import Foundation
import KembarCore
import SQLKit

/// The accounts of the people who sign in. Every change is written to the audit log with the
/// account before and after (never its password).
public struct AccountStore: Sendable {
    public let database: any KembarDatabase
    public let passwords: Passwords

    public init(database: any KembarDatabase, passwords: Passwords = .standard) {
        self.database = database
        self.passwords = passwords
    }

    /// What an account is to be: the fields a person chooses.
    public struct Draft: Sendable {
        public var email: String
        public var name: String
        public var role: Role
        public var organizationID: String?
        public var partnershipID: String?

        public init(email: String, name: String, role: Role, organizationID: String?, partnershipID: String? = nil) {
            self.email = email
            self.name = name
            self.role = role
            self.organizationID = organizationID
            self.partnershipID = partnershipID
        }
    }

    /// An e-mail address as accounts are matched: trimmed and lower-cased.
    public static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public static func isEmail(_ text: String) -> Bool {
        text.count <= 254 && text.wholeMatch(of: /[^@\s<>"']+@[^@\s<>"']+\.[^@\s<>"'.]+/) != nil
    }

    public func count() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Creates an account with `password`; `oneTime` makes its holder choose another at first sign-in.
    @discardableResult
    public func create(_ draft: Draft, password: String, oneTime: Bool, actor: String) async throws -> Account {
        if let problem = Passwords.problem(password) { throw AccountError.password(problem) }
        let hash = passwords.hash(password)
        return try await database.write { sql in
            let draft = try await Self.checked(draft, sql)
            if try await sql.select().column("id").from("users").where("email", .equal, SQLBind(draft.email)).first()
                != nil
            {
                throw AccountError.emailTaken(draft.email)
            }
            let now = Timestamp.now()
            try await sql.insert(into: "users")
                .columns(
                    "email", "name", "password_hash", "role", "organization_id", "partnership_id", "disabled",
                    "must_change_password", "created_at"
                )
                .values(
                    SQLBind(draft.email), SQLBind(draft.name), SQLBind(hash), SQLBind(draft.role.rawValue),
                    SQLBind.orNull(draft.organizationID), SQLBind.orNull(draft.partnershipID), SQLBind(false),
                    SQLBind(oneTime), SQLBind(now)
                )
                .run()
            guard let account = try await Self.account(email: draft.email, sql)?.account else {
                throw AccountError.accountNotFound
            }
            try await Self.audit(
                actor: actor, action: "create", account: account, before: nil,
                summary: "created account \(draft.email)",
                sql)
            return account
        }
    }

    /// Changes an account's name, role, government and partnership, or disables it. Disabling
    /// ends its sessions at once.
    /// `check` sees the account as stored, held until the change is written, and may refuse the
    /// change by throwing (a form opened on an account someone else has changed since).
    public func update(
        id: Int, to draft: Draft, disabled: Bool, actor: String,
        check: @escaping @Sendable (Account) throws -> Void = { _ in }
    ) async throws -> Account {
        try await database.write { sql in
            // Two changes of one account at once: the second waits, then sees the first's.
            if !sql.isSQLite {
                try await sql.select().column("id").from("users").where("id", .equal, SQLBind(id)).for(.update).run()
            }
            guard let before = try await Self.account(id: id, sql) else { throw AccountError.accountNotFound }
            try check(before)
            var draft = try await Self.checked(draft, sql)
            draft.email = before.email
            let demoted = before.role == .admin && before.organizationID == nil && !before.disabled
            let stillAdministers = draft.role == .admin && draft.organizationID == nil && !disabled
            if demoted && !stillAdministers {
                let others =
                    try await sql.raw(
                        """
                        SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND organization_id IS NULL
                        AND disabled = \(bind: false) AND id <> \(bind: id)
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
                if others == 0 { throw AccountError.lastAdministrator }
            }
            try await sql.update("users")
                .set("name", to: SQLBind(draft.name)).set("role", to: SQLBind(draft.role.rawValue))
                .set("organization_id", to: SQLBind.orNull(draft.organizationID))
                .set("partnership_id", to: SQLBind.orNull(draft.partnershipID))
                .set("disabled", to: SQLBind(disabled))
                .where("id", .equal, SQLBind(id)).run()
            if disabled || draft.role != before.role || draft.organizationID != before.organizationID {
                try await sql.delete(from: "sessions").where("user_id", .equal, SQLBind(id)).run()
            }
            guard let after = try await Self.account(id: id, sql) else { throw AccountError.accountNotFound }
            try await Self.audit(
                actor: actor, action: "update", account: after, before: before,
                summary: "changed account \(before.email)", sql)
            return after
        }
    }

    /// Sets a new password chosen by the account's holder (or a new one-time password from an
    /// administrator), ending every other session of the account.
    public func setPassword(
        id: Int, to password: String, oneTime: Bool, keepingSession tokenHash: String?, actor: String
    ) async throws {
        if let problem = Passwords.problem(password) { throw AccountError.password(problem) }
        let hash = passwords.hash(password)
        try await database.write { sql in
            guard let account = try await Self.account(id: id, sql) else { throw AccountError.accountNotFound }
            try await sql.update("users").set("password_hash", to: SQLBind(hash))
                .set("must_change_password", to: SQLBind(oneTime)).where("id", .equal, SQLBind(id)).run()
            var sessions = sql.delete(from: "sessions").where("user_id", .equal, SQLBind(id))
            if let tokenHash { sessions = sessions.where("token_hash", .notEqual, SQLBind(tokenHash)) }
            try await sessions.run()
            try await Self.audit(
                actor: actor, action: "update", account: account, before: nil,
                summary: oneTime
                    ? "issued a one-time password to \(account.email)" : "changed password of \(account.email)",
                sql)
        }
    }

    /// The account with `email` when `password` is its password and it is not disabled.
    public func verify(email: String, password: String) async throws -> Account? {
        let found = try await database.read { sql in try await Self.account(email: Self.normalized(email), sql) }
        guard let found else {
            // The same work as a real check, so that timing does not tell which addresses exist.
            _ = passwords.hash(password)
            return nil
        }
        guard passwords.verify(password, hash: found.hash), !found.account.disabled else { return nil }
        return found.account
    }

    /// The account with `email` (as typed: compared normalized), disabled or not.
    public func account(email: String) async throws -> Account? {
        try await database.read { sql in try await Self.account(email: Self.normalized(email), sql)?.account }
    }

    public func account(id: Int) async throws -> Account? {
        try await database.read { sql in try await Self.account(id: id, sql) }
    }

    /// Every account of `organizationID` (nil: every account of the deployment), by e-mail.
    public func accounts(organizationID: String?) async throws -> [Account] {
        try await database.read { sql in
            var query = sql.select().column("*").from("users")
            if let organizationID { query = query.where("organization_id", .equal, SQLBind(organizationID)) }
            return try await query.orderBy("email").all().map { try $0.account() }
        }
    }

    // MARK: - Inside a transaction

    /// The account, with the governments below its own that it reads (a province's cities).
    static func account(id: Int, _ sql: any SQLDatabase) async throws -> Account? {
        guard
            var account = try await sql.select().column("*").from("users").where("id", .equal, SQLBind(id)).first()?
                .account()
        else { return nil }
        if let organizationID = account.organizationID, account.role != .partner {
            account.governed = try await OrganizationHierarchy.below(organizationID, sql)
        }
        return account
    }

    static func account(email: String, _ sql: any SQLDatabase) async throws -> (account: Account, hash: String)? {
        guard let row = try await sql.select().column("*").from("users").where("email", .equal, SQLBind(email)).first()
        else { return nil }
        return (try row.account(), try row.text("password_hash"))
    }

    /// The draft with its e-mail normalized, once its government and partnership are known to exist.
    private static func checked(_ draft: Draft, _ sql: any SQLDatabase) async throws -> Draft {
        var draft = draft
        draft.email = normalized(draft.email)
        draft.name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard isEmail(draft.email) else { throw AccountError.invalidEmail(draft.email) }
        if draft.name.isEmpty { draft.name = draft.email }
        if let organizationID = draft.organizationID {
            guard
                try await sql.select().column("id").from("organizations")
                    .where("id", .equal, SQLBind(organizationID)).first() != nil
            else { throw AccountError.organizationNotFound(organizationID) }
        } else if draft.role != .admin && draft.role != .viewer {
            throw AccountError.organizationRequired
        }
        switch (draft.role, draft.partnershipID) {
        case (.partner, nil): throw AccountError.partnershipRequired
        case (.partner, let partnershipID?):
            guard let organizationID = draft.organizationID,
                try await sql.select().column("id").from("partnerships")
                    .where("organization_id", .equal, SQLBind(organizationID))
                    .where("id", .equal, SQLBind(partnershipID)).first() != nil
            else { throw AccountError.partnershipNotFound(partnershipID) }
        case (_, nil): break
        case (_, .some): throw AccountError.partnershipOnlyForPartner
        }
        return draft
    }

    private static func audit(
        actor: String, action: String, account: Account, before: Account?, summary: String, _ sql: any SQLDatabase
    ) async throws {
        try await AuditLog.append(
            AuditEntry(
                actor: actor, action: action, organizationID: account.organizationID, entity: "account",
                entityID: account.email, summary: summary, before: before.map(description),
                after: description(account)),
            to: sql)
    }

    private static func description(_ account: Account) -> String {
        var fields = ["email=\(account.email)", "name=\(account.name)", "role=\(account.role.rawValue)"]
        if let organizationID = account.organizationID { fields.append("organization=\(organizationID)") }
        if let partnershipID = account.partnershipID { fields.append("partnership=\(partnershipID)") }
        if account.disabled { fields.append("disabled") }
        return fields.joined(separator: " ")
    }

}

extension SQLRow {
    func account() throws -> Account {
        let roleText = try text("role")
        guard let role = Role(rawValue: roleText) else {
            throw StoreError.corruptValue(table: "users", column: "role", value: roleText)
        }
        return Account(
            id: try integer("id"), email: try text("email"), name: try text("name"), role: role,
            organizationID: try optionalText("organization_id"), partnershipID: try optionalText("partnership_id"),
            disabled: try flag("disabled"), mustChangePassword: try flag("must_change_password"))
    }
}
