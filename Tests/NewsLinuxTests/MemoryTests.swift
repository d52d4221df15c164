import CJemalloc
import Testing

@testable import NewsLinux

@Suite("Memory")
struct MemoryTests {
    /// Bytes this thread has allocated (`thread.allocated`) or freed (`thread.deallocated`) through jemalloc so far.
    /// Per thread: the process-wide `stats.allocated` also moves with the suites running beside this one, which
    /// once freed 1.9 MB between two readings and failed the test.
    static func threadCounter(_ name: String) -> UInt64? {
        var value: UInt64 = 0
        var size = MemoryLayout<UInt64>.size
        return mallctl(name, &value, &size, nil, 0) == 0 ? value : nil
    }

    @Test("jemalloc serves the process's allocations and frees, and its statistics can be read")
    func jemallocIsTheAllocator() throws {
        let allocatedBefore = try #require(Self.threadCounter("thread.allocated"))
        let freedBefore = try #require(Self.threadCounter("thread.deallocated"))
        // 64 MiB through the ordinary Swift allocation path, which calls malloc.
        var block = [UInt8](repeating: 1, count: 64 << 20)
        let allocatedDuring = try #require(Self.threadCounter("thread.allocated"))
        #expect(allocatedDuring - allocatedBefore >= 64 << 20, "malloc did not go through jemalloc")
        #expect(block[block.count - 1] == 1)
        block = []
        let freedAfter = try #require(Self.threadCounter("thread.deallocated"))
        #expect(freedAfter - freedBefore >= 64 << 20, "free did not go through jemalloc")
        Memory.releaseFreedMemory()
        #expect(try #require(Memory.allocatedBytes()) > 0)
        #expect(Memory.residentBytes() > 0)
    }
}
