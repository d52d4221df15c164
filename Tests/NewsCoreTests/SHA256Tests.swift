import Testing

@testable import NewsCore

@Suite("SHA256")
struct SHA256Tests {
    /// FIPS 180-2 appendix B examples, plus a two-block message from the NIST example set.
    @Test(
        "FIPS 180 test vectors",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                    + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ]
    )
    func fipsVectors(message: String, digest: String) {
        #expect(SHA256.hexDigest(of: Array(message.utf8)) == digest)
    }

    @Test("one million 'a' in one call")
    func millionAInOneCall() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hexDigest(of: bytes) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(
        "one million 'a' fed in uneven chunks",
        arguments: [
            [1, 63, 64, 65, 127, 7, 200, 3],
            [55, 56, 57, 9, 1000],
            [4096, 1, 1, 62],
            [999_999],
        ]
    )
    func millionAInChunks(pattern: [Int]) {
        let total = 1_000_000
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: total)
        var hasher = SHA256()
        var offset = 0
        var step = 0
        while offset < total {
            let size = min(pattern[step % pattern.count], total - offset)
            hasher.update(bytes[offset..<(offset + size)])
            offset += size
            step += 1
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundaries: 55 bytes fits the length in one block, 56 needs a second one.
    @Test(
        "messages of 'a' around block and padding boundaries",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        ]
    )
    func paddingBoundaries(length: Int, digest: String) {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
        #expect(SHA256.hexDigest(of: bytes) == digest)
        // Byte by byte exercises the pending-buffer path for every split point.
        var hasher = SHA256()
        for byte in bytes { hasher.update(CollectionOfOne(byte)) }
        #expect(hasher.finalizeHex() == digest)
    }

    @Test("collections without contiguous storage hash like arrays")
    func nonContiguousCollection() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        // A lazy map has no contiguous storage, so `update` takes its copying path.
        let lazyBytes = message.lazy.map { $0 }
        #expect(
            SHA256.hexDigest(of: lazyBytes) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("empty updates change nothing")
    func emptyUpdates() {
        var hasher = SHA256()
        hasher.update([UInt8]())
        hasher.update(Array("ab".utf8))
        hasher.update([UInt8]())
        hasher.update(Array("c".utf8))
        #expect(hasher.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("digest is 64 lower-case hex digits")
    func digestShape() {
        let digest = SHA256.hexDigest(of: Array("newsdigest".utf8))
        #expect(digest.count == 64)
        #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
    }
}
