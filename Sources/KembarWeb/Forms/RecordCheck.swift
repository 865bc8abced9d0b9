import KembarCore

/// The last guard before saving: the whole partnership checked as an import would check it.
enum RecordCheck {
    static func problems(_ partnership: Partnership, _ organization: Organization) -> String? {
        let record = CooperationRecord(organization: organization, partnerships: [partnership])
        do {
            _ = try RecordDecoder.decode(RecordEncoder.value(record))
            return nil
        } catch {
            return error.issues.map(\.description).joined(separator: "; ")
        }
    }

    /// A partnership with an activity added from its stored `kembar/1` JSON, read and checked as
    /// an import would: the activity must still fit the partnership as it is now.
    static func adding(activityJSON: String, to partnership: Partnership, of organization: Organization) throws
        -> (partnership: Partnership, activity: Activity)
    {
        do {
            return try appending(activity: try JSONParser.parse(activityJSON), to: partnership, of: organization)
        } catch let error as RecordValidationError {
            throw RecordCheckError.invalid(error.issues.map(\.description).joined(separator: "; "))
        }
    }

    /// The partnership with `activity` (a `kembar/1` activity object) added last, checked as an
    /// import checks it. The issues of the new activity are at `$.partnerships[0].activities[N]`,
    /// N being the number of activities before.
    static func appending(activity: JSONValue, to partnership: Partnership, of organization: Organization) throws
        -> (partnership: Partnership, activity: Activity)
    {
        guard case .object(var partnershipMembers) = RecordEncoder.value(partnership) else {
            throw RecordCheckError.unreadable
        }
        if let index = partnershipMembers.firstIndex(where: { $0.key == "activities" }),
            case .array(let list) = partnershipMembers[index].value
        {
            partnershipMembers[index].value = .array(list + [activity])
        } else {
            partnershipMembers.append(.init("activities", .array([activity])))
        }
        guard
            case .object(var recordMembers) = RecordEncoder.value(
                CooperationRecord(organization: organization, partnerships: []))
        else { throw RecordCheckError.unreadable }
        if let index = recordMembers.firstIndex(where: { $0.key == "partnerships" }) {
            recordMembers[index].value = .array([.object(partnershipMembers)])
        } else {
            recordMembers.append(.init("partnerships", .array([.object(partnershipMembers)])))
        }
        let decoded = try RecordDecoder.decode(JSONValue.object(recordMembers))
        guard let result = decoded.partnerships.first, let added = result.activities.last else {
            throw RecordCheckError.unreadable
        }
        return (result, added)
    }
}

enum RecordCheckError: Error {
    case unreadable
    case invalid(String)
}
