import Foundation

/// Escapes text for HTML and SVG, for the few fragments (charts) built outside the templates.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A number for an SVG attribute: at most one decimal.
    static func number(_ value: Double) -> String {
        WorldMap.format(value)
    }
}
