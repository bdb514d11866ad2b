import CheckerCore
import Testing

@Suite("Statistics behind the distribution checks")
struct StatisticsTests {
  @Test("an even spread is close to uniform; a bunched one is far")
  func kolmogorovSmirnov() {
    let even = (0..<100).map { (Double($0) + 0.5) / 100 }
    #expect(Statistics.kolmogorovSmirnovUniform(even) < 0.01)
    #expect(Statistics.kolmogorovSmirnovPValue(distance: 0.005, count: 100) > 0.99)
    let bunched = [Double](repeating: 1, count: 100)
    #expect(Statistics.kolmogorovSmirnovUniform(bunched) == 1)
    #expect(Statistics.kolmogorovSmirnovPValue(distance: 1, count: 100) < 1e-12)
  }

  @Test("the false-alarm threshold for 100 samples lies near the known critical value")
  func criticalValue() {
    // For α = 1e-6 and n = 100 the asymptotic critical distance is about 0.27.
    #expect(Statistics.kolmogorovSmirnovPValue(distance: 0.25, count: 100) > 1e-6)
    #expect(Statistics.kolmogorovSmirnovPValue(distance: 0.30, count: 100) < 1e-6)
  }

  @Test("binomial tails")
  func binomial() {
    #expect(Statistics.binomialUpperTail(successes: 0, trials: 10, probability: 0.3) == 1)
    let half = Statistics.binomialUpperTail(successes: 1, trials: 1, probability: 0.5)
    #expect(abs(half - 0.5) < 1e-12)
    let allHeads = Statistics.binomialUpperTail(successes: 10, trials: 10, probability: 0.5)
    #expect(abs(allHeads - 1.0 / 1024) < 1e-12)
  }
}
