/// CPython's `list.sort` ("timsort", `Objects/listobject.c`), step for step.
///
/// A sort that only has to be right could be any stable sort. This one has to be CPython's:
/// which two values are compared, in which order and which one on the left, shows when a
/// comparison fails (`sorted([3, 'a'])` names `'str' and 'int'` or `'int' and 'str'`), when a
/// class's `__lt__` prints, and in the order a comparison that is not a total order leaves. So
/// the same runs are found, the same binary insertions made, the same merges done with the same
/// galloping, version by version:
/// - 3.10 merges runs by Tim Peters' stack invariants (`merge_collapse`);
/// - 3.11 and later merge by powersort's run powers (`found_new_run`, `powerloop`);
/// - 3.13 finds runs anew (`count_run`: a descending run may hold equal values, and an ascending
///   suffix extends a reversed run).
///
/// The sort moves positions (indices into the keys), so that keys and values move together as
/// CPython's `sortslice` moves them. When a comparison raises, the positions are left as
/// CPython leaves its list: every value still there, in the order the sort had reached.
struct ListSort {
  /// The positions being sorted, in their current order.
  private(set) var order: [Int]
  private let keys: [PyObject]
  private let less: (PyObject, PyObject) throws -> Bool
  /// Merges by run powers (3.11+) rather than by the stack invariants.
  private let powersort: Bool
  /// Finds runs as 3.13 does.
  private let runsOf313: Bool

  private struct Run {
    var base: Int
    var length: Int
    var power = 0
  }
  private var pending: [Run] = []
  private var minGallop = ListSort.minimumGallop
  private var temporary: [Int] = []

  private static let minimumGallop = 7

  init(keys: [PyObject], minor: Int, less: @escaping (PyObject, PyObject) throws -> Bool) {
    self.keys = keys
    self.order = Array(keys.indices)
    self.less = less
    self.powersort = minor >= 11
    self.runsOf313 = minor >= 13
  }

  /// Reverses the positions (what `reverse=True` does before and after the sort).
  mutating func reverse() { order.reverse() }

  private func lt(_ x: Int, _ y: Int) throws -> Bool { try less(keys[x], keys[y]) }

  private mutating func reverse(_ base: Int, _ count: Int) {
    var (low, high) = (base, base + count - 1)
    while low < high {
      order.swapAt(low, high)
      low += 1
      high -= 1
    }
  }

  /// `list_sort_impl`'s loop over the runs.
  mutating func sort() throws {
    let count = order.count
    guard count >= 2 else { return }
    let minimumRun = Self.minimumRun(count)
    var low = 0
    var remaining = count
    while remaining > 0 {
      var run: Int
      if runsOf313 {
        run = try countRun313(low, remaining)
      } else {
        let (length, descending) = try countRun(low, low + remaining)
        if descending { reverse(low, length) }
        run = length
      }
      if run < minimumRun {
        let force = remaining <= minimumRun ? remaining : minimumRun
        try binarySort(low, force, run)
        run = force
      }
      if powersort {
        try foundNewRun(run, count: count)
        pending.append(Run(base: low, length: run))
      } else {
        pending.append(Run(base: low, length: run))
        try mergeCollapse()
      }
      low += run
      remaining -= run
    }
    try mergeForceCollapse()
  }

  /// `merge_compute_minrun`.
  static func minimumRun(_ count: Int) -> Int {
    var (n, r) = (count, 0)
    while n >= 64 {
      r |= n & 1
      n >>= 1
    }
    return n + r
  }

  /// `count_run` before 3.13: the length of the run at `low`, and whether it strictly descends.
  private func countRun(_ low: Int, _ high: Int) throws -> (Int, Bool) {
    var at = low + 1
    if at == high { return (1, false) }
    var n = 2
    if try lt(order[at], order[at - 1]) {
      at += 1
      while at < high, try lt(order[at], order[at - 1]) {
        at += 1
        n += 1
      }
      return (n, true)
    }
    at += 1
    while at < high {
      if try lt(order[at], order[at - 1]) { break }
      at += 1
      n += 1
    }
    return (n, false)
  }

