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
