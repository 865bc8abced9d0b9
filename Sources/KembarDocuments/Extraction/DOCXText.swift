import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The text of a Word (DOCX) document: the runs of its main part, a line per paragraph. External
/// entities are never resolved, so a crafted document cannot make the server read its own files.
enum DOCXText {
    static func text(of archive: ZipArchive, limit: Int) throws(IntakeError) -> String {
        guard archive.entry(named: "[Content_Types].xml") != nil, let main = archive.entry(named: "word/document.xml")
        else {
            throw .unsupported(.otherArchive)
        }
        let xml: [UInt8]
        do {
            xml = try archive.contents(of: main, limit: limit)
        } catch .exceeds(let limit) {
            throw .expandsTooFar(limit: limit)
        } catch {
            throw .corrupt(.docx)
        }
        let parser = XMLParser(data: Data(xml))
        parser.shouldResolveExternalEntities = false
        let collector = RunCollector()
        parser.delegate = collector
        guard parser.parse() else { throw .corrupt(.docx) }
        return PlainText.normalized(collector.text)
    }

    private final class RunCollector: NSObject, XMLParserDelegate {
        var text = ""
        private var inText = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            switch elementName {
            case "w:t", "w:delText": inText = elementName == "w:t"
            case "w:tab": text += "\t"
            case "w:br", "w:cr": text += "\n"
            default: break
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch elementName {
            case "w:t": inText = false
            case "w:p": text += "\n"
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { text += string }
        }
    }
}
