extension Machine {
  /// A warning raised by the standard library on behalf of the program's line (`stacklevel=2`),
  /// as the warnings module prints it: once per place and message.
  /// Where a warning raised at `stacklevel` is attributed, as CPython's `warn` finds it.
  enum WarningPlace {
    /// The registry has shown it there already.
    case shown
    /// Not followed by lesson (a halt is set).
    case refused
    /// The file and line, and the source line CPython prints under it (empty for none).
    case at(file: String, line: Int, source: String)
  }

  /// The line of asyncio's `Handle._run` that runs a task's step: where a warning one level
  /// past the task's coroutine lands.
  var loopCallbackWarningPlace: WarningPlace {
    .at(
      file: "<python>/asyncio/events.py", line: [10: 80, 11: 80, 12: 84, 13: 89][version.minor] ?? 80,
      source: "self._context.run(self._callback, *self._args)")
  }

  /// Finds where a warning goes and marks it shown in the registry (`action` "always" never
  /// marks, "once" marks the text whatever the place).
  func warningPlace(_ category: String, _ message: String, stacklevel: Int = 1, registry: String = "default") -> WarningPlace {
    // The program's frames, innermost first: stacklevel 1 is the line that called, 2 its caller…
    func isProgram(_ f: Frame) -> Bool { !SourceModule.isLibraryFile(f.code.filename) && !f.code.filename.hasPrefix("<") }
    func mark(_ location: String) -> Bool {
      let key = registry == "once" ? category + " " + message : location + " " + category + message
      return registry == "always" || warningsShown.insert(key).inserted
    }
    let own = frames.reversed().filter(isProgram)
    // In a task: one level past the task's own frames is the loop's Handle._run (Task.__step is
    // C), when the task runs its coroutine alone (not awaited by another of the program's).
    if loop != nil, framesBelowLoop <= frames.count {
      let task = frames[framesBelowLoop...].filter(isProgram)
      if stacklevel == task.count + 1, let outer = task.first, outer.code.isGeneratorLike,
        let g = coroutineOf[ObjectIdentifier(outer)], g.chainDepth == 0
      {
        let place = loopCallbackWarningPlace
        guard case .at(let file, let line, _) = place, mark("\(file):\(line)") else { return .shown }
        return place
      }
      // Past the frames the machine holds for the task lie the coroutines that await this one.
      if stacklevel > task.count, let outer = task.first, outer.code.isGeneratorLike {
        halt = halt ?? .refused(
          line: learnerLine, column: learnerColumn, construct: "a warning with stacklevel=\(stacklevel) inside a task",
          why: "Python attributes it to a frame of the coroutines awaiting this one or of asyncio's loop, which lesson does not follow; use stacklevel=1")
        return .refused
      }
    }
    guard stacklevel >= 1, stacklevel <= own.count else {
      let (file, line) = version.minor >= 13 ? ("<sys>", 0) : ("sys", 1)
      guard mark("\(file):\(line)") else { return .shown }
      return .at(file: file, line: line, source: "")
    }
    let f = own[stacklevel - 1]
    guard mark("\(f.code.filename):\(f.line)") else { return .shown }
    return .at(file: f.code.filename, line: f.line, source: String(sourceLineShown(f.line)))
  }

  func warnAtLearnerLine(_ category: String, _ message: String, stacklevel: Int = 1, registry: String = "default") {
    guard case .at(let file, let line, let source) = warningPlace(category, message, stacklevel: stacklevel, registry: registry)
    else { return }
    try? write("\(file):\(line): \(category): \(message)\n" + (source.isEmpty ? "" : "  \(source)\n"), toStderr: true)
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
