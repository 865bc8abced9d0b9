import Testing

@testable import KembarWeb

/// The fingerprint of what an edit form was opened on.
@Suite struct EditBasisTests {
    private func state(_ body: String) -> FormState { FormState(urlEncoded: body) }

    @Test func theFormsOwnFieldsAndBlankFieldsDoNotCount() {
        let record = state("title=Rapat&areas=a&areas=b")
        #expect(EditBasis.of(record) == EditBasis.of(state("_csrf=x&save=yes&title=Rapat&areas=a&areas=b&end=")))
        #expect(EditBasis.of(record) == EditBasis.of(state("areas=a&areas=b&title=Rapat&basis=old")))
    }

    @Test func everyChangeOfAValueOrItsSplitCounts() {
        let record = EditBasis.of(state("areas=ab"))
        #expect(record != EditBasis.of(state("areas=a&areas=b")))
        #expect(record != EditBasis.of(state("areas=ba")))
        #expect(record != EditBasis.of(state("area=ab")))
    }

    @Test func aFormWithoutAFingerprintIsNotOutdated() {
        let current = state("title=Rapat")
        #expect(!EditBasis.isOutdated(state("title=Lain"), current: current))
        #expect(!EditBasis.isOutdated(EditBasis.stamped(current), current: current))
        #expect(EditBasis.isOutdated(EditBasis.stamped(state("title=Lain")), current: current))
    }

    /// Sent again after its own save, or the same change made by two people: nothing to lose.
    @Test func entriesThatAreWhatIsSavedNowAreNoConflict() {
        var sent = EditBasis.stamped(state("title=Lama"))
        sent["title"] = "Baru"
        #expect(!EditBasis.isOutdated(sent, current: state("title=Baru")))
        #expect(EditBasis.isOutdated(sent, current: state("title=Lain")))
    }
}
