/// `warnings`: `warn` with the default filters (a `DeprecationWarning` shows only when the line
/// is the program's own; pending-deprecation, import and resource warnings never), shown once per
/// line and message as the registry does, and the filters a program sets with `simplefilter` and
/// `filterwarnings` (by action and category, and a message prefix).
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
      ("_lesson_refuse", { m, a in
        throw Halt.refused(
          line: m.learnerLine, column: m.learnerColumn, construct: (a[0] as? StrObject)?.value ?? "warnings",
          why: "not run by lesson yet")
      }),
    ])
  }

  static let source = #"""
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
    _lesson_show(category.__name__, text, stacklevel, "always" if action == "always" else ("once" if action == "once" else "default"))
"""#
}