  /// `count_run` of 3.13: the length of the run at `low`, made ascending in place.
  private mutating func countRun313(_ low: Int, _ remaining: Int) throws -> Int {
    var n = 1
    while n < remaining {
      if try lt(order[low + n], order[low + n - 1]) { break }
      n += 1
    }
    if n == remaining { return n }
    if n > 1 {
      if try lt(order[low], order[low + n - 1]) { return n }
      reverse(low, n)
    }
    n += 1
    var equal = 0
    while n < remaining {
      if try lt(order[low + n], order[low + n - 1]) {
        if equal > 0 {
          equal += 1
          reverse(low + n - equal, equal)
          equal = 0
        }
      } else if try lt(order[low + n - 1], order[low + n]) {
        break
      } else {
        equal += 1
      }
      n += 1
    }
    if equal > 0 {
      equal += 1
      reverse(low + n - equal, equal)
    }
    reverse(low, n)
    while n < remaining {
      if try lt(order[low + n], order[low + n - 1]) { break }
      n += 1
    }
    return n
  }

  /// `binarysort`: positions `low ..< low + count`, of which the first `sorted` are in order.
  private mutating func binarySort(_ low: Int, _ count: Int, _ sorted: Int) throws {
    var next = max(sorted, 1)
    while next < count {
      let pivot = order[low + next]
      var (left, right) = (0, next)
      repeat {
        let middle = (left + right) >> 1
        if try lt(pivot, order[low + middle]) { right = middle } else { left = middle + 1 }
      } while left < right
      var slot = next
      while slot > left {
        order[low + slot] = order[low + slot - 1]
        slot -= 1
      }
      order[low + left] = pivot
      next += 1
    }
  }

  /// `powerloop`: the power of the boundary between the run at `start` of `first` positions and
  /// the next one of `second`, in a list of `count`.
  static func power(_ start: Int, _ first: Int, _ second: Int, _ count: Int) -> Int {
    var result = 0
    var a = 2 * start + first
    var b = a + first + second
    while true {
      result += 1
      if a >= count {
        a -= count
        b -= count
      } else if b >= count {
        break
      }
      a <<= 1
      b <<= 1
    }
    return result
  }

  /// `found_new_run` (3.11+): merges while the run below the top has a greater power.
  private mutating func foundNewRun(_ length: Int, count: Int) throws {
    guard let top = pending.last else { return }
    let power = Self.power(top.base, top.length, length, count)
    while pending.count > 1 && pending[pending.count - 2].power > power {
      try mergeAt(pending.count - 2)
    }
    pending[pending.count - 1].power = power
  }

  /// `merge_collapse` (3.10).
  private mutating func mergeCollapse() throws {
    while pending.count > 1 {
      var n = pending.count - 2
      if (n > 0 && pending[n - 1].length <= pending[n].length + pending[n + 1].length)
        || (n > 1 && pending[n - 2].length <= pending[n - 1].length + pending[n].length)
      {
        if pending[n - 1].length < pending[n + 1].length { n -= 1 }
        try mergeAt(n)
      } else if pending[n].length <= pending[n + 1].length {
        try mergeAt(n)
      } else {
        break
      }
    }
  }

  /// `merge_force_collapse`.
  private mutating func mergeForceCollapse() throws {
    while pending.count > 1 {
      var n = pending.count - 2
      if n > 0 && pending[n - 1].length < pending[n + 1].length { n -= 1 }
      try mergeAt(n)
    }
  }

  /// `merge_at`: merges runs `i` and `i + 1`.
  private mutating func mergeAt(_ i: Int) throws {
    var (baseA, countA) = (pending[i].base, pending[i].length)
    let baseB = pending[i + 1].base
    var countB = pending[i + 1].length
    pending[i].length = countA + countB
    if i == pending.count - 3 { pending[i + 1] = pending[i + 2] }
    pending.removeLast()
    let skip = try gallopRight(order[baseB], inTemporary: false, base: baseA, count: countA, hint: 0)
    baseA += skip
    countA -= skip
    if countA == 0 { return }
    countB = try gallopLeft(order[baseA + countA - 1], inTemporary: false, base: baseB, count: countB, hint: countB - 1)
    if countB <= 0 { return }
    if countA <= countB {
      try mergeLow(baseA, countA, baseB, countB)
    } else {
      try mergeHigh(baseA, countA, baseB, countB)
    }
  }

