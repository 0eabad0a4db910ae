// swift-tools-version: 6.1
// FundGuard — 工伤保险基金监管平台 (work-injury insurance fund supervision platform).
import PackageDescription

// Swift 6 language mode, and the project's own targets treat every warning as an error (issue 12): a
// warning is a fault to fix, not noise. Dependencies keep their own settings.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "FundGuard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "fundguard", targets: ["fundguard"]),
        .library(name: "FundModel", targets: ["FundModel"]),
        .library(name: "FundColumns", targets: ["FundColumns"]),
        .library(name: "FundRules", targets: ["FundRules"]),
        .library(name: "FundStore", targets: ["FundStore"]),
        .library(name: "Screening", targets: ["Screening"]),
        .library(name: "Casework", targets: ["Casework"]),
        .library(name: "Settlement", targets: ["Settlement"]),
        .library(name: "FundServer", targets: ["FundServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // SHA-256; already in the build through Hummingbird's dependencies.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // The console's /metrics: swift-metrics' API, kept and rendered by swift-prometheus.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Office documents (.docx, .xlsx) are ZIP archives of XML.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Value types only: ids, money, days, the interchange records. No I/O.
        .target(
            name: "FundModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        // The columnar engine: the data set in memory, the payments as columns, coded text and dense ids.
        .target(name: "FundColumns", dependencies: ["FundModel"], swiftSettings: strict),
        // The law as code: item list, statutory amounts, entitlement calculator, clocks.
        .target(name: "FundRules", dependencies: ["FundModel"], swiftSettings: strict),
        // SQLite store (GRDB), CSV and Excel (.xlsx, zipped with ZIPFoundation) import and export.
        .target(
            name: "FundStore",
            dependencies: [
                "FundModel", "FundColumns",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw sqlite3 C API, for the importer's bulk-insert fast path.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Monitoring rules, indicators, thresholds and the screening engine.
        .target(
            name: "Screening",
            dependencies: ["FundModel", "FundColumns", "FundRules", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Workflows with people in them: determination and assessment registers, expert panels, institutions,
        // inspection campaigns, the risk inventory. Persistence through FundStore's CaseworkRepository.
        .target(name: "Casework", dependencies: ["FundModel", "FundRules", "FundStore"], swiftSettings: strict),
        // The use cases that the command line and the server share (issue 12's application layer).
        .target(
            name: "FundApp",
            dependencies: [
                "FundModel", "FundColumns", "FundRules", "FundStore", "Screening", "Casework",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // The user directory's bcrypt password hashes, computed off the caller's thread.
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict),
        // Direct settlement (issue 13): bills checked with the ⚡ rules against the live data, settled and
        // reversed idempotently, reconciled and cleared. Persistence through FundStore's settlement tables.
        .target(
            name: "Settlement", dependencies: ["FundModel", "FundColumns", "FundRules", "Screening", "FundStore"],
            swiftSettings: strict),
        // The web console and the JSON API (Hummingbird 2): sessions, roles, verification, audit.
        .target(
            name: "FundServer",
            dependencies: [
                "FundModel", "FundRules", "FundStore", "FundApp", "Screening", "Casework", "Settlement",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        // A synthetic demo province with planted anomalies and their ground truth.
        .target(name: "DemoData", dependencies: ["FundModel", "FundColumns", "FundRules"], swiftSettings: strict),
        .executableTarget(
            name: "fundguard",
            dependencies: [
                "FundModel", "FundRules", "FundStore", "FundApp", "Screening", "DemoData", "Casework", "FundServer",
                "Settlement", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "fundbench",
            dependencies: [
                "FundModel", "FundColumns", "FundRules", "FundStore", "Screening", "DemoData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/fundbench",
            swiftSettings: strict
        ),
        .testTarget(name: "FundModelTests", dependencies: ["FundModel"], swiftSettings: strict),
        .testTarget(name: "FundColumnsTests", dependencies: ["FundModel", "FundColumns"], swiftSettings: strict),
        .testTarget(name: "FundRulesTests", dependencies: ["FundModel", "FundRules"], swiftSettings: strict),
        .testTarget(
            name: "FundStoreTests",
            dependencies: [
                "FundModel", "FundStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FundAppTests",
            dependencies: [
                "FundModel", "FundColumns", "FundRules", "FundStore", "Screening", "Casework", "FundApp",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ScreeningTests", dependencies: ["FundModel", "FundColumns", "FundRules", "Screening"],
            swiftSettings: strict),
        .testTarget(
            name: "CaseworkTests",
            dependencies: [
                "FundModel", "FundColumns", "FundRules", "FundStore", "Screening", "Casework",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SettlementTests",
            dependencies: [
                "FundModel", "FundColumns", "FundRules", "FundStore", "Screening", "Settlement",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FundServerTests",
            dependencies: [
                "FundModel", "FundStore", "FundApp", "Screening", "Casework", "FundServer", "Settlement",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DemoDataTests",
            dependencies: ["FundModel", "FundColumns", "FundRules", "FundStore", "Screening", "DemoData"],
            swiftSettings: strict
        ),
    ]
)
