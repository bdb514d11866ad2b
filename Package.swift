// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "asynccheck",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "AsyncBasics", targets: ["AsyncBasics"]),
    .library(name: "CheckerCore", targets: ["CheckerCore"]),
    .executable(name: "checker", targets: ["checker"]),
  ],
  targets: [
    // The reference implementations of tasks 0–4.
    .target(name: "AsyncBasics"),
    // Everything the checker does: submission → build → run → judge → report.
    // `Resources/` holds the harness and (as links) the reference sources, embedded into the
    // binary so an installed `checker` works from any directory.
    .target(
      name: "CheckerCore",
      resources: [.embedInCode("Resources")]
    ),
    // The thin command-line front end.
    .executableTarget(name: "checker", dependencies: ["CheckerCore"]),
    .testTarget(name: "AsyncBasicsTests", dependencies: ["AsyncBasics"]),
    .testTarget(name: "CheckerCoreTests", dependencies: ["CheckerCore"]),
  ],
  swiftLanguageModes: [.v6]
)
