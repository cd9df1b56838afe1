/// Python's slice arithmetic: `PySlice_Unpack` and `PySlice_AdjustIndices`, the rules every
/// `seq[start:stop:step]` and `slice.indices(len)` follow.
public enum PySlice {
  /// The concrete `(start, stop, step)` and the number of items `seq[start:stop:step]` selects.
  public struct Indices: Sendable, Equatable {
    public var start: Int
    public var stop: Int
    public var step: Int
    public var count: Int

    /// The selected positions, in order.
    public var positions: LazyMapSequence<Range<Int>, Int> {
      (0..<count).lazy.map { [start, step] in start + $0 * step }
    }
  }

  /// Resolves a slice against a sequence of `length` items.
  ///
  /// - Parameters:
  ///   - start: The start, `nil` for `None`. Ints beyond `Int` are clamped by the caller
  ///     (``BigInt/clampedInt``), as CPython clamps them.
  ///   - stop: The stop, `nil` for `None`.
  ///   - step: The step, `nil` for `None`.
  ///   - length: The length of the sequence.
  /// - Throws: `ValueError: slice step cannot be zero`.
  public static func indices(start: Int?, stop: Int?, step: Int?, length: Int) throws(PythonValuesError) -> Indices {
    var step = step ?? 1
    if step == 0 { throw .valueError("slice step cannot be zero") }
    if step < -Int.max { step = -Int.max }
    var start = start ?? (step < 0 ? Int.max : 0)
    var stop = stop ?? (step < 0 ? Int.min : Int.max)
    if start < 0 {
      start = start &+ length
      if start < 0 { start = step < 0 ? -1 : 0 }
    } else if start >= length {
      start = step < 0 ? length - 1 : length
    }
    if stop < 0 {
      stop = stop &+ length
      if stop < 0 { stop = step < 0 ? -1 : 0 }
    } else if stop >= length {
      stop = step < 0 ? length - 1 : length
    }
    var count = 0
    if step < 0 {
      if stop < start { count = (start - stop - 1) / -step + 1 }
    } else if start < stop {
      count = (stop - start - 1) / step + 1
    }
    return Indices(start: start, stop: stop, step: step, count: count)
  }

  /// `ADJUST_INDICES` of the `str` methods (`find`, `count`, `startswith`, ...): `start` and
  /// `end` clamped into `0...length`, negatives counted from the end.
  public static func adjust(start: Int?, end: Int?, length: Int) -> (start: Int, end: Int) {
    var start = start ?? 0
    var end = end ?? length
    if end > length {
      end = length
    } else if end < 0 {
      end = max(0, end &+ length)
    }
    if start < 0 { start = max(0, start &+ length) }
    return (start, end)
  }
}

extension BigInt {
  /// The value clamped into `Int`, as CPython clamps a slice index (`_PyEval_SliceIndex`).
  public var clampedInt: Int {
    if let v = int { return v }
    return isNegative ? Int.min : Int.max
  }
}
