/// `warnings`: `warn` with the default filters (a `DeprecationWarning` shows only when the line
/// is the program's own; pending-deprecation, import and resource warnings never), shown once per
/// line and message as the registry does, and the filters a program sets with `simplefilter` and
/// `filterwarnings` (by action and category, and a message prefix), and a `showwarning` or
/// `formatwarning` of the program's own, called as CPython's `_showwarnmsg` calls them.
enum WarningsModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    try SourceModule.load(m, name: "warnings", source: source, natives: [
      ("_lesson_show", { m, a in
        // (category name, text, stacklevel, action)
        let category = (a[0] as? StrObject)?.value ?? "UserWarning"
        let text = (a[1] as? StrObject)?.value ?? ""
        let level = (a[2] as? IntObject)?.intValue ?? 1
        let action = (a[3] as? StrObject)?.value ?? "default"
        m.warnAtLearnerLine(category, text, stacklevel: level, registry: action)
        return NoneObject.shared
      }),
      ("_lesson_place", { m, a in
        // (category name, text, stacklevel, action): where `warn` attributes the warning, as
        // (filename, lineno, source line), or None when the registry has shown it there.
        let category = (a[0] as? StrObject)?.value ?? "UserWarning"
        let text = (a[1] as? StrObject)?.value ?? ""
        let level = (a[2] as? IntObject)?.intValue ?? 1
        let action = (a[3] as? StrObject)?.value ?? "default"
        guard case .at(let file, let line, _) = m.warningPlace(category, text, stacklevel: level, registry: action) else {
          return NoneObject.shared
        }
        return TupleObject([StrObject(file), IntObject.make(line)])
      }),
      ("_lesson_line", { m, a in
        // linecache.getline(filename, lineno) for the places a warning can name.
        guard a.count == 2, let file = (a[0] as? StrObject)?.value, let line = (a[1] as? IntObject)?.intValue else {
          return StrObject("")
        }
        if file == m.filename { return StrObject(String(m.sourceLineShown(line))) }
        if case .at(let known, let knownLine, let source) = m.loopCallbackWarningPlace, known == file, knownLine == line {
          return StrObject(source)
        }
        return StrObject("")
      }),
      ("_lesson_refuse", { m, a in
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: (a[0] as? StrObject)?.value ?? "warnings",
          why: "not run by lesson yet")
      }),
    ])
  }

  static let source = #"""
import sys

# CPython's default filters; the program's lines are all in __main__, where deprecations show.
_filters = [("default", "", DeprecationWarning), ("ignore", "", DeprecationWarning),
            ("ignore", "", PendingDeprecationWarning), ("ignore", "", ImportWarning),
            ("ignore", "", ResourceWarning)]
_ACTIONS = ("default", "error", "ignore", "always", "module", "once")


def _check(action):
    if action not in _ACTIONS:
        raise ValueError(f"invalid action: {action!r}")


def simplefilter(action, category=Warning, lineno=0, append=False):
    _check(action)
    if lineno:
        _lesson_refuse("warnings.simplefilter(lineno=...)")
    item = (action, "", category)
    if item in _filters:
        _filters.remove(item)
    if append:
        _filters.append(item)
    else:
        _filters.insert(0, item)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _check(action)
    if module or lineno:
        _lesson_refuse("warnings.filterwarnings(module=... or lineno=...)")
    for ch in ".*+?[](){}|^$\\":
        if ch in message:
            _lesson_refuse("a warnings filter whose message is a regular expression")
    item = (action, message, category)
    if item in _filters:
        _filters.remove(item)
    if append:
        _filters.append(item)
    else:
        _filters.insert(0, item)


def resetwarnings():
    _filters.clear()


def catch_warnings(*args, **kwargs):
    _lesson_refuse("warnings.catch_warnings")


def _action(category, text, stacklevel):
    for action, message, cat in _filters:
        if issubclass(category, cat) and text.lower().startswith(message.lower()):
            return action
    return "default"


def formatwarning(message, category, filename, lineno, line=None):
    s = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _lesson_line(filename, lineno)
    if line:
        s += "  %s\n" % line.strip()
    return s


def showwarning(message, category, filename, lineno, file=None, line=None):
    if file is None:
        file = sys.stderr
        if file is None:
            return
    if formatwarning is not _formatwarning_orig:
        text = formatwarning(message, category, filename, lineno, line)
    else:
        text = _formatwarning_orig(message, category, filename, lineno, line)
    try:
        file.write(text)
    except OSError:
        pass


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '{:s}'".format(type(category).__name__))
    text = str(message)
    action = _action(category, text, stacklevel)
    if action == "ignore":
        return
    if action == "error":
        raise message if isinstance(message, Warning) else category(message)
    registry = "always" if action == "always" else ("once" if action == "once" else "default")
    if showwarning is _showwarning_orig and formatwarning is _formatwarning_orig:
        _lesson_show(category.__name__, text, stacklevel, registry)
        return
    # The program replaced showwarning or formatwarning: CPython's _showwarnmsg calls them.
    place = _lesson_place(category.__name__, text, stacklevel, registry)
    if place is None:
        return
    if not isinstance(message, Warning):
        message = category(message)
    if showwarning is not _showwarning_orig and not callable(showwarning):
        raise TypeError("warnings.showwarning() must be set to a function or method")
    showwarning(message, category, place[0], place[1], None, None)
"""#
}
