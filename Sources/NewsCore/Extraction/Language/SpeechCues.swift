/// Verbs and words that introduce or attribute speech. All keys are lower-case.
enum SpeechCues {
    /// Verbs that attribute a direct quotation (`“…,” she said`, `said Peskov`, `Putin asserted: “…”`).
    static let quoteVerbs: WordTable<Bool> = [
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "wrote", "writes", "write", "writing",
        "added", "adds", "adding", "asked", "asks", "explained", "explains", "explaining", "noted", "notes",
        "noting", "stated", "states", "declared", "declares", "insisted", "insists", "argued", "argues", "arguing",
        "replied", "replies", "warned", "warns", "warning", "claimed", "claims", "asserted", "asserts", "tweeted",
        "tweets", "posted", "posts", "continued", "continues", "responded", "responds", "joked", "jokes", "quipped",
        "quips", "recalled", "recalls", "conceded", "concedes", "acknowledged", "acknowledges", "admitted",
        "admits", "suggested", "suggests", "lamented", "laments", "cautioned", "cautions", "emphasized",
        "emphasised", "emphasizes", "emphasises", "stressed", "stresses", "confirmed", "confirms", "announced",
        "announces", "testified", "testifies", "reiterated", "reiterates", "observed", "observes", "remarked",
        "remarks", "commented", "comments", "predicted", "predicts", "urged", "urges", "shouted", "yelled",
        "exclaimed", "answered", "answers", "agreed", "agrees", "countered", "counters", "boasted", "boasts",
        "mused", "muses", "pleaded", "pleads", "promised", "promises", "vowed", "vows", "maintained", "maintains",
        "contended", "contends", "concluded", "concludes", "wondered", "wonders", "reasoned", "read", "reads",
        "recounted", "recounts", "describes", "described", "insisting", "stating", "adds", "explain", "added",
        "hinted", "charged", "alleged", "alleges", "complained", "complains", "demanded", "demands", "pointed",
        "points", "expressed", "advised", "advises", "texted", "emailed", "wrote", "blogged", "announcing",
        "declaring", "acknowledging", "admitting", "testifying", "describing", "calling", "called",
    ]

    /// Verbs that report speech in a clause (`X said that …`, `…, X said.`); fewer than for direct quotations, since
    /// `called` or `asked` seldom report a statement.
    static let reportVerbs: WordTable<Bool> = [
        "said", "says", "say", "told", "tells", "explained", "explains", "noted", "notes", "added", "adds",
        "claimed", "claims", "warned", "warns", "argued", "argues", "insisted", "insists", "stated", "states",
        "announced", "announces", "confirmed", "confirms", "reported", "reports", "wrote", "writes", "suggested",
        "suggests", "acknowledged", "acknowledges", "admitted", "admits", "believes", "testified", "alleged",
        "alleges", "contends", "contended", "maintained", "maintains", "predicted", "predicts", "agreed",
        "agrees", "asserted", "asserts", "stressed", "stresses", "emphasized", "emphasised", "conceded",
        "concedes", "estimated", "estimates", "revealed", "reveals", "indicated", "indicates", "tweeted",
        "posted", "declared", "declares", "explain", "insist", "believe", "recalled", "recalls", "reiterated",
        "countered", "replied", "responded", "promised", "vowed", "hopes", "fears", "feared", "worries",
        "worried", "thinks", "think", "thought", "feels", "felt", "noting", "saying", "adding", "arguing",
        "warning", "explaining", "insisting", "stating", "acknowledging", "admitting", "suggesting",
    ]

    /// `-ing` forms: they report speech only after a comma, continuing the sentence's own speaker.
    static let participles: WordTable<Bool> = [
        "saying", "noting", "adding", "arguing", "warning", "explaining", "insisting", "stating", "acknowledging",
        "admitting", "suggesting", "writing", "telling", "announcing", "declaring", "testifying", "describing",
        "calling",
    ]

    /// Verbs that take the listener before what is said (`told reporters that …`).
    static let tellVerbs: WordTable<Bool> = ["told", "tells", "tell", "telling", "assured", "assures", "informed"]

    /// Words that do not change who speaks between a quotation and its verb (`,” Putin then said`).
    static let fillers: WordTable<Bool> = [
        "then", "also", "later", "again", "once", "earlier", "recently", "previously", "simply", "flatly",
        "only", "further", "finally", "has", "had", "have", "would", "will", "may", "might", "could", "later",
        "now", "once", "quickly", "bluntly", "matter-of-factly", "repeatedly", "frequently", "often",
    ]

    /// Verbs that take what was said without `that` (`said the talks failed`); the others need `that`.
    static let bareVerbs: WordTable<Bool> = [
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "believes", "believe", "thinks",
        "think", "thought", "feels", "felt", "hopes", "fears", "feared", "argued", "argues", "insisted",
        "insists", "claimed", "claims", "warned", "warns", "noted", "notes", "explained", "explains", "explain",
        "predicted", "predicts", "estimated", "estimates", "acknowledged", "admitted", "agreed", "contends",
        "maintains", "worries", "worried", "tweeted", "posted", "stated", "states", "reported", "reports",
    ]

