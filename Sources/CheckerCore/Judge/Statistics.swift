import Foundation

/// The statistics behind the distribution checks.
public enum Statistics {
  /// The Kolmogorov–Smirnov distance between `samples` and the uniform distribution on [0, 1].
  ///
  /// - Parameter samples: Values, expected in [0, 1].
  /// - Returns: The largest gap between their empirical distribution and the uniform one.
  public static func kolmogorovSmirnovUniform(_ samples: [Double]) -> Double {
    let sorted = samples.sorted()
    let count = Double(sorted.count)
    var distance = 0.0
    for (index, value) in sorted.enumerated() {
      let clamped = min(max(value, 0), 1)
      distance = max(distance, Double(index + 1) / count - clamped, clamped - Double(index) / count)
    }
    return distance
  }

  /// The probability that a Kolmogorov–Smirnov distance of at least `distance` arises from
  /// `count` truly uniform samples (Stephens' approximation of the Kolmogorov distribution).
  ///
  /// - Parameters:
  ///   - distance: The observed distance.
  ///   - count: How many samples it came from.
  /// - Returns: The p-value.
  public static func kolmogorovSmirnovPValue(distance: Double, count: Int) -> Double {
    let root = Double(count).squareRoot()
    let statistic = (root + 0.12 + 0.11 / root) * distance
    var sum = 0.0
    for term in 1...100 {
      let k = Double(term)
      sum += (term % 2 == 1 ? 1 : -1) * exp(-2 * k * k * statistic * statistic)
    }
    return min(max(2 * sum, 0), 1)
  }

  /// The probability that a binomial(`trials`, `probability`) count is at least `successes`.
  ///
  /// - Parameters:
  ///   - successes: The smallest count included.
  ///   - trials: The number of trials.
  ///   - probability: Each trial's chance of success.
  /// - Returns: The upper tail probability.
  public static func binomialUpperTail(successes: Int, trials: Int, probability: Double) -> Double {
    guard successes > 0 else { return 1 }
    guard successes <= trials else { return 0 }
    var total = 0.0
    for k in successes...trials {
      let logChoose =
        lgamma(Double(trials + 1)) - lgamma(Double(k + 1)) - lgamma(Double(trials - k + 1))
      total += exp(
        logChoose + Double(k) * log(probability) + Double(trials - k) * log1p(-probability))
    }
    return min(total, 1)
  }
}