  private func element(_ inTemporary: Bool, _ index: Int) -> Int {
    inTemporary ? temporary[index] : order[index]
  }

  /// `gallop_left`: where `key` goes among `count` sorted positions from `base`, left of equals.
  private func gallopLeft(_ key: Int, inTemporary: Bool, base: Int, count: Int, hint: Int) throws -> Int {
    var lastOffset = 0
    var offset = 1
    if try lt(element(inTemporary, base + hint), key) {
      let maximum = count - hint
      while offset < maximum {
        if try lt(element(inTemporary, base + hint + offset), key) {
          lastOffset = offset
          offset = (offset << 1) + 1
        } else {
          break
        }
      }
      if offset > maximum { offset = maximum }
      lastOffset += hint
      offset += hint
    } else {
      let maximum = hint + 1
      while offset < maximum {
        if try lt(element(inTemporary, base + hint - offset), key) { break }
        lastOffset = offset
        offset = (offset << 1) + 1
      }
      if offset > maximum { offset = maximum }
      (lastOffset, offset) = (hint - offset, hint - lastOffset)
    }
    lastOffset += 1
    while lastOffset < offset {
      let middle = lastOffset + ((offset - lastOffset) >> 1)
      if try lt(element(inTemporary, base + middle), key) { lastOffset = middle + 1 } else { offset = middle }
    }
    return offset
  }

  /// `gallop_right`: where `key` goes among `count` sorted positions from `base`, right of equals.
  private func gallopRight(_ key: Int, inTemporary: Bool, base: Int, count: Int, hint: Int) throws -> Int {
    var lastOffset = 0
    var offset = 1
    if try lt(key, element(inTemporary, base + hint)) {
      let maximum = hint + 1
      while offset < maximum {
        if try lt(key, element(inTemporary, base + hint - offset)) {
          lastOffset = offset
          offset = (offset << 1) + 1
        } else {
          break
        }
      }
      if offset > maximum { offset = maximum }
      (lastOffset, offset) = (hint - offset, hint - lastOffset)
    } else {
      let maximum = count - hint
      while offset < maximum {
        if try lt(key, element(inTemporary, base + hint + offset)) { break }
        lastOffset = offset
        offset = (offset << 1) + 1
      }
      if offset > maximum { offset = maximum }
      lastOffset += hint
      offset += hint
    }
    lastOffset += 1
    while lastOffset < offset {
      let middle = lastOffset + ((offset - lastOffset) >> 1)
      if try lt(key, element(inTemporary, base + middle)) { offset = middle } else { lastOffset = middle + 1 }
    }
    return offset
  }

  /// `merge_lo`: merges the run of `countA` at `baseA` with the one after it, the first being the
  /// shorter and copied aside.
  private mutating func mergeLow(_ baseA: Int, _ countA: Int, _ baseB: Int, _ countB: Int) throws {
    temporary = Array(order[baseA..<baseA + countA])
    var (na, nb) = (countA, countB)
    var destination = baseA
    var a = 0  // in `temporary`
    var b = baseB
    func finish() {
      // Succeed and Fail alike: what is left of A goes after what was merged.
      for offset in 0..<na { order[destination + offset] = temporary[a + offset] }
    }
    func copyB() {
      for offset in 0..<nb { order[destination + offset] = order[b + offset] }
      order[destination + nb] = temporary[a]
    }
    order[destination] = order[b]
    destination += 1
    b += 1
    nb -= 1
    if nb == 0 { return finish() }
    if na == 1 { return copyB() }
    var gallop = minGallop
    do {
      while true {
        var (winsA, winsB) = (0, 0)
        while true {
          if try lt(order[b], temporary[a]) {
            order[destination] = order[b]
            destination += 1
            b += 1
            winsB += 1
            winsA = 0
            nb -= 1
            if nb == 0 { return finish() }
            if winsB >= gallop { break }
          } else {
            order[destination] = temporary[a]
            destination += 1
            a += 1
            winsA += 1
            winsB = 0
            na -= 1
            if na == 1 { return copyB() }
            if winsA >= gallop { break }
          }
        }
        gallop += 1
        repeat {
          gallop -= gallop > 1 ? 1 : 0
          minGallop = gallop
          var k = try gallopRight(order[b], inTemporary: true, base: a, count: na, hint: 0)
          winsA = k
          if k > 0 {
            for offset in 0..<k { order[destination + offset] = temporary[a + offset] }
            destination += k
            a += k
            na -= k
            if na == 1 { return copyB() }
            if na == 0 { return finish() }
          }
          order[destination] = order[b]
          destination += 1
          b += 1
          nb -= 1
          if nb == 0 { return finish() }
          k = try gallopLeft(temporary[a], inTemporary: false, base: b, count: nb, hint: 0)
          winsB = k
          if k > 0 {
            for offset in 0..<k { order[destination + offset] = order[b + offset] }
            destination += k
            b += k
            nb -= k
            if nb == 0 { return finish() }
          }
          order[destination] = temporary[a]
          destination += 1
          a += 1
          na -= 1
          if na == 1 { return copyB() }
        } while winsA >= Self.minimumGallop || winsB >= Self.minimumGallop
        gallop += 1
        minGallop = gallop
      }
    } catch {
      finish()
      throw error
    }
  }

