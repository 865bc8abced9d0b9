import Foundation
import KembarCore

/// Small records and documents that tests build on.
public enum Fixtures {
    /// The demonstration portfolio as shipped.
    public static func demoBytes() throws -> Data {
        try DemoRecord.bytes()
    }

    public static func demoRecord() throws -> CooperationRecord {
        try DemoRecord.record()
    }

    /// The demo document as a mutable JSON tree, for tests that break one thing in it.
    public static func demoJSON() throws -> JSONValue {
        try JSONParser.parse(Array(try demoBytes()))
    }

    /// A minimal valid record with one partnership and one activity.
    public static func minimalRecord(organization: String = "kota-contoh", partnership: String = "contoh-mitra")
        -> CooperationRecord
    {
        CooperationRecord(
            organization: Organization(
                id: organization, name: "Pemerintah Kota Contoh", place: Place(name: "Contoh", country: "ID")),
            partnerships: [
                Partnership(
                    id: partnership, kind: .sisterCity,
                    partner: Partner(name: "Partner City", country: "JP", kind: .city),
                    agreements: [
                        Agreement(
                            id: "mou", type: .mou, signed: try! PartialDate(parsing: "2015-05-05"), areas: ["economy"])
                    ],
                    activities: [
                        Activity(
                            id: "visit", title: "First visit", start: try! PartialDate(parsing: "2016-02"),
                            kind: .visit,
                            areas: ["economy"], host: .partner, initiator: .home, isPublic: true)
                    ])
            ])
    }
}

extension JSONValue {
    /// Returns a copy with the value at `path` (object keys and array indices) replaced;
    /// `nil` removes an object member.
    public func replacing(_ path: [JSONPathStep], with newValue: JSONValue?) -> JSONValue {
        guard let step = path.first else { return newValue ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, step) {
        case (.object(var members), .key(let key)):
            if let index = members.firstIndex(where: { $0.key == key }) {
                if rest.isEmpty, newValue == nil {
                    members.remove(at: index)
                } else {
                    members[index].value = members[index].value.replacing(rest, with: newValue)
                }
            } else if rest.isEmpty, let newValue {
                members.append(.init(key, newValue))
            }
            return .object(members)
        case (.array(var items), .index(let index)):
            items[index] = items[index].replacing(rest, with: newValue)
            return .array(items)
        default:
            preconditionFailure("path step \(step) does not fit \(self.typeName)")
        }
    }

    public func value(at path: [JSONPathStep]) -> JSONValue? {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.object(let members), .key(let key)):
            return members.first(where: { $0.key == key })?.value.value(at: Array(path.dropFirst()))
        case (.array(let items), .index(let index)):
            return index < items.count ? items[index].value(at: Array(path.dropFirst())) : nil
        default:
            return nil
        }
    }
}

public enum JSONPathStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Sendable {
    case key(String)
    case index(Int)

    public init(stringLiteral value: String) {
        self = .key(value)
    }

    public init(integerLiteral value: Int) {
        self = .index(value)
    }
}
