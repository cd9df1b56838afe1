/// The loop's timers: a binary min-heap ordered by (instant, order of scheduling), as
/// `heapq` keeps `loop._scheduled`.
struct TimerHeap {
  private(set) var items: [TimerHandle] = []

  var isEmpty: Bool { items.isEmpty }
  var count: Int { items.count }
  var first: TimerHandle? { items.first }

  mutating func push(_ timer: TimerHandle) {
    items.append(timer)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard TimerHandle.precedes(items[child], items[parent]) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popFirst() -> TimerHandle? {
    guard !items.isEmpty else { return nil }
    let top = items[0]
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      siftDown(from: 0)
    }
    return top
  }

  /// Drops every cancelled timer at once (what `_run_once` does when they are many).
  mutating func removeCancelled() {
    items.removeAll { timer in
      if timer.cancelled { timer.scheduled = false }
      return timer.cancelled
    }
    guard items.count > 1 else { return }
    for index in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(from: index) }
  }

  private mutating func siftDown(from start: Int) {
    var parent = start
    let count = items.count
    while true {
      let left = 2 * parent + 1
      guard left < count else { return }
      let right = left + 1
      var child = left
      if right < count, TimerHandle.precedes(items[right], items[left]) { child = right }
      guard TimerHandle.precedes(items[child], items[parent]) else { return }
      items.swapAt(child, parent)
      parent = child
    }
  }
}
