import Dispatch
import Foundation
import Synchronization

/// What the checker does when it is stopped by a signal.
///
/// Ctrl-C, `kill`, a cancelled CI job or `docker stop`: it removes the workspaces it made, which
/// hold copies of the submission and its build, then ends as the signal would have ended it
/// (exit status 128 + the signal's number, as shells report it). Its sandboxed children end
/// with it.
public enum SignalCleanup {
  /// The signals handled: `SIGINT`, `SIGTERM` and `SIGHUP`.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Whether the handlers are installed.
  private static let installed = Mutex(false)

  /// The signal sources: written once, under `installed`'s lock, and never read; they only
  /// have to live as long as the program.
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Installs the handlers, once; the program's `main` calls it before any grading.
  ///
  /// Each signal's default action is set aside while a source watches it (children start with
  /// every signal's default, see `ProcessSupervisor`).
  public static func install() {
    installed.withLock { done in
      guard !done else { return }
      done = true
      // A parent may have started the checker with these signals blocked (a blocked mask is
      // inherited): they would never arrive.
      var mask = sigset_t()
      sigemptyset(&mask)
      for number in signals { sigaddset(&mask, number) }
      pthread_sigmask(SIG_UNBLOCK, &mask, nil)
      sources = signals.map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
          Workspace.removeEveryLive()
          signal(number, SIG_DFL)
          kill(getpid(), number)
        }
        source.resume()
        return source
      }
    }
  }
}
