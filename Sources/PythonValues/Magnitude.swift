/// Unsigned arbitrary-precision arithmetic on words (least significant first) for ``BigInt``.
///
/// Inputs may carry leading zero words; outputs are trimmed.
enum Magnitude {
  typealias Words = [UInt64]

  static func trim(_ a: inout Words) {
    while let last = a.last, last == 0 { a.removeLast() }
  }

  static func compare(_ a: Words, _ b: Words) -> Int {
    var na = a.count
    var nb = b.count
    while na > 0 && a[na - 1] == 0 { na -= 1 }
    while nb > 0 && b[nb - 1] == 0 { nb -= 1 }
    if na != nb { return na < nb ? -1 : 1 }
    var i = na - 1
    while i >= 0 {
      if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
      i -= 1
    }
    return 0
  }

  static func add(_ a: Words, _ b: Words) -> Words {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    var r = Words(repeating: 0, count: long.count + 1)
    var carry: UInt64 = 0
    for i in 0..<long.count {
      let (s1, c1) = long[i].addingReportingOverflow(i < short.count ? short[i] : 0)
      let (s2, c2) = s1.addingReportingOverflow(carry)
      r[i] = s2
      carry = (c1 ? 1 : 0) + (c2 ? 1 : 0)
    }
    r[long.count] = carry
    trim(&r)
    return r
  }

