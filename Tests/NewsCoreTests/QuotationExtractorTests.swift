import Testing

@testable import NewsCore

@Suite("QuotationExtractor")
struct QuotationExtractorTests {
    func quotes(_ body: String) -> [Quotation] {
        let entities = EntityRecognizer().mentions(title: nil, body: body, sentences: [])
        return QuotationExtractor().quotations(body: body, sentences: [], entities: entities)
    }

    func speaker(of text: String, in quotes: [Quotation]) -> String?? {
        quotes.first { $0.text.contains(text) }.map(\.speaker)
    }

    // MARK: Direct quotations

    @Test("“…,” Name said — with straight or curly quotation marks, or wire copy's doubled ones, no mark quoted")
    func nameAfterQuote() {
        for body in [
            "“The harbour will reopen in spring,” Amelia Hart said on Monday.",
            "\"The harbour will reopen in spring,\" Amelia Hart said on Monday.",
            "``The harbour will reopen in spring,'' Amelia Hart said on Monday.",
            "‘‘The harbour will reopen in spring,’’ Amelia Hart said on Monday.",
        ] {
            let found = quotes(body)
            #expect(found.count == 1)
            #expect(found.first?.speaker == "Amelia Hart")
            #expect(found.first?.text == "The harbour will reopen in spring,")
        }
    }

    @Test("“…,” said Title Name: the verb before the speaker")
    func verbBeforeName() {
        let found = quotes("“A lot still needs to be done,” said port spokesman Dmitri Volkov.")
        #expect(found.first?.speaker == "Dmitri Volkov")
    }

    @Test("Name said: “…” — the attribution before the quotation")
    func attributionBefore() {
        let found = quotes("Amelia Hart said: “We will rebuild the pier before the summer season begins.”")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Amelia Hart")
    }

    @Test("a pronoun speaker is the last person named, matched by sex when the given name tells it")
    func pronoun() {
        let body = """
            Amelia Hart met Tom Briggs at the docks.

            “The repairs are on schedule and within budget,” she said.
            """
        #expect(speaker(of: "repairs", in: quotes(body)) == "Amelia Hart")
    }

    @Test("a quotation with no attribution continues the previous speaker")
    func continuation() {
        let body = """
            “The repairs are on schedule,” Amelia Hart said. “We expect ships back by May and cargo by June.”
            """
        #expect(speaker(of: "ships back", in: quotes(body)) == "Amelia Hart")
    }

    @Test("a quotation over several paragraphs keeps its speaker in every paragraph")
    func multiParagraph() {
        let body = """
            Amelia Hart described the storm. “The water rose faster than anyone had seen in forty years of records.

            “By morning the lower town was under a metre of water and the pier was gone,” she said.
            """
        let found = quotes(body)
        let first = found.first { $0.text.hasPrefix("The water rose") }
        let second = found.first { $0.text.hasPrefix("By morning") }
        #expect(first?.speaker == "Amelia Hart")
        #expect(second?.speaker == "Amelia Hart")
        #expect(first.map { !$0.text.contains("\n") } ?? false)
    }

    @Test("a post introduced by a line ending in a colon is the named author's quotation")
    func introducedPost() {
        let body = """
            The following was posted to Amelia Hart’s account:

            We will rebuild the harbour and we will do it together, starting tomorrow morning.

            Officials did not comment.
            """
        #expect(speaker(of: "rebuild the harbour", in: quotes(body)) == "Amelia Hart")
    }

    @Test("a scare-quoted word without attribution is not a quotation")
    func scareQuotes() {
        #expect(quotes("The so-called “smart” buoys failed again.").isEmpty)
    }

    // MARK: Reported speech

    @Test("Name said that …, …, Name said, and according to …")
    func reportedSpeech() {
        let found = quotes(
            """
            Amelia Hart said that the harbour would reopen in the spring.

            The pier cannot be saved without new funding, Tom Briggs said.

            According to Harbour Authority, repairs will cost more than expected this year.
            """)
        #expect(speaker(of: "harbour would reopen", in: found) == "Amelia Hart")
        #expect(speaker(of: "pier cannot be saved", in: found) == "Tom Briggs")
        #expect(speaker(of: "repairs will cost", in: found) == "Harbour Authority")
    }

