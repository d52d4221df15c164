import CLibXML2

/// Parses HTML bytes with libxml2's error-tolerant HTML parser into an `HTMLTree`.
///
/// libxml2 tokenizes, decodes the charset and repairs the markup (implied `<body>`, unclosed `<p>`, stray end tags);
/// its parse events build the flat tree directly. Later passes therefore never touch libxml2 and never recurse,
/// however deeply the page nests.
package enum HTMLParser {
    /// Parses `bytes`, decoding them in the charset `CharsetSniffer` picks.
    ///
    /// - Parameter prefilter: Whether to drop script content first (see `HTMLPrefilter`); off only to check that
    ///   the filter changes nothing a reader sees.
    package static func parse(_ bytes: [UInt8], prefilter: Bool = true) -> HTMLTree {
        _ = libxmlInitialized
        let tree = HTMLTree()
        guard !bytes.isEmpty else { return tree }
        var input = bytes
        let validUTF8 = HTMLText.isValidUTF8(bytes[...])
        var encoding = CharsetSniffer.encoding(of: bytes, validUTF8: validUTF8)
        if encoding == "UTF-8" && !validUTF8 {
            // libxml2 switches a UTF-8 document to Latin-1 for good at its first bad byte, garbling everything
            // after it; replacing the few bad bytes first keeps the rest right.
            input = Array(String(decoding: bytes, as: UTF8.self).utf8)
        } else if encoding != "UTF-8" && !knowsEncoding(encoding) {
            encoding = validUTF8 ? "UTF-8" : "windows-1252"
        }
        if encoding == "UTF-8", input.starts(with: [0xEF, 0xBB, 0xBF]) { input.removeFirst(3) }
        // Every ASCII-compatible charset keeps `<script>` as those bytes; UTF-16 does not.
        if prefilter && !encoding.hasPrefix("UTF-16") { input = HTMLPrefilter.filter(input) }
        guard !input.isEmpty else { return tree }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        let count = Int32(clamping: input.count)
        guard let context = htmlNewParserCtxt() else { return tree }
        defer { htmlFreeParserCtxt(context) }
        // Our handler builds `HTMLTree` directly; without libxml2's own DOM there is nothing to allocate, copy and
        // free node by node, which is most of the parse's cost.
        context.pointee.sax.pointee = Self.makeHandler()
        let builder = TreeBuilder()
        context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
        withExtendedLifetime(builder) {
            input.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    // The handler builds no libxml2 document; free one should a future libxml2 make it anyway.
                    if let document = htmlCtxtReadMemory(context, pointer, count, nil, encoding, options) {
                        xmlFreeDoc(document)
                    }
                }
            }
        }
        builder.finish()
        return builder.tree
    }

    /// libxml2 must set up its globals once before threads use it; a Swift global is initialised exactly once.
    private static let libxmlInitialized: Void = xmlInitParser()

    /// Whether libxml2 (through iconv) can decode `name`.
    private static func knowsEncoding(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// The SAX callbacks: elements, text and script or style content; comments, doctypes and processing
    /// instructions are not needed and so not handled.
    private static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.startElement = { context, name, attributes in
            TreeBuilder.from(context)?.start(name, attributes)
        }
        handler.endElement = { context, _ in
            TreeBuilder.from(context)?.end()
        }
        handler.characters = { context, characters, length in
            TreeBuilder.from(context)?.text(characters, Int(length))
        }
        handler.cdataBlock = { context, characters, length in
            TreeBuilder.from(context)?.text(characters, Int(length))
        }
        handler.initialized = 1
        return handler
    }

    /// Receives libxml2's parse events and appends nodes to an `HTMLTree`.
    final class TreeBuilder {
        var tree = HTMLTree()
        /// The elements whose end has not come yet, innermost last.
        var open: [Int32] = [0]
        /// Whether the open `<script>` is JSON, whose text is kept (other scripts' and styles' text is not).
        var keepsScriptText = false

        /// The builder stored in the parser context's `_private` field.
        static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder? {
            guard let context else { return nil }
            let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let builder = parser.pointee._private else { return nil }
            return Unmanaged<TreeBuilder>.fromOpaque(builder).takeUnretainedValue()
        }

        func start(_ name: UnsafePointer<xmlChar>?, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            let tag = HTMLParser.lookUpTag(name)
            let index = Int32(tree.nodes.count)
            var element = HTMLTree.Node(tag: tag, parent: open.last!, end: index + 1)
            element.attributeStart = Int32(tree.attributes.count)
            if var pair = attributes {
                while let attributeName = pair.pointee {
                    let value = (pair + 1).pointee
                    if let known = HTMLParser.lookUpAttribute(attributeName) {
                        let start = Int32(tree.attributeBytes.count)
                        if let value { HTMLParser.appendCString(value, to: &tree.attributeBytes) }
                        tree.attributes.append(
                            HTMLTree.Attribute(
                                name: known, valueStart: start, valueEnd: Int32(tree.attributeBytes.count)))
                    }
                    pair += 2
                }
            }
            element.attributeEnd = Int32(tree.attributes.count)
            tree.nodes.append(element)
            open.append(index)
            if tag == .script {
                let type = tree.attributeBytes(Int(index), .type) ?? []
                keepsScriptText = HTMLText.containsIgnoringCase(type, Array("json".utf8))
            }
        }

        func end() {
            guard open.count > 1 else { return }
            let closing = Int(open.removeLast())
            tree.nodes[closing].end = Int32(tree.nodes.count)
        }

        func text(_ characters: UnsafePointer<xmlChar>?, _ length: Int) {
            guard let characters, length > 0 else { return }
            let parent = open.last!
            let parentTag = tree.nodes[Int(parent)].tag
            if parentTag == .style || (parentTag == .script && !keepsScriptText) { return }
            let bytes = UnsafeBufferPointer(start: characters, count: length)
            // libxml2 hands over long runs of text in pieces; consecutive pieces make one text node.
            let last = tree.nodes.count - 1
            if tree.nodes[last].tag == .text && tree.nodes[last].parent == parent {
                tree.text.append(contentsOf: bytes)
                tree.nodes[last].textEnd = Int32(tree.text.count)
                return
            }
            let start = Int32(tree.text.count)
            tree.text.append(contentsOf: bytes)
            var node = HTMLTree.Node(tag: .text, parent: parent, end: Int32(last + 2))
            node.textStart = start
            node.textEnd = Int32(tree.text.count)
            tree.nodes.append(node)
        }

        /// Closes what the page left open.
        func finish() {
            while open.count > 1 { end() }
            tree.nodes[0].end = Int32(tree.nodes.count)
        }
    }

    static func appendCString(_ pointer: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
        var p = pointer
        while p.pointee != 0 {
            bytes.append(p.pointee)
            p += 1
        }
    }

    /// A tag or attribute name of up to 16 bytes, lower-cased and packed into two words, so it can be looked up
    /// without building a `String` for each of the thousands of elements on a page.
    struct PackedName: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ pointer: UnsafePointer<xmlChar>) {
            var p = pointer
            var count = 0
            while p.pointee != 0 {
                guard count < 16 else { return nil }
                let byte = UInt64(HTMLText.lower(p.pointee))
                if count < 8 { low |= byte << (8 * UInt64(count)) } else { high |= byte << (8 * UInt64(count - 8)) }
                count += 1
                p += 1
            }
        }

        init(_ text: String) {
            for (count, byte) in text.utf8.prefix(16).enumerated() {
                if count < 8 {
                    low |= UInt64(byte) << (8 * UInt64(count))
                } else {
                    high |= UInt64(byte) << (8 * UInt64(count - 8))
                }
            }
        }
    }

    private static let tagsByName: [PackedName: HTMLTag] = {
        var table: [PackedName: HTMLTag] = [:]
        for raw in HTMLTag.html.rawValue...HTMLTag.wbr.rawValue {
            guard let tag = HTMLTag(rawValue: raw) else { continue }
            table[PackedName(String(describing: tag))] = tag
        }
        return table
    }()

    private static let attributesByName: [PackedName: HTMLTree.AttributeName] = [
        PackedName("class"): .class, PackedName("id"): .id, PackedName("role"): .role,
        PackedName("itemprop"): .itemprop, PackedName("itemtype"): .itemtype, PackedName("style"): .style,
        PackedName("hidden"): .hidden, PackedName("aria-hidden"): .ariaHidden, PackedName("name"): .name,
        PackedName("property"): .property, PackedName("content"): .content, PackedName("rel"): .rel,
        PackedName("href"): .href, PackedName("datetime"): .datetime, PackedName("lang"): .lang,
        PackedName("xml:lang"): .lang,
        PackedName("type"): .type, PackedName("http-equiv"): .httpEquiv, PackedName("charset"): .charset,
        PackedName("pubdate"): .pubdate, PackedName("title"): .title,
    ]

    static func lookUpTag(_ name: UnsafePointer<xmlChar>?) -> HTMLTag {
        guard let name, let packed = PackedName(name) else { return .other }
        return tagsByName[packed] ?? .other
    }

    static func lookUpAttribute(_ name: UnsafePointer<xmlChar>?) -> HTMLTree.AttributeName? {
        guard let name else { return nil }
        if let packed = PackedName(name), let attribute = attributesByName[packed] { return attribute }
        return isDataDate(name) ? .dataDate : nil
    }

    /// `data-` followed by a name containing `date`, `time` or `publish`.
    private static func isDataDate(_ name: UnsafePointer<xmlChar>) -> Bool {
        let prefix: [UInt8] = Array("data-".utf8)
        var bytes: [UInt8] = []
        var p = name
        while p.pointee != 0 && bytes.count < 40 {
            bytes.append(HTMLText.lower(p.pointee))
            p += 1
        }
        guard bytes.starts(with: prefix) else { return false }
        let rest = bytes[prefix.count...]
        return HTMLText.containsIgnoringCase(rest, Array("date".utf8))
            || HTMLText.containsIgnoringCase(rest, Array("time".utf8))
            || HTMLText.containsIgnoringCase(rest, Array("publish".utf8))
    }
}
