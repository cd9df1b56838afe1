/// A first-in, first-out queue in one growable ring of storage: `collections.deque` as the loop
/// uses it (append on the right, pop on the left).
///
/// The storage is managed by hand, and the queue cannot be copied (there is one ready queue, one
/// deque of waiters): an element is moved in and moved out, and when the queue goes only the
/// elements still in it are destroyed, not every slot of the ring (an array of optionals walked
/// its empty slots one by one when it was freed, a sixteenth of a short run's work).
struct RingBuffer<Element>: ~Copyable {
  private var storage: UnsafeMutablePointer<Element>?
  private var capacity = 0
  private var head = 0
  private(set) var count = 0

  init() {}

  deinit {
    guard let storage else { return }
    for offset in 0..<count { (storage + ((head + offset) & (capacity - 1))).deinitialize(count: 1) }
    storage.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  mutating func append(_ element: consuming Element) {
    if count == capacity { grow() }
    (storage! + ((head + count) & (capacity - 1))).initialize(to: consume element)
    count += 1
  }

  /// Puts an element on the left, to be popped first.
  mutating func prepend(_ element: consuming Element) {
    if count == capacity { grow() }
    head = (head - 1) & (capacity - 1)
    (storage! + head).initialize(to: consume element)
    count += 1
  }

  mutating func popFirst() -> Element? {
    guard count > 0 else { return nil }
    let element = (storage! + head).move()
    head = (head + 1) & (capacity - 1)
    count -= 1
    return element
  }

  var first: Element? { count > 0 ? storage![head] : nil }

  /// The element `offset` places from the left.
  subscript(offset: Int) -> Element {
    get {
      precondition(offset >= 0 && offset < count, "RingBuffer index out of range")
      return storage![(head + offset) & (capacity - 1)]
    }
    set {
      precondition(offset >= 0 && offset < count, "RingBuffer index out of range")
      storage![(head + offset) & (capacity - 1)] = newValue
    }
  }

  private mutating func grow() {
    let newCapacity = max(16, capacity * 2)
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    if let storage {
      for offset in 0..<count {
        (grown + offset).moveInitialize(from: storage + ((head + offset) & (capacity - 1)), count: 1)
      }
      storage.deallocate()
    }
    storage = grown
    capacity = newCapacity
    head = 0
  }
}
