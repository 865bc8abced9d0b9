/// One thing a message tells a person about a partnership, with the key that lets it be told
/// once: an alarm, an obligation falling due or missed, an agreement running out.
public struct MailItem: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        case alarm(Alarm)
        case obligationDue(Obligation, due: CalendarDay)
        case obligationMissed(Obligation, due: CalendarDay)
        case agreementExpiring(Agreement, on: CalendarDay)
    }

    public var organizationID: String
    /// Empty for what concerns the government as a whole (its office's load).
    public var partnershipID: String
    public var partnerName: String
    public var subject: Subject

    public init(organizationID: String, partnershipID: String, partnerName: String, subject: Subject) {
        self.organizationID = organizationID
        self.partnershipID = partnershipID
        self.partnerName = partnerName
        self.subject = subject
    }

    /// The kind a person chooses how often to receive.
    public var kind: MailKind {
        switch subject {
        case .alarm: .alarms
        case .obligationDue, .obligationMissed: .obligations
        case .agreementExpiring: .agreements
        }
    }

    /// Names the item and its occurrence: the same obligation due again next year is a new item.
    public var key: String {
        let partnership = organizationID + "/" + partnershipID
        switch subject {
        case .alarm(let alarm):
            return
                "\(partnership)/alarm/\(alarm.kind.rawValue)/\(alarm.since ?? "")/\(alarm.records.joined(separator: ","))"
        case .obligationDue(let obligation, let due):
            return "\(partnership)/obligation/\(obligation.id)/\(due)/due"
        case .obligationMissed(let obligation, let due):
            return "\(partnership)/obligation/\(obligation.id)/\(due)/missed"
        case .agreementExpiring(let agreement, let end):
            return "\(partnership)/agreement/\(agreement.id)/\(end)"
        }
    }
}

/// What of a government's record goes into mail, as of a day.
public enum MailItems {
    /// An obligation falling due within this many days is told at once.
    public static let immediateDueDays = 7
    /// An agreement ending within this many days is told at once.
    public static let immediateExpiryDays = 30

    /// The alarm kinds told as alarms: those of obligations and agreements are told as such.
    static let alarmKinds: Set<Alarm.Kind> = Set(Alarm.Kind.allCases).subtracting([
        .obligationDue, .obligationMissed, .agreementExpiring, .agreementExpired,
    ])

    /// The weekly digest's items: obligations due within ``ToDo/dueWithinDays`` and those missed
    /// since `since`, agreements ending within ``ToDo/expiringWithinDays``, and every alarm
    /// (the caller leaves out those already told).
    public static func weekly(
        _ record: CooperationRecord, evaluations: [String: PartnershipEvaluation], asOf: CalendarDay,
        since: CalendarDay?, policy: EvaluationPolicy
    ) -> [MailItem] {
        let office = record.partnerships.lazy.compactMap { evaluations[$0.id]?.officeAlarm }.first.map {
            // The office's load is the government's, told once rather than under every partnership.
            MailItem(
                organizationID: record.organization.id, partnershipID: "", partnerName: record.organization.name,
                subject: .alarm($0))
        }
        var seen: Set<String> = []
        return record.partnerships.flatMap { partnership -> [MailItem] in
            guard let evaluation = evaluations[partnership.id] else { return [] }
            func item(_ subject: MailItem.Subject) -> MailItem {
                MailItem(
                    organizationID: record.organization.id, partnershipID: partnership.id,
                    partnerName: partnership.partner.name, subject: subject)
            }
            var items: [MailItem] = []
            for todo in ToDo.items(partnership, evaluation: evaluation, asOf: asOf, since: since, policy: policy) {
                switch todo.kind {
                case .obligationDue(let obligation, let due): items.append(item(.obligationDue(obligation, due: due)))
                case .obligationMissed(let obligation, let due):
                    items.append(item(.obligationMissed(obligation, due: due)))
                case .agreementExpiring(let agreement, let end):
                    items.append(item(.agreementExpiring(agreement, on: end)))
                case .turnedDormant: break
                }
            }
            guard !partnership.isClosed(on: asOf) else { return items }
            return items + evaluation.partnershipAlarms.filter { alarmKinds.contains($0.kind) }.map { item(.alarm($0)) }
        }.filter { seen.insert($0.key).inserted } + (office.map { [$0] } ?? [])
    }

    /// What is told at once: an obligation due within ``immediateDueDays`` or missed in the past
    /// week, an agreement ending within ``immediateExpiryDays``, and every alarm.
    public static func immediate(
        _ record: CooperationRecord, evaluations: [String: PartnershipEvaluation], asOf: CalendarDay,
        policy: EvaluationPolicy
    ) -> [MailItem] {
        weekly(
            record, evaluations: evaluations, asOf: asOf, since: asOf.adding(days: -immediateDueDays), policy: policy
        )
        .filter { item in
            switch item.subject {
            case .obligationDue(_, let due): due <= asOf.adding(days: immediateDueDays)
            case .obligationMissed: true
            case .agreementExpiring(_, let end): end <= asOf.adding(days: immediateExpiryDays)
            case .alarm: true
            }
        }
    }
}
