/// Reads what a page's `class`, `id` and `role` attributes say an element is: page chrome (navigation, sharing,
/// comments, advertising, related links), hidden, or the article itself.
///
/// The vocabulary is the one web templates share (WordPress, Drupal, news CMSs, Bootstrap), not any one site's.
/// Names are split into words at `-`, `_`, spaces and lower-to-upper case changes, so `article-body__share-bar`,
/// `shareBar` and `share_bar` all say "share".
package enum BoilerplateNames {
    /// What the names of one element say.
    package struct Verdict: Sendable {
        /// The element is page chrome.
        package var isChrome = false
        /// The element is hidden from readers (screen-reader-only text, `hidden` utility classes).
        package var isHidden = false
        /// The names say this holds the article text (`article-body`, `entry-content`, `itemprop=articleBody`).
        package var isArticleBody = false
        /// The names say comments (a strong chrome signal that must win over "content" words).
        package var isComments = false
    }

    /// Whole class names or ids that hide an element.
    static let hiddenNames: Set<String> = [
        "hidden", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screen-reader-only", "screenreader", "offscreen", "element-invisible", "u-hidden", "is-hidden", "d-none",
        "hidden-text", "a11y-hidden", "accessibility", "sr-text",
    ]

    /// Words that name chrome.
    static let chromeWords: Set<String> = [
        "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt",
        "nav", "navbar", "navigation", "menu", "submenu", "breadcrumb", "breadcrumbs", "footer", "sidebar",
        "share", "sharing", "shares", "sharebar", "comment", "comments",
        "related", "recommended", "recommendations", "recirc", "newsletter", "newsletters", "subscribe",
        "subscription", "signup", "promo", "promos", "promotion", "promoted", "sponsor", "sponsored", "cookie",
        "cookies", "consent", "gdpr", "banner", "widget", "widgets", "popup", "modal", "overlay", "toolbar",
        "tooltip", "tags", "tagcloud", "byline", "bio", "timestamp", "dateline", "pagination", "pager",
        "outbrain", "taboola", "disqus", "trending", "popular", "paywall", "login", "skip", "rail", "author",
        "authors", "masthead", "topbar", "jump", "follow", "viral", "syndication", "subnav", "newsfeed",
        "permalink", "rating", "ratings", "print", "email", "video", "playlist", "thumbnail", "thumbnails", "teaser",
        "teasers",
        "carousel", "slideshow", "slider", "gallery", "lightbox", "infobox", "factbox", "marketing", "commercial",
        "affiliate", "shopping", "donate", "donation", "feedback", "survey", "poll", "reactions", "emoji",
        "upsell", "offer", "offers", "cta", "callout", "icon", "icons", "logo", "credit", "credits", "copyright",
        "legal",
        "disclaimer", "meta", "metadata", "caption", "figcaption", "noprint", "discussion", "respond",
        "reply", "rollover", "popover", "hovercard", "dropdown", "contributor", "contributors", "categories",
        "category", "topics", "keywords",
    ]

    /// Beginnings of glued names (`sharedaddy`, `relatedposts`, `newsletterSignup` without a case change).
    static let chromePrefixes: [String] = [
        "share", "comment", "related", "newsletter", "advert", "sponsor", "promo", "cookie",
        "breadcrumb", "sidebar", "footer", "outbrain", "taboola", "disqus", "subscri", "recommend", "paywall",
        "navbar", "navigation", "widget", "banner", "popup", "pagination", "byline", "trending", "mostpopular",
        "mostread", "readmore", "readnext", "morestories", "moreon", "youmay", "youmight", "alsoread", "seealso",
    ]

    /// `role` values of chrome (WAI-ARIA landmarks that are not the main content).
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search", "menu",
        "menubar", "toolbar", "tooltip", "alert", "marquee", "form", "button", "tablist", "tab",
    ]

    /// Glued forms (without `-` and `_`) of whole class names that name the article body.
    static let articleBodyNames: Set<String> = [
        "articlebody", "storybody", "entrycontent", "postcontent", "articlecontent", "articletext", "storytext",
        "postbody", "bodytext", "articlebodytext", "storycontent", "posttext", "entrybody", "contentbody",
        "maincontent", "articlecopy", "richtext", "itemfulltext", "fulltext", "newsarticlebody",
    ]

    /// Words that name comment threads.
    static let commentWords: Set<String> = ["comment", "comments", "discussion", "respond", "reply"]

    /// What `class`, `id`, `role` and `itemprop` of element `index` say.
    ///
    /// - Parameter cache: Verdicts by attribute value; pages repeat the same class lists hundreds of times.
    package static func verdict(_ tree: HTMLTree, _ index: Int, cache: inout [UInt64: Verdict]) -> Verdict {
        var verdict = Verdict()
        if let role = tree.attributeBytes(index, .role) {
            let value = String(decoding: role, as: UTF8.self).lowercased()
            if chromeRoles.contains(value) { verdict.isChrome = true }
            if value == "main" || value == "article" { verdict.isArticleBody = true }
        }
        if let itemprop = tree.attributeBytes(index, .itemprop) {
            let value = String(decoding: itemprop, as: UTF8.self).lowercased()
            if value.contains("articlebody") || value == "text" || value == "reviewbody" {
                verdict.isArticleBody = true
            } else if value.hasPrefix("comment") || value == "author" || value == "publisher" {
                verdict.isChrome = true
            }
        }
        for name in [HTMLTree.AttributeName.class, .id] {
            guard let bytes = tree.attributeBytes(index, name), !bytes.isEmpty else { continue }
            let key = Hashing.fnv(bytes)
            let part: Verdict
            if let cached = cache[key] {
                part = cached
            } else {
                part = read(bytes)
                cache[key] = part
            }
            verdict.isChrome = verdict.isChrome || part.isChrome
            verdict.isHidden = verdict.isHidden || part.isHidden
            verdict.isArticleBody = verdict.isArticleBody || part.isArticleBody
            verdict.isComments = verdict.isComments || part.isComments
        }
        return verdict
    }

    /// Hashes of the vocabularies, so that names are matched without building strings.
    enum Hashing {
        static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }

        static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

        static let start: UInt64 = 0xcbf2_9ce4_8422_2325
        static let hidden = Set(hiddenNames.map { fnv($0.utf8) })
        static let articleBody = Set(articleBodyNames.map { fnv($0.utf8) })
        static let chrome = Set(chromeWords.map { fnv($0.utf8) })
        static let prefixes = Set(chromePrefixes.map { fnv($0.utf8) })
        static let comments = Set(commentWords.map { fnv($0.utf8) })
        static let commentPrefix = fnv("comment".utf8)
        static let longestPrefix = chromePrefixes.map(\.utf8.count).max() ?? 0
    }

    /// What one `class` or `id` value says.
    static func read(_ bytes: ArraySlice<UInt8>) -> Verdict {
        var verdict = Verdict()
        var names = 0
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end && names < 12 {
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A) { i += 1 }
            guard i < end else { break }
            var nameEnd = i
            while nameEnd < end && !(bytes[nameEnd] == 0x20 || bytes[nameEnd] == 0x09 || bytes[nameEnd] == 0x0A) {
                nameEnd += 1
            }
            names += 1
            readName(bytes[i..<nameEnd], into: &verdict)
            i = nameEnd
        }
        return verdict
    }

    /// Reads one class name: as a whole (hidden utility classes, article-body names) and word by word.
    private static func readName(_ name: ArraySlice<UInt8>, into verdict: inout Verdict) {
        var whole = Hashing.start
        var glued = Hashing.start
        for byte in name {
            let lower = HTMLText.lower(byte)
            whole = Hashing.step(whole, lower)
            if lower != UInt8(ascii: "-") && lower != UInt8(ascii: "_") { glued = Hashing.step(glued, lower) }
        }
        if Hashing.hidden.contains(whole) {
            verdict.isHidden = true
            return
        }
        if Hashing.articleBody.contains(glued) { verdict.isArticleBody = true }
        // Words: runs of letters, split before an upper-case letter that follows a lower-case one.
        var word = Hashing.start
        var length = 0
        var chromePrefix = false
        var commentPrefix = false
        var previousLower = false
        func finishWord() {
            if length > 0 {
                if Hashing.chrome.contains(word) || chromePrefix {
                    verdict.isChrome = true
                    if Hashing.comments.contains(word) || commentPrefix { verdict.isComments = true }
                }
            }
            word = Hashing.start
            length = 0
            chromePrefix = false
            commentPrefix = false
        }
        for byte in name {
            let isUpper = byte >= 65 && byte <= 90
            let isLower = byte >= 97 && byte <= 122
            if !(isUpper || isLower) || (isUpper && previousLower) { finishWord() }
            if isUpper || isLower {
                word = Hashing.step(word, HTMLText.lower(byte))
                length += 1
                if length <= Hashing.longestPrefix && Hashing.prefixes.contains(word) { chromePrefix = true }
                if length == 7 && word == Hashing.commentPrefix { commentPrefix = true }
            }
            previousLower = isLower
        }
        finishWord()
    }
}
