import KembarCore
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValueAndKeepsMemberOrder() throws {
        let value = try JSONParser.parse(#"{"b": [1, -2.5, 3e2, true, false, null], "a": "x\n\u00e9\ud83d\ude00/"}"#)
        #expect(
            value
                == .object([
                    .init("b", .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null])),
                    .init("a", .string("x\né😀/")),
                ]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1 2]", 1, 4), ("{\"a\" 1}", 1, 6), ("\"abc", 1, 5), ("01", 1, 2),
        ("{}\n  x", 2, 3), ("\"\\x\"", 1, 3), ("[\"\u{1}\"]", 1, 3), ("", 1, 1), ("\"\\ud83d\"", 1, 8),
    ])
    func reportsWhereASyntaxErrorIs(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed invalid JSON \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
        }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func refusesNestingDeeperThanItsLimit() {
        let deep =
            String(repeating: "[", count: JSONParser.maximumDepth + 1)
            + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
        let allowed =
            String(repeating: "[", count: JSONParser.maximumDepth)
            + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(allowed) }
    }

    @Test func acceptsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("true".utf8)) == .bool(true))
    }
}

@Suite struct JSONWriterTests {
    @Test func writesTheCanonicalLayout() {
        let value = JSONValue.object([
            .init("name", .string("柳州市 \"q\" \\ \u{1}\t")),
            .init("areas", .array([.string("economy"), .string("other")])),
            .init("count", .number(10000)),
            .init("lat", .number(-6.92222)),
            .init("empty", .array([])),
            .init("items", .array([.object([.init("ok", .bool(true))])])),
        ])
        let expected = """
            {
              "name": "柳州市 \\"q\\" \\\\ \\u0001\\t",
              "areas": ["economy", "other"],
              "count": 10000,
              "lat": -6.92222,
              "empty": [],
              "items": [
                {
                  "ok": true
                }
              ]
            }

            """
        #expect(JSONWriter.string(value) == expected)
    }

    @Test func readsBackWhatItWrites() throws {
        let value = JSONValue.array([.number(0.1), .number(1e-7), .number(123_456_789_012), .string("a\u{7F}b\r\n")])
        #expect(try JSONParser.parse(JSONWriter.string(value)) == value)
    }
}
