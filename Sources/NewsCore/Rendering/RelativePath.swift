/// Path arithmetic on strings, so the renderer can link outputs to originals without touching a filesystem.
package enum RelativePath {
    /// The path of `target` as seen from the directory `base`; both absolute and already normalised.
    ///
    /// Worked out on the paths' UTF-8 bytes: a story page links every source, and splitting both paths into
    /// strings for each link was a twentieth of a provisional render of a large day (perf, stop 21).
    package static func from(directory base: String, to target: String) -> String {
        var (base, target) = (base, target)
        return base.withUTF8 { base in
            target.withUTF8 { target in
                let baseParts = components(base)
                let targetParts = components(target)
                var common = 0
                while common < baseParts.count, common < targetParts.count - 1,
                    base[baseParts[common]].elementsEqual(target[targetParts[common]])
                {
                    common += 1
                }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(3 * (baseParts.count - common) + target.count)
                for _ in common..<baseParts.count { bytes.append(contentsOf: "../".utf8) }
                for part in targetParts[common...] {
                    bytes += target[part]
                    bytes.append(UInt8(ascii: "/"))
                }
                if !bytes.isEmpty { bytes.removeLast() }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// The byte ranges of a path's components, without empty ones.
    private static func components(_ path: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start { parts.append(start..<index) }
            start = index + 1
        }
        return parts
    }

    /// Percent-encodes the characters that would end or break a Markdown link destination.
    package static func markdownLink(_ path: String) -> String {
        // Most paths have nothing to encode, and are returned as they are.
        guard path.utf8.contains(where: { encodedInLinks[Int($0)] }) else { return path }
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

    /// The bytes `markdownLink` encodes, by value: every character it changes is ASCII.
    private static let encodedInLinks: [Bool] = (0..<256).map { byte in " ()<>[]%\n\r\t".utf8.contains(UInt8(byte)) }
}
