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
    // For the tests: runs a command with only Docker's default capabilities and a seccomp
    // filter refusing namespaces, as a container's root runs (the sandbox's tier 2).
    .executableTarget(name: "like-docker", dependencies: ["CheckerCore"]),
    .testTarget(name: "AsyncBasicsTests", dependencies: ["AsyncBasics"]),
    .testTarget(
      name: "CheckerCoreTests", dependencies: ["CheckerCore", "like-docker"]),
  ],
  swiftLanguageModes: [.v6]
)
