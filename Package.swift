// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "warehouse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "warehouse", targets: ["warehouse"]),
        .library(name: "WarehouseKit", targets: ["WarehouseKit"]),
    ],
    dependencies: [
        // 7.10.0 is the first release that links against Debian's libsqlite3 (built without SNAPSHOT).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "WarehouseKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API as GRDB links it, for the load's hot inserts (Storage/RawInsert.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "warehouse",
            dependencies: [
                "WarehouseKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "WarehouseKitTests",
            dependencies: ["WarehouseKit"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CLITests",
            // Depends on the executable so that `swift test` builds the binary these tests run.
            dependencies: ["WarehouseKit", "warehouse", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)
