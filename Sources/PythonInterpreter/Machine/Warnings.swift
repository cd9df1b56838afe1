extension Machine {
  /// A warning raised by the standard library on behalf of the program's line (`stacklevel=2`),
  /// as the warnings module prints it: once per place and message.
  func warnAtLearnerLine(_ category: String, _ message: String, stacklevel: Int = 1, registry: String = "default") {
    // The program's frames, innermost first: stacklevel 1 is the line that called, 2 its caller…
    func isProgram(_ f: Frame) -> Bool { !SourceModule.isLibraryFile(f.code.filename) && !f.code.filename.hasPrefix("<") }
    let own = frames.reversed().filter(isProgram)
    // In a task: one level past the task's own frames is the loop's Handle._run (Task.__step is
    // C), when the task runs its coroutine alone (not awaited by another of the program's).
    if loop != nil, framesBelowLoop <= frames.count {
      let task = frames[framesBelowLoop...].filter(isProgram)
      if stacklevel == task.count + 1, let outer = task.first, outer.code.isGeneratorLike,
        let g = coroutineOf[ObjectIdentifier(outer)], g.chainDepth == 0
      {
        let line = [10: 80, 11: 80, 12: 84, 13: 89][version.minor] ?? 80
        let location = "<python>/asyncio/events.py:\(line)"
        let key = registry == "once" ? category + " " + message : location + " " + category + message
        guard registry == "always" || warningsShown.insert(key).inserted else { return }
        try? write("\(location): \(category): \(message)\n  self._context.run(self._callback, *self._args)\n", toStderr: true)
        return
      }
      // Past the frames the machine holds for the task lie the coroutines that await this one.
      if stacklevel > task.count, let outer = task.first, outer.code.isGeneratorLike {
        halt = halt ?? .refused(
          line: learnerLine, column: learnerColumn, construct: "a warning with stacklevel=\(stacklevel) inside a task",
          why: "Python attributes it to a frame of the coroutines awaiting this one or of asyncio's loop, which lesson does not follow; use stacklevel=1")
        return
      }
    }
    guard stacklevel >= 1, stacklevel <= own.count else {
      let location = version.minor >= 13 ? "<sys>:0" : "sys:1"
      guard registry == "always" || warningsShown.insert(location + " " + category + message).inserted else { return }
      try? write("\(location): \(category): \(message)\n", toStderr: true)
      return
    }
    let f = own[stacklevel - 1]
    let location = "\(f.code.filename):\(f.line)"
    let key = registry == "once" ? category + " " + message : location + " " + category + message
    guard registry == "always" || warningsShown.insert(key).inserted else { return }
    let source = sourceLineShown(f.line)
    try? write("\(location): \(category): \(message)\n" + (source.isEmpty ? "" : "  \(source)\n"), toStderr: true)
  }

  /// `RuntimeWarning: coroutine '...' was never awaited`, as CPython's warnings module prints it
  /// where the coroutine object dies: in a callback of the loop, or at a line of the program.
  /// Line `line` of the program as a traceback or a warning shows it: without its indentation;
  /// empty past the file's ends.
  func sourceLineShown(_ line: Int) -> Substring {
    guard line >= 1, line <= sourceLines.count else { return "" }
    return sourceLines[line - 1].drop { $0 == " " || $0 == "\t" }
  }

  /// `file:line: SyntaxWarning: message` and the line, as CPython's compiler warns.
  func writeSyntaxWarning(line: Int, _ message: String) {
    try? write("\(filename):\(line): SyntaxWarning: \(message)\n  \(sourceLineShown(line))\n", toStderr: true)
  }

  /// What CPython does to `__main__` as the interpreter exits (`_PyModule_ClearDict`): each name
  /// that starts with one underscore is set to None, then every other name but `__builtins__`, in
  /// the module's order. A coroutine that dies of it was never awaited: the warning names no line.
  func clearModuleAtExit(_ globals: DictObject) {
    shuttingDown = true
    let names = globals.pairs.compactMap { ($0.0 as? StrObject)?.value }
    for name in names where name.hasPrefix("_") && !name.hasPrefix("__") { globals.setStr(name, NoneObject.shared) }
    for name in names where name != "__builtins__" { globals.setStr(name, NoneObject.shared) }
  }

  func warnNeverAwaited(_ name: String) {
    let location: String
    let source: String
    if shuttingDown {
      // Freed as the interpreter exits (the traceback of the exception that ended the program
      // held it): no frame runs, and the warnings module prints the bare place.
      let location = version.minor >= 13 ? "<sys>:0" : "sys:1"
      guard warningsShown.insert(location + " " + name).inserted else { return }
      try? write("\(location): RuntimeWarning: coroutine '\(name)' was never awaited\n", toStderr: true)
      return
    } else if loop != nil,
      frames.count <= framesBelowLoop
        || (frames[framesBelowLoop...].allSatisfy({ $0.code.isGeneratorLike }) && frames.last?.finished != false)
    {
      // No frame of the program runs (a task's coroutine has just ended): the loop's callback does.
      let line = [10: 80, 11: 80, 12: 84, 13: 89][version.minor] ?? 80
      location = "<python>/asyncio/events.py:\(line)"
      source = "self._context.run(self._callback, *self._args)"
    } else if let f = frames.last {
      location = "\(f.code.filename):\(f.line)"
      source = f.line >= 1 && f.line <= sourceLines.count ? String(sourceLines[f.line - 1].drop { $0 == " " }) : ""
    } else {
      return
    }
    guard warningsShown.insert(location + " " + name).inserted else { return }
    let text = "\(location): RuntimeWarning: coroutine '\(name)' was never awaited\n  \(source)\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    try? write(text, toStderr: true)
  }
}
