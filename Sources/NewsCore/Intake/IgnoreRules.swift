/// Decides which names in the inbox are not articles: hidden files, download and editor temporaries, OS litter,
/// and the operator's own glob patterns.
package struct IgnoreRules: Sendable, Equatable {
    /// Glob patterns (`*`, `?`, `[abc]`) matched against the file name only.
    package var patterns: [String]

    package init(patterns: [String] = []) { self.patterns = patterns }

    static let temporarySuffixes = [".part", ".crdownload", ".tmp", "~", ".swp", ".swx", ".partial", ".download"]
    static let litterNames: Set<String> = ["thumbs.db", "desktop.ini", ".ds_store"]

    /// True when `name` (a file or folder name, without its path) should never be processed.
    package func ignores(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix(".") { return true }
        let lower = name.lowercased()
        if Self.litterNames.contains(lower) { return true }
        if Self.temporarySuffixes.contains(where: { lower.hasSuffix($0) }) { return true }
        if lower.hasPrefix("~$") || lower.hasPrefix(".syncthing.") { return true }
        return patterns.contains { Glob.matches(pattern: $0, name) }
    }
}

/// Shell-style wildcard matching on names: `*` any run, `?` one character, `[abc]`/`[a-z]`/`[!abc]` a set.
package enum Glob {
    /// Reports whether `pattern` is well formed (every `[` closed); used to validate configuration.
    package static func isValid(_ pattern: String) -> Bool {
        var inSet = false
        for c in pattern {
            if c == "[" && !inSet { inSet = true } else if c == "]" && inSet { inSet = false }
        }
        return !inSet && !pattern.isEmpty
    }

    package static func matches(pattern: String, _ name: String) -> Bool {
        let p = Array(pattern)
        let s = Array(name)
        var pi = 0
        var si = 0
        var starP = -1
        var starS = 0
        while si < s.count {
            if pi < p.count, p[pi] == "*" {
                starP = pi
                starS = si
                pi += 1
                continue
            }
            if pi < p.count, let next = matchOne(p, pi, s[si]) {
                pi = next
                si += 1
                continue
            }
            if starP >= 0 {
                pi = starP + 1
                starS += 1
                si = starS
                continue
            }
            return false
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    /// Matches one character at `p[pi]`; returns the index after the pattern element, or nil.
    private static func matchOne(_ p: [Character], _ pi: Int, _ c: Character) -> Int? {
        switch p[pi] {
        case "?": return pi + 1
        case "[":
            var i = pi + 1
            var negate = false
            if i < p.count && (p[i] == "!" || p[i] == "^") {
                negate = true
                i += 1
            }
            var matched = false
            var first = true
            while i < p.count && (p[i] != "]" || first) {
                first = false
                if i + 2 < p.count && p[i + 1] == "-" && p[i + 2] != "]" {
                    if p[i] <= c && c <= p[i + 2] { matched = true }
                    i += 3
                } else {
                    if p[i] == c { matched = true }
                    i += 1
                }
            }
            guard i < p.count else { return p[pi] == c ? pi + 1 : nil }
            return matched != negate ? i + 1 : nil
        case let literal:
            return literal == c ? pi + 1 : nil
        }
    }
}
