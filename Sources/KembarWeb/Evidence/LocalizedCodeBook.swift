import KembarCore

/// The code book named in one of the interface's languages, for exports made outside a page
/// (`kembar export --format qdpx`). The codes' keys, and so their GUIDs, are the same in every
/// language; only their names differ.
public enum LocalizedCodeBook {
    public static func make(subCodes: [Code], language: Language) throws -> CodeBook {
        let words = Words(language: language, catalog: try Catalog.bundled())
        return CodeBook(subCodes: subCodes, words: words)
    }
}

extension CodeBook {
    /// The elements and indicators as the catalog names them, with `subCodes` beneath them.
    init(subCodes: [Code], words: Words) {
        self.init(
            subCodes: subCodes, elementName: { words.term($0, "element") },
            indicatorName: { "\($0.rawValue) \(words.term($0, "indicator"))" },
            describe: { words.term("code-description.\($0)") })
    }
}

extension CodeBook {
    /// The codes as a list to choose from, indented by depth, after "— choose —".
    func options(selected: String, words: Words) -> [FormPage.Option] {
        [FormPage.Option(value: "", label: words.text("choose"), selected: selected.isEmpty)]
            + codes.map { code in
                FormPage.Option(
                    value: code.key, label: String(repeating: "— ", count: path(to: code.key).count - 1) + code.name,
                    selected: selected == code.key)
            }
    }
}
