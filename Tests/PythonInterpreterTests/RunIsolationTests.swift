import AsyncioModel
import Testing

@testable import PythonInterpreter

/// One program never changes what the next one sees. A grading worker runs thousands of learners'
/// programs in one process, and the built-in types and lesson's library classes are made once and
/// shared by all of them: a program that could change one (`del str.endswith`) would change the
/// grade of every learner after it.
@Suite struct RunIsolationTests {
  /// What a later program looks at, printed the same way by CPython and by lesson.
  static let observer = """
    import asyncio, enum, functools, abc, sys, collections, logging, math
    print(len([1, 2]), math.pi, hasattr(enum.Enum, "x"), hasattr(functools.partial, "x"), hasattr(abc.ABC, "x"))
    print(asyncio.sleep is not None, sys.version_info[0], hasattr(collections.Counter, "most_common"))
    print(hasattr(logging.Logger, "info"), hasattr(str, "endswith"), hasattr(int, "bit_length"))
    print(hasattr(asyncio.Semaphore, "release"), hasattr(asyncio.Queue, "qsize"), hasattr(ValueError, "x"))
    print(hasattr(asyncio.Task, "cancel"), "x" in dir(asyncio.Event))

    """

  /// Each tries to change something shared, one way or another; whether Python would let it, or
  /// lesson refuses it, the next program must not see the change.
  static let mutators = [
    "del str.endswith", "del int.bit_length", "str.endswith = None", "setattr(str, 'endswith', None)",
    "type.__setattr__(str, 'endswith', None)", "delattr(str, 'endswith')", "ValueError.x = 1",
    "import enum\nenum.Enum.x = 1", "import functools\nfunctools.partial.x = 1",
    "import abc\nabc.ABC.x = 1", "import asyncio\nasyncio.Semaphore.release = None",
    "import asyncio\ndel asyncio.Semaphore.release", "import asyncio\ndel asyncio.Queue.qsize",
    "import asyncio\nasyncio.Event.x = 1", "import asyncio\ndel asyncio.Task.cancel",
    "import builtins\nbuiltins.len = lambda x: 42", "import math\nmath.pi = 3", "import sys\nsys.version_info = (2, 7)",
    "import asyncio\nasyncio.sleep = None", "import collections\ndel collections.Counter.most_common",
    "import logging\ndel logging.Logger.info",
  ]