  /// `merge_hi`: merges the run of `countA` at `baseA` with the one after it, the second being
  /// the shorter and copied aside; the merge goes from the right.
  private mutating func mergeHigh(_ baseA: Int, _ countA: Int, _ baseB: Int, _ countB: Int) throws {
    temporary = Array(order[baseB..<baseB + countB])
    var (na, nb) = (countA, countB)
    var destination = baseB + countB - 1
    var a = baseA + countA - 1  // the last of A, in `order`
    var b = countB - 1  // the last of B, in `temporary`
    func finish() {
      // Succeed and Fail alike: what is left of B goes before what was merged.
      for offset in 0..<nb { order[destination - (nb - 1) + offset] = temporary[offset] }
    }
    func copyA() {
      var offset = na - 1
      while offset >= 0 {
        order[destination + 1 - na + offset] = order[a + 1 - na + offset]
        offset -= 1
      }
      destination -= na
      a -= na
      order[destination] = temporary[b]
    }
    order[destination] = order[a]
    destination -= 1
    a -= 1
    na -= 1
    if na == 0 { return finish() }
    if nb == 1 { return copyA() }
    var gallop = minGallop
    do {
      while true {
        var (winsA, winsB) = (0, 0)
        while true {
          if try lt(temporary[b], order[a]) {
            order[destination] = order[a]
            destination -= 1
            a -= 1
            winsA += 1
            winsB = 0
            na -= 1
            if na == 0 { return finish() }
            if winsA >= gallop { break }
          } else {
            order[destination] = temporary[b]
            destination -= 1
            b -= 1
            winsB += 1
            winsA = 0
            nb -= 1
            if nb == 1 { return copyA() }
            if winsB >= gallop { break }
          }
        }
        gallop += 1
        repeat {
          gallop -= gallop > 1 ? 1 : 0
          minGallop = gallop
          var k = try gallopRight(temporary[b], inTemporary: false, base: baseA, count: na, hint: na - 1)
          k = na - k
          winsA = k
          if k > 0 {
            destination -= k
            a -= k
            var offset = k - 1
            while offset >= 0 {
              order[destination + 1 + offset] = order[a + 1 + offset]
              offset -= 1
            }
            na -= k
            if na == 0 { return finish() }
          }
          order[destination] = temporary[b]
          destination -= 1
          b -= 1
          nb -= 1
          if nb == 1 { return copyA() }
          k = try gallopLeft(order[a], inTemporary: true, base: 0, count: nb, hint: nb - 1)
          k = nb - k
          winsB = k
          if k > 0 {
            destination -= k
            b -= k
            for offset in 0..<k { order[destination + 1 + offset] = temporary[b + 1 + offset] }
            nb -= k
            if nb == 1 { return copyA() }
            if nb == 0 { return finish() }
          }
          order[destination] = order[a]
          destination -= 1
          a -= 1
          na -= 1
          if na == 0 { return finish() }
        } while winsA >= Self.minimumGallop || winsB >= Self.minimumGallop
        gallop += 1
        minGallop = gallop
      }
    } catch {
      finish()
      throw error
    }
  }
}
