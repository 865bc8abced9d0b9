// swift-tools-version:6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kembar",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kembar", targets: ["kembar"]),
        .library(name: "KembarCore", targets: ["KembarCore"]),
        .library(name: "KembarDocuments", targets: ["KembarDocuments"]),
        .library(name: "KembarStore", targets: ["KembarStore"]),
        .library(name: "KembarWeb", targets: ["KembarWeb"]),
        .library(name: "KembarMail", targets: ["KembarMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        .target(
            name: "KembarCore",
            resources: [.copy("Resources/demo")],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "KembarDocuments",
            dependencies: [
                "KembarCore",
                "CZlib",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KembarMail",
            dependencies: [
                "KembarStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KembarStore",
            dependencies: [
                "KembarCore",
                "KembarDocuments",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/gazetteer"), .copy("Resources/directory")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KembarWeb",
            dependencies: [
                "KembarCore",
                "KembarDocuments",
                "KembarStore",
                "KembarMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [
                .copy("Resources/templates"), .copy("Resources/catalogs"), .copy("Resources/public"),
                .copy("Resources/map"), .copy("Resources/api"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kembar",
            dependencies: [
                "KembarCore",
                "KembarDocuments",
                "KembarStore",
                "KembarWeb",
                "KembarMail",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KembarTestSupport",
            dependencies: [
                "KembarCore",
                "KembarStore",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/KembarTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KembarCoreTests",
            dependencies: ["KembarCore", "KembarTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KembarDocumentsTests",
            dependencies: ["KembarCore", "KembarDocuments"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KembarStoreTests",
            dependencies: [
                "KembarCore", "KembarDocuments", "KembarStore", "KembarTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KembarMailTests",
            dependencies: [
                "KembarMail", "KembarStore", "KembarTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KembarCLITests",
            dependencies: ["KembarCore", "KembarDocuments", "KembarStore", "KembarTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KembarWebTests",
            dependencies: [
                "KembarCore",
                "KembarDocuments",
                "KembarStore",
                "KembarWeb",
                "KembarMail",
                "KembarTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
