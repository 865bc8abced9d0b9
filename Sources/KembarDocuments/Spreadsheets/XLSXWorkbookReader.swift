import Foundation
import KembarCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads an XLSX workbook (Office Open XML, as Excel, LibreOffice and openpyxl write it): its
/// visible sheets in order, each cell as its type and number format say. A formula's cell gives
/// its cached value; a hidden sheet (where templates keep their lists) is left out.
struct XLSXWorkbookReader {
    let archive: ZipArchive
    let limits: SpreadsheetLimits

    func read() throws(SpreadsheetError) -> Spreadsheet {
        let workbook = try XMLCollector.parse(try part("xl/workbook.xml"), WorkbookCollector())
        let relations = try XMLCollector.parse(try part("xl/_rels/workbook.xml.rels"), RelationsCollector())
        let strings =
            archive.entry(named: "xl/sharedStrings.xml") == nil
            ? [] : try XMLCollector.parse(try part("xl/sharedStrings.xml"), SharedStringsCollector()).strings
        let dateStyles =
            archive.entry(named: "xl/styles.xml") == nil
            ? [] : try XMLCollector.parse(try part("xl/styles.xml"), StylesCollector()).dateStyles
        var sheets: [Sheet] = []
        var rowsLeft = limits.maximumRows
        for sheet in workbook.sheets where sheet.visible {
            guard let target = relations.targets[sheet.relation] else { throw .corrupt }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let collector = SheetCollector(
                strings: strings, dateStyles: dateStyles, date1904: workbook.date1904, rowsLeft: rowsLeft)
            let rows = try XMLCollector.parse(try part(path), collector)
            if rows.tooManyRows { throw .tooManyRows(limit: limits.maximumRows) }
            rowsLeft -= rows.rows.count
            sheets.append(Sheet(name: sheet.name, rows: rows.rows))
        }
        return Spreadsheet(sheets: sheets)
    }

    private func part(_ name: String) throws(SpreadsheetError) -> [UInt8] {
        guard let entry = archive.entry(named: name) else { throw .corrupt }
        do {
            return try archive.contents(of: entry, limit: limits.maximumExpandedBytes)
        } catch .exceeds(let limit) {
            throw .expandsTooFar(limit: limit)
        } catch .unsupported("encryption") {
            throw .encrypted
        } catch {
            throw .corrupt
        }
    }
}

/// Runs a parser delegate over a part; external entities are never resolved, so a crafted file
/// cannot make the server read its own files.
enum XMLCollector {
    static func parse<Collector: NSObject & XMLParserDelegate>(_ bytes: [UInt8], _ collector: Collector)
        throws(SpreadsheetError) -> Collector
    {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        let parsed = parser.parse()
        if let sheet = collector as? SheetCollector, sheet.tooManyRows { return collector }
        guard parsed else { throw .corrupt }
        return collector
    }
}

/// The sheets of `xl/workbook.xml`, and which date system it counts in.
final class WorkbookCollector: NSObject, XMLParserDelegate {
    struct SheetEntry {
        let name: String
        let relation: String
        let visible: Bool
    }

    var sheets: [SheetEntry] = []
    var date1904 = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "sheet":
            let relation = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
            sheets.append(
                SheetEntry(
                    name: attributes["name"] ?? "", relation: relation,
                    visible: (attributes["state"] ?? "visible") == "visible"))
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
}

/// The targets of the workbook's relationships, by id.
final class RelationsCollector: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if elementName.localName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// The shared strings, each the text of its runs (phonetic guides left out).
final class SharedStringsCollector: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch elementName.localName {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName.localName {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

extension String {
    /// The element's name without its namespace prefix (`x:sheet` is `sheet`).
    var localName: Substring {
        guard let colon = firstIndex(of: ":") else { return Substring(self) }
        return self[index(after: colon)...]
    }
}
