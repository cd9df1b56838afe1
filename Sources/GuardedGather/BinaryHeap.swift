/// A binary min-heap: the smallest element first.
struct BinaryHeap<Element: Comparable> {
  private(set) var items: [Element] = []

  init() {}

  init(_ items: [Element]) { self.items = items.sorted() }

  var first: Element? { items.first }
  var isEmpty: Bool { items.isEmpty }

  mutating func push(_ item: Element) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child] < items[parent] else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  @discardableResult
  mutating func pop() -> Element? {
    guard !items.isEmpty else { return nil }
    let top = items[0]
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let left = 2 * parent + 1
        guard left < items.count else { break }
        let right = left + 1
        let child = right < items.count && items[right] < items[left] ? right : left
        guard items[child] < items[parent] else { break }
        items.swapAt(child, parent)
        parent = child
      }
    }
    return top
  }
}
