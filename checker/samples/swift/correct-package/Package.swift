// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Solutions",
  targets: [
    .target(name: "Solutions"),
    .executableTarget(name: "Demo", dependencies: ["Solutions"]),
    .testTarget(name: "SolutionsTests", dependencies: ["Solutions"]),
  ]
)
