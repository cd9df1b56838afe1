/// Places in an array that threads fill side by side, each place by exactly one thread: a class's
/// grades go straight into the list the gradebook keeps, with no lock and no second copy.
///
/// Only valid inside ``fill(_:count:_:)``; each index must be written by one thread only.
public struct Slots<Element>: @unchecked Sendable {
  private let base: UnsafeMutableBufferPointer<Element>

  /// Puts `value` in place `index`.
  public func put(_ value: Element, at index: Int) { base[index] = value }

  /// An array of `count` copies of `initial`, whose places `body` fills, then handed on whole.
  public static func fill(_ initial: Element, count: Int, _ body: (Slots<Element>) -> Void) -> [Element] {
    var array = [Element](repeating: initial, count: count)
    array.withUnsafeMutableBufferPointer { buffer in body(Slots(base: buffer)) }
    return array
  }
}
