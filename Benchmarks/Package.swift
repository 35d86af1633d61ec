// swift-tools-version: 6.1
// A package of its own so that the benchmark stays out of `swift test` and out of the main build.
import PackageDescription

let package = Package(
    name: "warehouse-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its folder's name, which differs per checkout.
        .package(name: "warehouse", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "warehouse-bench",
            dependencies: [
                .product(name: "WarehouseKit", package: "warehouse"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        )
    ]
)
