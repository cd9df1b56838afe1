import Testing

@testable import AsyncioModel

/// The loop's two hand-managed stores against plain models: the ready queue (a ring) against an
/// array used as a queue, the timer heap against sorting by (instant, order of scheduling). Random
/// operations, many sizes, growth across the ring's wrap; every element must come out once, in
/// order, and what is left must be freed with the store.
@Suite struct StorageTests {
  /// A reference whose lifetime the tests can see.
  final class Tracked {
    let value: Int
    let alive: Counter
    init(_ value: Int, _ alive: Counter) {
      self.value = value
      self.alive = alive
      alive.count += 1
    }
    deinit { alive.count -= 1 }
  }

  final class Counter { var count = 0 }

  struct Random: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func theRingIsAFirstInFirstOutQueue(seed: UInt64) {
    var random = Random(state: seed)
    let alive = Counter()
    do {
      var ring = RingBuffer<Tracked>()
      var model: [Int] = []
      var next = 0
      for _ in 0..<5_000 {
        if Int.random(in: 0..<8, using: &random) == 0 {
          // On the left (a family's first steps put back), or in place (a woken member's waiter).
          if model.isEmpty || Bool.random(using: &random) {
            ring.prepend(Tracked(next, alive))
            model.insert(next, at: 0)
          } else {
            let offset = Int.random(in: 0..<model.count, using: &random)
            ring[offset] = Tracked(next, alive)
            model[offset] = next
          }
          next += 1
        } else if Bool.random(using: &random) || Int.random(in: 0..<4, using: &random) == 0 {
          for _ in 0..<Int.random(in: 1...40, using: &random) {
            ring.append(Tracked(next, alive))
            model.append(next)
            next += 1
          }
        } else {
          for _ in 0..<Int.random(in: 1...40, using: &random) {
            #expect(ring.popFirst()?.value == (model.isEmpty ? nil : model.removeFirst()))
          }
        }
        #expect(ring.count == model.count)
        #expect(ring.first?.value == model.first)
        if !model.isEmpty {
          let offset = Int.random(in: 0..<model.count, using: &random)
          #expect(ring[offset].value == model[offset])
        }
      }
      #expect(alive.count == model.count)
    }
    // The ring is gone: what it still held went with it, and nothing else.
    #expect(alive.count == 0)
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func theHeapGivesTimersInTheOrderTheyAreDue(seed: UInt64) {
    var random = Random(state: seed)
    let loop = EventLoop()
    defer { loop.close() }
    var heap = TimerHeap()
    var model: [(when: Int64, sequence: UInt64)] = []
    var sequence: UInt64 = 0
    for _ in 0..<3_000 {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<5:
        sequence += 1
        // Few distinct instants, so that ties are common and the order of scheduling decides.
        let when = Int64.random(in: 0..<50, using: &random)
        let timer = TimerHandle(when: when, sequence: sequence, action: .none, loop: loop)
        heap.push(TimerHeap.Entry(when: when, sequence: sequence, event: timer, token: 0))
        model.append((when, sequence))
      case 5..<9:
        model.sort { ($0.when, $0.sequence) < ($1.when, $1.sequence) }
        let popped = heap.popFirst()
        let expected = model.isEmpty ? nil : model.removeFirst()
        #expect(popped?.when == expected?.when)
        #expect(popped?.sequence == expected?.sequence)
      default:
        // Cancel some, then drop them all at once, as `_run_once` does when they are many.
        var cancelled: Set<UInt64> = []
        heap.forEach { event, _ in
          if Int.random(in: 0..<3, using: &random) == 0, let timer = event as? TimerHandle {
            timer.cancelled = true
            cancelled.insert(timer.sequence)
          }
        }
        heap.removeCancelled()
        model.removeAll { cancelled.contains($0.sequence) }
      }
      #expect(heap.count == model.count)
      #expect(heap.firstWhen == model.map(\.when).min())
    }
    model.sort { ($0.when, $0.sequence) < ($1.when, $1.sequence) }
    for expected in model {
      let popped = heap.popFirst()
      #expect(popped?.when == expected.when && popped?.sequence == expected.sequence)
    }
    #expect(heap.popFirst()?.when == nil)
  }
}
