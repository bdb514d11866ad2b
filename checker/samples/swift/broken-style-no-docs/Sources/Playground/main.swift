import AsyncBasics

print(await waitRandom(maxDelay: 2))
print(await waitN(n: 5, maxDelay: 2))
print(await measureTime(n: 5, maxDelay: 2))
print(await taskWaitRandom(maxDelay: 2).value)
print(await taskWaitN(n: 5, maxDelay: 2))
