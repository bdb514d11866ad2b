/// The "async basics" exercise: its five tasks, in order.
public enum Exercise {
  /// Tasks 0 to 4.
  public static let tasks: [ExerciseTask] = [
    ExerciseTask(
      id: 0,
      title: "0. The basics of async",
      signature: FunctionSignature(
        name: "waitRandom", labels: ["maxDelay"],
        declaration: "func waitRandom(maxDelay: Int = 10) async -> Double",
        functionType: "(Int) async -> Double", plainFunctionType: "(Int) -> Double"),
      prerequisites: []),
    ExerciseTask(
      id: 1,
      title: "1. Let's execute multiple coroutines at the same time with async",
      signature: FunctionSignature(
        name: "waitN", labels: ["n", "maxDelay"],
        declaration: "func waitN(n: Int, maxDelay: Int) async -> [Double]",
        functionType: "(Int, Int) async -> [Double]", plainFunctionType: "(Int, Int) -> [Double]"),
      prerequisites: [0]),
    ExerciseTask(
      id: 2,
      title: "2. Measure the runtime",
      signature: FunctionSignature(
        name: "measureTime", labels: ["n", "maxDelay"],
        declaration: "func measureTime(n: Int, maxDelay: Int) async -> Double",
        functionType: "(Int, Int) async -> Double", plainFunctionType: "(Int, Int) -> Double"),
      prerequisites: [1]),
    ExerciseTask(
      id: 3,
      title: "3. Tasks",
      signature: FunctionSignature(
        name: "taskWaitRandom", labels: ["maxDelay"],
        declaration: "func taskWaitRandom(maxDelay: Int) -> Task<Double, Never>",
        functionType: "(Int) -> Task<Double, Never>", plainFunctionType: nil),
      prerequisites: [0]),
    ExerciseTask(
      id: 4,
      title: "4. Tasks",
      signature: FunctionSignature(
        name: "taskWaitN", labels: ["n", "maxDelay"],
        declaration: "func taskWaitN(n: Int, maxDelay: Int) async -> [Double]",
        functionType: "(Int, Int) async -> [Double]", plainFunctionType: "(Int, Int) -> [Double]"),
      prerequisites: [3]),
  ]

  /// The task with this number, if there is one.
  ///
  /// - Parameter id: A task number.
  /// - Returns: The task, or `nil` when no task has that number.
  public static func task(_ id: Int) -> ExerciseTask? {
    tasks.first { $0.id == id }
  }
}
