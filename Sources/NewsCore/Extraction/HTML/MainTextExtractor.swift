/// Finds the article text on a page and returns it paragraph by paragraph, without navigation, sharing bars,
/// related links, comments or other page chrome.
///
/// The method, in the spirit of readability and trafilatura:
/// 1. Skip what is never visible (scripts, `hidden`, `display:none`) and cut the rest into text blocks at
///    block-level elements. Weigh each block: prose (long, few links) counts for, link lists and scraps against.
/// 2. Note for each block the innermost element around it that is chrome by its tag (`nav`, `aside`, `footer`,
///    `header`, `form`) or its names (`class="share-bar"`, see `BoilerplateNames`).
/// 3. Pick the element whose subtree weighs most, where a block under chrome *inside* the candidate counts
///    against it. Chrome is judged relative to the candidate so that an article wrapped in, say,
///    `<div class="widget Blog">` is still found: for that wrapper and anything inside it, the wrapper is not chrome.
/// 4. Emit the chosen element's blocks, leaving out blocks under chrome inside it and link lists.
package struct MainTextExtractor {
    let tree: HTMLTree
    /// The page title, whose repetition at the top of the text is left out.
    let title: String?

    package init(tree: HTMLTree, title: String?) {
        self.tree = tree
        self.title = title
    }

    /// One run of text between block boundaries.
    struct Block {
        /// The innermost block element around the text.
        var container: Int
        /// The innermost chrome element around the text, or -1.
        var chrome: Int
        /// Whether some chrome element around the text names comments, which never become article text.
        var inComments: Bool
        var bytes: [UInt8]
        var words: Int
        var linkWords: Int
        var heading: Bool
        /// Whether the block is in a list item or table row, where short lines are normal.
        var inList: Bool
        /// Whether the block sits in a `<p>` (or `pre`/`blockquote`), the surest sign of prose.
        var inParagraph: Bool
        /// Whether an element around the block is named as the article body (`itemprop=articleBody`).
        var inArticleBody: Bool

        var linkDensity: Double { words == 0 ? 0 : Double(linkWords) / Double(words) }
    }

    /// The paragraphs of the main text and which of them are headings.
    package func extract() -> (paragraphs: [String], headings: Set<Int>) {
        guard tree.nodes.count > 1 else { return ([], []) }
        let (blocks, chrome) = cutBlocks()
        guard !blocks.isEmpty else { return ([], []) }
        let totals = subtreeWeights(blocks)
        return emit(blocks, from: bestContainer(totals, chrome: chrome))
    }

    /// The weight of every subtree as a candidate container.
    func subtreeWeights(_ blocks: [Block]) -> [Double] {
        let nodes = tree.nodes
        // Each block adds its weight to its container; sums then run bottom-up (parents precede children). A block
        // under chrome counts for candidates at or below that chrome element, and against every candidate above
        // it: the correction is added at the chrome element's parent and so reaches exactly those ancestors.
        var totals = [Double](repeating: 0, count: nodes.count)
        for block in blocks {
            let inside = weight(block)
            if block.chrome < 0 {
                totals[block.container] += inside
                continue
            }
            let outside = Self.chromeWeight(block)
            if block.inComments {
                totals[block.container] += outside
            } else {
                totals[block.container] += inside
                let parent = Int(nodes[block.chrome].parent)
                if parent >= 0 { totals[parent] += outside - inside }
            }
        }
        var index = nodes.count - 1
        while index > 0 {
            let parent = Int(nodes[index].parent)
            if parent >= 0 { totals[parent] += totals[index] }
            index -= 1
        }
        return totals
    }

    /// The element whose subtree weighs most; one that is or sits inside chrome must weigh twice as much as
    /// the best one that does not, since a footer's legal text or a widget's blurb can outweigh a short article.
    func bestContainer(_ totals: [Double], chrome: [Bool]) -> Int {
        let nodes = tree.nodes
        var underChrome = chrome
        var best = 0
        var bestScore = -Double.infinity
        for i in 0..<nodes.count where nodes[i].tag != .text {
            let parent = Int(nodes[i].parent)
            if parent >= 0 && underChrome[parent] { underChrome[i] = true }
            let score = underChrome[i] && totals[i] > 0 ? totals[i] * 0.5 : totals[i]
            if score > bestScore {
                bestScore = score
                best = i
            }
        }
        // No prose anywhere (a short note, a list of links): whatever text the page shows is its text.
        return bestScore > 0 ? best : 0
    }

    /// The text of the blocks inside `best` that are not chrome.
    func emit(_ blocks: [Block], from best: Int) -> (paragraphs: [String], headings: Set<Int>) {
        let bestEnd = Int(tree.nodes[best].end)
        var paragraphs: [String] = []
        var headings: Set<Int> = []
        let normalizedTitle = title.map(Self.comparable)
        var seenProse = false
        var seenHeadline = false
        // What the opening rule left out, in case the page has no prose at all and that was all of its text.
        var leftOut: [(text: String, heading: Bool)] = []
        for block in blocks where block.container >= best && block.container < bestEnd {
            if isChrome(block, within: best) { continue }
            let text = HTMLText.collapsingWhitespace(block.bytes[...])
            guard !text.isEmpty else { continue }
            // Before the first line of prose come the headline, the standfirst under it, the byline and the
            // dateline, none of which is article text. A heading with no headline above it opens the text.
            if !seenProse {
                let isHeadline =
                    tree.nodes[block.container].tag == .h1
                    || (block.words < 30 && normalizedTitle != nil && Self.comparable(text) == normalizedTitle)
                if isHeadline {
                    seenHeadline = true
                    continue
                }
                if block.heading {
                    if seenHeadline {
                        leftOut.append((text, true))
                        continue
                    }
                } else if block.words < 8 && !block.inList {
                    leftOut.append((text, false))
                    continue
                } else {
                    seenProse = true
                }
            }
            if block.heading { headings.insert(paragraphs.count) }
            paragraphs.append(text)
        }
        // After the last line of prose come the author's contact line and the outlet's invitations to follow it,
        // recognisable by an e-mail address or a social handle.
        while paragraphs.count > 1, let last = paragraphs.last, !headings.contains(paragraphs.count - 1),
            Self.isContactLine(last)
        {
            paragraphs.removeLast()
        }
        if paragraphs.isEmpty {
            for (text, heading) in leftOut {
                if heading { headings.insert(paragraphs.count) }
                paragraphs.append(text)
            }
        }
        return (paragraphs, headings)
    }

    /// A short line with an e-mail address or an `@handle`: an author's contact or a "follow us" line.
    static func isContactLine(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count < 400, let at = bytes.firstIndex(of: UInt8(ascii: "@")), at + 1 < bytes.count else {
            return false
        }
        let next = bytes[at + 1]
        let isNameByte =
            (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A)
            || next == UInt8(ascii: "_")
        return isNameByte
    }

    /// The weight a block adds to a candidate that it is article text of.
    func weight(_ block: Block) -> Double {
        let words = Double(block.words)
        if Self.isLinkList(block) { return -words }
        // Headings organise an article but are no evidence of one: teaser lists are headings too.
        if block.heading { return 0 }
        if block.words < 4 { return -0.5 }
        // Links inside running prose are citations; they make the text no less the article's.
        var value = words * (1 - block.linkDensity)
        if block.inParagraph { value *= 1.5 }
        if block.words < 10 && !block.inParagraph && !block.inList { value = min(value, 0) - 0.5 }
        // Templates that name their article body (`itemprop=articleBody`, `entry-content`) are usually right.
        if block.inArticleBody && value > 0 { value *= 1.25 }
        return value
    }

    /// Whether a block reads as links rather than text: mostly link words, or half links and short.
    static func isLinkList(_ block: Block) -> Bool {
        let density = block.linkDensity
        return density > 0.8 || (density > 0.5 && block.words < 25)
    }

    /// The weight of a block under chrome, for candidates above that chrome.
    static func chromeWeight(_ block: Block) -> Double {
        -Double(block.words) * 0.5
    }

    /// Whether a block inside the chosen element is left out of the text.
    func isChrome(_ block: Block, within best: Int) -> Bool {
        if block.words == 0 { return true }
        if block.chrome > best || block.inComments { return true }
        return Self.isLinkList(block)
    }

    /// Lower-cased letters and digits only, for comparing a heading with the title.
    static func comparable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    // MARK: - Reading the elements

    /// What an element is, for cutting text into blocks.
    enum Role {
        /// Never visible: skipped with its subtree.
        case invisible
        /// Page chrome by its tag or names; `comments` when the names say comments.
        case chrome(comments: Bool, articleBody: Bool)
        case articleBody
        case plain
    }

    /// Tags whose names are read for chrome words; inline formatting and links are not worth the lookup.
    static let namedTags: [Bool] = {
        var flags = [Bool](repeating: false, count: 256)
        let tags: [HTMLTag] = [
            .other, .div, .section, .article, .main, .ul, .ol, .li, .dl, .table, .tbody, .tr, .td, .figure, .span,
            .p, .header, .aside, .center, .blockquote, .h2, .h3, .h4, .h5, .h6, .time, .address, .details, .small,
            .font, .body, .footer, .nav, .form,
        ]
        for tag in tags { flags[Int(tag.rawValue)] = true }
        return flags
    }()

    func role(of index: Int, cache: inout [UInt64: BoilerplateNames.Verdict]) -> Role {
        let tag = tree.nodes[index].tag
        if tree.isInvisible(index) { return .invisible }
        if tree.hasAttribute(index, .hidden) { return .invisible }
        if let style = tree.attributeBytes(index, .style), Self.styleHides(style) { return .invisible }
        var verdict = BoilerplateNames.Verdict()
        if Self.namedTags[Int(tag.rawValue)] { verdict = BoilerplateNames.verdict(tree, index, cache: &cache) }
        // Hiding classes are treated as chrome, not as invisible: responsive CSS (`hidden lg:flex`) shows them on
        // some screens, and a missing end tag can put the article inside one.
        if verdict.isHidden { verdict.isChrome = true }
        if let ariaHidden = tree.attributeBytes(index, .ariaHidden), ariaHidden.elementsEqual("true".utf8) {
            verdict.isChrome = true
        }
        switch tag {
        case .nav, .aside, .footer, .menu, .form, .header, .label, .fieldset, .figcaption, .dialog, .button:
            verdict.isChrome = true
        default:
            break
        }
        if verdict.isChrome || verdict.isComments {
            // A page-level wrapper named `comments-open` or `has-comments` is not the comment thread.
            let wrapper = tag == .body || tag == .html || tag == .main || tag == .article
            let comments = verdict.isComments && !verdict.isArticleBody && !wrapper
            return .chrome(comments: comments, articleBody: verdict.isArticleBody)
        }
        return verdict.isArticleBody ? .articleBody : .plain
    }

    /// Whether an inline style hides the element (`display:none`, `visibility:hidden`).
    static func styleHides(_ style: ArraySlice<UInt8>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for byte in style where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            compact.append(HTMLText.lower(byte))
        }
        return HTMLText.containsIgnoringCase(compact[...], Array("display:none".utf8))
            || HTMLText.containsIgnoringCase(compact[...], Array("visibility:hidden".utf8))
    }

    // MARK: - Blocks

    /// Cuts the visible text into blocks at every block-level element boundary, `<br>`, and chrome boundary.
    ///
    /// - Returns: The blocks, and which elements are chrome.
    func cutBlocks() -> (blocks: [Block], chrome: [Bool]) {
        let nodes = tree.nodes
        var blocks: [Block] = []
        var chromeElements = [Bool](repeating: false, count: nodes.count)
        var current = Block(
            container: 0, chrome: -1, inComments: false, bytes: [], words: 0, linkWords: 0, heading: false,
            inList: false, inParagraph: false, inArticleBody: false)
        // Open elements that end a block when they close, innermost last.
        var openBlocks: [Int] = [0]
        var openChrome: [(index: Int, comments: Bool)] = []
        var commentsEnd = 0
        var articleBodyEnd = 0
        var linkEnd = 0
        var headingEnd = 0
        var listEnd = 0
        var paragraphEnd = 0
        var hasText = false
        var verdicts: [UInt64: BoilerplateNames.Verdict] = [:]

        func flush() {
            if hasText && current.words > 0 { blocks.append(current) }
            current.bytes.removeAll(keepingCapacity: true)
            current.words = 0
            current.linkWords = 0
            hasText = false
        }

        var i = 1
        while i < nodes.count {
            while openBlocks.count > 1, i >= Int(nodes[openBlocks.last!].end) {
                let closed = openBlocks.removeLast()
                if let chrome = openChrome.last, chrome.index == closed { openChrome.removeLast() }
                flush()
            }
            let node = nodes[i]
            if node.tag == .text {
                let bytes = tree.text[Int(node.textStart)..<Int(node.textEnd)]
                let words = Self.wordCount(bytes)
                if !hasText {
                    if words == 0 && bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
                        i += 1
                        continue
                    }
                    current.container = openBlocks.last!
                    current.chrome = openChrome.last?.index ?? -1
                    current.inComments = i < commentsEnd
                    current.inArticleBody = i < articleBodyEnd
                    current.heading = i < headingEnd
                    current.inList = i < listEnd
                    current.inParagraph = i < paragraphEnd
                    hasText = true
                }
                current.words += words
                if i < linkEnd { current.linkWords += words }
                // libxml2 keeps the page's own white space, so inline pieces join exactly as a browser shows them.
                current.bytes.append(contentsOf: bytes)
                i += 1
                continue
            }
            let tag = node.tag
            if tag == .br || tag == .hr {
                flush()
                i += 1
                continue
            }
            let role = role(of: i, cache: &verdicts)
            var opensBlock = tag.isBlock && tag != .td && tag != .th
            switch role {
            case .invisible:
                i = Int(node.end)
                continue
            case .chrome(let comments, let articleBody):
                opensBlock = true
                chromeElements[i] = true
                openChrome.append((i, comments))
                if comments { commentsEnd = max(commentsEnd, Int(node.end)) }
                if articleBody { articleBodyEnd = max(articleBodyEnd, Int(node.end)) }
            case .articleBody:
                articleBodyEnd = max(articleBodyEnd, Int(node.end))
            case .plain:
                break
            }
            if opensBlock {
                flush()
                if node.end > Int32(i + 1) {
                    openBlocks.append(i)
                } else if case .chrome = role {
                    openChrome.removeLast()
                }
            } else if (tag == .td || tag == .th) && hasText {
                // Cells of one row read as one line, with a space between cells.
                current.bytes.append(0x20)
            }
            switch tag {
            case .a: linkEnd = max(linkEnd, Int(node.end))
            case .h1, .h2, .h3, .h4, .h5, .h6: headingEnd = max(headingEnd, Int(node.end))
            case .li, .tr, .dd, .dt: listEnd = max(listEnd, Int(node.end))
            case .p, .pre, .blockquote: paragraphEnd = max(paragraphEnd, Int(node.end))
            default: break
            }
            i += 1
        }
        flush()
        return (blocks, chromeElements)
    }

    /// Words in UTF-8 text: runs of letters and digits (any non-ASCII byte counts as a letter), where Chinese and
    /// Japanese characters, written without spaces, count half a word each.
    static func wordCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var ideographs = 0
        var inWord = false
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let byte = bytes[i]
            // Lead bytes E3–E9 cover kana and CJK ideographs (E3 80 xx is CJK punctuation, which is no word).
            if byte >= 0xE3 && byte <= 0xE9 && i + 2 < end {
                if !(byte == 0xE3 && bytes[i + 1] == 0x80) { ideographs += 1 }
                inWord = false
                i += 3
                continue
            }
            if byte >= 0xC2, HTMLText.spaceWidth(bytes, at: i) > 0 {
                inWord = false
                i += HTMLText.spaceWidth(bytes, at: i)
                continue
            }
            let isWordByte =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte >= 0x80
            if isWordByte && !inWord { count += 1 }
            inWord = isWordByte
            i += 1
        }
        return count + (ideographs + 1) / 2
    }
}
