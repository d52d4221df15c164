/// What a page says about itself in markup: `<meta>` tags, JSON-LD, `<link rel=canonical>`, `<title>`, `lang`.
package struct HTMLMetadata: Sendable {
    /// `<meta>` values by lower-cased `name`, `property`, `itemprop` or `http-equiv`, in page order (keys repeat).
    package var meta: [(key: String, value: String)] = []
    /// Objects from JSON-LD scripts, with `@graph` members and arrays flattened.
    package var jsonLD: [JSONValue] = []
    package var titleElement: String?
    package var firstH1: String?
    package var canonical: String?
    package var language: String?

    /// The schema.org types of articles, whose dates and headline describe the page itself.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle", "techarticle", "liveblogposting",
        "socialmediaposting", "report", "posting", "webpage", "itempage", "medicalwebpage", "review", "creativework",
        "videoobject", "podcastepisode", "discussionforumposting", "satiricalarticle",
        "advertisercontentarticle",
        "askpublicmodenewsarticle", "qapage", "faqpage", "howto", "recipe", "collectionpage", "profilepage",
    ]

    /// Reads the metadata of `tree`.
    package init(tree: HTMLTree) {
        let nodes = tree.nodes
        // Titles inside inline SVG name icons, not the page.
        var svgEnd = 0
        var i = 1
        while i < nodes.count {
            let node = nodes[i]
            switch node.tag {
            case .svg:
                svgEnd = max(svgEnd, Int(node.end))
            case .html:
                if language == nil, let lang = tree.attribute(i, .lang)?.trimmingWhitespace(), !lang.isEmpty {
                    language = lang
                }
            case .meta:
                if let content = tree.attribute(i, .content) {
                    for keyName in [HTMLTree.AttributeName.property, .name, .itemprop, .httpEquiv] {
                        if let key = tree.attribute(i, keyName)?.trimmingWhitespace().lowercased(), !key.isEmpty {
                            meta.append((key, HTMLText.collapsingWhitespace(Array(content.utf8)[...])))
                        }
                    }
                }
            case .title:
                if titleElement == nil && i >= svgEnd {
                    let text = tree.textContent(i)
                    if !text.isEmpty { titleElement = text }
                }
            case .h1:
                if firstH1 == nil {
                    let text = tree.textContent(i)
                    if !text.isEmpty { firstH1 = text }
                }
            case .link:
                if canonical == nil, let rel = tree.attribute(i, .rel)?.lowercased(),
                    rel.split(separator: " ").contains("canonical"),
                    let href = tree.attribute(i, .href)?.trimmingWhitespace(), href.hasPrefix("http")
                {
                    canonical = href
                }
            case .script:
                if let type = tree.attributeBytes(i, .type),
                    HTMLText.containsIgnoringCase(type, Array("ld+json".utf8))
                {
                    var bytes: [UInt8] = []
                    for child in tree.children(of: i) where nodes[child].tag == .text {
                        bytes.append(contentsOf: tree.textBytes(child))
                    }
                    Self.readJSONLD(bytes, into: &jsonLD)
                }
            default:
                break
            }
            i += 1
        }
        if language == nil, let declared = firstMeta(["content-language", "og:locale", "language", "dc.language"]) {
            // `og:locale` writes `de_DE`; language tags use a hyphen.
            let tag = declared.split(separator: ",").first.map(String.init) ?? declared
            language = tag.trimmingWhitespace().replacingUnderscores()
        }
    }

    /// The first `<meta>` value among `keys` (or `http-equiv` names), in the order of `keys`.
    package func firstMeta(_ keys: [String]) -> String? {
        for key in keys {
            if let pair = meta.first(where: { $0.key == key }), !pair.value.isEmpty { return pair.value }
        }
        return nil
    }

    /// Every `<meta>` value for `key`, in page order.
    package func allMeta(_ key: String) -> [String] {
        meta.filter { $0.key == key && !$0.value.isEmpty }.map(\.value)
    }

    // MARK: - JSON-LD

    /// Parses the body of a JSON-LD script, tolerating the HTML comment and CDATA wrappers pages put around it
    /// and several values in a row.
    static func readJSONLD(_ raw: [UInt8], into objects: inout [JSONValue]) {
        var bytes = raw[...]
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] {
            let trimmed = drop(whitespaceIn: bytes)
            if trimmed.starts(with: Array(wrapper.utf8)) { bytes = trimmed.dropFirst(wrapper.utf8.count) }
        }
        var attempts = 0
        while attempts < 8 {
            attempts += 1
            bytes = drop(whitespaceIn: bytes)
            guard let first = bytes.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { break }
            guard let (value, end) = JSONParser.parsePrefix(bytes) else {
                // Raw line breaks or tabs inside strings are the common breakage; the lenient parser already
                // takes those, so whatever remains is not worth guessing at.
                break
            }
            flatten(value, into: &objects, depth: 0)
            bytes = bytes[end...]
            while let next = bytes.first, next == UInt8(ascii: ";") || next == UInt8(ascii: ",") {
                bytes = bytes.dropFirst()
            }
        }
    }

    private static func drop(whitespaceIn bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = bytes
        while let first = rest.first, first == 0x20 || (first >= 0x09 && first <= 0x0D) { rest = rest.dropFirst() }
        return rest
    }

    private static func flatten(_ value: JSONValue, into objects: inout [JSONValue], depth: Int) {
        guard depth < 6 else { return }
        switch value {
        case .array(let items):
            for item in items { flatten(item, into: &objects, depth: depth + 1) }
        case .object:
            objects.append(value)
            if let graph = value["@graph"] { flatten(graph, into: &objects, depth: depth + 1) }
            // `mainEntity` / `mainEntityOfPage` may hold the article inside a WebPage.
            if let main = value["mainEntity"], case .object = main { flatten(main, into: &objects, depth: depth + 1) }
        default:
            break
        }
    }

    /// The lower-cased `@type` names of a JSON-LD object (a string or a list of strings).
    static func types(of object: JSONValue) -> [String] {
        switch object["@type"] {
        case .string(let type)?: return [type.lowercased()]
        case .array(let items)?: return items.compactMap { $0.stringValue?.lowercased() }
        default: return []
        }
    }

    /// JSON-LD objects that describe an article, most specific kinds first.
    package var articleObjects: [JSONValue] {
        let ranked = jsonLD.compactMap { object -> (rank: Int, object: JSONValue)? in
            let types = Self.types(of: object)
            if types.contains(where: { $0.hasSuffix("article") || $0 == "blogposting" || $0 == "liveblogposting" }) {
                return (0, object)
            }
            if types.contains(where: { Self.articleTypes.contains($0) }) { return (1, object) }
            return nil
        }
        return ranked.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map(\.element.object)
    }

    /// Names from a JSON-LD `author`/`publisher` value: a string, a Person/Organization object, or a list.
    static func names(in value: JSONValue?, depth: Int = 0) -> [String] {
        guard let value, depth < 4 else { return [] }
        switch value {
        case .string(let name): return [name]
        case .object: return names(in: value["name"], depth: depth + 1)
        case .array(let items): return items.flatMap { names(in: $0, depth: depth + 1) }
        default: return []
        }
    }

    // MARK: - Fields

    /// The article title: `og:title`, `twitter:title`, JSON-LD `headline`, then `<title>` without the site name,
    /// then the first `<h1>`.
    package func title(siteName: String?) -> String? {
        if let value = firstMeta(["og:title", "twitter:title", "dc.title", "headline", "sailthru.title"]),
            let cleaned = Self.cleanTitle(value, siteName: siteName)
        {
            return cleaned
        }
        for object in articleObjects {
            if let headline = object["headline"]?.stringValue ?? object["name"]?.stringValue,
                let cleaned = Self.cleanTitle(
                    HTMLText.collapsingWhitespace(Array(headline.utf8)[...]), siteName: siteName)
            {
                return cleaned
            }
        }
        if let value = titleElement, let cleaned = Self.cleanTitle(value, siteName: siteName) { return cleaned }
        return firstH1
    }

    /// `value` without a site-name suffix or prefix (`Rates rise | The Daily`, `The Daily - Rates rise`).
    static func cleanTitle(_ value: String, siteName: String?) -> String? {
        let trimmed = value.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "]
        for separator in separators {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: true)
            guard parts.count >= 2 else { continue }
            if let siteName, !siteName.isEmpty {
                let site = siteName.lowercased()
                if parts.last!.lowercased().trimmingWhitespace() == site
                    || site.contains(parts.last!.lowercased().trimmingWhitespace())
                {
                    return parts.dropLast().joined(separator: separator).trimmingWhitespace()
                }
                if parts.first!.lowercased().trimmingWhitespace() == site {
                    return parts.dropFirst().joined(separator: separator).trimmingWhitespace()
                }
            }
            // Without a known site name, a short last part after the headline is the usual site suffix.
            if parts.count >= 2, let last = parts.last, last.count <= 30, parts.first!.count > 3 * last.count {
                return parts.dropLast().joined(separator: separator).trimmingWhitespace()
            }
        }
        return trimmed
    }

    /// The outlet's own name: `og:site_name`, `application-name`, or the JSON-LD publisher.
    package var siteName: String? {
        if let value = firstMeta(["og:site_name", "application-name", "twitter:app:name:iphone"]) { return value }
        for object in articleObjects {
            if let name = Self.names(in: object["publisher"]).first?.trimmingWhitespace(), !name.isEmpty {
                return name
            }
        }
        return nil
    }

    /// Authors from `<meta name=author>` and friends, then JSON-LD `author`.
    package var authors: [String] {
        var found: [String] = []
        for key in ["author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"] {
            for value in allMeta(key) where !value.hasPrefix("http") { found.append(value) }
            if !found.isEmpty { break }
        }
        if found.isEmpty {
            for object in articleObjects {
                found = Self.names(in: object["author"]).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                if !found.isEmpty { break }
            }
        }
        var seen: Set<String> = []
        return found.map(Self.cleanAuthor).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// An author name without a leading "By" (`By Ada Brook` → `Ada Brook`).
    static func cleanAuthor(_ name: String) -> String {
        let trimmed = name.trimmingWhitespace()
        for prefix in ["By ", "by ", "BY "] where trimmed.hasPrefix(prefix) {
            return String(trimmed.dropFirst(prefix.count)).trimmingWhitespace()
        }
        return trimmed
    }

    /// The page's own address: `<link rel=canonical>`, `og:url`, or JSON-LD `url`.
    package var url: String? {
        if let canonical { return canonical }
        if let value = firstMeta(["og:url", "twitter:url"]), value.hasPrefix("http") { return value }
        for object in articleObjects {
            if let value = object["url"]?.stringValue, value.hasPrefix("http") { return value }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
