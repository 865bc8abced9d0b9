import KembarCore

extension Words {
    /// A partnership's health in a word, and why: "kritis: dorman 4,5 tahun; 3 unsur tidak
    /// terpenuhi". The word alone when there is no evaluation.
    func health(_ evaluation: PartnershipEvaluation?) -> (word: String, explained: String) {
        guard let evaluation else {
            let word = term(PartnershipHealth.unknown, "health")
            return (word, word)
        }
        let word = term(PartnershipHealth(evaluation), "health")
        let reasons = HealthReason.of(evaluation).map { reason in
            switch reason {
            case .dormant(let days): text("health_reason_dormant", ["duration": duration(days: days)])
            case .unmet(let count): text("health_reason_unmet", ["n": self.count(count)])
            case .partial(let count): text("health_reason_partial", ["n": self.count(count)])
            case .met(let count): text("health_reason_met", ["n": self.count(count)])
            case .tooLittleData: text("health_reason_too_little_data")
            }
        }
        return (word, word + ": " + reasons.joined(separator: "; "))
    }
}
