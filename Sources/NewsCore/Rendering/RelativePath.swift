/// Path arithmetic on strings, so the renderer can link outputs to originals without touching a filesystem.
package enum RelativePath {
    /// The path of `target` as seen from the directory `base`; both absolute and already normalised.
    package static func from(directory base: String, to target: String) -> String {
        let baseParts = base.split(separator: "/")
        let targetParts = target.split(separator: "/")
        var common = 0
        while common < baseParts.count, common < targetParts.count - 1, baseParts[common] == targetParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        return (ups + targetParts[common...].map(String.init)).joined(separator: "/")
    }

    /// Percent-encodes the characters that would end or break a Markdown link destination.
    package static func markdownLink(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "[": out += "%5B"
            case "]": out += "%5D"
            case "%": out += "%25"
            case "\n", "\r", "\t": out += "%20"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
