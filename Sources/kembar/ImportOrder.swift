import Foundation
import KembarCore
import KembarStore

/// The order in which `kembar import` writes several `kembar/1` documents: a government after the
/// one it belongs to (a city after its province), otherwise as given.
enum ImportOrder {
    struct Document {
        let file: String
        let id: String?
        let parent: String?
    }

    /// The files in the order to write them, and the groups of files whose governments belong to
    /// each other in a circle (never written).
    static func sorted(_ files: [String]) -> (ordered: [String], circles: [[String]]) {
        var waiting = files.map(peek)
        let given = Set(waiting.compactMap(\.id))
        var written: Set<String> = []
        var ordered: [String] = []
        while !waiting.isEmpty {
            guard
                let next = waiting.firstIndex(where: { document in
                    document.parent.map { !given.contains($0) || written.contains($0) } ?? true
                })
            else { break }
            let document = waiting.remove(at: next)
            ordered.append(document.file)
            if let id = document.id { written.insert(id) }
        }
        return (ordered, waiting.isEmpty ? [] : [waiting.map(\.file)])
    }

    /// A document's government and its parent, read without validating the rest (the import
    /// validates it when its turn comes). Standard input is read only once, so it is not peeked.
    private static func peek(_ file: String) -> Document {
        guard file != "-", let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
            let root = try? JSONParser.parse(data), case .object(let members) = root,
            case .object(let organization)? = members.first(where: { $0.key == "organization" })?.value
        else { return Document(file: file, id: nil, parent: nil) }
        func text(_ key: String) -> String? {
            if case .string(let value)? = organization.first(where: { $0.key == key })?.value { return value }
            return nil
        }
        return Document(file: file, id: text("id"), parent: text("parent"))
    }
}
