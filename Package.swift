// swift-tools-version:6.2
import PackageDescription

// Settings every one of our Swift targets shares: Swift 6 mode is implied by the tools version; these add the
// upcoming-feature checks STYLE.md asks for and make any warning fail the build locally, not only in CI.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "newsdigest",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsdigest", targets: ["newsdigest"]),
        // In-process throughput of the core for `make bench` (docs/PERFORMANCE.md); never installed.
        .executable(name: "newsdigest-bench", targets: ["newsdigest-bench"]),
    ],
    dependencies: [
        // Each dependency and why it was chosen: docs/decisions/0001-dependencies.md
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .target(
            name: "CInotify",
            cSettings: [.define("_GNU_SOURCE")]
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // Parsers the pure core calls: they compute on bytes in memory and do no I/O (docs/decisions/0003).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CIconv"),
        // The process's allocator (docs/decisions/0001-dependencies.md).
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(
            name: "NewsCore",
            dependencies: [
                "CLibXML2", "CZlib", "CStemmer", "CIconv",
                .product(name: "RealModule", package: "swift-numerics"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsStore",
            dependencies: [
                "NewsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsLinux",
            dependencies: [
                "CInotify",
                "CJemalloc",
                "CSystemd",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NewsDaemon",
            dependencies: [
                "NewsCore",
                "NewsStore",
                "NewsLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "newsdigest",
            dependencies: [
                "NewsDaemon",
                "NewsStore",
                "NewsCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "newsdigest-bench", dependencies: ["NewsCore"], swiftSettings: strictSettings),
        // libFuzzer targets for every parser of the core (docs/RELIABILITY.md); a plain build is a replay tool.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(
            name: "newsdigest-fuzz", dependencies: ["NewsCore", "CLibFuzzer"], swiftSettings: strictSettings),
        .testTarget(name: "NewsCoreTests", dependencies: ["NewsCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "NewsStoreTests",
            dependencies: ["NewsStore", "NewsCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsLinuxTests",
            dependencies: ["NewsLinux", "CInotify"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsDaemonTests",
            dependencies: [
                "NewsDaemon", "NewsCore", "NewsStore", "NewsLinux",
                .product(name: "Logging", package: "swift-log"),
                // To damage stored rows the way a test needs (`PipelineRecoveryTests`).
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NewsDigestCLITests",
            dependencies: ["newsdigest", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
    ]
)
