import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KembarCore
import KembarStore
import Synchronization

/// The JSON API under `/api/v1`, described by `/api/openapi.json`. Read with a personal API
/// token, under the same roles as the pages: every account reads what its pages show, officers
/// and administrators add activities. Errors are RFC 9457 problem details.
struct APIController {
    let site: Site

    typealias Handler = @Sendable (Request, KembarRequestContext, Account) async throws -> APIResponse

    /// One path and what each of its methods does; any other method is answered 405.
    struct Endpoint {
        let path: String
        let methods: [(HTTPRequest.Method, Handler)]
    }

    var endpoints: [Endpoint] {
        let org = APIPath.organizations + "/{organization}"
        let partnership = org + "/partnerships/{partnership}"
        return [
            Endpoint(path: APIPath.organizations, methods: [(.get, organizations)]),
            Endpoint(path: org, methods: [(.get, organization)]),
            Endpoint(path: org + "/partnerships", methods: [(.get, partnerships)]),
            Endpoint(path: org + "/partners", methods: [(.get, partners)]),
            Endpoint(path: org + "/evaluation", methods: [(.get, evaluation)]),
            Endpoint(path: org + "/reports/annual/{year}", methods: [(.get, annualReport)]),
            Endpoint(path: partnership, methods: [(.get, partnershipRecord)]),
            Endpoint(path: partnership + "/agreements", methods: [(.get, agreements)]),
            Endpoint(path: partnership + "/obligations", methods: [(.get, obligations)]),
            Endpoint(path: partnership + "/activities", methods: [(.get, activities), (.post, addActivity)]),
            Endpoint(path: partnership + "/activities/{activity}", methods: [(.get, activity)]),
            Endpoint(path: partnership + "/documents", methods: [(.get, documents)]),
            Endpoint(path: partnership + "/evaluation", methods: [(.get, partnershipEvaluation)]),
        ]
    }

    func addRoutes(to router: Router<KembarRequestContext>) {
        router.get(RouterPath(APIPath.openAPI)) { _, _ in
            APIResponse(bytes: OpenAPIDocument.bytes)
        }
        // Every endpoint lies under the API's root, in a group of its own that takes bearer tokens.
        let api = router.group(RouterPath(APIPath.root)).add(
            middleware: APITokenAuthenticator(tokens: site.personalTokens, limit: site.apiRateLimit))
        for endpoint in endpoints {
            precondition(endpoint.path.hasPrefix(APIPath.root + "/"), "\(endpoint.path) lies outside the API")
            for (method, handler) in endpoint.methods {
                api.on(RouterPath(String(endpoint.path.dropFirst(APIPath.root.count))), method: method) {
                    request, context in
                    try await handler(request, context, try context.requireIdentity())
                }
            }
        }
    }

    /// The methods an API path answers (HEAD with GET), or nil when no endpoint has the path:
    /// for a request the router found no route for, 405 rather than 404 when only the method
    /// is wrong.
    func allowedMethods(forPath path: String) -> [HTTPRequest.Method]? {
        if path == APIPath.openAPI { return [.get, .head] }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for endpoint in endpoints {
            let pattern = endpoint.path.split(separator: "/", omittingEmptySubsequences: false)
            guard pattern.count == segments.count,
                zip(pattern, segments).allSatisfy({ $0.first == "{" ? !$1.isEmpty : $0 == $1 })
            else { continue }
            let methods = endpoint.methods.map(\.0)
            return methods + (methods.contains(.get) ? [.head] : [])
        }
        return nil
    }

    // MARK: - Governments

    private func organizations(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        var items: [JSONValue] = []
        for organizationID in try await site.organizationIDs(readBy: account).sorted() {
            guard let index = try await site.index(organizationID) else { continue }
            items.append(
                APIRepresentation.organization(
                    index.organization,
                    partnerships: index.partnerships.filter {
                        account.canRead(organizationID: organizationID, partnershipID: $0.id)
                    }.count))
        }
        return pagination.page(items, request: request)
    }

    private func organization(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let organizationID = try Self.parameter(context, "organization")
        guard account.covers(organizationID), let index = try await site.index(organizationID) else {
            throw Problem.notFound("No government \"\(organizationID)\" for this account.")
        }
        return APIResponse(
            APIRepresentation.organization(
                index.organization,
                partnerships: index.partnerships.filter {
                    account.canRead(organizationID: organizationID, partnershipID: $0.id)
                }.count))
    }

