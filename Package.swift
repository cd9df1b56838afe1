// swift-tools-version: 6.2
import PackageDescription

/// The model is single-threaded and its state is only ever touched by the loop's own thread:
/// the run-time exclusivity checks cost a fifth of its time and can find nothing there.
let modelSettings: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "lesson",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "AsyncioModel", targets: ["AsyncioModel"]),
    .library(name: "GuardedGather", targets: ["GuardedGather"]),
    .library(name: "LessonKit", targets: ["LessonKit"]),
    .library(name: "PythonValues", targets: ["PythonValues"]),
    .library(name: "PythonSyntax", targets: ["PythonSyntax"]),
    .executable(name: "lesson", targets: ["lesson"]),
  ],
  targets: [
    // MARK: Libraries
    // The asyncio model: a deterministic event loop and asyncio's primitives. No I/O at all.
    .target(name: "AsyncioModel", swiftSettings: modelSettings),
    .target(name: "GuardedGather", dependencies: ["AsyncioModel"], swiftSettings: modelSettings),
    .target(name: "LessonKit", dependencies: ["GuardedGather", "PythonInterpreter"]),
    .target(name: "LessonCLI", dependencies: ["GuardedGather", "LessonKit", "PythonInterpreter"]),
    // Python's values for the interpreter: int, float text, format specs, str methods. No I/O at all.
    .target(name: "PythonValues"),
    // The Python syntax front end: source text to tokens to a syntax tree (CPython's `ast`). No I/O at all.
    .target(name: "PythonSyntax", dependencies: ["AsyncioModel"]),
    // The Python interpreter: compiler and machine over the syntax tree, on the asyncio model. A sandbox.
    .target(name: "PythonInterpreter", dependencies: ["AsyncioModel", "PythonSyntax", "PythonValues"], swiftSettings: modelSettings),

    // MARK: Tools
    .executableTarget(name: "lesson", dependencies: ["LessonCLI"]),
    .executableTarget(name: "lesson-bench", dependencies: ["GuardedGather", "LessonKit", "PythonInterpreter"]),
    .executableTarget(name: "python-values-bench", dependencies: ["PythonValues"]),
    .executableTarget(name: "python-syntax-bench", dependencies: ["PythonSyntax", "AsyncioModel"]),
    .executableTarget(name: "python-ast-dump", dependencies: ["PythonSyntax", "AsyncioModel"]),
    .executableTarget(name: "python-run", dependencies: ["PythonInterpreter", "AsyncioModel"]),

    // MARK: Tests
    .testTarget(name: "AsyncioModelTests", dependencies: ["AsyncioModel"], exclude: ["scenarios.py", "scenarios.json"]),
    .testTarget(
      name: "GuardedGatherTests",
      dependencies: ["AsyncioModel", "GuardedGather", "LessonKit"],
      exclude: ["Conformance"]
    ),
    .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "GuardedGather"], exclude: ["Fixtures"]),
    .testTarget(name: "LessonCLITests", dependencies: ["LessonCLI", "LessonKit", "GuardedGather"], exclude: ["Snapshots", "Fixtures"]),
    .testTarget(name: "CourseTests", dependencies: ["LessonKit", "GuardedGather", "AsyncioModel"], exclude: ["Notes"]),
    .testTarget(
      name: "PythonValuesTests",
      dependencies: ["PythonValues"],
      exclude: [
        "record.py", "ints.json", "floats.json", "formats.json", "percent.json", "strings.json", "unicode.json",
        "versioned.json", "strformat.json", "slices.json",
      ]
    ),
    .testTarget(name: "PythonInterpreterTests", dependencies: ["PythonInterpreter", "AsyncioModel"]),
    .testTarget(
      name: "PythonSyntaxTests",
      dependencies: ["PythonSyntax", "AsyncioModel"],
      exclude: ["Snippets", "record_ast.py", "mutants.py", "expected.json"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
