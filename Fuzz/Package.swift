// swift-tools-version:6.2
// libFuzzer targets for every parser Kembar runs on what people send it. A package of its own, so
// that `swift build` and `swift test` at the root never build with the fuzzer: scripts/fuzz.sh
// builds it with `-sanitize=fuzzer,address` and runs each target over its corpus in Corpus/.
import PackageDescription

let targets: [(name: String, products: [String])] = [
    ("FuzzRecord", ["KembarCore"]),
    ("FuzzPolicy", ["KembarCore"]),
    ("FuzzDates", ["KembarCore"]),
    ("FuzzIntake", ["KembarDocuments"]),
    ("FuzzMultipart", ["KembarWeb"]),
    ("FuzzSpreadsheet", ["KembarDocuments", "KembarCore"]),
]

let package = Package(
    name: "KembarFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Kembar", path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + targets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["FuzzDriver"] + target.products.map { .product(name: $0, package: "Kembar") },
                swiftSettings: [.unsafeFlags(["-parse-as-library"])])
        }
)
