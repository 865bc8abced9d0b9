import KembarCore
import SQLKit

/// The rules of the hierarchy of governments, checked when a government's record is written: its
/// parent is in the database and of a level it may belong to, following parents never comes back
/// to it, and (when it is replaced) the governments that belong to it still may.
enum OrganizationHierarchy {
    /// Every government below `organizationID`: its children, theirs, and so on.
    static func below(_ organizationID: String, _ sql: any SQLDatabase) async throws -> Set<String> {
        var found: Set<String> = []
        var level = [organizationID]
        while !level.isEmpty, found.count < 100_000 {
            let children = try await sql.select().column("id").from("organizations")
                .where("parent_id", .in, SQLBind.group(level)).all().map { try $0.text("id") }
            level = children.filter { found.insert($0).inserted && $0 != organizationID }
        }
        return found
    }

    static func check(_ organization: Organization, _ sql: any SQLDatabase) async throws {
        if let parentID = organization.parent {
            guard
                let parent = try await sql.select().columns("id", "level", "parent_id").from("organizations")
                    .where("id", .equal, SQLBind(parentID)).first()
            else { throw StoreError.parentNotFound(organization: organization.id, parent: parentID) }
            let parentLevel: Organization.Level? = try parent.optionalValue("level", table: "organizations")
            let allowed = organization.level?.parentLevels ?? [.province, .national]
            guard let parentLevel, allowed.contains(parentLevel) else {
                throw StoreError.parentOfWrongLevel(
                    organization: organization.id, parent: parentID, level: parentLevel?.rawValue ?? "unknown-level")
            }
            var chain = [organization.id, parentID]
            var next = try parent.optionalText("parent_id")
            while let id = next {
                chain.append(id)
                if id == organization.id { throw StoreError.parentCycle(chain) }
                guard chain.count < 16 else { break }
                next = try await sql.select().column("parent_id").from("organizations")
                    .where("id", .equal, SQLBind(id)).first()?.optionalText("parent_id")
            }
        }
        // A replaced government keeps the governments that belong to it only if they still may.
        let children = try await sql.select().columns("id", "level").from("organizations")
            .where("parent_id", .equal, SQLBind(organization.id)).all()
        for child in children {
            let level: Organization.Level? = try child.optionalValue("level", table: "organizations")
            let allowed = level?.parentLevels ?? [.province, .national]
            guard let own = organization.level, allowed.contains(own) else {
                throw StoreError.parentOfWrongLevel(
                    organization: try child.text("id"), parent: organization.id,
                    level: organization.level?.rawValue ?? "unknown-level")
            }
        }
    }
}
