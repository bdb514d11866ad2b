import Solutions

print(await waitN(n: 5, maxDelay: 1))
