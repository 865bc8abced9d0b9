import Foundation
import KembarCore
import KembarDocuments
import KembarWeb
import Testing

/// Every string of the interface comes from a catalog; these tests fail when a key is missing
/// in either language.
@Suite struct CatalogTests {
    private let phrasePrefix = "phrase."

    @Test func bothLanguagesHoldTheSameInterfaceKeys() throws {
        let catalog = try Catalog.bundled()
        // English phrases of the evaluation live in KembarCore's PhraseBook, not in the catalog.
        let indonesian = catalog.keys(.indonesian).filter { !$0.hasPrefix(phrasePrefix) }
        let english = catalog.keys(.english)
        #expect(
            indonesian.subtracting(english).isEmpty, "missing in English: \(indonesian.subtracting(english).sorted())")
        #expect(
            english.subtracting(indonesian).isEmpty,
            "missing in Indonesian: \(english.subtracting(indonesian).sorted())")
        #expect(!english.contains { $0.hasPrefix(phrasePrefix) }, "English phrases belong in the PhraseBook")
    }

    @Test func everyPhraseOfTheEvaluationIsTranslated() throws {
        let catalog = try Catalog.bundled()
        let translated = Set(
            catalog.keys(.indonesian).filter { $0.hasPrefix(phrasePrefix) }.map {
                String($0.dropFirst(phrasePrefix.count))
            })
        let english = Set(PhraseBook.english.keys)
        #expect(english.subtracting(translated).isEmpty, "untranslated: \(english.subtracting(translated).sorted())")
        #expect(translated.subtracting(english).isEmpty, "no longer used: \(translated.subtracting(english).sorted())")
        // A translation uses the same numbered arguments as the English phrase it renders.
        for key in english {
            let arguments = { (template: String) in Set(template.matches(of: /\{(\d)/).map { String($0.1) }) }
            let indonesian = try #require(catalog.string(phrasePrefix + key, .indonesian))
            #expect(arguments(indonesian) == arguments(PhraseBook.english[key]!), "arguments differ in \(key)")
        }
    }

    @Test func everyWordOfTheVocabularyIsNamedInBothLanguages() throws {
        let catalog = try Catalog.bundled()
        var words = PhraseBook.englishTerms.keys.map { $0 }
        func family<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ name: String) where T.RawValue == String {
            words += T.allCases.map { "\(name).\($0.rawValue)" }
        }
        family(Activity.Kind.self, "activity-kind")
        family(Activity.Host.self, "host")
        family(Activity.Initiator.self, "initiator")
        family(Agreement.Kind.self, "agreement-type")
        family(Alarm.Kind.self, "alarm")
        family(Benefit.Kind.self, "benefit")
        family(Cost.Kind.self, "cost")
        family(ActivityResult.Kind.self, "result-kind")
        family(ActivityResult.Directness.self, "directness")
        family(Document.Kind.self, "document-kind")
        family(KeyElement.self, "element")
        family(ElementStatus.self, "status")
        family(ElementStatus.self, "status-short")
        family(PartnershipHealth.self, "health")
        family(IndicatorID.self, "indicator")
        family(Obligation.Recurrence.self, "recurrence")
        family(Participant.Group.self, "group")
        family(Participant.Role.self, "role")
        family(Partner.Kind.self, "partner-kind")
        family(Partnership.Kind.self, "partnership-kind")
        family(StageEvent.Stage.self, "stage")
        family(KeyElement.self, "code-description")
        family(IndicatorID.self, "code-description")
        family(FileContent.self, "file-content")
        words += DocumentFormat.allCases.map { "file-format.\($0.key)" }
        for word in words {
            for language in Language.allCases {
                #expect(catalog.string("term.\(word)", language) != nil, "no \(language) word for \(word)")
            }
        }
    }

    @Test func everyKeyATemplateUsesExists() throws {
        let catalog = try Catalog.bundled()
        let templates = sourcesDirectory().appendingPathComponent("Resources/templates")
        for file in try FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for key in text.matches(of: /\{\{t\.([A-Za-z0-9_\-]+)\}\}/).map({ String($0.1) }) {
                for language in Language.allCases {
                    #expect(
                        catalog.keys(language).contains(key),
                        "\(file.lastPathComponent) uses \(key), missing in \(language)")
                }
            }
        }
    }

    /// Keys the code names literally, as `text("key")` or `text("key", …)`, read from the sources.
    @Test func everyKeyTheCodeNamesExists() throws {
        let catalog = try Catalog.bundled()
        let enumerator = try #require(
            FileManager.default.enumerator(at: sourcesDirectory(), includingPropertiesForKeys: nil))
        var named: Set<String> = []
        for case let file as URL in enumerator where file.pathExtension == "swift" {
            let source = try String(contentsOf: file, encoding: .utf8)
            named.formUnion(source.matches(of: /words\.text\("([a-z][a-z0-9_]*)"/).map { String($0.1) })
        }
        #expect(named.count > 50)
        for language in Language.allCases {
            let missing = named.subtracting(catalog.keys(language))
            #expect(missing.isEmpty, "missing in \(language): \(missing.sorted())")
        }
    }

    private func sourcesDirectory() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/KembarWeb")
    }
}