  /// `a - b`, where `a >= b`.
  static func subtract(_ a: Words, _ b: Words) -> Words {
    var r = a
    var borrow: UInt64 = 0
    for i in 0..<a.count {
      let (d1, b1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
      let (d2, b2) = d1.subtractingReportingOverflow(borrow)
      r[i] = d2
      borrow = (b1 ? 1 : 0) + (b2 ? 1 : 0)
      if borrow == 0 && i >= b.count { break }
    }
    trim(&r)
    return r
  }

  static func multiply(_ a: Words, _ b: Words) -> Words {
    if a.isEmpty || b.isEmpty { return [] }
    if a.count >= 48 && b.count >= 48 { return karatsuba(a, b) }
    var r = Words(repeating: 0, count: a.count + b.count)
    r.withUnsafeMutableBufferPointer { r in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          for i in 0..<a.count {
            let ai = a[i]
            if ai == 0 { continue }
            var carry: UInt64 = 0
            for j in 0..<b.count {
              let (hi, lo) = ai.multipliedFullWidth(by: b[j])
              let (s1, c1) = lo.addingReportingOverflow(r[i + j])
              let (s2, c2) = s1.addingReportingOverflow(carry)
              r[i + j] = s2
              carry = hi &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            }
            r[i + b.count] = carry
          }
        }
      }
    }
    trim(&r)
    return r
  }

  static func karatsuba(_ a: Words, _ b: Words) -> Words {
    let half = max(a.count, b.count) / 2
    func split(_ x: Words) -> (Words, Words) {
      if x.count <= half {
        var lo = x
        trim(&lo)
        return (lo, [])
      }
      var lo = Words(x[0..<half])
      trim(&lo)
      var hi = Words(x[half...])
      trim(&hi)
      return (lo, hi)
    }
    let (a0, a1) = split(a)
    let (b0, b1) = split(b)
    let z0 = multiply(a0, b0)
    let z2 = multiply(a1, b1)
    let z1 = subtract(subtract(multiply(add(a0, a1), add(b0, b1)), z0), z2)
    var r = Words(repeating: 0, count: a.count + b.count + 1)
    addInto(&r, z0, at: 0)
    addInto(&r, z1, at: half)
    addInto(&r, z2, at: 2 * half)
    trim(&r)
    return r
  }

  static func addInto(_ r: inout Words, _ x: Words, at offset: Int) {
    var carry: UInt64 = 0
    var i = 0
    while i < x.count || carry != 0 {
      let (s1, c1) = r[offset + i].addingReportingOverflow(i < x.count ? x[i] : 0)
      let (s2, c2) = s1.addingReportingOverflow(carry)
      r[offset + i] = s2
      carry = (c1 ? 1 : 0) + (c2 ? 1 : 0)
      i += 1
    }
  }

  /// `a * m + c` for a single word `m` and `c`.
  static func multiplyAdd(_ a: inout Words, _ m: UInt64, _ c: UInt64) {
    var carry = c
    for i in 0..<a.count {
      let (hi, lo) = a[i].multipliedFullWidth(by: m)
      let (s, o) = lo.addingReportingOverflow(carry)
      a[i] = s
      carry = hi &+ (o ? 1 : 0)
    }
    if carry != 0 { a.append(carry) }
  }

  /// Divides `a` in place by a single nonzero word and returns the remainder.
  @discardableResult
  static func divideInPlace(_ a: inout Words, by d: UInt64) -> UInt64 {
    var rem: UInt64 = 0
    var i = a.count - 1
    while i >= 0 {
      let (q, r) = d.dividingFullWidth((rem, a[i]))
      a[i] = q
      rem = r
      i -= 1
    }
    trim(&a)
    return rem
  }

  static func shiftLeft(_ a: Words, _ bits: Int) -> Words {
    if a.isEmpty { return [] }
    let words = bits / 64
    let b = bits % 64
    var r = Words(repeating: 0, count: a.count + words + 1)
    if b == 0 {
      for i in 0..<a.count { r[i + words] = a[i] }
    } else {
      for i in 0..<a.count {
        r[i + words] |= a[i] << b
        r[i + words + 1] = a[i] >> (64 - b)
      }
    }
    trim(&r)
    return r
  }

  static func shiftRight(_ a: Words, _ bits: Int) -> Words {
    let words = bits / 64
    if words >= a.count { return [] }
    let b = bits % 64
    var r = Words(repeating: 0, count: a.count - words)
    if b == 0 {
      for i in 0..<r.count { r[i] = a[i + words] }
    } else {
      for i in 0..<r.count {
        let hi = i + words + 1 < a.count ? a[i + words + 1] << (64 - b) : 0
        r[i] = (a[i + words] >> b) | hi
      }
    }
    trim(&r)
    return r
  }

  /// Whether any of the low `bits` bits of `a` is set.
  static func hasBitsBelow(_ a: Words, _ bits: Int) -> Bool {
    let words = min(bits / 64, a.count)
    for i in 0..<words where a[i] != 0 { return true }
    let b = bits % 64
    if b > 0 && words < a.count && a[words] & ((1 << b) - 1) != 0 { return true }
    return false
  }

  /// Quotient and remainder of `u / v` (Knuth, algorithm D), `v` nonzero.
  static func divMod(_ u: Words, _ v: Words) -> (quotient: Words, remainder: Words) {
    var u = u
    var v = v
    trim(&u)
    trim(&v)
    precondition(!v.isEmpty, "division by zero")
    if compare(u, v) < 0 { return ([], u) }
    if v.count == 1 {
      let r = divideInPlace(&u, by: v[0])
      return (u, r == 0 ? [] : [r])
    }
    let s = v[v.count - 1].leadingZeroBitCount
    let vn = shiftLeftFixed(v, s, count: v.count)
    var un = shiftLeftFixed(u, s, count: u.count + 1)
    let n = v.count
    let m = u.count - n
    var q = Words(repeating: 0, count: m + 1)
    let vTop = vn[n - 1]
    let vNext = vn[n - 2]
    var j = m
    while j >= 0 {
      let ujn = un[j + n]
      let ujn1 = un[j + n - 1]
      let ujn2 = un[j + n - 2]
      var qhat: UInt64
      var rhat: UInt64
      var rhatOverflow = false
      if ujn >= vTop {
        qhat = UInt64.max
        let (r, o) = ujn1.addingReportingOverflow(vTop)
        rhat = r
        rhatOverflow = o
      } else {
        (qhat, rhat) = vTop.dividingFullWidth((ujn, ujn1))
      }
      while !rhatOverflow {
        let (phi, plo) = qhat.multipliedFullWidth(by: vNext)
        if phi > rhat || (phi == rhat && plo > ujn2) {
          qhat -= 1
          let (r, o) = rhat.addingReportingOverflow(vTop)
          rhat = r
          rhatOverflow = o
        } else {
          break
        }
      }
      var borrow: UInt64 = 0
      var carry: UInt64 = 0
      for i in 0..<n {
        let (hi, lo) = qhat.multipliedFullWidth(by: vn[i])
        let (plo, c1) = lo.addingReportingOverflow(carry)
        carry = hi &+ (c1 ? 1 : 0)
        let (t1, b1) = un[i + j].subtractingReportingOverflow(plo)
        let (t2, b2) = t1.subtractingReportingOverflow(borrow)
        un[i + j] = t2
        borrow = (b1 ? 1 : 0) + (b2 ? 1 : 0)
      }
      let (t1, b1) = un[j + n].subtractingReportingOverflow(carry)
      let (t2, b2) = t1.subtractingReportingOverflow(borrow)
      un[j + n] = t2
      if b1 || b2 {
        qhat -= 1
        var c: UInt64 = 0
        for i in 0..<n {
          let (s1, c1) = un[i + j].addingReportingOverflow(vn[i])
          let (s2, c2) = s1.addingReportingOverflow(c)
          un[i + j] = s2
          c = (c1 ? 1 : 0) + (c2 ? 1 : 0)
        }
        un[j + n] &+= c
      }
      q[j] = qhat
      j -= 1
    }
    trim(&q)
    var r = Words(un[0..<n])
    if s > 0 {
      for i in 0..<n {
        r[i] = (r[i] >> s) | (i + 1 < n ? r[i + 1] << (64 - s) : 0)
      }
    }
    trim(&r)
    return (q, r)
  }

  /// `a << bits` (bits < 64) into exactly `count` words.
  private static func shiftLeftFixed(_ a: Words, _ bits: Int, count: Int) -> Words {
    var r = Words(repeating: 0, count: count)
    for i in 0..<a.count {
      r[i] |= bits == 0 ? a[i] : a[i] << bits
      if bits > 0 && i + 1 < count { r[i + 1] = a[i] >> (64 - bits) }
    }
    return r
  }
}
