import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Which cell styles of `xl/styles.xml` show a number as a date: Excel's built-in date formats,
/// and any custom format that writes a day, month or year.
final class StylesCollector: NSObject, XMLParserDelegate {
    private(set) var dateStyles: [Bool] = []
    private var customDateFormats: Set<Int> = []
    private var inCellFormats = false

    /// Excel's built-in number formats that are dates (14–22, 27–36, 45–47, 50–58).
    private static let builtInDates = Set(Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                Self.isDate(code)
            {
                customDateFormats.insert(id)
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
            dateStyles.append(Self.builtInDates.contains(format) || customDateFormats.contains(format))
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName.localName == "cellXfs" { inCellFormats = false }
    }

    /// A format code writes a date when, outside its quoted text and bracketed colours, it has a
    /// day or year letter (`m` alone may be minutes).
    static func isDate(_ code: String) -> Bool {
        var quoted = false
        var bracketed = false
        var escaped = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracketed = true
            case "]": bracketed = false
            case "d" where !quoted && !bracketed, "y" where !quoted && !bracketed: return true
            default: break
            }
        }
        return false
    }
}
