import PythonValues

/// `hashlib`: `md5`, `sha1`, `sha224`, `sha256`, `sha384`, `sha512` and `new(name)`, the digests
/// learners use for a cache key or a checksum of their results. The hash objects are a class in
/// Python (as CPython's behave: `update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`,
/// `block_size`); the digests themselves are computed here, as FIPS 180-4 and RFC 1321 define them.
enum HashlibModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(
      m, name: "hashlib", source: source,
      natives: [
        SourceModule.refuse,
        ("_lesson_digest", { _, a in
          guard let name = a[0] as? StrObject, let data = a[1] as? BytesObject,
            let digest = Digests.digest(name.value, data.value)
          else { throw typeError("unsupported hash type") }
          return BytesObject(digest)
        }),
      ])
  }

  static let source = #"""
__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'new')

_sizes = {'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
          'sha384': (48, 128), 'sha512': (64, 128)}


class HASH:
    def __init__(self, name, data=b''):
        self.name = name
        self.digest_size, self.block_size = _sizes[name]
        self._data = b''
        if data is not None:
            self.update(data)

    def update(self, data):
        if isinstance(data, str):
            raise TypeError('Strings must be encoded before hashing')
        if not isinstance(data, bytes):
            raise TypeError('object supporting the buffer API required')
        self._data += bytes(data)

    def digest(self):
        return _lesson_digest(self.name, self._data)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = HASH(self.name)
        other._data = self._data
        return other

    def __repr__(self):
        _lesson_refuse(f"repr() of a {self.name} hash object",
                       "CPython writes the object's memory address, a different one in every run; print its "
                       "hexdigest() instead")


def _make(name):
    def constructor(data=b'', *, usedforsecurity=True, string=None):
        if string is not None:
            if data != b'':
                raise TypeError("'data' and 'string' are mutually exclusive and support for 'string' keyword "
                                "parameter is slated for removal in a future version.")
            data = string
        return HASH(name, data)
    constructor.__name__ = 'openssl_' + name
    constructor.__qualname__ = 'openssl_' + name
    return constructor


md5 = _make('md5')
sha1 = _make('sha1')
sha224 = _make('sha224')
sha256 = _make('sha256')
sha384 = _make('sha384')
sha512 = _make('sha512')


def new(name, data=b'', **kwargs):
    if not isinstance(name, str):
        raise TypeError(f'new() argument \'name\' must be str, not {type(name).__name__}')
    key = name.lower()
    if key.startswith('sha-'):
        key = 'sha' + key[4:]
    if key not in _sizes:
        if key in _others:
            _lesson_refuse(f"hashlib.new({name!r})", "lesson computes md5, sha1, sha224, sha256, sha384 and sha512 only")
        raise ValueError(f'unsupported hash type {name}')
    return HASH(key, data)


