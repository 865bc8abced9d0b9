import Foundation

/// One pair of twinned towns from a public directory (reference data, never part of a
/// government's record): the two sides as the source wrote them, with the countries read as ISO
/// codes where the source's text allows.
public struct DirectoryPair: Hashable, Sendable {
    public struct Town: Hashable, Sendable {
        public var name: String
        /// The country as the source wrote it ("England", "New York, United States").
        public var countryText: String
        /// ISO 3166-1 alpha-2, nil when the source's text names no country Kembar knows.
        public var country: String?
        public var coordinate: Coordinate?

        public init(name: String, countryText: String, country: String?, coordinate: Coordinate?) {
            self.name = name
            self.countryText = countryText
            self.country = country
            self.coordinate = coordinate
        }
    }

    public var first: Town
    public var second: Town

    public init(first: Town, second: Town) {
        self.first = first
        self.second = second
    }
}

/// Reads a twin-town directory file: the geocoded form (`city1,country1,lat1,lng1,city2,country2,
/// lat2,lng2`) or the raw one (`city1,country1,city2,country2`). Pairs of a town with itself (two
/// towns of one name merged by the source) are left out and counted.
public enum DirectoryFile {
    public struct Contents: Sendable {
        public var pairs: [DirectoryPair] = []
        /// Pairs of a town with itself, left out.
        public var selfPairs = 0
        /// Lines that do not hold a pair (too few fields), left out.
        public var malformedLines = 0
        /// Towns whose country text names no country Kembar knows (kept, without a code).
        public var unknownCountries = 0
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The header is not one of the directory's forms.
        case wrongColumns(found: String)
    }

    static let geocoded = ["city1", "country1", "lat1", "lng1", "city2", "country2", "lat2", "lng2"]
    static let raw = ["city1", "country1", "city2", "country2"]

    public static func read(_ text: String, vocabulary: ImportVocabulary = .standard) throws(Failure) -> Contents {
        var lines = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).makeIterator()
        let header = (lines.next().map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        let columns = CSVLine.fields(Substring(header)).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard columns == geocoded || columns == raw else { throw .wrongColumns(found: header) }
        let hasCoordinates = columns == geocoded
        var contents = Contents()
        while let line = lines.next() {
            let fields = CSVLine.fields(line)
            guard fields.count == columns.count else {
                contents.malformedLines += 1
                continue
            }
            func town(_ offset: Int) -> DirectoryPair.Town {
                let countryText = fields[offset + 1]
                let coordinate =
                    hasCoordinates
                    ? Double(fields[offset + 2]).flatMap { lat in
                        Double(fields[offset + 3]).map { Coordinate(latitude: lat, longitude: $0) }
                    } : nil
                return DirectoryPair.Town(
                    name: fields[offset], countryText: countryText, country: country(countryText, vocabulary),
                    coordinate: coordinate)
            }
            let pair = DirectoryPair(first: town(0), second: town(hasCoordinates ? 4 : 2))
            guard !pair.first.name.isEmpty, !pair.second.name.isEmpty else {
                contents.malformedLines += 1
                continue
            }
            if MatchKey.of(pair.first.name) == MatchKey.of(pair.second.name)
                && pair.first.countryText == pair.second.countryText
            {
                contents.selfPairs += 1
                continue
            }
            contents.unknownCountries += (pair.first.country == nil ? 1 : 0) + (pair.second.country == nil ? 1 : 0)
            contents.pairs.append(pair)
        }
        return contents
    }

    /// The country a source's text names: "England" and "Wales" are the United Kingdom's, "New
    /// York, United States" the United States', "Georgia (country)" Georgia.
    static func country(_ text: String, _ vocabulary: ImportVocabulary) -> String? {
        var name = text
        if let open = name.firstIndex(of: "(") { name = String(name[..<open]) }
        let parts = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for part in parts.reversed() {
            if ["england", "scotland", "wales", "northern ireland"].contains(MatchKey.of(part)) { return "GB" }
            if let code = vocabulary.country(part), part.count > 2 { return code }
        }
        return nil
    }
}

/// The fields of one comma-separated line, quotes honoured.
enum CSVLine {
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var previousWasQuote = false
        for character in line {
            if quoted {
                if character == "\"" {
                    quoted = false
                    previousWasQuote = true
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                if previousWasQuote { field.append("\"") }
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
                previousWasQuote = false
            } else {
                field.append(character)
                previousWasQuote = false
            }
        }
        fields.append(field)
        return fields
    }
}
