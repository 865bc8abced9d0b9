// swift-tools-version:6.2
import PackageDescription

// The benchmarks live in a package of their own so that the benchmark library and its
// dependencies never slow down the main package's build or CI.
// A path dependency is known by its folder's name, whatever the checkout is called.
let kembar = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "main"

let package = Package(
    name: "KembarBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "Evaluation",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KembarCore", package: kembar),
            ],
            path: "Benchmarks/Evaluation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Search",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KembarCore", package: kembar),
                .product(name: "KembarStore", package: kembar),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Search",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Gazetteer",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KembarCore", package: kembar),
                .product(name: "KembarStore", package: kembar),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Gazetteer",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Reports",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KembarCore", package: kembar),
                .product(name: "KembarWeb", package: kembar),
            ],
            path: "Benchmarks/Reports",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