    /// Words a clause reported without `that` starts with (`said he would …`).
    static let subjectStarts: WordTable<Bool> = [
        "he", "she", "they", "we", "i", "it", "there", "his", "her", "their", "its", "our", "these", "those", "you",
        "it's", "he's", "she's", "they're", "we're", "there's", "i'm", "nobody", "everyone", "nothing", "both",
    ]

    /// Words that show a phrase before a verb is not its subject (`the man who said`, `as she said`).
    static let notInSubject: WordTable<Bool> = [
        "who", "which", "that", "what", "if", "as", "when", "than", "because", "it", "whose", "whom", "where",
        "whether", "how", "why", "unless", "until", "while", "although", "though", "not", "never", "to",
    ]

    static let possessives: WordTable<Bool> = ["his", "her", "their", "its", "my", "our", "your"]

    /// Words that start a clause or an adverbial, never a speaker's name (`in a statement`, `even though …`).
    static let notSpeakerStarts: WordTable<Bool> = [
        "in", "on", "at", "between", "during", "after", "before", "of", "from", "with", "for", "by", "to", "into",
        "even", "though", "although", "if", "when", "because", "while", "whether", "since", "until", "unless",
        "where", "which", "who", "what", "how", "why", "not", "no", "there", "here",
    ]

    /// Words that open a subordinate clause or a participle phrase, which is never what someone said.
    static let subordinators: WordTable<Bool> = [
        "when", "asked", "told", "during", "after", "before", "while", "despite", "although", "because", "if",
        "since", "once", "as", "to", "whether", "unless", "until",
    ]

    /// Conjunctions that open a clause with its own subject (`when a friend asked`, `because he said`). Not `if` or
    /// `unless`: what someone would say under a condition (`if the mayor says “…”`) was not said.
    static let clauseOpeners: WordTable<Bool> = [
        "when", "while", "whereas", "although", "though", "because", "as", "since", "until", "after", "before", "once",
    ]

    /// Words that open a new clause rather than an attribution after a quotation (`“…,” while others say …`).
    static let clauseLinks: WordTable<Bool> = [
        "while", "whereas", "although", "though", "because", "if", "unless", "when", "but", "and", "yet", "or",
    ]

    /// Things that speak for whoever issued them (`Foster’s book says`, `the statement said`).
    static let documents: WordTable<Bool> = [
        "statement", "statements", "book", "report", "letter", "memo", "release", "website", "site", "account",
        "post", "tweet", "blog", "email", "e-mail", "filing", "announcement", "notice", "study", "survey", "poll",
        "findings", "document", "documents", "complaint", "lawsuit", "ruling", "decision", "note", "message",
    ]

    /// Heads of descriptions that stand for an organisation (`the agency`, `the company`).
    static let institutions: WordTable<Bool> = [
        "company", "agency", "union", "group", "organization", "organisation", "association", "ministry",
        "department", "government", "city", "province", "state", "commission", "committee", "board", "council",
        "firm", "bank", "league", "party", "team", "club", "school", "university", "hospital", "police", "force",
        "service", "authority", "office", "court", "network", "station", "newspaper", "broadcaster", "retailer",
        "airline", "carrier", "manufacturer", "maker", "automaker", "insurer", "lender", "utility", "regulator",
        "watchdog", "military", "army", "embassy", "consulate", "campaign", "coalition", "alliance", "federation",
        "foundation", "institute", "centre", "center", "society", "network", "exchange", "administration",
    ]

    /// Auxiliaries between a subject and its verb (`has said`, `was quoted as saying`).
    static let auxiliaries: WordTable<Bool> = [
        "has", "have", "had", "was", "is", "were", "are", "be", "been", "did", "does", "do", "would", "will", "may",
        "might", "could", "should", "can",
    ]

    static let personPronouns: WordTable<Bool> = ["he", "she", "him", "her"]
    static let pluralPronouns: WordTable<Bool> = ["they", "we"]

    /// Lines that announce an embedded post or statement (`The following was posted to Trump’s account:`).
    static let introWords: WordTable<Bool> = [
        "posted", "wrote", "said", "says", "statement", "following", "tweeted", "tweet", "post", "writes", "read",
        "reads", "posts", "stated", "message", "announced", "added",
    ]

    /// Words that start a time or place phrase after a verb (`said on Thursday that …`).
    static let adverbialStarts: WordTable<Bool> = [
        "on", "in", "at", "during", "after", "before", "last", "this", "earlier", "later", "yesterday", "today",
        "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "recently",
        "previously", "publicly", "privately", "repeatedly", "again", "also", "via", "through", "to", "from",
        "late", "early", "when", "while", "ahead", "afterward", "afterwards", "separately", "moreover",
    ]

    /// Words that may start what someone said (a subject), ending an adverbial or a listener.
    static let clauseStarts: WordTable<Bool> = [
        "he", "she", "they", "we", "i", "it", "there", "the", "a", "an", "his", "her", "their", "our", "its",
        "this", "these", "those", "that", "some", "many", "most", "no", "all", "any", "every", "each", "you",
    ]
}
