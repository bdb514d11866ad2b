// The exercise's five names, as a submission compiled for substitution sees them. The student's
// functions are renamed (`waitN` becomes `asyncCheckStudentWaitN`, and so on) and the submission
// imports this module, so that these functions take their names, with the exact signatures of
// the exercise. In the process that grades task k, task k's name leads to the student's function
// and every other name to the checker's reference (`AsyncCheckReference.swift`), so that a broken
// prerequisite cannot fail a correct task. Each call of a function a task builds on is reported
// on the channel:
//   W context start end value maxDelay   a waitRandom call (maxDelay -1: the default)
//   T context time                        a taskWaitRandom call
//   N context start end n maxDelay        a waitN call (the reference's, under measureTime)

/// The exercise's `waitRandom(maxDelay:)`: the student's in task 0, else the checker's; recorded.
public func waitRandom(maxDelay: Int) async -> Double {
  let start = AsyncCheckChannel.now()
  let value: Double
  if AsyncCheckRun.gradedTask == 0, let student = AsyncCheckRun.student.waitRandom {
    value = await student(maxDelay)
  } else {
    value = await asyncCheckReferenceWaitRandom(maxDelay: maxDelay)
  }
  AsyncCheckChannel.send(
    "W\t\(AsyncCheckRun.context)\t\(start)\t\(AsyncCheckChannel.now())\t\(value)\t\(maxDelay)")
  return value
}

/// The exercise's `waitRandom()`: the student's own default value stays in force in task 0.
public func waitRandom() async -> Double {
  let start = AsyncCheckChannel.now()
  let value: Double
  if AsyncCheckRun.gradedTask == 0, let student = AsyncCheckRun.student.waitRandomDefault {
    value = await student()
  } else {
    value = await asyncCheckReferenceWaitRandom(maxDelay: 10)
  }
  AsyncCheckChannel.send(
    "W\t\(AsyncCheckRun.context)\t\(start)\t\(AsyncCheckChannel.now())\t\(value)\t-1")
  return value
}

/// The exercise's `waitN(n:maxDelay:)`: the student's in task 1, else the checker's, recorded.
public func waitN(n: Int, maxDelay: Int) async -> [Double] {
  if AsyncCheckRun.gradedTask == 1, let student = AsyncCheckRun.student.waitN {
    return await student(n, maxDelay)
  }
  let start = AsyncCheckChannel.now()
  let values = await asyncCheckReferenceWaitN(n: n, maxDelay: maxDelay)
  AsyncCheckChannel.send(
    "N\t\(AsyncCheckRun.context)\t\(start)\t\(AsyncCheckChannel.now())\t\(n)\t\(maxDelay)")
  return values
}

/// The exercise's `measureTime(n:maxDelay:)`: the student's in task 2, else the checker's.
public func measureTime(n: Int, maxDelay: Int) async -> Double {
  if AsyncCheckRun.gradedTask == 2, let student = AsyncCheckRun.student.measureTime {
    return await student(n, maxDelay)
  }
  return await asyncCheckReferenceMeasureTime(n: n, maxDelay: maxDelay)
}

/// The exercise's `taskWaitRandom(maxDelay:)`: the student's in task 3, else the checker's;
/// recorded.
public func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
  AsyncCheckChannel.send("T\t\(AsyncCheckRun.context)\t\(AsyncCheckChannel.now())")
  if AsyncCheckRun.gradedTask == 3, let student = AsyncCheckRun.student.taskWaitRandom {
    return student(maxDelay)
  }
  return asyncCheckReferenceTaskWaitRandom(maxDelay: maxDelay)
}

/// The exercise's `taskWaitN(n:maxDelay:)`: the student's in task 4, else the checker's.
public func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
  if AsyncCheckRun.gradedTask == 4, let student = AsyncCheckRun.student.taskWaitN {
    return await student(n, maxDelay)
  }
  return await asyncCheckReferenceTaskWaitN(n: n, maxDelay: maxDelay)
}
