import Testing

@testable import NewsCore

@Suite("JSONValue")
struct JSONValueTests {
    @Test(
        "strings are escaped for JSON",
        arguments: [
            ("plain", #""plain""#),
            ("quote \" here", #""quote \" here""#),
            ("back\\slash", #""back\\slash""#),
            ("line\nfeed", #""line\nfeed""#),
            ("carriage\rreturn", #""carriage\rreturn""#),
            ("tab\there", #""tab\there""#),
            ("bell\u{07}", #""bell\u0007""#),
            ("nul\u{00}", #""nul\u0000""#),
            ("unit\u{1F}", #""unit\u001f""#),
            ("form\u{0C}feed", #""form\u000cfeed""#),
            ("del\u{7F}", "\"del\u{7F}\""),
            ("slash / stays", #""slash / stays""#),
            ("café “quoted” 😀", #""café “quoted” 😀""#),
            ("", #""""#),
        ]
    )
    func escaping(value: String, expected: String) {
        #expect(JSONValue.string(value).compact == expected)
        #expect(JSONValue.string(value).pretty == expected)
    }

    @Test(
        "scalars",
        arguments: [
            (JSONValue.null, "null"),
            (.bool(true), "true"),
            (.bool(false), "false"),
            (.int(0), "0"),
            (.int(-42), "-42"),
            (.int(Int.max), "9223372036854775807"),
            (.double(1.5), "1.5"),
            (.double(-0.25), "-0.25"),
            (.double(.infinity), "null"),
            (.double(-.infinity), "null"),
            (.double(.nan), "null"),
            (.array([]), "[]"),
            (.object([]), "{}"),
        ]
    )
    func scalars(value: JSONValue, expected: String) {
        #expect(value.compact == expected)
        #expect(value.pretty == expected)
    }

    static let sample: JSONValue = .object([
        ("zeta", 1),
        ("alpha", [true, .null, "x"]),
        ("empty", []),
        ("nested", .object([("b", .object([])), ("a", .double(2.5))])),
        ("mid", "text"),
    ])

    @Test("object keys keep their insertion order in compact output")
    func compactOrdering() {
        #expect(
            Self.sample.compact
                == #"{"zeta":1,"alpha":[true,null,"x"],"empty":[],"nested":{"b":{},"a":2.5},"mid":"text"}"#)
    }

    @Test("pretty output indents by two spaces and ends without a newline")
    func prettyLayout() {
        let expected = """
            {
              "zeta": 1,
              "alpha": [
                true,
                null,
                "x"
              ],
              "empty": [],
              "nested": {
                "b": {},
                "a": 2.5
              },
              "mid": "text"
            }
            """
        #expect(Self.sample.pretty == expected)
        #expect(!Self.sample.pretty.hasSuffix("\n"))
    }

    @Test("compact output is one line even when strings hold line breaks")
    func compactIsOneLine() {
        let value: JSONValue = .object([("text", "a\nb\r\nc"), ("list", [.string("\n")])])
        #expect(!value.compact.contains("\n"))
        #expect(!value.compact.contains("\r"))
        #expect(value.compact == #"{"text":"a\nb\r\nc","list":["\n"]}"#)
    }

    @Test("literals and optional")
    func literals() {
        let string: JSONValue = "s"
        let int: JSONValue = 7
        let array: JSONValue = [1, "two"]
        let bool: JSONValue = false
        #expect(string == .string("s"))
        #expect(int == .int(7))
        #expect(array == .array([.int(1), .string("two")]))
        #expect(bool == .bool(false))
        #expect(JSONValue.optional(nil) == .null)
        #expect(JSONValue.optional("x") == .string("x"))
    }

    @Test("equality respects key order and case")
    func equality() {
        let ab: JSONValue = .object([("a", 1), ("b", 2)])
        let ba: JSONValue = .object([("b", 2), ("a", 1)])
        #expect(ab == .object([("a", 1), ("b", 2)]))
        #expect(ab != ba)
        #expect(ab != .object([("a", 1)]))
        #expect(JSONValue.int(1) != .double(1))
        #expect(JSONValue.string("1") != .int(1))
        #expect(JSONValue.null != .bool(false))
    }

    @Test("the same value always renders the same bytes")
    func deterministic() {
        #expect(Self.sample.compact == Self.sample.compact)
        #expect(Self.sample.pretty == Self.sample.pretty)
    }
}
