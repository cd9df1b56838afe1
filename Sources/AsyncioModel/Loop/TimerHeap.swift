/// The loop's timers: a binary min-heap ordered by (instant, order of scheduling), as
/// `heapq` keeps `loop._scheduled`.
///
/// Each entry keeps its timer's key beside the timer, so that sifting compares integers in the
/// array and never touches (or retains) the handles themselves.
struct TimerHeap {
  struct Entry {
    let when: Int64
    let sequence: UInt64
    let timer: TimerHandle

    @inline(__always)
    func precedes(_ other: Entry) -> Bool {
      when < other.when || (when == other.when && sequence < other.sequence)
    }
  }

  private var entries: [Entry]

  init() {
    entries = []
    entries.reserveCapacity(16)
  }

  var isEmpty: Bool { entries.isEmpty }
  var count: Int { entries.count }
  var first: TimerHandle? { entries.first?.timer }
  /// The instant of the first timer, without touching it.
  var firstWhen: Int64? { entries.first?.when }
  var items: [TimerHandle] { entries.map(\.timer) }
  /// Calls `body` on every timer, in the heap's order.
  func forEach(_ body: (TimerHandle) -> Void) {
    for entry in entries { body(entry.timer) }
  }

  mutating func push(_ timer: TimerHandle) {
    entries.append(Entry(when: timer.when, sequence: timer.sequence, timer: timer))
    entries.withUnsafeMutableBufferPointer { heap in
      var child = heap.count - 1
      let moving = heap[child]
      while child > 0 {
        let parent = (child - 1) / 2
        guard moving.precedes(heap[parent]) else { break }
        heap.swapAt(child, parent)
        child = parent
      }
    }
  }

  mutating func popFirst() -> TimerHandle? {
    guard !entries.isEmpty else { return nil }
    let last = entries.removeLast()
    guard !entries.isEmpty else { return last.timer }
    let top = entries[0].timer
    entries[0] = last
    siftDown(from: 0)
    return top
  }

  /// Drops every cancelled timer at once (what `_run_once` does when they are many).
  mutating func removeCancelled() {
    entries.removeAll { entry in
      if entry.timer.cancelled { entry.timer.scheduled = false }
      return entry.timer.cancelled
    }
    guard entries.count > 1 else { return }
    for index in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(from: index) }
  }

  private mutating func siftDown(from start: Int) {
    entries.withUnsafeMutableBufferPointer { heap in
      var parent = start
      let count = heap.count
      while true {
        let left = 2 * parent + 1
        guard left < count else { return }
        let right = left + 1
        var child = left
        if right < count, heap[right].precedes(heap[left]) { child = right }
        guard heap[child].precedes(heap[parent]) else { return }
        heap.swapAt(child, parent)
        parent = child
      }
    }
  }
}
