// Compiled with a submission when the checker could rename the student's `waitRandom` and
// `taskWaitRandom` (to `asyncCheckStudentWaitRandom` and `asyncCheckStudentTaskWaitRandom`).
// These wrappers take their place, with the exact signatures of the exercise, and report each
// call, so the checker can draw when every sleep ran and see what each function was built on.

#if ASYNCCHECK_INSTRUMENT_TASK_0
  func waitRandom(maxDelay: Int) async -> Double {
    let start = AsyncCheckChannel.now()
    let value = await asyncCheckStudentWaitRandom(maxDelay: maxDelay)
    let end = AsyncCheckChannel.now()
    AsyncCheckChannel.send("W\t\(AsyncCheckContext.callID)\t\(start)\t\(end)\t\(value)")
    return value
  }

  #if ASYNCCHECK_DEFAULT_MAX_DELAY
    // The student's own default value stays in force.
    func waitRandom() async -> Double {
      let start = AsyncCheckChannel.now()
      let value = await asyncCheckStudentWaitRandom()
      let end = AsyncCheckChannel.now()
      AsyncCheckChannel.send("W\t\(AsyncCheckContext.callID)\t\(start)\t\(end)\t\(value)")
      return value
    }
  #endif
#endif

#if ASYNCCHECK_INSTRUMENT_TASK_3
  func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
    AsyncCheckChannel.send("T\t\(AsyncCheckContext.callID)\t\(AsyncCheckChannel.now())")
    return asyncCheckStudentTaskWaitRandom(maxDelay: maxDelay)
  }
#endif
