/// An HTML page as a flat array of nodes in document order, which the extraction passes walk without recursion.
///
/// Node 0 is the document. A node's subtree is the index range `index..<nodes[index].end`, so a node's children
/// start at `index + 1` and each next sibling starts where the previous one's subtree ends. Deeply nested pages
/// (100,000 levels) are therefore as cheap and as safe as flat ones.
package struct HTMLTree: Sendable {
    /// One element or text node.
    package struct Node: Sendable {
        package var tag: HTMLTag
        /// The parent's index; -1 for the document.
        package var parent: Int32
        /// One past the last index of this node's subtree.
        package var end: Int32
        /// For text nodes, the range of `text` holding its UTF-8 bytes.
        package var textStart: Int32 = 0
        package var textEnd: Int32 = 0
        /// The range of `attributes` holding this element's kept attributes.
        package var attributeStart: Int32 = 0
        package var attributeEnd: Int32 = 0
    }

    /// The attributes the reader looks at; the others are not kept.
    package enum AttributeName: UInt8, Sendable {
        case `class`, id, role, itemprop, itemtype, style, hidden, ariaHidden, name, property, content, rel, href
        case datetime, lang, type, httpEquiv, charset, pubdate, title
        /// Any `data-…` attribute whose name mentions a date or time (`data-date`, `data-published-at`).
        case dataDate
    }

    package struct Attribute: Sendable {
        package var name: AttributeName
        package var valueStart: Int32
        package var valueEnd: Int32
    }

    package var nodes: [Node] = []
    /// The bytes of every text node, back to back.
    package var text: [UInt8] = []
    package var attributes: [Attribute] = []
    package var attributeBytes: [UInt8] = []

    package init() {
        nodes.append(Node(tag: .other, parent: -1, end: 1))
    }

    /// The UTF-8 bytes of text node `index` (empty for elements).
    package func textBytes(_ index: Int) -> ArraySlice<UInt8> {
        let node = nodes[index]
        return text[Int(node.textStart)..<Int(node.textEnd)]
    }

    /// The raw value bytes of attribute `name` on element `index`, if present.
    package func attributeBytes(_ index: Int, _ name: AttributeName) -> ArraySlice<UInt8>? {
        let node = nodes[index]
        var i = Int(node.attributeStart)
        while i < Int(node.attributeEnd) {
            let attribute = attributes[i]
            if attribute.name == name {
                return attributeBytes[Int(attribute.valueStart)..<Int(attribute.valueEnd)]
            }
            i += 1
        }
        return nil
    }

    /// The value of attribute `name` on element `index`, if present.
    package func attribute(_ index: Int, _ name: AttributeName) -> String? {
        attributeBytes(index, name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether element `index` has attribute `name`.
    package func hasAttribute(_ index: Int, _ name: AttributeName) -> Bool {
        attributeBytes(index, name) != nil
    }

    /// The direct children of `index`, in order.
    package func children(of index: Int) -> ChildSequence {
        ChildSequence(tree: self, parentEnd: Int(nodes[index].end), start: index + 1)
    }

    package struct ChildSequence: Sequence, IteratorProtocol {
        let tree: HTMLTree
        let parentEnd: Int
        var start: Int

        package mutating func next() -> Int? {
            guard start < parentEnd else { return nil }
            let current = start
            start = Int(tree.nodes[current].end)
            return current
        }
    }

    /// Whether element `index` shows no text: always for scripts, styles and the like; for controls and media
    /// only while their content is small, since a large one is the page's content swallowed by a missing end tag.
    package func isInvisible(_ index: Int) -> Bool {
        let node = nodes[index]
        guard node.tag.isInvisible else { return false }
        return node.tag.isAlwaysInvisible || Int(node.end) - index < 200
    }

    /// The text of the subtree at `index` with whitespace collapsed, skipping invisible elements.
    package func textContent(_ index: Int) -> String {
        var out: [UInt8] = []
        var i = index
        let end = Int(nodes[index].end)
        while i < end {
            let node = nodes[i]
            if node.tag == .text {
                out.append(contentsOf: text[Int(node.textStart)..<Int(node.textEnd)])
                i += 1
            } else if i != index && isInvisible(i) {
                i = Int(node.end)
            } else {
                if node.tag.isBlock || node.tag == .br { out.append(0x20) }
                i += 1
            }
        }
        return HTMLText.collapsingWhitespace(out[...])
    }
}
