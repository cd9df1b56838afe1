/// A first-in, first-out queue in one growable ring of storage: `collections.deque` as the loop
/// uses it (append on the right, pop on the left).
struct RingBuffer<Element> {
  private var storage: [Element?] = []
  private var head = 0
  private(set) var count = 0

  init() {}

  var isEmpty: Bool { count == 0 }

  mutating func append(_ element: Element) {
    if count == storage.count { grow() }
    storage[(head + count) & (storage.count - 1)] = element
    count += 1
  }

  mutating func popFirst() -> Element? {
    guard count > 0 else { return nil }
    let element = storage[head]
    storage[head] = nil
    head = (head + 1) & (storage.count - 1)
    count -= 1
    return element
  }

  var first: Element? { count > 0 ? storage[head] : nil }

  /// The element `offset` places from the left.
  subscript(offset: Int) -> Element {
    storage[(head + offset) & (storage.count - 1)]!
  }

  private mutating func grow() {
    let newCapacity = max(16, storage.count * 2)
    var grown = [Element?](repeating: nil, count: newCapacity)
    for offset in 0..<count { grown[offset] = storage[(head + offset) & (storage.count - 1)] }
    storage = grown
    head = 0
  }
}
