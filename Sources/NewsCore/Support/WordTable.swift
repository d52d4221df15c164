/// A fixed set of words, each with a value, looked up by its UTF-8 bytes.
///
/// The word lists of extraction (gazetteers, cue words, stop words) are asked about every token of every article.
/// A `Set<String>` or `Dictionary<String, _>` lookup SipHashes the string and compares it through the generic
/// String path; a table that hashes the bytes with FNV-1a (`TermKey`) and confirms with one byte comparison costs a
/// fraction of that, and a caller holding a word's bytes (`Tokenizer.forEachWord`) asks without making a String.
///
/// The table is built once from fixed lists and never grows, so text cannot lengthen its probe chains: linear
/// probing at a load of at most one half stops at the first empty slot, whatever the word asked about.
///
/// Bytes are compared only for ASCII words. A `String` key matches any canonically equivalent spelling (`é` as
/// one scalar or as `e` and a combining accent), so a word with other bytes is looked up in a dictionary of the
/// entries that have any, and answers as a `Set<String>` would. An ASCII word is equivalent only to itself among
/// NFC keys, which every list here is written in.
package struct WordTable<Value: Sendable>: Sendable {
    /// Each slot's hash, and the index of its word plus one (0: empty).
    private let slotHashes: [UInt64]
    private let slotWords: [Int32]
    /// Every word's bytes one after another; word `i` is `storage[offsets[i]..<offsets[i + 1]]`.
    private let storage: [UInt8]
    private let offsets: [Int32]
    private let values: [Value]
    private let mask: Int
    private let longest: Int
    private let nonASCII: [String: Value]

    package init(_ entries: [String: Value]) {
        nonASCII = entries.filter { !$0.key.utf8.allSatisfy(UTF8.isASCII) }
        var storage: [UInt8] = []
        var offsets: [Int32] = [0]
        var values: [Value] = []
        var hashes: [UInt64] = []
        values.reserveCapacity(entries.count)
        for (word, value) in entries {
            storage.append(contentsOf: word.utf8)
            offsets.append(Int32(storage.count))
            values.append(value)
            hashes.append(TermKey(utf8: word.utf8).value)
        }
        var size = 8
        while size < entries.count * 2 { size *= 2 }
        var slotHashes = [UInt64](repeating: 0, count: size)
        var slotWords = [Int32](repeating: 0, count: size)
        for (position, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slotWords[slot] != 0 { slot = (slot + 1) & (size - 1) }
            (slotHashes[slot], slotWords[slot]) = (hash, Int32(position + 1))
        }
        var longest = 0
        for index in 0..<values.count { longest = max(longest, Int(offsets[index + 1] - offsets[index])) }
        (self.slotHashes, self.slotWords, self.storage, self.offsets, self.values) =
            (slotHashes, slotWords, storage, offsets, values)
        (mask, self.longest) = (size - 1, longest)
    }

    /// The value of the word `bytes`; nil when the word is not in the table. The cheap refusals come before the
    /// hash: a word with other bytes goes to the dictionary, and one longer than every entry is in none.
    package subscript(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard bytes.allSatisfy(UTF8.isASCII) else { return nonASCII[String(decoding: bytes, as: UTF8.self)] }
        guard bytes.count <= longest else { return nil }
        let hash = TermKey(utf8: bytes).value
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slotWords[slot] != 0 {
            if slotHashes[slot] == hash {
                let word = Int(slotWords[slot]) - 1
                let start = Int(offsets[word])
                if Int(offsets[word + 1]) - start == bytes.count && storedWord(from: start, equals: bytes) {
                    return values[word]
                }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    @inline(__always)
    private func storedWord(from start: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<bytes.count where storage[start + offset] != bytes[offset] { return false }
        return true
    }

    package subscript(_ word: String) -> Value? {
        var word = word
        return word.withUTF8 { self[$0] }
    }

    package func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { self[bytes] != nil }
}

extension WordTable where Value == Bool {
    /// A set of words.
    package init(_ words: some Sequence<String>) {
        var entries: [String: Bool] = [:]
        for word in words { entries[word] = true }
        self.init(entries)
    }

    package func contains(_ word: String) -> Bool { self[word] != nil }
}

extension WordTable: ExpressibleByArrayLiteral where Value == Bool {
    package init(arrayLiteral words: String...) { self.init(words) }
}

extension WordTable {
    /// Every word of the table, in no particular order.
    package var words: [String] {
        (0..<values.count).map { String(decoding: storage[Int(offsets[$0])..<Int(offsets[$0 + 1])], as: UTF8.self) }
    }
}
