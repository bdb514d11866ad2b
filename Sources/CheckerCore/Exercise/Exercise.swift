/// The "async basics" exercise: its tasks, in order.
///
/// The one source of truth about them: names, signatures, files, what each does and builds on;
/// the checks, the plan, the builders and the reports ask it.
public enum Exercise {
  /// The maximum delay `waitRandom` draws from when it is called without one, in seconds.
  public static let defaultMaxDelay = 10

  /// The tasks, numbered from 0 in order.
  public static let tasks: [ExerciseTask] = [
    ExerciseTask(
      id: 0,
      title: "0. The basics of async",
      signature: FunctionSignature(
        name: "waitRandom", labels: ["maxDelay"],
        declaration: "func waitRandom(maxDelay: Int = \(defaultMaxDelay)) async -> Double",
        functionType: "(Int) async -> Double", plainFunctionType: "(Int) -> Double"),
      python: PythonFunction(
        name: "wait_random", file: "0-basic_async_syntax.py",
        declaration: "async def wait_random(max_delay: int = \(defaultMaxDelay)) -> float"),
      behaviour: .sleepsRandomDelay, builtOn: nil),
    ExerciseTask(
      id: 1,
      title: "1. Let's execute multiple coroutines at the same time with async",
      signature: FunctionSignature(
        name: "waitN", labels: ["n", "maxDelay"],
        declaration: "func waitN(n: Int, maxDelay: Int) async -> [Double]",
        functionType: "(Int, Int) async -> [Double]", plainFunctionType: "(Int, Int) -> [Double]"),
      python: PythonFunction(
        name: "wait_n", file: "1-concurrent_coroutines.py",
        declaration: "async def wait_n(n: int, max_delay: int) -> List[float]"),
      behaviour: .collectsDelays, builtOn: 0),
    ExerciseTask(
      id: 2,
      title: "2. Measure the runtime",
      signature: FunctionSignature(
        name: "measureTime", labels: ["n", "maxDelay"],
        declaration: "func measureTime(n: Int, maxDelay: Int) async -> Double",
        functionType: "(Int, Int) async -> Double", plainFunctionType: "(Int, Int) -> Double"),
      python: PythonFunction(
        name: "measure_time", file: "2-measure_runtime.py",
        declaration: "def measure_time(n: int, max_delay: int) -> float"),
      behaviour: .measuresTime, builtOn: 1),
    ExerciseTask(
      id: 3,
      title: "3. Tasks",
      signature: FunctionSignature(
        name: "taskWaitRandom", labels: ["maxDelay"],
        declaration: "func taskWaitRandom(maxDelay: Int) -> Task<Double, Never>",
        functionType: "(Int) -> Task<Double, Never>", plainFunctionType: nil),
      python: PythonFunction(
        name: "task_wait_random", file: "3-tasks.py",
        declaration: "def task_wait_random(max_delay: int) -> asyncio.Task"),
      behaviour: .startsTask, builtOn: 0),
    ExerciseTask(
      id: 4,
      title: "4. Tasks",
      signature: FunctionSignature(
        name: "taskWaitN", labels: ["n", "maxDelay"],
        declaration: "func taskWaitN(n: Int, maxDelay: Int) async -> [Double]",
        functionType: "(Int, Int) async -> [Double]", plainFunctionType: "(Int, Int) -> [Double]"),
      python: PythonFunction(
        name: "task_wait_n", file: "4-tasks.py",
        declaration: "async def task_wait_n(n: int, max_delay: int) -> List[float]"),
      behaviour: .collectsDelays, builtOn: 3),
  ]

  /// Each Swift parameter name with its Python name, as in `maxDelay` and `max_delay`.
  public static let parameterNames: [(swift: String, python: String)] = {
    var pairs: [(swift: String, python: String)] = []
    for task in tasks {
      for (swift, python) in zip(task.signature.labels, task.python.parameterNames)
      where !pairs.contains(where: { $0.swift == swift }) {
        pairs.append((swift, python))
      }
    }
    return pairs
  }()

  /// The task whose function sleeps a random delay (`waitRandom`): the one with a default
  /// argument, and the one the others build on, directly or not.
  public static var randomDelay: ExerciseTask {
    tasks.first { $0.behaviour == .sleepsRandomDelay } ?? tasks[0]
  }

  /// The task with this number, if there is one.
  ///
  /// - Parameter id: A task number.
  /// - Returns: The task, or `nil` when no task has that number.
  public static func task(_ id: Int) -> ExerciseTask? {
    tasks.first { $0.id == id }
  }

  /// The Python project's files, first to last, as messages name them:
  /// `0-basic_async_syntax.py … 4-tasks.py`.
  public static var pythonFiles: String {
    [tasks.first, tasks.last].compactMap { $0?.python.file }.joined(separator: " … ")
  }

  /// How many functions the exercise asks for, in a word for messages: `five`.
  public static var functionCount: String {
    let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    return tasks.count < words.count ? words[tasks.count] : "\(tasks.count)"
  }
}
