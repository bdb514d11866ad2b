// Compiled with a submission when the checker grades each task on its own code. The student's
// five functions are renamed (`waitN` becomes `asyncCheckStudentWaitN`, and so on) and these
// functions take their names, with the exact signatures of the exercise. In the process that
// grades task k, task k's name leads to the student's function and every other name to the
// checker's reference (`AsyncCheckReference.swift`), so that a broken prerequisite cannot fail
// a correct task. Each call of a function a task builds on is reported on the channel:
//   W context start end value maxDelay   a waitRandom call (maxDelay -1: the default)
//   T context time                        a taskWaitRandom call
//   N context start end n maxDelay        a waitN call (the reference's, under measureTime)
// `ASYNCCHECK_STUDENT_TASK_k` says that the student's function of task k exists and is callable.

#if ASYNCCHECK_SUBSTITUTE
  func waitRandom(maxDelay: Int) async -> Double {
    let start = AsyncCheckChannel.now()
    let value: Double
    #if ASYNCCHECK_STUDENT_TASK_0
      if AsyncCheckRun.gradedTask == 0 {
        value = await asyncCheckStudentWaitRandom(maxDelay: maxDelay)
      } else {
        value = await asyncCheckReferenceWaitRandom(maxDelay: maxDelay)
      }
    #else
      value = await asyncCheckReferenceWaitRandom(maxDelay: maxDelay)
    #endif
    AsyncCheckChannel.send(
      "W\t\(AsyncCheckRun.context)\t\(start)\t\(AsyncCheckChannel.now())\t\(value)\t\(maxDelay)")
    return value
  }

  func waitRandom() async -> Double {
    let start = AsyncCheckChannel.now()
    let value: Double
    #if ASYNCCHECK_STUDENT_TASK_0 && ASYNCCHECK_DEFAULT_MAX_DELAY
      // The student's own default value stays in force.
      if AsyncCheckRun.gradedTask == 0 {
        value = await asyncCheckStudentWaitRandom()
      } else {
        value = await asyncCheckReferenceWaitRandom(maxDelay: 10)
      }
    #else
      value = await asyncCheckReferenceWaitRandom(maxDelay: 10)
    #endif
    AsyncCheckChannel.send(
      "W\t\(AsyncCheckRun.context)\t\(start)\t\(AsyncCheckChannel.now())\t\(value)\t-1")
    return value
  }

  func waitN(n: Int, maxDelay: Int) async -> [Double] {
    #if ASYNCCHECK_STUDENT_TASK_1
      if AsyncCheckRun.gradedTask == 1 {
        return await asyncCheckStudentWaitN(n: n, maxDelay: maxDelay)
      }
    #endif
    let start = AsyncCheckChannel.now()
    let values = await asyncCheckReferenceWaitN(n: n, maxDelay: maxDelay)
    AsyncCheckChannel.send(
      "N\t\(AsyncCheckRun.context)\t\(start)\t\(AsyncCheckChannel.now())\t\(n)\t\(maxDelay)")
    return values
  }

  func measureTime(n: Int, maxDelay: Int) async -> Double {
    #if ASYNCCHECK_STUDENT_TASK_2
      if AsyncCheckRun.gradedTask == 2 {
        return await asyncCheckStudentMeasureTime(n: n, maxDelay: maxDelay)
      }
    #endif
    return await asyncCheckReferenceMeasureTime(n: n, maxDelay: maxDelay)
  }

  func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
    AsyncCheckChannel.send("T\t\(AsyncCheckRun.context)\t\(AsyncCheckChannel.now())")
    #if ASYNCCHECK_STUDENT_TASK_3
      if AsyncCheckRun.gradedTask == 3 {
        return asyncCheckStudentTaskWaitRandom(maxDelay: maxDelay)
      }
    #endif
    return asyncCheckReferenceTaskWaitRandom(maxDelay: maxDelay)
  }

  func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
    #if ASYNCCHECK_STUDENT_TASK_4
      if AsyncCheckRun.gradedTask == 4 {
        return await asyncCheckStudentTaskWaitN(n: n, maxDelay: maxDelay)
      }
    #endif
    return await asyncCheckReferenceTaskWaitN(n: n, maxDelay: maxDelay)
  }
#endif
