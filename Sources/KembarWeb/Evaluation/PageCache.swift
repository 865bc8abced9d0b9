/// Rendered pages kept until the data changes: the same page for the same revision, day,
/// language and address is the same bytes.
actor PageCache {
    private var revision = -1
    private var day: Int = .min
    private var pages: [String: HTMLPage] = [:]
    static let capacity = 512

    func page(_ key: String, revision: Int, day: Int, render: @Sendable () async throws -> HTMLPage) async rethrows
        -> HTMLPage
    {
        if revision != self.revision || day != self.day {
            pages.removeAll(keepingCapacity: true)
            self.revision = revision
            self.day = day
        }
        if let page = pages[key] { return page }
        let page = try await render()
        if pages.count >= Self.capacity { pages.removeAll(keepingCapacity: true) }
        // A newer revision may have arrived while rendering; keep only pages of the current one.
        if revision == self.revision { pages[key] = page }
        return page
    }
}
