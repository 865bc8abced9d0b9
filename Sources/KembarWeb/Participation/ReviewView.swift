/// A list of things waiting for an officer's decision (community proposals, activities entered by
/// the partner city), each with the form that accepts it and the one that declines it.
struct ReviewView {
    struct Item {
        let anchor: String
        let heading: String
        let facts: [PartnershipView.Fact]
        let status: String
        let pending: Bool
        let action: String
        let acceptFields: [FormPage.Field]
        let acceptLabel: String
        let declineField: FormPage.Field
        let declineLabel: String
        let errors: [String]
        let hasErrors: Bool
        /// What the decision made: the activity it added to the record, to open.
        var outcome: PartnershipView.Link? = nil
        /// Said once, right after the decision was taken here.
        var notice: String? = nil
    }

    let heading: String
    let intro: String
    let back: String
    let items: [Item]
    let hasItems: Bool
}
