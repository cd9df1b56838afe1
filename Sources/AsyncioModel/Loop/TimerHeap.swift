/// The loop's timers: a binary min-heap ordered by (instant, order of scheduling), as
/// `heapq` keeps `loop._scheduled`.
///
/// Each entry keeps its timer's key beside the timer (a ``TimerHandle``, or an object that is
/// its own timer, with the token of the timer it set: ``TimerEvent``), so that sifting compares
/// integers and never touches (or retains) the timers themselves. The storage is managed by hand, as the
/// ready queue's is (``RingBuffer``): entries are moved, and only those still in the heap are
/// destroyed when it goes.
struct TimerHeap: ~Copyable {
  struct Entry {
    let when: Int64
    let sequence: UInt64
    let event: TimerEvent
    let token: UInt32

    @inline(__always)
    func precedes(_ other: borrowing Entry) -> Bool {
      when < other.when || (when == other.when && sequence < other.sequence)
    }
  }

  private var entries: UnsafeMutablePointer<Entry>?
  private var capacity = 0
  private(set) var count = 0

  init() {}

  deinit {
    guard let entries else { return }
    entries.deinitialize(count: count)
    entries.deallocate()
  }

  var isEmpty: Bool { count == 0 }
  /// The instant of the first timer, without touching it.
  var firstWhen: Int64? { count > 0 ? entries![0].when : nil }
  /// Whether the first timer was cancelled (false when there is none).
  var firstIsCancelled: Bool { count > 0 && entries![0].event.isTimerCancelled(entries![0].token) }

  /// Calls `body` on every timer, in the heap's order.
  func forEach(_ body: (TimerEvent, UInt32) -> Void) {
    for index in 0..<count { body(entries![index].event, entries![index].token) }
  }

  mutating func push(_ moving: consuming Entry) {
    if count == capacity { grow() }
    let heap = entries!
    var child = count
    count += 1
    // The hole moves up past every parent the new entry precedes; the entry goes where it stops.
    while child > 0 {
      let parent = (child - 1) / 2
      guard moving.precedes(heap[parent]) else { break }
      (heap + child).moveInitialize(from: heap + parent, count: 1)
      child = parent
    }
    (heap + child).initialize(to: moving)
  }

  mutating func popFirst() -> Entry? {
    guard count > 0 else { return nil }
    let heap = entries!
    let top = heap.move()
    count -= 1
    if count > 0 {
      let last = (heap + count).move()
      place(last, from: 0)
    }
    return top
  }

  /// Drops every cancelled timer at once (what `_run_once` does when they are many).
  mutating func removeCancelled() {
    guard let heap = entries else { return }
    var kept = 0
    for index in 0..<count {
      let entry = (heap + index).move()
      if entry.event.isTimerCancelled(entry.token) {
        entry.event.timerLeftHeap(entry.token)
      } else {
        (heap + kept).initialize(to: entry)
        kept += 1
      }
    }
    count = kept
    guard count > 1 else { return }
    for index in stride(from: count / 2 - 1, through: 0, by: -1) {
      let entry = (heap + index).move()
      place(entry, from: index)
    }
  }

  /// Puts `entry` in the hole at `start`, moving the hole down past every child that precedes it.
  private mutating func place(_ entry: consuming Entry, from start: Int) {
    let heap = entries!
    var hole = start
    while true {
      let left = 2 * hole + 1
      guard left < count else { break }
      let right = left + 1
      var child = left
      if right < count, heap[right].precedes(heap[left]) { child = right }
      guard heap[child].precedes(entry) else { break }
      (heap + hole).moveInitialize(from: heap + child, count: 1)
      hole = child
    }
    (heap + hole).initialize(to: entry)
  }

  private mutating func grow() {
    let newCapacity = max(16, capacity * 2)
    let grown = UnsafeMutablePointer<Entry>.allocate(capacity: newCapacity)
    if let entries {
      grown.moveInitialize(from: entries, count: count)
      entries.deallocate()
    }
    entries = grown
    capacity = newCapacity
  }
}