    private func partnerships(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        let (record, snapshot) = try await readable(context, account)
        let id = record.organization.id
        let items = visible(record, account).map {
            APIRepresentation.summary(
                $0, evaluation: snapshot.evaluation(id, $0.id), organizationID: id, today: snapshot.day)
        }
        return pagination.page(items, request: request)
    }

    private func partners(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        let (record, _) = try await readable(context, account)
        let items = visible(record, account).map { partnership in
            JSONValue.members([
                "partnership": .string(partnership.id),
                "category": .string(ReportCategory(partnership.partner).rawValue),
                "partner": RecordEncoder.value(partnership.partner),
            ])
        }
        return pagination.page(items, request: request)
    }

    private func evaluation(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let (record, snapshot) = try await readable(context, account)
        let day = try Self.day(request, default: snapshot.day)
        let ids = visible(record, account).map(\.id)
        return try evaluate(record, ids: ids, day: day, snapshot: snapshot)
    }

    private func annualReport(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let (record, snapshot) = try await readable(context, account)
        guard account.readsWholePortfolio else {
            throw Problem.forbidden("The yearly report is for the government's own accounts.")
        }
        let text = try Self.parameter(context, "year")
        guard let year = Int(text), (1...9999).contains(year) else {
            throw Problem.badParameter("year", "must be a year from 1 to 9999, not \"\(text)\"")
        }
        guard let period = ReportPeriod(year: year, today: snapshot.day) else {
            throw Problem.notFound("The year \(year) has not begun.")
        }
        return APIResponse(
            APIRepresentation.report(AnnualReport(record: record, period: period, policy: snapshot.policy)))
    }

    // MARK: - One partnership

    private func partnershipRecord(_ request: Request, _ context: KembarRequestContext, _ account: Account)
        async throws -> APIResponse
    {
        let cached = try await readablePartnership(context, account)
        // The cache keeps no text of documents; the record as kembar/1 has it.
        guard
            let stored = try await site.store.partnership(
                organizationID: cached.organization.id, id: cached.partnership.id)
        else {
            throw Problem.notFound("No partnership \"\(cached.partnership.id)\" of \"\(cached.organization.id)\".")
        }
        return APIResponse(
            APIRepresentation.partnership(
                stored.partnership, withAssessments: account.canReadEvidence(organizationID: cached.organization.id)))
    }

    private func agreements(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        let partnership = try await readablePartnership(context, account).partnership
        return pagination.page(partnership.agreements.map(RecordEncoder.value), request: request)
    }

    private func obligations(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        let cached = try await readablePartnership(context, account)
        let occurrences = cached.evaluation.obligations
        return pagination.page(
            cached.partnership.obligations.map { APIRepresentation.obligation($0, occurrences: occurrences) },
            request: request)
    }

    private func activities(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        let partnership = try await readablePartnership(context, account).partnership
        return pagination.page(partnership.activities.map(RecordEncoder.value), request: request)
    }

    private func activity(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let cached = try await readablePartnership(context, account)
        let id = try Self.parameter(context, "activity")
        guard let activity = cached.partnership.activities.first(where: { $0.id == id }) else {
            throw Problem.notFound(
                "No activity \"\(id)\" in partnership \"\(cached.partnership.id)\" of \"\(cached.organization.id)\".")
        }
        return APIResponse(RecordEncoder.value(activity))
    }

    private func documents(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let pagination = try Pagination(request)
        let cached = try await readablePartnership(context, account)
        let files = try await site.documents.files(
            organizationID: cached.organization.id, partnershipID: cached.partnership.id)
        return pagination.page(
            cached.partnership.documents.map { APIRepresentation.document($0, file: files[$0.id]) }, request: request)
    }

    private func partnershipEvaluation(_ request: Request, _ context: KembarRequestContext, _ account: Account)
        async throws -> APIResponse
    {
        let cached = try await readablePartnership(context, account)
        let day = try Self.day(request, default: cached.day)
        let evaluation =
            day == cached.day
            ? cached.evaluation
            : Evaluator.evaluate(
                cached.partnership, organization: cached.organization, partnershipCount: cached.partnershipCount,
                asOf: day, policy: cached.policy)
        return APIResponse(
            bytes: EvaluationEncoder.encode(Evaluation(asOf: day, policy: cached.policy, partnerships: [evaluation])))
    }

