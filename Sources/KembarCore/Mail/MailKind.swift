/// What a person may receive by mail, each chosen off, weekly (in the digest) or immediately.
public enum MailKind: String, CaseIterable, Sendable {
    /// Alarms raised on a partnership (dormant, one-way benefits, areas never worked in…).
    case alarms
    /// Obligations falling due or missed.
    case obligations
    /// Agreements running out.
    case agreements
    /// Proposals and partner entries waiting for a decision.
    case decisions

    /// How often this kind may come: what waits for a decision comes in the digest, since it is
    /// not an event with a day of its own.
    public var frequencies: [MailFrequency] {
        self == .decisions ? [.off, .weekly] : MailFrequency.allCases
    }
}

/// How often a kind reaches a person.
public enum MailFrequency: String, CaseIterable, Sendable {
    case off
    case weekly
    case immediately

    /// What an account has before it chooses: the weekly digest for everything, and, for an
    /// officer, obligations and agreements at once as well.
    public static func standard(_ kind: MailKind, role: Role) -> MailFrequency {
        switch (kind, role) {
        case (.obligations, .officer), (.agreements, .officer): .immediately
        case (_, .partner): kind == .obligations ? .immediately : .off
        default: .weekly
        }
    }
}
