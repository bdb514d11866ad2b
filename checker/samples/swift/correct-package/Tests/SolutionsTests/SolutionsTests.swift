import Solutions
import Testing

@Test func returnsNDelays() async {
  #expect(await waitN(n: 3, maxDelay: 0).count == 3)
}