    /// Adds an activity (a `kembar/1` activity object) to the partnership, as the activity form
    /// does: checked whole, written in one transaction with its audit entry.
    private func addActivity(_ request: Request, _ context: KembarRequestContext, _ account: Account) async throws
        -> APIResponse
    {
        let organizationID = try Self.parameter(context, "organization")
        let partnershipID = try Self.parameter(context, "partnership")
        guard account.canRead(organizationID: organizationID, partnershipID: partnershipID) else {
            throw Problem.notFound("No partnership \"\(partnershipID)\" of \"\(organizationID)\" for this account.")
        }
        guard account.canEdit(organizationID: organizationID) else {
            throw Problem.forbidden(
                "Only officers and administrators add activities; a partner city's liaison proposes them on the site.")
        }
        let body = try await ActivityIntake.body(request)
        let actor = "\(account.email) (\(account.role.rawValue)) via API"
        // Where the activity goes, for the pointers of a refusal from the store's own check.
        let position = Mutex<Int>(0)
        let added: Activity?
        do {
            added = try await site.modifyPartnership(organizationID, partnershipID) {
                stored in
                let index = stored.partnership.activities.count
                position.withLock { $0 = index }
                let activity = try ActivityIntake.activity(body, at: index)
                var partnership = stored.partnership
                partnership.activities.append(activity)
                let change = Change(
                    actor: actor, action: "create", entity: "activity", entityID: activity.id,
                    partnershipID: partnershipID, summary: "added activity \(activity.id) through the API",
                    after: JSONWriter.string(RecordEncoder.value(activity)))
                return (partnership, change, activity)
            }
        } catch StoreError.invalidRecord(let issues) {
            throw ActivityIntake.problem(issues, index: position.withLock { $0 })
        }
        guard let added else {
            throw Problem.notFound("No partnership \"\(partnershipID)\" of \"\(organizationID)\".")
        }
        var response = APIResponse(RecordEncoder.value(added), status: .created)
        response.headers[.location] = APIPath.activity(organizationID, partnershipID, added.id)
        return response
    }

    // MARK: - Reading

    /// The government of the path, when the account reads it.
    private func readable(_ context: KembarRequestContext, _ account: Account) async throws
        -> (CooperationRecord, RecordView)
    {
        let organizationID = try Self.parameter(context, "organization")
        guard account.covers(organizationID), let (record, view) = try await site.record(organizationID) else {
            throw Problem.notFound("No government \"\(organizationID)\" for this account.")
        }
        return (record, view)
    }

    /// The partnership of the path, when the account reads it, without the rest of its government.
    private func readablePartnership(_ context: KembarRequestContext, _ account: Account) async throws
        -> CachedPartnership
    {
        let organizationID = try Self.parameter(context, "organization")
        let partnershipID = try Self.parameter(context, "partnership")
        guard account.covers(organizationID), try await site.index(organizationID) != nil else {
            throw Problem.notFound("No government \"\(organizationID)\" for this account.")
        }
        guard account.canRead(organizationID: organizationID, partnershipID: partnershipID),
            let cached = try await site.partnership(organizationID, partnershipID)
        else {
            throw Problem.notFound("No partnership \"\(partnershipID)\" of \"\(organizationID)\" for this account.")
        }
        return cached
    }

    private func visible(_ record: CooperationRecord, _ account: Account) -> [Partnership] {
        record.partnerships.filter { account.canRead(organizationID: record.organization.id, partnershipID: $0.id) }
            .sorted { $0.id < $1.id }
    }

    /// The evaluation output of `kembar evaluate --format json` (docs/interchange.md): today's
    /// from the cache, another day's computed.
    private func evaluate(
        _ record: CooperationRecord, ids: [String], day: CalendarDay, snapshot: RecordView
    ) throws -> APIResponse {
        let organizationID = record.organization.id
        let evaluation: Evaluation
        if day == snapshot.day, let cached = snapshot.evaluations[organizationID] {
            evaluation = Evaluation(
                asOf: day, policy: snapshot.policy, partnerships: ids.sorted().compactMap { cached[$0] })
        } else {
            evaluation = try Evaluator.evaluate(record, asOf: day, policy: snapshot.policy, partnershipIDs: ids)
        }
        return APIResponse(bytes: EvaluationEncoder.encode(evaluation))
    }

    /// A path parameter as the record spells it: the router hands it over still percent-encoded
    /// (an id with a space arrives as `%20`).
    static func parameter(_ context: KembarRequestContext, _ name: String) throws -> String {
        let raw = try context.parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }

    /// `asOf`, a day written YYYY-MM-DD; today when absent.
    static func day(_ request: Request, default today: CalendarDay) throws -> CalendarDay {
        guard let text = request.uri.queryParameters["asOf"].map(String.init) else { return today }
        guard let day = CalendarDay(iso: text) else {
            throw Problem.badParameter("asOf", "must be a real day written YYYY-MM-DD, not \"\(text)\"")
        }
        return day
    }
}
