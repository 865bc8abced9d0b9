import KembarCore

/// Errors of the persistence layer, worded for the person who runs Kembar.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case configuration(String)
    case organizationExists(String)
    case organizationNotFound(String)
    case ambiguousOrganization([String])
    case corruptValue(table: String, column: String, value: String)
    case migrationFromNewerVersion(applied: Int, known: Int)
    case partnershipExists(String)
    case partnershipNotFound(String)
    case partnerNotFound(String)
    case backupExists(String)
    /// A partnership that breaks a rule of `kembar/1`, refused before anything was written.
    case invalidRecord([ValidationIssue])
    /// A government's `parent` names no government in the database.
    case parentNotFound(organization: String, parent: String)
    /// A government's `parent` is not of a level it may belong to (a city, say).
    case parentOfWrongLevel(organization: String, parent: String, level: String)
    /// Following the parents from a government comes back to it.
    case parentCycle([String])

    public var description: String {
        switch self {
        case .configuration(let message):
            message
        case .organizationExists(let id):
            "the database already holds a record for organization \"\(id)\"; use --replace to replace it"
        case .organizationNotFound(let id):
            "no organization \"\(id)\" in the database"
        case .ambiguousOrganization(let ids):
            "the database holds several organizations (\(ids.joined(separator: ", "))); choose one with --organization"
        case .corruptValue(let table, let column, let value):
            "unreadable value \"\(value)\" in \(table).\(column)"
        case .partnershipExists(let id):
            "a partnership with id \"\(id)\" already exists"
        case .partnershipNotFound(let id):
            "no partnership \"\(id)\""
        case .partnerNotFound(let id):
            "no partner \"\(id)\""
        case .invalidRecord(let issues):
            issues.map(\.description).joined(separator: "; ")
        case .parentNotFound(let organization, let parent):
            "organization \"\(organization)\" belongs to \"\(parent)\", which is not in the database; import \"\(parent)\" first, or in the same run"
        case .parentOfWrongLevel(let organization, let parent, let level):
            "organization \"\(organization)\" cannot belong to \"\(parent)\", which is a \(level) government; a city or regency belongs to a province, a province to the ministry"
        case .parentCycle(let ids):
            "the governments \(ids.map { "\"\($0)\"" }.joined(separator: " → ")) belong to each other in a circle"
        case .backupExists(let path):
            "\(path) already exists; a backup is never written over another file"
        case .migrationFromNewerVersion(let applied, let known):
            "the database was migrated by a newer Kembar (schema version \(applied); this one knows \(known))"
        }
    }
}
