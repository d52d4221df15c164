/// Renders a day's stories as `clusters/YYYY-MM-DD.json`, in the contract of the evaluation scorer.
///
/// Every file appears exactly once: an exact copy is listed in its original's story with `duplicate_of`. A
/// quotation lists each source that carried it with the offsets of its wording; the source's `text` is given only
/// where its wording differs from the quotation's `text`. A quotation carried word for word by many sources (wire
/// copy) otherwise repeated its text once per source, which made most of a busy day's file.
///
/// Each story is one line of compact JSON inside an indented document: `grep` and `jq -c '.stories[]'` find a
/// story at a glance, and a busy day's file is 44 % smaller than indented throughout (12.2 → 6.8 MB for the
/// bench's 3,000-article day; most of it is the quotations' source lists, six indented lines per source). The
/// daemon writes the file whole on every provisional render, so its size is latency.
package enum ClusterRenderer {
    /// - Parameter cache: the text of stories rendered before, reused when the story is unchanged.
    package static func render(_ digest: Digest, cache: RenderedStories? = nil) -> String {
        let date = JSONValue.string(digest.day.description)
        guard !digest.stories.isEmpty else {
            return JSONValue.object([("date", date), ("stories", .array([]))]).pretty + "\n"
        }
        var out = "{\n  \"date\": \(date.compact),\n  \"stories\": [\n"
        for (index, story) in digest.stories.enumerated() {
            if index > 0 { out += ",\n" }
            out += "    "
            out += cache?.text(of: story, as: .clusterJSON) { value(of: story).compact } ?? value(of: story).compact
        }
        return out + "\n  ]\n}\n"
    }

    static func value(of story: Story) -> JSONValue {
        var articles: [JSONValue] = []
        for entry in story.entries {
            let article = entry.article
            articles.append(
                .object([
                    ("file", .string(article.fileName)),
                    ("title", .string(article.title)),
                    ("outlet", .optional(article.outlet)),
                    ("published", .string(article.published.iso8601)),
                    ("sha256", .string(article.contentHash)),
                ]))
            for copy in entry.copies {
                articles.append(
                    .object([
                        ("file", .string(copy.fileName)),
                        ("duplicate_of", .string(article.fileName)),
                        ("outlet", .optional(copy.outlet)),
                        ("near_duplicate", .bool(!copy.isExact)),
                    ]))
            }
        }
        let summarySources: [JSONValue] = story.summary.map { line in
            .object([
                ("file", .string(line.fileName)), ("sentence", .int(line.sentenceIndex)),
                ("start", .int(line.start)), ("end", .int(line.end)),
            ])
        }
        return .object([
            ("id", .string(story.id.rawValue)),
            ("headline", .string(story.headline)),
            ("summary", .array(story.summary.map { .string($0.text) })),
            ("summary_sources", .array(summarySources)),
            ("outlets", .array(story.outlets.map(JSONValue.string))),
            ("quotations", .array(story.quotations.map { quotation in
                .object([
                    ("text", .string(quotation.text)), ("speaker", .optional(quotation.speaker)),
                    ("direct", .bool(quotation.isDirect)),
                    ("sources", .array(quotation.sources.map { source in
                        .object(
                            [("file", .string(source.fileName))]
                                + (source.text == quotation.text ? [] : [("text", .string(source.text))])
                                + [("start", .int(source.start)), ("end", .int(source.end))])
                    })),
                ])
            })),
            ("entities", .array(story.entities.map { entity in
                .object([
                    ("name", .string(entity.canonical)), ("type", .string(entity.kind.rawValue)),
                    ("mentions", .int(entity.mentions)),
                ])
            })),
            ("articles", .array(articles)),
        ])
    }
}
