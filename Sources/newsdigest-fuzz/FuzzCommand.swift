#if FUZZING
import CLibFuzzer
import Glibc
#else
import Foundation
#endif

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
            FileHandle.standardError.write(Data("usage: newsdigest-fuzz <\(names)> <file or folder>…\n".utf8))
            exit(2)
        }
        var replayed = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                print(file)
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("newsdigest-fuzz: cannot read '\(file)'\n".utf8))
                    exit(1)
                }
                target.run(Array(data))
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs through \(target.rawValue)")
    }

    /// `path` itself when it is a file; the regular files directly inside it, sorted, when it is a folder.
    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }.filter { file in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
    #endif
}
