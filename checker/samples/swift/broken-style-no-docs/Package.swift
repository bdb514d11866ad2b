// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "AsyncBasics",
    products: [
        .library(name: "AsyncBasics", targets: ["AsyncBasics"])
    ],
    targets: [
        .target(name: "AsyncBasics"),
        .executableTarget(name: "Playground", dependencies: ["AsyncBasics"]),
    ]
)
