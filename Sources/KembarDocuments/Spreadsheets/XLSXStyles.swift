import Foundation
import KembarCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Which cell styles of `xl/styles.xml` show a number as a date, and to what precision: Excel's
/// built-in date formats, and any custom format that writes a day, month or year.
final class StylesCollector: NSObject, XMLParserDelegate {
    private(set) var dateStyles: [DatePoint.Precision?] = []
    private var customDateFormats: [Int: DatePoint.Precision] = [:]
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
                let precision = Self.datePrecision(code)
            {
                customDateFormats[id] = precision
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            let format = attributes["numFmtId"].flatMap(Int.init) ?? 0
            dateStyles.append(
                customDateFormats[format] ?? (format == 17 ? .month : Self.builtInDates.contains(format) ? .day : nil))
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName.localName == "cellXfs" { inCellFormats = false }
    }

    /// A format code writes a date when, outside its quoted text and bracketed colours, it has a
    /// day or year letter (`m` alone may be minutes); without a day it shows a month, without a
    /// month a year.
    static func datePrecision(_ code: String) -> DatePoint.Precision? {
        var letters = Set<Character>()
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
            case "d", "m", "y", "h", "s":
                if !quoted && !bracketed { letters.insert(character) }
            default: break
            }
        }
        guard letters.contains("d") || letters.contains("y") else { return nil }
        if letters.contains("d") { return .day }
        return letters.contains("m") ? .month : .year
    }
}
