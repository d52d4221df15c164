// Glibc is all the replay needs; Foundation would only add start-up time to every run.
#if FUZZING
import CLibFuzzer
#endif
import Glibc

/// The fuzz binary's entry point.
///
/// Built with `make fuzz-build` (`-DFUZZING -sanitize=fuzzer,address`), it hands the command line to libFuzzer's
/// driver, which fuzzes the target `NEWSDIGEST_FUZZ_TARGET` names through `LLVMFuzzerTestOneInput`. The same
/// `main` has to exist in both builds: SwiftPM links every executable target's entry point as `main`, which leaves
/// no room for libFuzzer's own (see Sources/CLibFuzzer/shim.h).
///
/// In an ordinary build it replays saved inputs (a crash file, a corpus folder) through a target without libFuzzer:
/// `newsdigest-fuzz <target> <file or folder>…`. It prints each file before running it, so when one traps, the last
/// name printed is the culprit.
@main
enum FuzzCommand {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput))
        #else
        replay(CommandLine.arguments.dropFirst())
        #endif
    }

    #if !FUZZING
    static func replay(_ arguments: ArraySlice<String>) {
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count >= 2 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            complain("usage: newsdigest-fuzz <\(names)> <file or folder>…")
            exit(2)
        }
        var replayed = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                print(file)
                guard let bytes = contents(of: file) else {
                    complain("newsdigest-fuzz: cannot read '\(file)'")
                    exit(1)
                }
                target.run(bytes)
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs through \(target.rawValue)")
    }

    /// `path` itself when it is not a folder; the regular files directly inside it, sorted, when it is.
    static func files(at path: String) -> [String] {
        guard let directory = opendir(path) else { return [path] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            var status = stat()
            if name != ".", name != "..", stat("\(path)/\(name)", &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                names.append(name)
            }
        }
        return names.sorted().map { "\(path)/\($0)" }
    }

    /// One line on standard error (fd 2 directly: the C `stderr` global is shared mutable state to Swift 6).
    static func complain(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func contents(of file: String) -> [UInt8]? {
        guard let stream = fopen(file, "rb") else { return nil }
        defer { fclose(stream) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, stream)
            if count > 0 { bytes += buffer[0..<count] }
            if count < buffer.count { return ferror(stream) == 0 ? bytes : nil }
        }
    }
    #endif
}
