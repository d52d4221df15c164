/// The HTML elements the reader tells apart; every other element is `.other`, and text is `.text`.
package enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, iframe, frame, frameset, object, embed, applet, canvas, svg, math
    case video, audio, source, track, picture, img, map, area
    case form, input, button, select, option, optgroup, textarea, label, fieldset, legend, datalist, output
    case nav, header, footer, aside, menu, dialog
    case main, article, section, div, span, center, font
    case p, br, hr, pre, blockquote, address
    case h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case a, b, i, u, s, em, strong, small, big, sub, sup, mark, abbr, cite, q, code, kbd, samp, `var`, tt
    case time, figure, figcaption, details, summary, ins, del, wbr

    /// Elements that start a new line of text: a paragraph boundary in the output.
    package var isBlock: Bool { Self.blockSet[Int(rawValue)] }

    /// Elements whose content is not readable text on the page (see `HTMLTree.isInvisible(_:)`).
    package var isInvisible: Bool { Self.invisibleSet[Int(rawValue)] }

    /// Invisible elements whose content can never be page text, however much of it there is. Controls and media
    /// (`button`, `video`, `iframe`) are not among them: when a page forgets to close one, libxml2 puts the rest
    /// of the page inside it.
    package var isAlwaysInvisible: Bool { Self.alwaysInvisibleSet[Int(rawValue)] }

    private static let blockSet: [Bool] = table([
        .html, .body, .main, .article, .section, .div, .center, .p, .br, .hr, .pre, .blockquote, .address,
        .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd, .table, .thead, .tbody, .tfoot, .tr,
        .td, .th, .caption, .figure, .figcaption, .details, .summary, .nav, .header, .footer, .aside, .menu, .form,
        .fieldset, .legend, .dialog, .title, .option, .textarea, .select, .iframe, .video, .audio, .object,
    ])

    private static let invisibleSet: [Bool] = table([
        .head, .title, .meta, .link, .base, .script, .style, .noscript, .template, .iframe, .frame, .frameset,
        .object, .embed, .applet, .canvas, .svg, .math, .video, .audio, .source, .track, .map, .area, .input,
        .select, .option, .optgroup, .textarea, .datalist, .output, .img, .picture, .button, .dialog,
    ])

    private static let alwaysInvisibleSet: [Bool] = table([
        .head, .title, .meta, .link, .base, .script, .style, .template, .svg, .math, .source, .track,
        .area, .input, .img,
    ])

    private static func table(_ tags: [HTMLTag]) -> [Bool] {
        var flags = [Bool](repeating: false, count: Int(HTMLTag.wbr.rawValue) + 1)
        for tag in tags { flags[Int(tag.rawValue)] = true }
        return flags
    }
}
