// swift-tools-version: 6.0
// A separate package, so that the root package (and CI) never builds it.
import PackageDescription

let package = Package(
  name: "AsyncCheckBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "asynccheck", path: "..")],
  targets: [
    .executableTarget(
      name: "OverheadBenchmark",
      dependencies: [.product(name: "CheckerCore", package: "asynccheck")])
  ],
  swiftLanguageModes: [.v6]
)
