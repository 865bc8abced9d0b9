import KembarCore

extension Site {
    /// The governments an overview or compilation covers: a province and those that belong to it,
    /// or (with no province) every government; with every government, for naming. A province
    /// that is none is not found.
    func oversight(province: String?) async throws -> (covered: [Organization], all: [Organization]) {
        let organizations = try await organizations()
        guard let province else { return (organizations, organizations) }
        guard organizations.first(where: { $0.id == province })?.level == .province else {
            throw AccessDenied.notFound
        }
        return (organizations.filter { $0.id == province || $0.parent == province }, organizations)
    }
}
