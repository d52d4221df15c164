#if canImport(Glibc)
import Glibc
#endif

/// The environment variable naming the `FuzzTarget` a libFuzzer run exercises (`text`, `html`, … `article`).
///
/// One binary serves every target, rather than one build per target, because each Swift build of the package takes
/// minutes on the CI machine; libFuzzer forwards the environment to the workers it forks, so the choice holds there.
let targetVariable = "NEWSDIGEST_FUZZ_TARGET"

/// The target named by `targetVariable`, or nil when it is unset or unknown.
let selectedTarget: FuzzTarget? = getenv(targetVariable).flatMap { FuzzTarget(rawValue: String(cString: $0)) }

/// libFuzzer's set-up hook: refuses to start without a valid target, so a typo cannot fuzz nothing for an hour.
@_cdecl("LLVMFuzzerInitialize")
func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    if selectedTarget == nil {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        let message = "newsdigest-fuzz: set \(targetVariable) to one of: \(names)\n"
        // `write(2)` rather than `fputs(…, stderr)`: Swift 6 rejects the global `stderr` as shared mutable state.
        _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        exit(2)
    }
    return 0
}

/// libFuzzer's entry point: one input, run through the selected parser. It always returns 0 (keep the input
/// if it reached new code); a finding is a crash, not a return value.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let target = selectedTarget else { return 0 }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    target.run(bytes)
    return 0
}
