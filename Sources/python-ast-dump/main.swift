// Prints what PythonSyntax makes of Python files, in the form CPython's `ast.dump` gives, so a
// file can be compared with CPython by hand or by script:
//
//     swift run python-ast-dump [--python 3.12] [--compile] [--json] [--attributes] FILE...
//
// Without --python, each file is read under every version. --compile adds the compiler's checks
// (what `compile()` rejects after parsing). --attributes adds each node's position, as
// `ast.dump(tree, include_attributes=True)`. --json prints one object per line:
// {"path": ..., "version": ..., "dump": ...} or {..., "error": {"type", "msg", "lineno", "offset"}}.
import AsyncioModel
import Foundation
import PythonSyntax

var versions = PythonVersion.allCases
var compile = false
var json = false
var attributes = false
var paths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--python":
    guard let value = arguments.popFirst(), let version = PythonVersion(parsing: value) else {
      FileHandle.standardError.write(Data("error: --python needs 3.10, 3.11, 3.12 or 3.13\n".utf8))
      exit(64)
    }
    versions = [version]
  case "--compile": compile = true
  case "--json": json = true
  case "--attributes": attributes = true
  default: paths.append(argument)
  }
}

func jsonString(_ s: String) -> String {
  let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
  return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
}

for path in paths {
  guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
    exit(66)
  }
  for version in versions {
    let source = String(decoding: data, as: UTF8.self)
    do {
      let module =
        compile ? try PythonParser.compile(source, version: version) : try PythonParser.parse(source, version: version)
      let dump = module.dump(version: version, includeAttributes: attributes)
      print(
        json
          ? "{\"path\": \(jsonString(path)), \"version\": \"\(version)\", \"dump\": \(jsonString(dump))}"
          : "\(path) \(version): \(dump)")
    } catch {
      if json {
        print(
          "{\"path\": \(jsonString(path)), \"version\": \"\(version)\", \"error\": {\"type\": \"\(error.kind.rawValue)\", \"msg\": \(jsonString(error.message)), \"lineno\": \(error.line), \"offset\": \(error.offset)}}"
        )
      } else {
        print("\(path) \(version): \(error)")
      }
    }
  }
}
