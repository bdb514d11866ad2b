// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "AsyncBasics",
  products: [
    .library(name: "AsyncBasics", targets: ["AsyncBasics"])
  ],
  targets: [
    // Your five functions (what the checker grades).
    .target(name: "AsyncBasics"),
    // `swift run` builds and runs this: try your functions here, as in the exercise's examples.
    .executableTarget(name: "Playground", dependencies: ["AsyncBasics"]),
  ],
  swiftLanguageModes: [.v6]
)
