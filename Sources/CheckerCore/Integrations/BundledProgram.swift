import Foundation

/// The checker program a Gradescope bundle carries: a release build with the Swift runtime
/// linked in (`--static-swift-stdlib`) and its symbols stripped, so that it runs on Gradescope's
/// image whatever toolchain `setup.sh` installs there, and wherever it installs it.
///
/// It still needs the system's C libraries: glibc 2.35 or later (Ubuntu 22.04 and later, Debian
/// 12), on the same processor. Where it does not run, `setup.sh` builds the bundled sources.
public enum BundledProgram {
  /// Where the build goes in the checkout: beside `.build`, ignored by git (`.build-*`).
  static let scratchFolder = ".build-gradescope"

  /// The arguments of `swift` that build it.
  ///
  /// - Parameter checkout: The asynccheck checkout.
  /// - Returns: `swift build …`'s arguments, after `swift`.
  static func buildArguments(checkout: URL) -> [String] {
    [
      "build", "-c", "release", "--product", "checker", "--static-swift-stdlib",
      "-Xlinker", "--strip-all", "--package-path", checkout.path, "--scratch-path",
      checkout.appendingPathComponent(scratchFolder).path,
    ]
  }

  /// Builds the program from `checkout` with the toolchain on the PATH (or `$SWIFTC`'s).
  ///
  /// - Parameters:
  ///   - checkout: The asynccheck checkout.
  ///   - log: What to do with the build's output as it comes (show it to the teacher).
  /// - Returns: The built program.
  /// - Throws: `BundleError.buildFailed` with the build's last lines.
  public static func build(checkout: URL, log: (String) -> Void) throws(BundleError) -> URL {
    let swift: String
    do {
      swift =
        URL(fileURLWithPath: try Toolchain.find().swiftc).deletingLastPathComponent()
        .appendingPathComponent("swift").path
    } catch {
      throw .buildFailed("no Swift toolchain: \(error.localizedDescription)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: swift)
    process.arguments = buildArguments(checkout: checkout)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    var text = Data()
    do {
      try process.run()
    } catch {
      throw .buildFailed("\(swift) did not start: \(error.localizedDescription)")
    }
    // Shown as it comes: a release build takes a minute or two.
    while case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
      log(String(decoding: chunk, as: UTF8.self))
      text.append(chunk)
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let last = String(decoding: text, as: UTF8.self).split(separator: "\n").suffix(5)
      throw .buildFailed(
        "`swift " + buildArguments(checkout: checkout).joined(separator: " ")
          + "` failed:\n" + last.joined(separator: "\n"))
    }
    return checkout.appendingPathComponent(scratchFolder).appendingPathComponent(
      "release/checker")
  }
}