  @Test func aProgramCannotChangeWhatTheNextOneSees() {
    let expected = Interpreter.run(source: Self.observer, filename: "observer.py", version: .v3_13)
    #expect(expected.stop == nil)
    #expect(expected.stdout == """
      2 3.141592653589793 False False False
      True 3 True
      True True True
      True True False
      True False

      """)
    for mutator in Self.mutators {
      for version in [PythonVersion.v3_10, .v3_13] {
        _ = Interpreter.run(source: "try:\n" + mutator.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
          + "\nexcept BaseException:\n    pass\n", filename: "mutator.py", version: version)
        let after = Interpreter.run(source: Self.observer, filename: "observer.py", version: .v3_13)
        #expect(after == expected, "after \(mutator.debugDescription) under \(version)")
      }
    }
  }

  /// A built-in type of the `builtins` module is immutable, in Python as here: the same
  /// TypeError, for a new attribute, a replaced one and a deleted one.
  @Test func aBuiltInTypeIsImmutableAsInPython() {
    let program = """
      for statement in ["int.x = 1", "del int.__add__", "del str.upper", "str.upper = None", "del ValueError.__str__"]:
          try:
              exec_ = {"int.x = 1": lambda: setattr(int, "x", 1), "del int.__add__": lambda: delattr(int, "__add__"),
                       "del str.upper": lambda: delattr(str, "upper"), "str.upper = None": lambda: setattr(str, "upper", None),
                       "del ValueError.__str__": lambda: delattr(ValueError, "__str__")}[statement]
              exec_()
              print(statement, "ok")
          except TypeError as e:
              print(statement, e)

      """
    for version in PythonVersion.allCases {
      let run = Interpreter.run(source: program, filename: "t.py", version: version)
      // What CPython 3.10 to 3.13 print.
      #expect(run.stdout == """
        int.x = 1 cannot set 'x' attribute of immutable type 'int'
        del int.__add__ cannot set '__add__' attribute of immutable type 'int'
        del str.upper cannot set 'upper' attribute of immutable type 'str'
        str.upper = None cannot set 'upper' attribute of immutable type 'str'
        del ValueError.__str__ cannot set '__str__' attribute of immutable type 'ValueError'

        """, "\(version)")
    }
  }

  /// `collections.deque`, `defaultdict` and `OrderedDict` are C in CPython, immutable; here they
  /// are written in Python, made for each run, and must refuse a change all the same.
  @Test func aClassCPythonWritesInCIsImmutable() {
    let program = """
      import collections
      for t in (collections.deque, collections.defaultdict, collections.OrderedDict, collections.Counter):
          try:
              t.x = 1
              print("set", t.__name__)
          except TypeError as e:
              print(e)

      """
    let run = Interpreter.run(source: program, filename: "t.py", version: .v3_11)
    #expect(run.stdout == """
      cannot set 'x' attribute of immutable type 'collections.deque'
      cannot set 'x' attribute of immutable type 'collections.defaultdict'
      cannot set 'x' attribute of immutable type 'collections.OrderedDict'
      set Counter

      """)
  }

  /// A class of lesson's library that Python writes in Python (asyncio's Semaphore, enum's Enum)
  /// could be changed there; lesson shares it between runs, so it refuses, naming the class.
  @Test func changingALibraryClassIsRefused() {
    for statement in ["asyncio.Semaphore.release = None", "del asyncio.Queue.qsize", "enum.Enum.x = 1"] {
      let run = Interpreter.run(source: "import asyncio, enum\n" + statement + "\n", filename: "t.py", version: .v3_12)
      guard case .refused(let line, _, let construct, let why)? = run.stop else {
        Issue.record("\(statement): not refused: \(run.stdout) \(run.stderr)")
        continue
      }
      #expect(line == 2)
      #expect(construct.contains("class"), "\(construct)")
      #expect(why.contains("shared"), "\(why)")
    }
  }

  /// What every run shares holds nothing a program could change in place: the names of the
  /// builtins and of asyncio are classes, functions and immutable values (a shared list, say
  /// `asyncio.__all__`, could be appended to by one program and seen by the next).
  @Test func whatRunsShareIsImmutable() {
    for version in PythonVersion.allCases {
      _ = Interpreter.run(source: "import asyncio\n", filename: "t.py", version: version)
    }
    func immutable(_ value: PyObject) -> Bool {
      switch value {
      case is TypeObject, is BuiltinFunctionObject, is StrObject, is IntObject, is FloatObject, is BoolObject,
        is NoneObject:
        return true
      case let tuple as TupleObject: return tuple.items.allSatisfy(immutable)
      // The singletons `...` and `NotImplemented`, with no state.
      default: return value.type.isBuiltin && ["ellipsis", "NotImplementedType"].contains(value.type.name)
      }
    }
    let shared = Array(AsyncioModule.templates.withLock { $0 }.values) + Array(Builtins.cache.withLock { $0 }.values)
    #expect(shared.count == 2 * PythonVersion.allCases.count)
    for dict in shared {
      for (key, value) in dict.pairs where !immutable(value) {
        Issue.record("shared \((key as? StrObject)?.value ?? "?") is a \(value.type.name)")
      }
    }
  }

  /// Every class the importable modules hold, as "module Name" lines.
  static let classLister = """
    import abc, asyncio, bisect, collections, contextlib, contextvars, dataclasses, enum, functools, heapq, itertools, json, logging, math, operator, random, statistics, string, sys, textwrap, time, traceback, types, typing, warnings
    mods = {"abc": abc, "asyncio": asyncio, "bisect": bisect, "collections": collections, "contextlib": contextlib, "contextvars": contextvars, "dataclasses": dataclasses, "enum": enum, "functools": functools, "heapq": heapq, "itertools": itertools, "json": json, "logging": logging, "math": math, "operator": operator, "random": random, "statistics": statistics, "string": string, "sys": sys, "textwrap": textwrap, "time": time, "traceback": traceback, "types": types, "typing": typing, "warnings": warnings}
    for mn, mod in mods.items():
        for name in [n for n in dir(mod) if not n.startswith("__")]:
            try:
                obj = getattr(mod, name)
            except BaseException:
                continue
            if isinstance(obj, type):
                print(mn, name)

    """

  /// End to end, for every class of every module lesson runs: setting an attribute on it in one
  /// run (whether Python takes it, raises or lesson refuses) leaves it unset in the next.
  @Test func noClassOfAnyModuleCarriesAChangeToTheNextRun() {
    let listing = Interpreter.run(source: Self.classLister, filename: "list.py", version: .v3_13)
    #expect(listing.stop == nil)
    let classes = listing.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    #expect(classes.count > 60)
    for entry in classes where entry.count == 2 {
      let (module, name) = (entry[0], entry[1])
      _ = Interpreter.run(
        source: "import \(module)\ntry:\n    \(module).\(name).zz_probe = 1\nexcept BaseException:\n    pass\n",
        filename: "mutator.py", version: .v3_13)
      let after = Interpreter.run(
        source: "import \(module)\nprint(hasattr(\(module).\(name), 'zz_probe'))\n", filename: "observer.py", version: .v3_13)
      #expect(after.stdout == "False\n", "\(module).\(name) kept an attribute set by the run before")
    }
  }

  /// Objects whose classes no module names, made as a program makes them; `objs[i]` below.
  static let objectMaker = """
    import asyncio, contextvars, functools, random, sys

    def gen():
        yield 1

    async def main():
        loop = asyncio.get_running_loop()
        handle = loop.call_later(10, print)
        handle.cancel()
        made = [loop, handle, asyncio.current_task(), loop.create_future()]
        if sys.version_info >= (3, 11):
            made.append(asyncio.timeout(1))
        return made

    objs = [sys.stdout, random.Random(1), contextvars.ContextVar("v"), contextvars.copy_context(),
            functools.partial(print), asyncio.Semaphore(1), asyncio.Event(), asyncio.Queue(), gen(), len,
            range(3), iter([1]), {}.keys(), object()] + asyncio.run(main())

    """

  /// The same for those classes, reached through `type(obj)`.
  @Test func noClassOfAnObjectCarriesAChangeToTheNextRun() {
    let count = 19
    for index in 0..<count {
      _ = Interpreter.run(
        source: Self.objectMaker + "try:\n    type(objs[\(index)]).zz_probe = 1\nexcept BaseException:\n    pass\n",
        filename: "mutator.py", version: .v3_13)
      let after = Interpreter.run(
        source: Self.objectMaker + "print(len(objs), hasattr(type(objs[\(index)]), 'zz_probe'))\n", filename: "observer.py",
        version: .v3_13)
      // A class lesson does not name (a built-in iterator's) is refused even to look at.
      if case .refused? = after.stop { continue }
      #expect(after.stdout == "\(count) False\n", "the class of objs[\(index)] kept an attribute set by the run before")
    }
  }
}
