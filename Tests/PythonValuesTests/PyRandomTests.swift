import PythonValues
import Testing

/// `random.Random(seed)` gives CPython's exact numbers, under each recorded release
/// (the `random` cases of `versioned.json`).
enum PyRandomScripts {
  static func list(_ items: [Int]) -> String {
    "[" + items.map(String.init).joined(separator: ", ") + "]"
  }

  static func run(_ seedText: String, _ name: String, release: PythonRelease) throws -> String? {
    var r: PyRandom
    if seedText.hasPrefix("f:") {
      r = PyRandom(seed: Recorded.double(String(seedText.dropFirst(2))))
    } else {
      r = PyRandom(seed: try Recorded.int(String(seedText.dropFirst(2))))
    }
    switch name {
    case "random": return (0..<5).map { _ in Recorded.hexFloat(r.random()) }.joined(separator: " ")
    case "getrandbits":
      return try [0, 1, 31, 32, 33, 64, 100, 1000].map { try r.getrandbits($0).hexString }.joined(
        separator: " ")
    case "dice":
      return try (0..<20).map { _ in try r.randint(1, 6, release: release).description }.joined(
        separator: " ")
    case "randrange":
      return try [
        r.randrange(10, release: release), r.randrange(0, 100, step: 7, release: release),
        r.randrange(try BigInt(parsing: "100000000000000000000"), release: release),
        r.randrange(50, 10, step: -3, release: release), r.randrange(-5, 5, release: release),
        r.randrange(BigInt(1) << 40, release: release),
      ].map(\.hexString).joined(separator: " ")
    case "choice":
      let letters = Array("abcdefg")
      return "["
        + (0..<10).map { _ in "'\(letters[r.choiceIndex(count: 7)!])'" }.joined(separator: ", ")
        + "]"
    case "shuffle":
      return "["
        + (0..<3).map { _ in
          var x = Array(0..<10)
          r.shuffle(&x)
          return list(x)
        }.joined(separator: ", ") + "]"
    case "sample":
      let parts = try [(100, 10), (10, 10), (1_000_000, 30), (5, 0), (40, 7)].map {
        list(try r.sampleIndices(populationCount: $0.0, k: $0.1))
      }
      return "[" + parts.joined(separator: ", ") + "]"
    case "uniform":
      return (0..<5).map { _ in Recorded.hexFloat(r.uniform(1.5, 7.25)) }.joined(separator: " ")
    case "choices": return list(r.choicesIndices(populationCount: 5, k: 8))
    case "weighted":
      let parts = try [
        r.choicesIndices(weights: [1, 2, 3, 4], k: 6),
        r.choicesIndices(weights: [0.5, 0.0, 2.25], k: 6),
        r.choicesIndices(weights: [1, 1, 5], cumulative: true, k: 6),
        r.choicesIndices(weights: [3], k: 2),
      ].map(list)
      return "[" + parts.joined(separator: ", ") + "]"
    case "noweight": return list(try r.choicesIndices(weights: [0, 0], k: 1))
    case "empty": return try r.randrange(5, 5, release: release).description
    case "emptystep": return try r.randrange(5, 1, step: 2, release: release).description
    case "randint31": return try r.randint(3, 1, release: release).description
    case "zerostep": return try r.randrange(1, 5, step: 0, release: release).description
    case "negbits": return try r.getrandbits(-1).description
    case "bigsample": return list(try r.sampleIndices(populationCount: 3, k: 4))
    case "below0": return try r.randrange(0, release: release).description
    default: return nil
    }
  }
}
