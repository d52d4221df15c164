import Testing

@testable import NewsLinux

@Suite("Memory")
struct MemoryTests {
    @Test("jemalloc serves the process's allocations, and a release returns freed pages")
    func jemallocIsTheAllocator() throws {
        let before = try #require(Memory.allocatedBytes())
        // 64 MiB through the ordinary Swift allocation path, which calls malloc.
        var block = [UInt8](repeating: 1, count: 64 << 20)
        let during = try #require(Memory.allocatedBytes())
        #expect(during - before >= 64 << 20, "malloc did not go through jemalloc")
        #expect(block[block.count - 1] == 1)
        block = []
        Memory.releaseFreedMemory()
        let after = try #require(Memory.allocatedBytes())
        #expect(during - after >= 64 << 20)
        #expect(Memory.residentBytes() > 0)
    }
}
