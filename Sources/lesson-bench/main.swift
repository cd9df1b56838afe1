import Foundation
import GuardedGather
import LessonKit

let args = CommandLine.arguments
let data = try! [UInt8](Data(contentsOf: URL(fileURLWithPath: args[1])))
guard case .array(let cases)? = try! JSONReader().parse(data)["cases"] else { fatalError() }
func num(_ v: JSONValue?) -> String { if case .number(let n, _)? = v { return String(Int(n)) } else { return "-" } }
for c in cases {
  guard case .string(let name)? = c["name"], args.count < 3 || args[2...].contains(name) else { continue }
  let batch = try! LearnerConfiguration.read(c["configuration"]!, file: name).batch
  let t = GatherEngine.runVirtual(batch)
  func us(_ d: Duration?) -> String { guard let d else { return "-" }; let (s, a) = d.components; return String(Int(s) * 1_000_000 + Int(a / 1_000_000_000_000)) }
  var mine = t.calls.map { "\($0.name) \($0.outcome.rawValue) \(us($0.startedAt)) \(us($0.endedAt))" }
  mine.append("peak \(t.peakConcurrency) elapsed \(us(t.elapsed))")
  var ref: [String] = []
  if case .array(let calls)? = c["expected"]!["calls"] {
    for r in calls {
      guard case .string(let n)? = r["name"], case .string(let o)? = r["outcome"] else { continue }
      ref.append("\(n) \(o) \(num(r["startedAt"])) \(num(r["endedAt"]))")
    }
  }
  ref.append("peak \(num(c["expected"]!["peakConcurrency"])) elapsed \(num(c["expected"]!["elapsed"]))")
  if mine != ref {
    print("== \(name)")
    for (m, r) in zip(mine, ref) { print((m == r ? "   " : " ! ") + m.padding(toLength: 34, withPad: " ", startingAt: 0) + " | " + r) }
  }
}
