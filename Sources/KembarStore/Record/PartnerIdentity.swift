import KembarCore

/// Gives each distinct partner of a record a stable, readable id such as `cn-liuzhou`.
///
/// `kembar/1` embeds the partner in each partnership; the database keeps partners as their own
/// rows so that two partnerships with the same partner (a sister city and a later institutional
/// agreement, say) share one. Partners equal in every field share an id.
struct PartnerIdentity {
    private(set) var distinct: [(id: String, partner: Partner)] = []
    private var ids: [Partner: String] = [:]

    static func assign(_ partners: [Partner]) -> PartnerIdentity {
        var identity = PartnerIdentity()
        var taken: Set<String> = []
        for partner in partners where identity.ids[partner] == nil {
            let candidate = freshID(for: partner, avoiding: taken)
            taken.insert(candidate)
            identity.ids[partner] = candidate
            identity.distinct.append((candidate, partner))
        }
        return identity
    }

    /// An id for a partner added to an organization that already uses `taken`.
    static func freshID(for partner: Partner, avoiding taken: Set<String>) -> String {
        Slug.unused(slug(partner), avoiding: taken)
    }

    func id(for partner: Partner) -> String {
        ids[partner]!
    }

    private static func slug(_ partner: Partner) -> String {
        partner.country.lowercased() + "-" + (Slug.make(partner.name, maxLength: 80) ?? "partner")
    }
}
