extension String {
    /// The text of a run of scalars, encoded to UTF-8 in one pass.
    ///
    /// The readers and the language stages work on arrays of scalars and cut sentences, words and names out of them.
    /// `String(String.UnicodeScalarView(slice))` appended a scalar at a time through an unspecialised generic path
    /// (`IndexingIterator.next` and value witnesses per scalar), about 6 % of extraction's time in a perf profile.
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var next = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[next] = UInt8(truncatingIfNeeded: value)
                    next += 1
                } else {
                    for byte in UTF8.encode(scalar)! {
                        buffer[next] = byte
                        next += 1
                    }
                }
            }
            return next
        }
    }
}

extension StringProtocol {
    /// The number of words between spaces (U+0020), as `split(separator: " ").count` counts them, over the UTF-8
    /// bytes instead of `Character`s: building a story counted the words of every candidate sentence that way, and
    /// the grapheme walk was an eighth of its instructions (callgrind). A space followed by a combining mark is one
    /// `Character`, not a space, to `split`; here it still separates. No story of the evaluation packs changed.
    var spaceSeparatedWordCount: Int {
        var count = 0
        var inWord = false
        for byte in utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}

extension String {
    /// The last of the words between spaces, when there are two or more: `split(separator: " ").last` when that
    /// gives more than one, over the UTF-8 bytes (see `spaceSeparatedWordCount`). Nil for one word or none.
    var lastOfSeveralWords: Substring? {
        let bytes = utf8
        guard let lastEnd = bytes.lastIndex(where: { $0 != 0x20 }) else { return nil }
        let wordEnd = bytes.index(after: lastEnd)
        guard let space = bytes[..<lastEnd].lastIndex(of: 0x20),
            bytes[..<space].contains(where: { $0 != 0x20 })
        else { return nil }
        return self[bytes.index(after: space)..<wordEnd]
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of `text`, decoded from its UTF-8 in one pass.
    ///
    /// `Array(text.unicodeScalars)` walks the text once to count the scalars and again to copy them, through the
    /// generic collection path: about 4.5 % of extraction's instructions for the three whole-body copies the stages
    /// make (callgrind).
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    scalars.append(Unicode.Scalar(lead))
                    index += 1
                    continue
                }
                let (scalar, length) = Unicode.Scalar.decoded(fromValidUTF8: bytes, at: index)
                scalars.append(scalar)
                index += length
            }
            return scalars
        }
    }
}

extension Unicode.Scalar {
    /// The scalar whose UTF-8 starts with the non-ASCII lead byte at `index`, and the number of its bytes.
    ///
    /// For the UTF-8 of a `String`, which is valid: the lead byte gives the length, and every continuation byte is
    /// there.
    @inline(__always)
    static func decoded(fromValidUTF8 bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
