import Foundation
import SystemPackage
import Testing

@testable import NewsLinux

@Suite("AtomicFileWriter")
struct AtomicFileWriterTests {
    @Test func replacesContentAndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let target = FilePath(directory.path + "/digest.md")
        try AtomicFileWriter.write("first", to: target)
        try AtomicFileWriter.write("second", to: target)
        #expect(try String(contentsOfFile: target.string, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["digest.md"])
        // Without the fsyncs (a provisional render's files) it is the same replacement, from the string's own bytes.
        let bridged = NSString(string: "third — ünïcode") as String
        try AtomicFileWriter.write(bridged, to: target, durable: false)
        #expect(try String(contentsOfFile: target.string, encoding: .utf8) == "third — ünïcode")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["digest.md"])
    }

    @Test func interruptedWritesOfDeadProcessesAreSwept() throws {
        let directory = try TemporaryDirectory()
        // PID 2^22+1 is above Linux's pid_max limit, so no process can own it.
        try directory.write(".2025-03-14.md.tmp-4194305", "half a digest")
        try directory.write(".index.md.tmp-\(getpid())", "a write of ours in progress")
        try directory.write(".hidden-note.md", "not a temporary file")
        try directory.write("2025-03-14.md", "the digest")
        let removed = AtomicFileWriter.removeInterruptedWrites(in: FilePath(directory.path))
        #expect(removed == [".2025-03-14.md.tmp-4194305"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            == [".hidden-note.md", ".index.md.tmp-\(getpid())", "2025-03-14.md"])
    }

    @Test(arguments: [false, true])
    func holdsIsTrueOnlyForARegularFileWithExactlyTheseBytes(durable: Bool) throws {
        let directory = try TemporaryDirectory()
        // Longer than one comparison piece (64 KiB), with a difference only in the last one.
        let text = String(repeating: "a line of the digest\n", count: 4000) + "the end"
        try directory.write("digest.md", text)
        #expect(symlink(directory.path + "/digest.md", directory.path + "/link.md") == 0)
        func holds(_ candidate: String, _ name: String) -> Bool {
            var candidate = candidate
            return candidate.withUTF8 {
                AtomicFileWriter.holds(UnsafeRawBufferPointer($0), at: FilePath(directory.path + "/" + name), durable: durable)
            }
        }
        #expect(holds(text, "digest.md"))
        #expect(!holds(String(text.dropLast()) + "E", "digest.md"))
        #expect(!holds(text + "\n", "digest.md"))
        #expect(!holds(String(text.dropLast()), "digest.md"))
        #expect(!holds(text, "link.md"))
        #expect(!holds(text, "missing.md"))
        #expect(!holds(text, ""))
        try directory.write("empty.md", "")
        #expect(holds("", "empty.md"))
    }

    @Test func failureLeavesTheOldFileInPlace() throws {
        let directory = try TemporaryDirectory()
        let target = FilePath(directory.path + "/missing/digest.md")
        #expect(throws: LinuxError.self) { try AtomicFileWriter.write("x", to: target) }
    }
}

@Suite("FileSystem")
struct FileSystemTests {
    @Test func refusesSymlinksLargeFilesAndFifos() throws {
        let directory = try TemporaryDirectory()
        try directory.write("big.txt", String(repeating: "x", count: 100))
        #expect(symlink("/etc/hostname", directory.path + "/link.txt") == 0)
        #expect(mkfifo(directory.path + "/pipe.txt", 0o644) == 0)
        #expect(throws: FileSystem.ReadRefusal.tooLarge(size: 100, limit: 10)) {
            try FileSystem.readRegularFile(FilePath(directory.path + "/big.txt"), limit: 10)
        }
        #expect(throws: FileSystem.ReadRefusal.notRegularFile(kind: "a symbolic link")) {
            try FileSystem.readRegularFile(FilePath(directory.path + "/link.txt"), limit: 10)
        }
        #expect(throws: FileSystem.ReadRefusal.notRegularFile(kind: "a special file")) {
            try FileSystem.readRegularFile(FilePath(directory.path + "/pipe.txt"), limit: 10)
        }
        #expect(try FileSystem.readRegularFile(FilePath(directory.path + "/big.txt"), limit: 100).count == 100)
    }

    @Test func renameReportsAVanishedSource() throws {
        let directory = try TemporaryDirectory()
        #expect(try FileSystem.rename(FilePath(directory.path + "/nope"), to: FilePath(directory.path + "/x")) == false)
    }

    @Test func readsKernelLimits() {
        let limits = KernelLimits.read()
        #expect((limits.maxQueuedEvents ?? 0) > 100)
        #expect((limits.maxUserWatches ?? 0) > 100)
    }

    @Test func namesNetworkFilesystems() {
        #expect(FileSystem.networkFilesystemName(magic: 0x6969) == "NFS")
        #expect(FileSystem.networkFilesystemName(magic: Int(Int32(bitPattern: 0xFF53_4D42))) == "CIFS")
        #expect(FileSystem.networkFilesystemName(magic: 0xEF53) == nil)
    }
}

@Suite("JournalLogHandler")
struct JournalLogHandlerTests {
    @Test(arguments: [
        ("file", "NEWSDIGEST_FILE"), ("story", "NEWSDIGEST_STORY"), ("message.id", "MESSAGE_ID"),
        ("file.path", "NEWSDIGEST_FILE_PATH"), ("max-user", "NEWSDIGEST_MAX_USER"),
    ])
    func metadataKeysBecomeValidJournalFields(key: String, field: String) {
        #expect(JournalLogHandler.fieldName(for: key) == field)
    }

    @Test func stderrIsNotTheJournalWithoutJournalStream() {
        unsetenv("JOURNAL_STREAM")
        #expect(JournalLogHandler.detectDestination() == .standardError)
    }
}
