import Foundation

/**
 Starts waitRandom in a new task and returns that task right away.
 */
public func taskWaitRandom(maxDelay: Int) -> Task<Double, Never> {
    return Task {
        await waitRandom(maxDelay: maxDelay)
    }
}

public func taskWaitN(n: Int, maxDelay: Int) async -> [Double] {
    var tasks: [Task<Double, Never>] = []
    for _ in 0..<n {
        tasks.append(taskWaitRandom(maxDelay: maxDelay))
    }
    return await withTaskGroup(of: Double.self) { group in
        for task in tasks {
            group.addTask { await task.value }
        }
        var delays: [Double] = []
        for await delay in group {
            delays.append(delay)
        }
        return delays
    }
}