# What CPython's OpenSSL build offers beside them, which lesson does not compute.
_others = {'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'sha512_224', 'sha512_256', 'md5_sha1', 'sm3', 'ripemd160'}
"""#
}

/// The digests `hashlib` offers, over whole messages.
enum Digests {
  static func digest(_ name: String, _ data: [UInt8]) -> [UInt8]? {
    switch name {
    case "md5": md5(data)
    case "sha1": sha1(data)
    case "sha224": Array(sha256(data, initial: sha224Initial).prefix(28))
    case "sha256": sha256(data, initial: sha256Initial)
    case "sha384": Array(sha512(data, initial: sha384Initial).prefix(48))
    case "sha512": sha512(data, initial: sha512Initial)
    default: nil
    }
  }

  /// The message padded to whole blocks: a 1 bit, zeros, and its length in bits.
  private static func padded(_ data: [UInt8], block: Int, lengthBytes: Int, littleEndian: Bool) -> [UInt8] {
    var message = data
    message.append(0x80)
    while message.count % block != block - lengthBytes { message.append(0) }
    let bits = UInt64(data.count) &* 8
    var length = [UInt8](repeating: 0, count: lengthBytes)
    for i in 0..<8 { length[lengthBytes - 1 - i] = UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i))) }
    message += littleEndian ? Array(length.suffix(8).reversed()) : length
    return message
  }

  private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
  private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }

  static func md5(_ data: [UInt8]) -> [UInt8] {
    let s: [UInt32] = [
      7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
      4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]
    let k: [UInt32] = [
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
      0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
      0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
      0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
      0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
      0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
      0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]
    var h: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
    let message = padded(data, block: 64, lengthBytes: 8, littleEndian: true)
    for chunk in stride(from: 0, to: message.count, by: 64) {
      var w = [UInt32](repeating: 0, count: 16)
      for i in 0..<16 {
        let o = chunk + 4 * i
        w[i] = UInt32(message[o]) | UInt32(message[o + 1]) << 8 | UInt32(message[o + 2]) << 16 | UInt32(message[o + 3]) << 24
      }
      var (a, b, c, d) = (h[0], h[1], h[2], h[3])
      for i in 0..<64 {
        var f: UInt32
        let g: Int
        switch i {
        case 0..<16: (f, g) = ((b & c) | (~b & d), i)
        case 16..<32: (f, g) = ((d & b) | (~d & c), (5 * i + 1) % 16)
        case 32..<48: (f, g) = (b ^ c ^ d, (3 * i + 5) % 16)
        default: (f, g) = (c ^ (b | ~d), (7 * i) % 16)
        }
        f = f &+ a &+ k[i] &+ w[g]
        a = d
        d = c
        c = b
        b = b &+ rotl(f, s[i])
      }
      h[0] = h[0] &+ a
      h[1] = h[1] &+ b
      h[2] = h[2] &+ c
      h[3] = h[3] &+ d
    }
    return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
  }

  static func sha1(_ data: [UInt8]) -> [UInt8] {
    var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
    let message = padded(data, block: 64, lengthBytes: 8, littleEndian: false)
    var w = [UInt32](repeating: 0, count: 80)
    for chunk in stride(from: 0, to: message.count, by: 64) {
      for i in 0..<16 {
        let o = chunk + 4 * i
        w[i] = UInt32(message[o]) << 24 | UInt32(message[o + 1]) << 16 | UInt32(message[o + 2]) << 8 | UInt32(message[o + 3])
      }
      for i in 16..<80 { w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
      var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
      for i in 0..<80 {
        let (f, k): (UInt32, UInt32) =
          switch i {
          case 0..<20: ((b & c) | (~b & d), 0x5A82_7999)
          case 20..<40: (b ^ c ^ d, 0x6ED9_EBA1)
          case 40..<60: ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
          default: (b ^ c ^ d, 0xCA62_C1D6)
          }
        let t = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
        e = d
        d = c
        c = rotl(b, 30)
        b = a
        a = t
      }
      h[0] = h[0] &+ a
      h[1] = h[1] &+ b
      h[2] = h[2] &+ c
      h[3] = h[3] &+ d
      h[4] = h[4] &+ e
    }
    return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
  }

  static let sha256Initial: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  static let sha224Initial: [UInt32] = [
    0xc105_9ed8, 0x367c_d507, 0x3070_dd17, 0xf70e_5939, 0xffc0_0b31, 0x6858_1511, 0x64f9_8fa7, 0xbefa_4fa4,
  ]
  static let sha256Constants: [UInt32] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
  ]

  static func sha256(_ data: [UInt8], initial: [UInt32]) -> [UInt8] {
    var h = initial
    let message = padded(data, block: 64, lengthBytes: 8, littleEndian: false)
    var w = [UInt32](repeating: 0, count: 64)
    for chunk in stride(from: 0, to: message.count, by: 64) {
      for i in 0..<16 {
        let o = chunk + 4 * i
        w[i] = UInt32(message[o]) << 24 | UInt32(message[o + 1]) << 16 | UInt32(message[o + 2]) << 8 | UInt32(message[o + 3])
      }
      for i in 16..<64 {
        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var v = h
      for i in 0..<64 {
        let s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25)
        let ch = (v[4] & v[5]) ^ (~v[4] & v[6])
        let t1 = v[7] &+ s1 &+ ch &+ sha256Constants[i] &+ w[i]
        let s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22)
        let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2])
        let t2 = s0 &+ maj
        v = [t1 &+ t2, v[0], v[1], v[2], v[3] &+ t1, v[4], v[5], v[6]]
      }
      for i in 0..<8 { h[i] = h[i] &+ v[i] }
    }
    return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
  }

  static let sha512Initial: [UInt64] = [
    0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1, 0x510e527fade682d1,
    0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
  ]
  static let sha384Initial: [UInt64] = [
    0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939, 0x67332667ffc00b31,
    0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4,
  ]
  static let sha512Constants: [UInt64] = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
  ]

  static func sha512(_ data: [UInt8], initial: [UInt64]) -> [UInt8] {
    var h = initial
    let message = padded(data, block: 128, lengthBytes: 16, littleEndian: false)
    var w = [UInt64](repeating: 0, count: 80)
    for chunk in stride(from: 0, to: message.count, by: 128) {
      for i in 0..<16 {
        var word: UInt64 = 0
        for j in 0..<8 { word = word << 8 | UInt64(message[chunk + 8 * i + j]) }
        w[i] = word
      }
      for i in 16..<80 {
        let s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7)
        let s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var v = h
      for i in 0..<80 {
        let s1 = rotr(v[4], 14) ^ rotr(v[4], 18) ^ rotr(v[4], 41)
        let ch = (v[4] & v[5]) ^ (~v[4] & v[6])
        let t1 = v[7] &+ s1 &+ ch &+ sha512Constants[i] &+ w[i]
        let s0 = rotr(v[0], 28) ^ rotr(v[0], 34) ^ rotr(v[0], 39)
        let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2])
        let t2 = s0 &+ maj
        v = [t1 &+ t2, v[0], v[1], v[2], v[3] &+ t1, v[4], v[5], v[6]]
      }
      for i in 0..<8 { h[i] = h[i] &+ v[i] }
    }
    return h.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64($0))) } }
  }
}

/// `zlib`'s checksums, `crc32` and `adler32` (a checksum of a batch's results); compression is
/// not something an exercise run does.
enum ZlibModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    func data(_ m: Machine, _ o: PyObject) throws -> [UInt8] {
      guard let b = o as? BytesObject else { throw typeError("a bytes-like object is required, not '\(m.typeName(o))'") }
      return b.value
    }
    func start(_ m: Machine, _ a: Args, _ name: String, _ initial: UInt32) throws -> UInt32 {
      try ArgCheck.positional(a, name, min: 1, max: 2)
      guard a.count > 1 else { return initial }
      return UInt32(truncatingIfNeeded: (try ArgCheck.int(m, a[1]) & BigInt(0xFFFF_FFFF)).int ?? 0)
    }
    return try SourceModule.load(
      m, name: "zlib", source: "", natives: [
        SourceModule.refuse,
        ("crc32", { m, a in
          var crc = ~(try start(m, a, "crc32", 0))
          for byte in try data(m, a[0]) {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
          }
          return IntObject.make(Int(~crc))
        }),
        ("adler32", { m, a in
          let value = try start(m, a, "adler32", 1)
          var (low, high) = (value & 0xFFFF, value >> 16)
          for byte in try data(m, a[0]) {
            low = (low + UInt32(byte)) % 65_521
            high = (high + low) % 65_521
          }
          return IntObject.make(Int(high << 16 | low))
        }),
      ])
  }
}
