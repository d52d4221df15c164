/// Reads dates as web pages write them, in attribute values and in running text, in the languages news is
/// commonly published in: `2019-10-16T08:00:00+02:00`, `16.10.2019`, `16. Oktober 2019`, `16 de octubre de 2019`,
/// `October 16, 2019`, `2019年10月16日`, `Wed, 16 Oct 2019 10:00:00 GMT`, `20191016`.
package enum DateText {
    /// How to read an all-number date such as `03/04/2019` whose order is ambiguous.
    package enum NumericOrder: Sendable {
        /// Month first, as in the United States.
        case monthFirst
        /// Day first, as nearly everywhere else.
        case dayFirst
    }

    /// The earliest and latest years accepted: the web's news archive begins in the mid-1990s.
    static let years = 1995...2099

    /// Parses an attribute or metadata value that should be a date and nothing else (`content="…"`,
    /// `datetime="…"`, a JSON-LD `datePublished`).
    package static func parseValue(_ value: String, order: NumericOrder = .dayFirst) -> DateParser.Parsed? {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 80 else { return nil }
        if let iso = DateParser.parseISO(trimmed), years.contains(iso.day.year) { return iso }
        let bytes = Array(trimmed.utf8)
        if let compact = compactDate(bytes) { return compact }
        if let epoch = epochDate(bytes) { return epoch }
        return firstDate(in: trimmed, order: order)
    }

    /// `20191016` or `20191016T083000`.
    static func compactDate(_ bytes: [UInt8]) -> DateParser.Parsed? {
        guard bytes.count >= 8, bytes.prefix(8).allSatisfy({ $0 >= 48 && $0 <= 57 }),
            bytes.count == 8 || !(bytes[8] >= 48 && bytes[8] <= 57)
        else { return nil }
        let digits = bytes.prefix(8).map { Int($0 - 48) }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        guard years.contains(year), let date = CivilDate(year: year, month: month, day: day) else { return nil }
        return DateParser.Parsed(day: date, secondsIntoDay: nil, utcOffsetSeconds: nil)
    }

    /// Seconds or milliseconds since 1970 (10 or 13 digits), as some CMSs write `data-timestamp` values.
    static func epochDate(_ bytes: [UInt8]) -> DateParser.Parsed? {
        guard bytes.count == 10 || bytes.count == 13, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var value: Int64 = 0
        for byte in bytes { value = value * 10 + Int64(byte - 48) }
        if bytes.count == 13 { value /= 1000 }
        let day = CivilDate(secondsSinceEpoch: value)
        guard years.contains(day.year) else { return nil }
        let seconds = Int(value % 86_400)
        return DateParser.Parsed(day: day, secondsIntoDay: seconds, utcOffsetSeconds: 0)
    }

    // MARK: - Dates in running text

    /// A piece of text: a number, a word (lower-cased), or one punctuation character.
    struct Token {
        enum Kind { case number, word, mark }
        var kind: Kind
        var text: String
        /// For numbers, the value; for marks, the character's scalar value.
        var value: Int
        var digits: Int
        /// Whether white space came before the token.
        var spaced: Bool
    }

    /// Whether UTF-8 text has two digits in a row, which every date this reads has; a cheap test before tokenizing.
    package static func mayHoldDate(_ bytes: [UInt8]) -> Bool {
        var previousDigit = false
        for byte in bytes {
            let digit = byte >= 48 && byte <= 57
            if digit && previousDigit { return true }
            previousDigit = digit
        }
        return false
    }

    /// The first date written anywhere in `text`.
    package static func firstDate(in text: String, order: NumericOrder = .dayFirst) -> DateParser.Parsed? {
        allDates(in: text, order: order, limit: 1).first
    }

    /// Dates written in `text`, in order, up to `limit`.
    package static func allDates(
        in text: String, order: NumericOrder = .dayFirst, limit: Int = .max
    )
        -> [DateParser.Parsed]
    {
        let tokens = tokenize(text)
        var found: [DateParser.Parsed] = []
        var i = 0
        while i < tokens.count && found.count < limit {
            if let (date, length) = match(tokens, at: i, order: order) {
                found.append(date)
                i += length
            } else {
                i += 1
            }
        }
        return found
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var number = 0
        var digits = 0
        var spaced = false
        func finishWord() {
            if !word.isEmpty {
                tokens.append(Token(kind: .word, text: String(word).lowercased(), value: 0, digits: 0, spaced: spaced))
                word.removeAll()
                spaced = false
            }
        }
        func finishNumber() {
            if digits > 0 {
                tokens.append(Token(kind: .number, text: "", value: number, digits: digits, spaced: spaced))
                number = 0
                digits = 0
                spaced = false
            }
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isLetter: Bool
            if value < 0x80 {
                isLetter = (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
            } else {
                isLetter = scalar.properties.isAlphabetic
            }
            if value >= 48 && value <= 57 {
                finishWord()
                if digits < 9 { number = number * 10 + Int(value - 48) }
                digits += 1
            } else if isLetter {
                finishNumber()
                word.append(scalar)
            } else {
                finishWord()
                finishNumber()
                if value == 0x20 || (value >= 0x09 && value <= 0x0D)
                    || (value >= 0x80 && scalar.properties.isWhitespace)
                {
                    spaced = true
                } else {
                    tokens.append(Token(kind: .mark, text: "", value: Int(value), digits: 0, spaced: spaced))
                    spaced = false
                }
            }
        }
        finishWord()
        finishNumber()
        return tokens
    }

    private static let dot = Int(UInt8(ascii: "."))
    private static let slash = Int(UInt8(ascii: "/"))
    private static let hyphen = Int(UInt8(ascii: "-"))
    private static let comma = Int(UInt8(ascii: ","))

    /// A date starting at token `i`, and how many tokens it spans.
    static func match(_ tokens: [Token], at i: Int, order: NumericOrder) -> (DateParser.Parsed, Int)? {
        func token(_ k: Int) -> Token? { i + k < tokens.count ? tokens[i + k] : nil }
        func isMark(_ t: Token?, _ marks: Int...) -> Bool { t?.kind == .mark && marks.contains(t!.value) }
        func make(_ year: Int, _ month: Int, _ day: Int) -> DateParser.Parsed? {
            let fullYear = year < 100 ? 2000 + year : year
            guard years.contains(fullYear), let date = CivilDate(year: fullYear, month: month, day: day) else {
                return nil
            }
            return DateParser.Parsed(day: date, secondsIntoDay: nil, utcOffsetSeconds: nil)
        }
        guard let first = token(0) else { return nil }
        switch first.kind {
        case .number:
            // 2019-10-16, 2019/10/16, 2019.10.16, and 2019年10月16日 (CJK), 2019. 10. 16. (Korean).
            if first.digits == 4, let m = token(2), let d = token(4), m.kind == .number, d.kind == .number,
                m.digits <= 2, d.digits <= 2
            {
                let sep1 = token(1)
                let sep2 = token(3)
                let numeric = isMark(sep1, hyphen, slash, dot) && sep1?.value == sep2?.value
                // 年/月 (Chinese, Japanese) and 년/월 (Korean) are letters to the tokenizer.
                let cjk = ["年", "년"].contains(sep1?.text ?? "") && ["月", "월"].contains(sep2?.text ?? "")
                if numeric || cjk, let date = make(first.value, m.value, d.value) { return (date, 5) }
            }
            // 2019. október 16. (Hungarian), 2019 October 16.
            if first.digits == 4 {
                var k = 1
                if isMark(token(k), dot, comma) { k += 1 }
                if let w = token(k), w.kind == .word, let month = monthNumber(w.text) {
                    var j = k + 1
                    if isMark(token(j), dot) { j += 1 }
                    if let d = token(j), d.kind == .number, d.digits <= 2, let date = make(first.value, month, d.value)
                    {
                        return (date, j + 1)
                    }
                }
            }
            guard first.digits <= 2 else { return nil }
            // 16.10.2019, 16/10/2019, 10/16/2019, 16-10-2019, 16.10.19
            if let sep1 = token(1), let m = token(2), let sep2 = token(3), let y = token(4),
                sep1.kind == .mark, sep1.value == sep2.value, [dot, slash, hyphen].contains(sep1.value),
                m.kind == .number, m.digits <= 2, y.kind == .number,
                y.digits == 4 || (y.digits == 2 && sep1.value == dot),
                !(y.digits == 2 && isMark(token(5), dot) && token(6)?.kind == .number)
            {
                var day = first.value
                var month = m.value
                let slashUS = sep1.value == slash && order == .monthFirst
                if (slashUS && first.value <= 12) || (first.value <= 12 && m.value > 12) {
                    day = m.value
                    month = first.value
                }
                if let date = make(y.value, month, day) { return (date, 5) }
            }
            // 16. Oktober 2019, 16 octobre 2019, 16 de octubre de 2019, 16th of March, 2019, 16-Oct-2019
            var k = 1
            if isMark(token(k), dot, hyphen) { k += 1 }
            if let w = token(k), w.kind == .word,
                ["st", "nd", "rd", "th", "er", "eme", "ème", "º", "o"].contains(w.text)
            {
                k += 1
            }
            if let w = token(k), w.kind == .word, ["de", "of", "di", "del"].contains(w.text) { k += 1 }
            if let w = token(k), w.kind == .word, let month = monthNumber(w.text) {
                var j = k + 1
                if isMark(token(j), dot, comma, hyphen) { j += 1 }
                if let w2 = token(j), w2.kind == .word, ["de", "del", "of", "г"].contains(w2.text) { j += 1 }
                if isMark(token(j), comma) { j += 1 }
                if let y = token(j), y.kind == .number, y.digits == 4, let date = make(y.value, month, first.value) {
                    return (date, j + 1)
                }
            }
            return nil
        case .word:
            // October 16, 2019; Oct. 16 2019; Oktober 16, 2019
            guard let month = monthNumber(first.text) else { return nil }
            var k = 1
            if isMark(token(k), dot) { k += 1 }
            guard let d = token(k), d.kind == .number, d.digits <= 2 else { return nil }
            k += 1
            if let w = token(k), w.kind == .word, ["st", "nd", "rd", "th"].contains(w.text) { k += 1 }
            if isMark(token(k), comma, dot) { k += 1 }
            guard let y = token(k), y.kind == .number, y.digits == 4, let date = make(y.value, month, d.value) else {
                return nil
            }
            return (date, k + 1)
        case .mark:
            return nil
        }
    }

    /// The month a (lower-case) month name or abbreviation means, in any of the languages covered.
    static func monthNumber(_ word: String) -> Int? {
        if let month = monthNames[word] { return month }
        return nil
    }

    static let monthNames: [String: Int] = {
        let lists: [[String]] = [
            // English
            [
                "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december",
            ],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            // German (with Austrian Jänner)
            [
                "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                "november", "dezember",
            ],
            ["jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"],
            // French
            [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre",
            ],
            ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
            // Spanish
            [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre",
            ],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
            // Italian
            [
                "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre",
            ],
            ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
            // Portuguese
            [
                "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro",
            ],
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
            // Dutch
            [
                "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december",
            ],
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
            // Danish, Norwegian, Swedish
            [
                "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                "november", "december",
            ],
            [
                "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
                "november", "desember",
            ],
            [
                "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                "november", "december",
            ],
            // Indonesian
            [
                "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
                "november", "desember",
            ],
            // Polish (genitive, as dates use it, and nominative)
            [
                "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                "października", "listopada", "grudnia",
            ],
            [
                "styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                "październik", "listopad", "grudzień",
            ],
            // Czech (genitive)
            [
                "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
                "listopadu", "prosince",
            ],
            // Russian (genitive and nominative)
            [
                "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                "ноября", "декабря",
            ],
            [
                "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                "ноябрь", "декабрь",
            ],
            // Ukrainian (genitive)
            [
                "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
                "листопада", "грудня",
            ],
            // Turkish
            [
                "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
                "aralık",
            ],
            // Finnish (partitive, as in `16. lokakuuta 2019`)
            [
                "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
                "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
            ],
            // Hungarian
            [
                "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
                "október", "november", "december",
            ],
            // Romanian
            [
                "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
                "octombrie", "noiembrie", "decembrie",
            ],
            // Greek (genitive)
            [
                "ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου", "αυγούστου",
                "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου",
            ],
        ]
        var table: [String: Int] = ["sept": 9, "jänner": 1, "mrz": 3, "juin": 6, "juil": 7]
        for list in lists {
            for (index, name) in list.enumerated() where table[name] == nil { table[name] = index + 1 }
        }
        return table
    }()
}
