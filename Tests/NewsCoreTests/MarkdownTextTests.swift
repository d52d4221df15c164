import Testing

@testable import NewsCore

@Suite("MarkdownText")
struct MarkdownTextTests {
    @Test(
        "inline escaping",
        arguments: [
            ("plain text", "plain text"),
            ("a*b_c`d", "a\\*b\\_c\\`d"),
            ("[link](x)", "\\[link\\](x)"),
            ("<b> | c \\ d", "\\<b\\> \\| c \\\\ d"),
            ("line\nbreak\r\nand\ttab", "line break  and tab"),
            ("# not a heading", "# not a heading"),
            ("café “quoted” — 😀", "café “quoted” — 😀"),
            ("Zoë’s *bold* 😀\n[東京]", "Zoë’s \\*bold\\* 😀 \\[東京\\]"),
            ("", ""),
            // Wire copy's doubled marks read as the quotation marks they stand for; a lone backtick is still escaped.
            ("He said ``Nothing could stop us,'' and left.", "He said “Nothing could stop us,” and left."),
            ("``a'' `b` ``c", "“a” \\`b\\` “c"),
            ("a 5'' pipe, ``quoted''", "a 5'' pipe, “quoted”"),
            ("``x *y*", "“x \\*y\\*"),
            // A quotation inside wire quotation marks is one backtick and one apostrophe.
            ("``He said, `Refer to the clips.' He's blaming others.''", "“He said, ‘Refer to the clips.’ He's blaming others.”"),
            ("``The line was `we know best,''' he said.", "“The line was ‘we know best,’” he said."),
            ("``Microsoft `absolutely' meant it, `don't go' ''", "“Microsoft ‘absolutely’ meant it, ‘don't go’ ”"),
        ]
    )
    func inline(text: String, expected: String) {
        #expect(MarkdownText.inline(text) == expected)
    }

    @Test(
        "long dates with weekdays",
        arguments: [
            ("2025-03-14", "Friday 14 March 2025"),
            ("1970-01-01", "Thursday 1 January 1970"),
            ("1969-12-31", "Wednesday 31 December 1969"),
            ("2024-02-29", "Thursday 29 February 2024"),
            ("2000-01-01", "Saturday 1 January 2000"),
            ("1900-01-01", "Monday 1 January 1900"),
            ("2025-12-28", "Sunday 28 December 2025"),
        ]
    )
    func longDate(iso: String, expected: String) {
        #expect(MarkdownText.longDate(Fixtures.day(iso)) == expected)
    }
}
