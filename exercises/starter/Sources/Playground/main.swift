// Try your functions here: `swift run` builds and runs this file. Change it as you like; the
// checker grades the functions in Sources/AsyncBasics and does not run this file.
import AsyncBasics

let start = ContinuousClock.now

print("waitRandom(maxDelay: 3):", await waitRandom(maxDelay: 3))
print("waitN(n: 5, maxDelay: 3):", await waitN(n: 5, maxDelay: 3))
print("measureTime(n: 5, maxDelay: 3):", await measureTime(n: 5, maxDelay: 3))

let task = taskWaitRandom(maxDelay: 3)
print("taskWaitRandom(maxDelay: 3) returned a task; its value:", await task.value)
print("taskWaitN(n: 5, maxDelay: 3):", await taskWaitN(n: 5, maxDelay: 3))

print("all of it took", ContinuousClock.now - start)
