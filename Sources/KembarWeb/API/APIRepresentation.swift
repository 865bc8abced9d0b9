import KembarCore
import KembarStore

/// How the API writes the record: `kembar/1` objects (docs/interchange.md) wherever the
/// interchange format has one, and small summaries around them.
enum APIRepresentation {
    static func organization(_ organization: Organization, partnerships: Int) -> JSONValue {
        guard case .object(var members) = RecordEncoder.value(organization) else { return .null }
        members.append(.init("partnerships", .number(Double(partnerships))))
        return .object(members)
    }

    static func summary(
        _ partnership: Partnership, evaluation: PartnershipEvaluation?, organizationID: String, today: CalendarDay
    ) -> JSONValue {
        let stage = partnership.latestStage(by: today)
        let last = partnership.lastActivity(by: today)
        return .members([
            "id": .string(partnership.id), "kind": .string(partnership.kind.rawValue),
            "category": .string(ReportCategory(partnership.partner).rawValue),
            "partner": RecordEncoder.value(partnership.partner),
            "stage": stage.map {
                .members(["stage": .string($0.stage.rawValue), "date": .string($0.date.description)])
            }
                ?? .null,
            "health": .string((evaluation.map(PartnershipHealth.init) ?? .unknown).rawValue),
            "alarms": .number(Double(evaluation?.alarms.count ?? 0)),
            "currentSilenceDays": evaluation?.currentSilenceDays.map { .number(Double($0)) } ?? .null,
            "lastActivity": last.map { .string($0.start.description) } ?? .null,
            "activities": .number(Double(partnership.activities.count)),
            "href": .string(APIPath.partnership(organizationID, partnership.id)),
        ])
    }

    /// The whole partnership as in `kembar/1`; a partner city's liaison does not get the home
    /// office's assessments, as on the pages.
    static func partnership(_ partnership: Partnership, withAssessments: Bool) -> JSONValue {
        var shown = partnership
        if !withAssessments { shown.assessments = [] }
        return RecordEncoder.value(shown)
    }

    static func obligation(_ obligation: Obligation, occurrences: [ObligationOccurrence]) -> JSONValue {
        guard case .object(var members) = RecordEncoder.value(obligation) else { return .null }
        members.append(
            .init(
                "occurrences",
                .array(
                    occurrences.filter { $0.obligation == obligation.id }.map { occurrence in
                        .members([
                            "periodStart": .string(occurrence.periodStart.description),
                            "due": .string(occurrence.due.description), "status": .string(occurrence.status.rawValue),
                            "fulfilledBy": .array(occurrence.fulfilledBy.map(JSONValue.string)),
                        ])
                    })))
        return .object(members)
    }

    /// A document's description without its text (which can be long): whether it has text, and
    /// the uploaded file's name, format, size and SHA-256 when there is one.
    static func document(_ document: Document, file: StoredFile?) -> JSONValue {
        .members([
            "id": .string(document.id), "title": .string(document.title), "kind": .string(document.kind.rawValue),
            "date": document.date.map { .string($0.description) }, "language": document.language.map(JSONValue.string),
            "source": document.source.map(JSONValue.string),
            "hasText": .bool(!(document.text ?? "").isEmpty),
            "file": file.map {
                .members([
                    "name": .string($0.fileName), "mediaType": .string($0.mediaType),
                    "bytes": .number(Double($0.byteCount)), "sha256": .string($0.sha256),
                ])
            } ?? .null,
        ])
    }

    static func alarm(_ alarm: Alarm) -> JSONValue {
        .members([
            "kind": .string(alarm.kind.rawValue), "since": alarm.since.map(JSONValue.string),
            "due": alarm.due.map(JSONValue.string), "message": .string(alarm.message),
            "records": .array(alarm.records.map(JSONValue.string)),
        ])
    }

    static func report(_ report: AnnualReport) -> JSONValue {
        .members([
            "year": .number(Double(report.period.year)), "asOf": .string(report.period.asOf.description),
            "complete": .bool(report.period.isComplete),
            "organization": .members([
                "id": .string(report.organization.id), "name": .string(report.organization.name),
            ]),
            "generalObstacles": .array(report.generalObstacles.map(alarm)),
            "cooperations": .array(
                report.cooperations.map { cooperation in
                    .members([
                        "category": .string(cooperation.category.rawValue),
                        "partnership": .string(cooperation.partnership.id),
                        "kind": .string(cooperation.partnership.kind.rawValue),
                        "partner": RecordEncoder.value(cooperation.partnership.partner),
                        "stage": cooperation.stage.map {
                            .members(["stage": .string($0.stage.rawValue), "date": .string($0.date.description)])
                        } ?? .null,
                        "agreements": .array(
                            cooperation.agreements.map { standing in
                                .members([
                                    "id": .string(standing.agreement.id),
                                    "type": .string(standing.agreement.type.rawValue),
                                    "signed": .string(standing.agreement.signed.description),
                                    "validFrom": standing.agreement.validFrom.map { .string($0.description) } ?? .null,
                                    "validUntil": standing.agreement.validUntil.map { .string($0.description) }
                                        ?? .null,
                                    "inForce": .bool(standing.inForce),
                                    "supersededBy": standing.supersededBy.map(JSONValue.string) ?? .null,
                                ])
                            }),
                        "areas": .array(
                            cooperation.areas.map {
                                .members(["area": .string($0.area), "servedThisYear": .bool($0.servedThisYear)])
                            }),
                        "activities": .array(cooperation.activities.map(RecordEncoder.value)),
                        "obstacles": .array(cooperation.obstacles.map(alarm)),
                        "followUp": .array(cooperation.followUp.map(followUp)),
                    ])
                }),
        ])
    }

    static func followUp(_ item: FollowUp) -> JSONValue {
        switch item {
        case .obligationDue(let obligation, let due, let plannedBy):
            .members([
                "kind": .string("obligation-due"), "record": .string(obligation.id), "date": .string(due.description),
                "plannedBy": .array(plannedBy.map(JSONValue.string)),
            ])
        case .agreementExpires(let agreement, let day):
            .members([
                "kind": .string("agreement-expires"), "record": .string(agreement.id), "date": .string(day.description),
                "plannedBy": .array([]),
            ])
        case .plannedActivity(let activity):
            .members([
                "kind": .string("planned-activity"), "record": .string(activity.id),
                "date": .string(activity.start.description), "plannedBy": .array([]),
            ])
        }
    }
}
