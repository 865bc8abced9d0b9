import Foundation
import KembarCore

/// Reads CSV as spreadsheet programs save it: UTF-8 with or without a byte-order mark, UTF-16
/// with one, or Windows-1252 (what Excel in Indonesia saves by default); the separator a comma,
/// a semicolon (Excel where the decimal mark is a comma) or a tab, whichever the first lines use.
enum CSVSheetReader {
    static func read(_ bytes: [UInt8], sheetName: String, limits: SpreadsheetLimits) throws(SpreadsheetError) -> Sheet {
        let text = decode(bytes)
        let separator = separator(in: text)
        var rows: [SheetRow] = []
        var cells: [Cell] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var rowNumber = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func endField() {
            cells.append(fieldWasQuoted ? (field.isEmpty ? .empty : .text(field)) : Cell(text: field))
            field = ""
            fieldWasQuoted = false
        }
        func endRow() throws(SpreadsheetError) {
            endField()
            let row = SheetRow(number: rowNumber, cells: cells)
            if !row.isEmpty {
                guard rows.count < limits.maximumRows else { throw .tooManyRows(limit: limits.maximumRows) }
                rows.append(row)
            }
            cells = []
            rowNumber += 1
        }
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = scalars.next()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" && field.isEmpty {
                quoted = true
                fieldWasQuoted = true
            } else if scalar == separator {
                endField()
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r" && pending == "\n" { pending = scalars.next() }
                try endRow()
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !cells.isEmpty { try endRow() }
        return Sheet(name: sheetName, rows: rows)
    }

    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: bytes.dropFirst(3), as: UTF8.self) }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return String(decoding: utf16(bytes.dropFirst(2), bigEndian: false), as: UTF16.self)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return String(decoding: utf16(bytes.dropFirst(2), bigEndian: true), as: UTF16.self)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt16] {
        stride(from: bytes.startIndex, to: bytes.endIndex - 1, by: 2).map { index in
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            return UInt16(high) << 8 | UInt16(low)
        }
    }

    /// The candidate found on most of the first lines (outside quotes), then most often.
    static func separator(in text: String) -> Unicode.Scalar {
        let candidates: [Unicode.Scalar] = [";", ",", "\t"]
        var lines = [Unicode.Scalar: Int]()
        var totals = [Unicode.Scalar: Int]()
        var seenOnLine = Set<Unicode.Scalar>()
        var quoted = false
        var lineCount = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" {
                for candidate in seenOnLine { lines[candidate, default: 0] += 1 }
                seenOnLine = []
                lineCount += 1
                if lineCount == 50 { break }
            } else if candidates.contains(scalar) {
                seenOnLine.insert(scalar)
                totals[scalar, default: 0] += 1
            }
        }
        for candidate in seenOnLine { lines[candidate, default: 0] += 1 }
        return candidates.max { (lines[$0] ?? 0, totals[$0] ?? 0) < (lines[$1] ?? 0, totals[$1] ?? 0) } ?? ","
    }
}
