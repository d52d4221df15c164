/// Words around and inside a capitalised name that say what kind of name it is. All keys are lower-case.
enum EntityCues {
    /// Titles and honorifics that stand before a person's name and are not part of it (`President`, `Gen.`).
    static let personTitles: WordTable<Bool> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady", "president",
        "vice-president", "premier", "chancellor", "minister", "secretary", "senator", "sen", "sen.", "rep", "rep.",
        "representative", "congressman", "congresswoman", "governor", "gov", "gov.", "mayor", "judge", "justice",
        "king", "queen", "prince", "princess", "pope", "cardinal", "archbishop", "bishop", "rev", "rev.",
        "reverend", "father", "sheikh", "sheik", "emir", "sultan", "ayatollah", "imam", "rabbi", "general", "gen",
        "gen.", "lt", "lt.", "lieutenant", "colonel", "col", "col.", "major", "maj", "maj.", "captain", "capt",
        "capt.", "sergeant", "sgt", "sgt.", "admiral", "adm", "adm.", "commander", "cmdr", "marshal", "coach",
        "chairman", "chairwoman", "chairperson", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
        "commissioner", "councillor", "councilor", "alderman", "mp", "mep", "mla", "mpp", "prof", "prof.",
        "professor", "detective", "inspector", "superintendent", "constable", "officer", "chief", "director",
        "manager", "striker", "midfielder", "defender", "goalkeeper", "keeper", "skipper", "captain", "veteran",
        "rookie", "pitcher", "quarterback", "forward", "dictator", "leader", "founder", "chef", "ceo", "cfo",
        "coo", "attorney", "lawyer", "sheriff", "deputy", "speaker", "trooper", "nurse", "doctor", "private",
        "corporal", "cpl", "cpl.", "pte", "pte.", "brig", "brig.", "brigadier", "patriarch", "metropolitan",
        "monsignor", "msgr", "sister", "brother", "crown", "tsar", "czar", "shah", "emperor", "empress",
    ]

    /// Titles that also name an office when they stand alone (`the President said`); they never start a name.
    static let officeWords: WordTable<Bool> = [
        "president", "premier", "chancellor", "minister", "secretary", "governor", "mayor", "king", "queen",
        "pope", "prime", "senator", "chairman", "ambassador", "envoy",
    ]

    /// Words that qualify a title (`Foreign` in `Foreign Minister`, `Special Presidential` in `Special Presidential
    /// Envoy`); they are dropped together with the title.
    static let titleModifiers: WordTable<Bool> = [
        "foreign", "defence", "defense", "finance", "interior", "home", "prime", "deputy", "vice", "acting",
        "former", "ex", "special", "presidential", "chief", "senior", "junior", "state", "economy", "economic",
        "economics", "trade", "justice", "health", "labour", "labor", "agriculture", "energy", "transport",
        "transportation", "education", "environment", "culture", "industry", "communications", "information",
        "treasury", "attorney", "assistant", "executive", "managing", "opposition", "party", "first", "interim",
        "associate", "general", "secretary-general", "undersecretary", "under-secretary", "parliamentary", "lord",
        "grand", "supreme", "commanding", "lieutenant", "staff", "head", "team", "national", "security", "social",
        "affairs", "development", "fisheries", "tourism", "sports", "sport", "immigration", "public", "works",
        "planning", "housing", "veterans", "water", "resources", "oil", "mines", "mining", "privatisation",
        "privatization", "u.s.", "us", "un", "u.n.", "eu", "nato", "white", "house", "crown", "finance",
        "regional", "provincial", "federal", "city", "county", "district", "police", "army", "navy", "air", "force",
        "court", "appeals", "high", "central", "bank", "club", "board", "committee", "council", "press", "news",
        "new", "incoming", "outgoing", "longtime", "ousted", "late",
    ]

    /// Last words that make a name an organisation (`Ford Motor Co`, `Bank`, `Party`, `University`).
    static let organizationHeads: WordTable<Bool> = [
        "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company", "cos", "ltd", "ltd.",
        "limited", "plc", "llc", "l.p.", "lp", "llp", "ag", "sa", "s.a.", "nv", "n.v.", "bv", "gmbh", "spa",
        "s.p.a.", "ab", "asa", "oy", "oyj", "kk", "bhd", "pty", "tbk", "group", "holdings", "holding", "bank",
        "bancorp", "bankshares", "banque", "banco", "party", "ministry", "university", "college", "institute",
        "institution", "association", "council", "committee", "commission", "union", "federation",
        "club", "fc", "afc", "united", "rovers", "wanderers", "athletic", "athletico", "albion", "hotspur",
        "agency", "airlines", "airline", "airways", "air", "motors", "motor", "industries", "systems",
        "technologies", "technology", "communications", "partners", "securities", "capital", "fund", "funds",
        "trust", "foundation", "exchange", "board", "court", "army", "navy", "police", "parliament", "assembly",
        "congress", "senate", "government", "department", "office", "bureau", "service", "services", "news",
        "times", "post", "journal", "herald", "tribune", "gazette", "telegraph", "press", "network", "television",
        "tv", "radio", "broadcasting", "broadcasters", "channel", "church", "school", "hospital", "clinic", "front",
        "movement", "alliance", "organisation", "organization", "society", "academy", "museum", "brothers", "bros",
        "bros.", "electric", "electronics", "oil", "petroleum", "energy", "steel", "mining", "mines", "resources",
        "pharmaceuticals", "pharmaceutical", "pharma", "medical", "financial", "finance", "insurance", "assurance",
        "telecom", "telecommunications", "railways", "railway", "railroad", "chemicals", "chemical", "foods",
        "food", "stores", "markets", "investments", "investment", "ventures", "enterprises", "international",
        "industrial", "manufacturing", "software", "computers", "computer", "labs", "laboratories", "media",
        "entertainment", "pictures", "studios", "records", "publishing", "newspapers", "magazine", "review",
        "mirror", "courier", "observer", "standard", "globe", "star", "sun", "daily", "weekly", "monitor",
        "secretariat", "directorate", "authority", "administration", "regiment", "brigade", "battalion",
        "corps", "squad", "team", "commandos", "guard", "guards", "militia", "rebels", "cabinet", "tribunal",
        "cooperative", "co-operative", "consortium", "cartel", "syndicate", "firm", "house", "center", "centre",
        "inc.", "hldgs", "grp", "intl", "mfg", "natl", "ctr", "svcs", "ind", "inds", "cp",
        "reserve", "treasury", "mint", "commerce", "chamber", "chambers", "exchanges", "lines", "shipping",
        "logistics", "transport", "airport", "port",
    ]

    /// Organisation heads that name an institution only together with a place or the word before (`City` is not
    /// one: `Mexico City` is a place).
    static let weakOrganizationHeads: WordTable<Bool> = [
        "air", "house", "center", "centre", "star", "sun", "post", "times", "standard", "globe", "mirror", "review",
        "daily", "weekly", "monitor", "observer", "courier", "international", "transport", "port", "airport",
        "team", "squad", "guard", "guards", "lines", "chamber", "chambers", "commerce", "capital", "trust",
        "energy", "oil", "steel", "food", "foods", "media",
    ]

    /// Institution words that end names of two halves joined by `and` (`Truth and Reconciliation Commission`).
    /// Company endings (`Inc`, `Corp`) are not among them: `Microsoft and Apple Inc` are two companies.
    static let institutionsNamedWithAnd: WordTable<Bool> = [
        "commission", "administration", "authority", "agency", "foundation", "council", "committee", "department",
        "ministry", "institute", "board", "bureau", "service", "association", "federation", "university", "college",
    ]

    /// Words that start an organisation's name and need `of` after them (`Bank of England`, `University of …`).
    static let organizationOfHeads: WordTable<Bool> = [
        "bank", "university", "ministry", "department", "institute", "college", "school", "church", "party",
        "council", "house", "chamber", "board", "bureau", "office", "court", "federation", "association", "union",
        "league", "society", "museum", "academy", "commission", "committee", "organisation", "organization",
        "congress", "assembly", "federation", "confederation", "order", "friends", "sisters", "brotherhood",
        "government", "city", "town", "district", "municipality", "state", "states", "republic", "kingdom",
        "province", "county", "gulf", "sea", "bay", "isle", "isles", "island", "islands", "cape", "lake", "mount",
        "strait", "straits", "port", "duke", "earl", "prince", "princess", "bishop", "archbishop", "duchess",
        "queen", "king", "lord", "battle", "treaty", "day", "tour", "cup", "festival", "cathedral", "hall",
        "palace", "tower", "temple", "center", "centre", "coalition", "alliance", "movement", "front", "army",
        "people", "peoples", "bay", "sultanate", "emirate", "principality", "commonwealth", "federated",
    ]

    /// Last words that make a name a place (`Tunbridge Wells` aside: `River`, `Street`, `Island`, `Valley`).
    static let placeHeads: WordTable<Bool> = [
        "river", "mountains", "mountain", "mount", "mt", "mt.", "lake", "sea", "ocean", "gulf", "bay", "island",
        "islands", "isle", "isles", "street", "st", "road", "rd", "avenue", "ave", "boulevard", "square", "lane",
        "drive", "way", "highway", "motorway", "park", "valley", "desert", "peninsula", "strait", "straits",
        "canal", "province", "region", "county", "district", "city", "town", "village", "hills", "hill",
        "heights", "bridge", "beach", "coast", "harbour", "harbor", "falls", "canyon", "forest", "plain", "plains",
        "plateau", "basin", "delta", "creek", "springs", "reservoir", "dam", "airport", "stadium", "arena",
        "ground", "oval", "circuit", "raceway", "field", "gardens", "estate", "township", "county", "parish",
        "borough", "prefecture", "oblast", "territory", "territories", "state", "republic", "kingdom", "emirate",
        "cape", "point", "glacier", "volcano", "reef", "atoll", "archipelago", "pass", "gorge", "fjord",
    ]

    /// Last words that make a name an event, prize, war or treaty (CoNLL MISC).
    static let miscHeads: WordTable<Bool> = [
        "cup", "open", "championship", "championships", "games", "olympics", "prix", "trophy", "award", "awards",
        "prize", "war", "wars", "series", "classic", "masters", "marathon", "derby", "tournament", "grand",
        "slam", "festival", "day", "week", "treaty", "accord", "accords", "agreement", "act", "bill",
        "doctrine", "plan", "convention", "protocol", "declaration", "charter", "initiative", "summit",
        "conference", "talks", "election", "elections", "revolution", "uprising", "crisis", "memorial", "rally",
        "invitational", "challenge", "league", "division", "conference", "tour", "stakes", "handicap",
    ]

    /// Prepositions after which an unknown name is probably a place.
    static let placePrepositions: WordTable<Bool> = [
        "in", "at", "near", "from", "outside", "across", "into", "towards", "toward", "throughout", "around",
        "inside", "via", "to", "through", "northern", "southern", "eastern", "western", "central",
    ]

    /// Verbs of saying after which the name before them is a speaker (a person or an organisation).
    static let speechVerbs: WordTable<Bool> = [
        "said", "says", "told", "added", "asked", "wrote", "writes", "stated", "explained", "noted", "declared",
        "insisted", "argued", "replied", "warned", "claimed", "announced", "reported", "confirmed", "denied",
        "admitted", "acknowledged", "asserted", "tweeted", "posted", "commented", "recalled", "urged",
        "suggested", "believes", "thinks", "thought", "felt", "feels", "hopes", "wants", "wanted",
    ]

    /// Capitalised words that are never names on their own: days, months, pronouns, units, common abbreviations.
    static let notNames: WordTable<Bool> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed",
        "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "april", "may", "june", "july",
        "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
        "aug", "sep", "sept", "oct", "nov", "dec", "i", "i'm", "i've", "i'll", "i'd", "ok", "okay", "tv", "gmt",
        "est", "edt", "pst", "pdt", "cet", "bst", "utc", "am", "pm", "a.m.", "p.m.", "ceo", "cfo", "coo", "cto",
        "mp", "mps", "pct", "mln", "bln", "vs", "v", "no", "nos", "q1", "q2", "q3", "q4", "h1", "h2", "fy", "eps",
        "ebitda", "ipo", "gdp", "cpi", "ppi", "vat", "ad", "bc", "km", "kg", "mph", "dna", "hiv", "aids", "covid",
        "covid-19", "god", "lord", "jesus", "christ", "allah", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
        "tbd", "faq", "ps", "etc", "ie", "eg", "re", "fm", "hd", "pc", "ft", "in", "lb", "lbs", "oz",
        "mins", "min", "pts", "pt", "cents", "usd", "eur", "gbp", "jpy", "dlrs", "stg", "yen", "pounds", "dollar",
        "dollars", "francs", "marks", "lire", "pesetas", "rand", "rupees", "roubles", "rubles", "yuan", "won",
        "pesos", "crowns", "guilders", "schillings", "kroner", "kronor", "zlotys", "forints", "leus", "lei",
        "dinars", "shekels", "ringgit", "baht", "rupiah", "pesos", "bn", "mn", "m", "k", "b", "x",
    ]

    /// Words written with a capital at the start of a sentence that are not names; checked only there.
    static let functionWords: WordTable<Bool> = [
        "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its", "it's", "he", "she",
        "they", "we", "you", "his", "her", "their", "our", "your", "my", "me", "him", "them", "us", "who", "whom",
        "whose", "which", "what", "when", "where", "why", "how", "whether", "while", "whilst", "if", "unless",
        "because", "since", "as", "though", "although", "after", "before", "during", "until", "till", "despite",
        "in", "on", "at", "by", "for", "with", "without", "within", "from", "to", "of", "off", "into", "onto",
        "over", "under", "about", "above", "below", "between", "among", "amid", "amongst", "against", "along",
        "across", "around", "behind", "beyond", "near", "per", "than", "through", "throughout", "toward",
        "towards", "upon", "via", "and", "but", "or", "nor", "so", "yet", "also", "still", "even", "only", "just",
        "then", "now", "today", "tonight", "yesterday", "tomorrow", "however", "meanwhile", "moreover",
        "furthermore", "nevertheless", "nonetheless", "instead", "otherwise", "therefore", "thus", "hence",
        "indeed", "perhaps", "maybe", "already", "again", "later", "earlier", "soon", "once", "twice", "often",
        "sometimes", "never", "always", "ever", "recently", "currently", "finally", "first", "second", "third",
        "last", "next", "another", "other", "others", "each", "every", "all", "both", "either", "neither", "some",
        "any", "many", "much", "more", "most", "few", "fewer", "less", "least", "several", "such", "no", "not",
        "none", "nothing", "something", "anything", "everything", "someone", "anyone", "everyone", "nobody",
        "somebody", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "is", "are",
        "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "let", "please", "yes", "well", "oh", "ah",
        "according", "asked", "told", "said", "says", "added", "speaking", "like", "unlike", "including",
        "following", "given", "regarding", "concerning", "considering", "excluding", "except", "besides",
        "beside", "plus", "minus", "whereas", "wherever", "whenever", "whatever", "whoever", "however",
        "overall", "together", "altogether", "anyway", "elsewhere", "nearly", "almost", "about", "around",
        "roughly", "approximately", "some", "sources", "officials", "police", "analysts", "traders", "dealers",
        "economists", "experts", "critics", "residents", "witnesses", "investors", "voters", "people", "many",
        "new", "old", "big", "small", "top", "senior", "former", "local", "national", "international",
        "federal", "state", "government", "opposition", "shares", "stocks", "prices", "results", "sales",
        "profit", "profits", "net", "revenue", "earnings", "total", "average", "world", "early", "late", "full",
        "half", "high", "low", "key", "major", "minor", "main", "general", "special", "private", "public",
        "why", "if", "only", "such", "here", "my", "our", "mine", "ours", "yours", "theirs", "hers", "itself",
        "himself", "herself", "themselves", "ourselves", "myself", "yourself", "trailing", "leading", "chasing",
        "needing", "set", "put", "take", "taking", "make", "making", "get", "getting", "go", "going", "come",
        "coming", "look", "looking", "see", "seeing", "watch", "note", "editors", "editor", "reporting",
        "writing", "additional", "update", "updated", "breaking", "exclusive", "analysis", "opinion", "comment",
        "background", "related", "read", "photo", "video", "watch", "listen", "click", "share", "follow",
        "advertisement", "story", "continues", "below", "above", "source", "sources", "via", "credit",
    ]

    /// Lower-case words that may join capitalised words inside a name (`Chester-le-Street` aside: `de`, `van`, `bin`).
    static let nameParticles: WordTable<Bool> = [
        "de", "da", "di", "do", "dos", "das", "du", "del", "della", "der", "den", "des", "van", "von", "ter", "ten",
        "bin", "ibn", "ben", "al", "el", "la", "le", "y", "e", "zu", "st", "st.", "lo",
    ]
}
