#ifndef CLIBFUZZER_SHIM_H
#define CLIBFUZZER_SHIM_H
// libFuzzer's driver, which `-sanitize=fuzzer` links in (libclang_rt.fuzzer, shipped with the Swift toolchain).
// No header for it is installed, and Swift can only call a C function it has a declaration for.
//
// Why call the driver instead of letting libFuzzer's own `main` run: SwiftPM builds an executable target's
// entry point as `<module>_main` and links it with `--defsym main=<module>_main`, so a target without a Swift
// `main` fails to link, and one with a Swift `main` hides libFuzzer's. Our `main` hands over to the driver instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
