import KembarCore

/// An estimate of the bytes a cached partnership and its evaluation take in memory, so that the
/// caches can keep to the budget `kembar serve --cache-mb` sets. The constants approximate Swift's
/// layout on 64-bit Linux (a string's heap storage past 15 bytes, an array's header and stride)
/// and were checked against the resident memory of a server holding a national record.
enum Footprint {
    static func of(_ partnership: Partnership, _ evaluation: PartnershipEvaluation) -> Int {
        var bytes = 512 + text(partnership.partner.name) + text(partnership.partner.nativeName)
        bytes += partnership.stages.reduce(0) { $0 + 96 + text($1.note) }
        for agreement in partnership.agreements {
            bytes +=
                256 + text(agreement.id) + texts(agreement.areas) + texts(agreement.objectives)
                + texts(agreement.clauses)
                + agreement.signatories.reduce(0) { $0 + 80 + text($1.name) + text($1.title) }
        }
        bytes += partnership.obligations.reduce(0) { $0 + 192 + text($1.id) + text($1.title) + text($1.agreement) }
        for activity in partnership.activities {
            bytes +=
                320 + text(activity.id) + text(activity.title) + texts(activity.areas) + texts(activity.fulfils)
                + texts(activity.documents) + 48 * activity.participants.count
                + activity.costs.reduce(0) { $0 + 64 + text($1.currency) }
                + activity.benefits.reduce(0) { $0 + 48 + text($1.description) }
                + activity.results.reduce(0) { $0 + 112 + text($1.description) + texts($1.evidence) }
        }
        bytes += partnership.documents.reduce(0) { $0 + 192 + text($1.id) + text($1.title) + text($1.source) }
        bytes += partnership.assessments.reduce(0) { $0 + 160 + text($1.note) + text($1.by) }
        return bytes + of(evaluation)
    }

    static func of(_ evaluation: PartnershipEvaluation) -> Int {
        var bytes = 1024 + 96 * evaluation.vacuums.count + 160 * evaluation.obligations.count
        for verdict in evaluation.elements.values {
            for indicator in verdict.indicators {
                bytes += 256 + texts(indicator.records) + 128 * indicator.phrases.count
            }
        }
        for alarm in evaluation.alarms {
            bytes += 192 + texts(alarm.records) + 128 * alarm.phrases.count
        }
        // What the page draws: the flows each way (three small tables by side, the cost and
        // benefit lines, the activities behind them) and the areas with their counts.
        let flows = evaluation.reciprocity
        bytes += 3 * 160 + 128 + flows.costs.reduce(32) { $0 + 48 + text($1.unit) } + 32 + 40 * flows.benefits.count
        bytes += texts(flows.delegationRecords) + texts(flows.costRecords) + texts(flows.benefitRecords)
        bytes += evaluation.areas.reduce(32) { $0 + 96 + text($1.area) }
        return bytes
    }

    /// A string's own bytes: inline up to 15 UTF-8 bytes, else a heap block with its header.
    private static func text(_ string: String?) -> Int {
        guard let string else { return 0 }
        let count = string.utf8.count
        return 16 + (count > 15 ? 32 + count : 0)
    }

    private static func texts(_ strings: [String]) -> Int {
        strings.reduce(32) { $0 + text($1) }
    }
}
