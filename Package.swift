// swift-tools-version:6.1
import PackageDescription

// Members come only from modules a file imports itself: otherwise full Foundation's String methods
// leak in through a dependency, and with them ICU and milliseconds of start-up for every run.
let strictImports: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
  name: "CodeRemote",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "coderemote", targets: ["coderemote"])
  ],
  dependencies: [
    .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
    .package(url: "https://github.com/LebJe/TOMLKit.git", exact: "0.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
    // Default traits off: they would link full Foundation (and swift-configuration) into every run.
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1", traits: []),
    .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", exact: "2.8.1"),
    .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
    .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    // Hummingbird's own dependency, named for the graceful-shutdown handler of the worker pool.
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
  ],
  targets: [
    // C shims: the only places C lives.
    // No pkgConfig: SwiftPM would drop ncursesw's -D_XOPEN_SOURCE with a warning; the headers are in
    // /usr/include and the shims define what they need. scripts/bootstrap.sh installs the packages.
    .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
    .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .target(name: "CSandbox", linkerSettings: [.linkedLibrary("seccomp")]),

    // Command-line parsing and help text: the standard library only.
    .target(name: "Arguments", swiftSettings: strictImports),
    // Pure editing core: the standard library only.
    .target(name: "Editor", swiftSettings: strictImports),
    // Running and knowing code: Sources/Engine/, one target per concern (docs/architecture.md).
    // The contract: requests, events, results, limits, the backend protocol and its typed error.
    .target(name: "Execution", path: "Sources/Engine/Execution", swiftSettings: strictImports),
    // Mechanism: pipes, threads, whole writes, spawning and supervising a child, helper processes.
    .target(
      name: "Processes", dependencies: ["CSandbox"], path: "Sources/Engine/Processes",
      swiftSettings: strictImports),
    // config.toml and the XDG paths.
    .target(
      name: "Settings", dependencies: ["Execution", .product(name: "TOMLKit", package: "TOMLKit")],
      path: "Sources/Engine/Settings", swiftSettings: strictImports),
    // Policy: the local backend, its layers, boxes and warm pool.
    .target(
      name: "Sandbox", dependencies: ["Execution", "Processes", "Settings", "CSandbox"],
      path: "Sources/Engine/Sandbox", swiftSettings: strictImports),
    // Complexity analysis: a static reading (Python's ast, in the sandbox) and a timing fit.
    .target(
      name: "Analysis", dependencies: ["Execution"], path: "Sources/Engine/Analysis",
      swiftSettings: strictImports),
    // Snippets, drafts and the run history in SQLite (GRDB over the system library, with FTS5).
    .target(
      name: "Store", dependencies: ["Execution", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Sources/Engine/Store", swiftSettings: strictImports),
    // The remote backend: a Code Remote server over libcurl (opened on demand), SSE for the events.
    .target(
      name: "Remote", dependencies: ["Execution", "Processes", "CCurl"], path: "Sources/Engine/Remote",
      swiftSettings: strictImports),
    // `coderemote serve`: the HTTP, SSE and WebSocket API over a durable job queue.
    .target(
      name: "Server",
      dependencies: [
        "Execution", "Store",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ], swiftSettings: strictImports),
    // Terminal front end: renders into a cell grid; one backend talks to ncurses.
    .target(
      name: "TUI",
      dependencies: [
        "Editor", "Execution", "Processes", "Settings", "CNcursesw",
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      swiftSettings: strictImports),
    // The executable: a thin CLI over TUI and Engine.
    .executableTarget(
      name: "coderemote",
      dependencies: [
        "Arguments", "TUI", "Editor", "Execution", "Processes", "Settings", "Sandbox", "Analysis", "Store",
        "Server", "Remote", "CCurl",
      ], swiftSettings: strictImports,
      // The static-stdlib link exports every symbol; at each start the runtime's dladdr scans them
      // and every symbol lookup passes them: 0.8 ms of `--version` (docs/architecture.md).
      linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(configuration: .release))]),
    .executableTarget(
      name: "bench",
      dependencies: ["Editor", "Execution", "Processes", "Settings", "Sandbox", "Analysis", "Store", "TUI"],
      path: "Benchmarks/bench"),

    .testTarget(
      name: "EditorTests",
      dependencies: ["Editor", .product(name: "PropertyBased", package: "swift-property-based")]),
    .testTarget(name: "ArgumentsTests", dependencies: ["Arguments"]),
    // The executable's own decisions (its command table), tested in process.
    .testTarget(
      name: "CodeRemoteTests",
      dependencies: [
        "coderemote", "Arguments", "TUI", "Store", "Editor", "Execution", "Sandbox", "Settings",
      ],
      exclude: ["__Snapshots__"]),
    .testTarget(
      name: "EngineTests", dependencies: ["Execution", "Processes", "Settings", "Sandbox", "coderemote"]),
    .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
    .testTarget(name: "RemoteTests", dependencies: ["Remote", "Execution"]),
    .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Execution", "Sandbox", "Settings"]),
    .testTarget(
      name: "StoreTests", dependencies: ["Store", "Execution", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "ServerTests",
      dependencies: [
        "Server", "Store", "Execution", "Sandbox", "Settings", "Analysis", "coderemote",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
      ]),
    .testTarget(
      name: "TUITests", dependencies: ["TUI", "Execution", "Processes", "Settings"],
      exclude: ["__Snapshots__"]),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["coderemote", "Remote", "Execution", .product(name: "GRDB", package: "GRDB.swift")]),
  ]
)