    @Test("the speaker's own words are direct; what the writer reports of them is not")
    func directOrReported() {
        let found = quotes(
            """
            “The harbour will reopen in spring,” Amelia Hart said on Monday.

            The following was posted to Amelia Hart’s account:

            We will rebuild the harbour and we will do it together, starting tomorrow morning.

            The pier cannot be saved without new funding, Tom Briggs said.

            Amelia Hart said it would be a “very disappointing moment for the town” if the pier closed.
            """)
        let direct = Dictionary(found.map { ($0.text.split(separator: " ").prefix(3).joined(separator: " "), $0.isDirect) },
                                uniquingKeysWith: { a, _ in a })
        #expect(direct == [
            "The harbour will": true, "We will rebuild": true, "The pier cannot": false, "it would be": false,
        ])
    }

    @Test("a quoted phrase inside reported speech is part of it, not a separate quotation")
    func phraseInsideReportedSpeech() {
        let found = quotes("Amelia Hart said it would be a “very disappointing moment for the town” if the pier closed.")
        #expect(found.count == 1)
        #expect(found.first?.speaker == "Amelia Hart")
        #expect(found.first?.text.contains("very disappointing moment") == true)
    }

    // MARK: Offsets and normalisation

    @Test("offsets are Unicode-scalar offsets of the quoted words")
    func offsets() throws {
        let body = "Café 🎉. “Nous reviendrons bientôt au port,” Amelia Hart said."
        let quote = try #require(quotes(body).first)
        let scalars = Array(body.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
    }

    @Test("two outlets' wordings of one quotation normalise alike")
    func normalisation() {
        let a = QuotationExtractor.normalize("can finally come to an end. BUT, AT THIS VERY MOMENT")
        let b = QuotationExtractor.normalize("can finally come to an end — BUT, AT THIS VERY MOMENT")
        #expect(a == b)
        #expect(a == "can finally come to an end but at this very moment")
        #expect(QuotationExtractor.normalize("don’t  “stop”") == QuotationExtractor.normalize("don't stop"))
    }

    // MARK: Clause structure and reference

    @Test("“according to X” set off by commas inside a sentence attributes the whole sentence")
    func parentheticalAccording() {
        let found = quotes("The main cause of the outage, according to Priya Raman, was a failed pump at the plant.")
        #expect(speaker(of: "failed pump", in: found) == "Priya Raman")
    }

    @Test("of a description and the name set beside it before the verb, the name speaks")
    func appositionName() {
        let found = quotes("Amelia Hart's lawyer, Daniel Okoro, said the appeal would be filed in March.")
        #expect(speaker(of: "appeal would be filed", in: found) == "Daniel Okoro")
    }

    @Test("a quotation that makes up most of a reported clause is the clause's speaker's")
    func quotationInsideReportedClause() {
        let body = """
            “We lost two boats,” Tom Briggs said.

            Amelia Hart said the crew had “more than earned a long rest after the storm season.”
            """
        #expect(speaker(of: "more than earned", in: quotes(body)) == "Amelia Hart")
    }

    @Test("a pronoun attributing reported speech is not a name inside what it reports")
    func pronounNotInReportedClause() {
        let body = """
            Tom Briggs met the harbour crews on Monday.

            Jack Moss stayed on the pier all night, he said.
            """
        #expect(speaker(of: "stayed on the pier", in: quotes(body)) == "Tom Briggs")
    }

    @Test("a pronoun after a quotation is not a name earlier in the quotation's sentence")
    func pronounNotInQuotationSentence() {
        let found = quotes(
            "Tom Briggs met the harbour crews on Monday. Jack Moss stayed on the pier, “and nobody else did,” he said.")
        #expect(speaker(of: "nobody else", in: found) == "Tom Briggs")
    }

    @Test("a clause opened by a conjunction after a quotation is not its attribution")
    func conjunctionAfterQuotation() {
        let found = quotes(
            "“The repairs are on schedule,” Amelia Hart said. “The money for the pier is already there,” while rival "
                + "councillors say the fund is empty.")
        #expect(speaker(of: "money for the pier", in: found) == "Amelia Hart")
    }

    @Test("after a quotation that closes on a full stop, a capitalised common word starts a new sentence")
    func fullStopEndsQuotationSentence() {
        let found = quotes(
            "“The repairs are on schedule,” Amelia Hart said. “We expect ships back by May.” The council also said the "
                + "budget had doubled.")
        #expect(speaker(of: "ships back", in: found) == "Amelia Hart")
    }

    @Test("with a subject before the verb, the words after it are its object, not the speaker")
    func subjectBeforeObject() {
        let found = quotes(
            "Amelia Hart explained the delay this way: “The steel arrived late and the cranes were booked elsewhere.”")
        #expect(speaker(of: "steel arrived late", in: found) == "Amelia Hart")
    }

    @Test("the speaker before a quotation starts after a conjunction that opens its clause")
    func subjectAfterConjunction() {
        let found = quotes("We were leaving when a colleague asked: “Is the pier really going to open in May?”")
        #expect(speaker(of: "pier really going", in: found) == "a colleague")
    }

    @Test("“…, saying …” is said by the subject of the main clause, however long it is")
    func participleSubject() {
        let body = """
            “The repairs are on schedule,” Tom Briggs said.

            Former coach Amelia Hart resigned from the club on Friday after nine seasons in charge, saying the \
            players needed a new voice.
            """
        #expect(speaker(of: "players needed a new voice", in: quotes(body)) == "Amelia Hart")
    }

    @Test("“it said” is the last organisation named, not one named only as an owner")
    func organisationNotOwner() {
        let found = quotes(
            "Harbour Holdings Ltd. declined to answer the Daily Courier's questions about the contract. “We do not "
                + "comment on contracts with our customers,” it said.")
        #expect(speaker(of: "comment on contracts", in: found) == "Harbour Holdings Ltd.")
    }

    @Test("a title after a naming verb is a name, not a quotation")
    func namedTitle() {
        let found = quotes("Amelia Hart's studio released a game called “Star Harbour”.")
        #expect(!found.contains { $0.text.contains("Star Harbour") })
    }

    // MARK: The seed articles

    @Test("the seed articles' quotations carry their speakers")
    func seeds() throws {
        let first = try Seeds.article("000_").quotes
        let second = try Seeds.article("001_").quotes
        for quotes in [first, second] {
            let long = quotes.first { $0.normalized.contains("we had very good and productive discussions") }
            #expect(long?.speaker == "Donald Trump")
        }
        let all = first + second
        func speaker(_ words: String) -> String? {
            all.first { $0.normalized.contains(words) }?.speaker
        }
        #expect(speaker("we agree with the proposal to cease hostilities") == "Vladimir Putin")
        #expect(speaker("russian troops are advancing on almost all areas of combat contact") == "Vladimir Putin")
        #expect(speaker("a lot still needs to be done") == "Dmitri Peskov")
        #expect(speaker("very disappointing moment for the world") == "Donald Trump")
    }
}
