import Testing

@testable import NewsCore

@Suite("Headline")
struct HeadlineTests {
    @Test(
        "a long lead is cut at a comma only where its main clause has said something",
        arguments: [
            // A comma after the main clause: cut there.
            (
                "The United States and Russia are ratcheting up the pressure on Yugoslav President Slobodan Milosevic, "
                    + "warning that NATO is ready to strike if he does not pull his forces out of Kosovo within days.",
                "The United States and Russia are ratcheting up the pressure on Yugoslav President Slobodan Milosevic"
            ),
            // A subject and the clause describing it: no verb yet.
            (
                "The Taliban, who control about 90 percent of Afghanistan, on Friday closed their three-week inquiry "
                    + "into allegations that a Saudi exile is waging a war of terror against the United States.",
                "The Taliban, who control about 90 percent of Afghanistan, on Friday closed their three-week inquiry "
                    + "into allegations that a Saudi exile is waging a war…"
            ),
            // A phrase set before the subject, then a name: no verb yet.
            (
                "Shortly before the government filed its antitrust suit against Microsoft Corp. in May, Joel Klein, the "
                    + "assistant attorney general in charge of the antitrust division, met the company's lawyers.",
                "Shortly before the government filed its antitrust suit against Microsoft Corp. in May, Joel Klein, the "
                    + "assistant attorney general in charge of the antitrust division, met…"
            ),
            // A phrase set before the subject, then a clause describing that phrase: still no verb.
            (
                "But at the White House, where calls for the president's resignation are derided as a Republican "
                    + "strategy, the president sent a spokesman into the driveway to urge the House to censure him.",
                "But at the White House, where calls for the president's resignation are derided as a Republican "
                    + "strategy, the president sent a spokesman into the driveway…"
            ),
            // A participle or a time set before the subject is no clause either.
            (
                "Less than a week before U.S. President Bill Clinton is to arrive for a visit meant to bolster a new "
                    + "peace accord, the two sides exchanged angry accusations Sunday over settlements and street clashes.",
                "Less than a week before U.S. President Bill Clinton is to arrive for a visit meant to bolster a new "
                    + "peace accord, the two sides exchanged…"
            ),
            (
                "Keeping a promise to Israel and the United States, Palestinian leaders on Monday voted by a show of "
                    + "hands to revoke clauses in their charter that call for the destruction of the Jewish state.",
                "Keeping a promise to Israel and the United States, Palestinian leaders on Monday voted by a show of "
                    + "hands to revoke clauses in their charter…"
            ),
            // Short enough to be whole.
            ("Rebels said Sunday they had entered Kindu.", "Rebels said Sunday they had entered Kindu"),
        ]
    )
    func cutsAtAClause(lead: String, expected: String) {
        #expect(Headline.fromLead(lead) == expected)
    }
}
