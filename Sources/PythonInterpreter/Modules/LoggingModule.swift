/// `logging`: CPython's module, written in Python (`source`) on a few Swift helpers: the caller's
/// frame for `%(funcName)s`/`%(lineno)d`, `strftime` in UTC on the virtual clock, a traceback's text.
enum LoggingModule {
  static func make(_ m: Machine) throws -> ModuleObject {
    let file = SourceModule.filename("logging", m)
    return try SourceModule.load(
      m, name: "logging", source: source,
      natives: [
        (
          "_lesson_caller",
          { m, _ in
            guard let f = m.callerFrame(outside: file) else {
              return TupleObject([StrObject("(unknown file)"), IntObject.make(0), StrObject("(unknown function)")])
            }
            // From 3.12 a list, dict or set comprehension runs inline in the function around it
            // (PEP 709): the record names that function.
            var name = f.code.name
            if m.version.minor >= 12, var index = m.frames.lastIndex(where: { $0 === f }) {
              while ["<listcomp>", "<dictcomp>", "<setcomp>"].contains(m.frames[index].code.name), index > 0 {
                index -= 1
                name = m.frames[index].code.name
              }
            }
            return TupleObject([StrObject(f.code.filename), IntObject.make(f.line), StrObject(name)])
          }
        ),
        (
          "_lesson_strftime",
          { m, a in
            guard a.count == 2, let fmt = a[0] as? StrObject, let t = try m.asDouble(a[1]) else {
              throw typeError("strftime() argument 1 must be str")
            }
            return StrObject(try UTCTime.strftime(fmt.value, seconds: t, m))
          }
        ),
        (
          "_lesson_format_exception",
          { m, a in
            guard a.count == 1, let e = a[0] as? ExceptionObject else { return StrObject("NoneType: None") }
            // Python code prints it (logging, through the traceback module): no `__main__.` in 3.10.
            var text = try m.formatTraceback(e, forOutput: true, fromModule: true)
            if text.hasSuffix("\n") { text.removeLast() }
            if m.tracebacksInexact { m.inexactTracebackTexts.insert(text) }
            return StrObject(text)
          }
        ),
        (
          "_lesson_traceback_elsewhere",
          { m, a in
            // A traceback written anywhere but stderr must be exact: from 3.11 CPython draws ^~~
            // markers under its lines, which lesson draws only where it knows the span.
            let text = (a.get(0, "text") as? StrObject)?.value ?? ""
            if m.version.minor >= 11, m.inexactTracebackTexts.contains(text) {
              let line = m.callerFrame(outside: file)?.line ?? 0
              throw Halt.refused(
                line: line, column: 1,
                construct: "a traceback logged to a stream other than stderr in Python 3.\(m.version.minor)",
                why:
                  "CPython 3.11 and later draw ^~~ markers under a line whose span lesson does not know here (a for or with statement, an assert, an f-string…); log the traceback to stderr, or log type(e).__name__ and e"
              )
            }
            return NoneObject.shared
          }
        ),
        (
          "_lesson_task_name",
          { m, _ in
            guard let mod = m.modules["asyncio"], m.loop?.currentTask != nil,
              let current = mod.dict.getStr("current_task")
            else {
              return NoneObject.shared
            }
            return try m.callMethod(try m.call(current, Args()), StrObject("get_name"), Args())
          }
        ),
        (
          "_lesson_refuse",
          { m, a in
            let construct = (a.get(0, "construct") as? StrObject)?.value ?? "logging"
            let why = (a.get(1, "why") as? StrObject)?.value ?? "not run by lesson yet"
            let line = m.callerFrame(outside: file)?.line ?? 0
            throw Halt.refused(line: line, column: 1, construct: construct, why: why)
          }
        ),
      ])
  }

  /// The module's Python text: CPython's `logging/__init__.py`, cut to what a single-threaded exercise uses.
  static let source = #"""
    import sys
    import time

    _lesson_file = __file__

    CRITICAL = 50
    FATAL = CRITICAL
    ERROR = 40
    WARNING = 30
    WARN = WARNING
    INFO = 20
    DEBUG = 10
    NOTSET = 0

    _levelToName = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING', INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
    _nameToLevel = {'CRITICAL': CRITICAL, 'FATAL': FATAL, 'ERROR': ERROR, 'WARN': WARNING, 'WARNING': WARNING,
                    'INFO': INFO, 'DEBUG': DEBUG, 'NOTSET': NOTSET}

    _new_clock = sys.version_info >= (3, 13)
    if _new_clock:
        _startTime = time.time_ns()
    else:
        _startTime = time.time()

    raiseExceptions = True
    logThreads = True
    logMultiprocessing = True
    logProcesses = True


    def getLevelName(level):
        result = _levelToName.get(level)
        if result is not None:
            return result
        result = _nameToLevel.get(level)
        if result is not None:
            return result
        return "Level %s" % level


    def addLevelName(level, levelName):
        _levelToName[level] = levelName
        _nameToLevel[levelName] = level


    def getLevelNamesMapping():
        return _nameToLevel.copy()


    if sys.version_info < (3, 11):
        del getLevelNamesMapping


    def _checkLevel(level):
        if isinstance(level, int):
            rv = level
        elif str(level) == level:
            if level not in _nameToLevel:
                raise ValueError("Unknown level: %r" % level)
            rv = _nameToLevel[level]
        else:
            raise TypeError("Level not an integer or a valid string: %r" % (level,))
        return rv


    class LogRecord(object):
        def __init__(self, name, level, pathname, lineno, msg, args, exc_info, func=None, sinfo=None, **kwargs):
            if _new_clock:
                ct = time.time_ns()
            else:
                ct = time.time()
            self.name = name
            self.msg = msg
            if (args and len(args) == 1 and isinstance(args[0], dict) and args[0]):
                args = args[0]
            self.args = args
            self.levelname = getLevelName(level)
            self.levelno = level
            self.pathname = pathname
            self.filename = pathname.rsplit("/", 1)[-1]
            self.module = self.filename.rsplit(".", 1)[0]
            self.exc_info = exc_info
            self.exc_text = None
            self.stack_info = sinfo
            self.lineno = lineno
            self.funcName = func
            if _new_clock:
                self.created = ct / 1e9
                self.msecs = (ct % 1_000_000_000) // 1_000_000 + 0.0
                if self.msecs == 999.0 and int(self.created) != ct // 1_000_000_000:
                    self.msecs = 0.0
                self.relativeCreated = (ct - _startTime) / 1e6
            else:
                self.created = ct
                self.msecs = int((ct - int(ct)) * 1000) + 0.0
                self.relativeCreated = (self.created - _startTime) * 1000
            self.thread = 140000000000000
            self.threadName = "MainThread"
            if sys.version_info >= (3, 12):
                self.taskName = _taskName()
            self.processName = "MainProcess"
            self.process = 4242

        def __repr__(self):
            return '<LogRecord: %s, %s, %s, %s, "%s">' % (self.name, self.levelno, self.pathname, self.lineno, self.msg)

        def getMessage(self):
            msg = str(self.msg)
            if self.args:
                msg = msg % self.args
            return msg


    def _taskName():
        return _lesson_task_name()


    class PercentStyle(object):
        default_format = '%(message)s'
        asctime_format = '%(asctime)s'
        asctime_search = '%(asctime)'

        def __init__(self, fmt, *, defaults=None):
            self._fmt = fmt or self.default_format
            self._defaults = defaults

        def usesTime(self):
            return self._fmt.find(self.asctime_search) >= 0

        def validate(self):
            pass

        def _format(self, record):
            if self._defaults:
                values = dict(self._defaults)
                values.update(record.__dict__)
            else:
                values = record.__dict__
            return self._fmt % values

        def format(self, record):
            try:
                return self._format(record)
            except KeyError as e:
                raise ValueError('Formatting field not found in record: %s' % e)


    class StrFormatStyle(PercentStyle):
        default_format = '{message}'
        asctime_format = '{asctime}'
        asctime_search = '{asctime'

        def _format(self, record):
            if self._defaults:
                values = dict(self._defaults)
                values.update(record.__dict__)
            else:
                values = record.__dict__
            return self._fmt.format(**values)


    class StringTemplateStyle(PercentStyle):
        default_format = '${message}'
        asctime_format = '${asctime}'
        asctime_search = '${asctime}'

        def usesTime(self):
            fmt = self._fmt
            return fmt.find('$asctime') >= 0 or fmt.find(self.asctime_search) >= 0

        def _format(self, record):
            _lesson_refuse("logging style '$'", "string.Template formats are not run by lesson yet; use style='%' or '{'")


    BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

    _STYLES = {
        '%': (PercentStyle, BASIC_FORMAT),
        '{': (StrFormatStyle, '{levelname}:{name}:{message}'),
        '$': (StringTemplateStyle, '${levelname}:${name}:${message}'),
    }


    class Formatter(object):
        default_time_format = '%Y-%m-%d %H:%M:%S'
        default_msec_format = '%s,%03d'

        def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *, defaults=None):
            if style not in _STYLES:
                raise ValueError('Style must be one of: %s' % ','.join(_STYLES))
            self._style = _STYLES[style][0](fmt, defaults=defaults)
            self._fmt = self._style._fmt
            self.datefmt = datefmt

        def formatTime(self, record, datefmt=None):
            if datefmt:
                s = _lesson_strftime(datefmt, record.created)
            else:
                s = _lesson_strftime(self.default_time_format, record.created)
                if self.default_msec_format:
                    s = self.default_msec_format % (s, record.msecs)
            return s

        def formatException(self, ei):
            return _lesson_format_exception(ei[1])

        def usesTime(self):
            return self._style.usesTime()

        def formatMessage(self, record):
            return self._style.format(record)

        def formatStack(self, stack_info):
            return stack_info

        def format(self, record):
            record.message = record.getMessage()
            if self.usesTime():
                record.asctime = self.formatTime(record, self.datefmt)
            s = self.formatMessage(record)
            if record.exc_info:
                if not record.exc_text:
                    record.exc_text = self.formatException(record.exc_info)
            if record.exc_text:
                if s[-1:] != "\n":
                    s = s + "\n"
                s = s + record.exc_text
            if record.stack_info:
                if s[-1:] != "\n":
                    s = s + "\n"
                s = s + self.formatStack(record.stack_info)
            return s


    _defaultFormatter = Formatter()


    class Filter(object):
        def __init__(self, name=''):
            self.name = name
            self.nlen = len(name)

        def filter(self, record):
            if self.nlen == 0:
                return True
            elif self.name == record.name:
                return True
            elif record.name.find(self.name, 0, self.nlen) != 0:
                return False
            return (record.name[self.nlen] == ".")


    class Filterer(object):
        def __init__(self):
            self.filters = []

        def addFilter(self, filter):
            if not (filter in self.filters):
                self.filters.append(filter)

        def removeFilter(self, filter):
            if filter in self.filters:
                self.filters.remove(filter)

        def filter(self, record):
            for f in self.filters:
                if hasattr(f, 'filter'):
                    result = f.filter(record)
                else:
                    result = f(record)
                if not result:
                    return False
                if sys.version_info >= (3, 12) and isinstance(result, LogRecord):
                    record = result
            if sys.version_info >= (3, 12):
                return record
            return True


    class Handler(Filterer):
        def __init__(self, level=NOTSET):
            Filterer.__init__(self)
            self._name = None
            self.level = _checkLevel(level)
            self.formatter = None

        def get_name(self):
            return self._name

        def set_name(self, name):
            self._name = name

        name = property(get_name, set_name)

        def createLock(self):
            pass

        def acquire(self):
            pass

        def release(self):
            pass

        def setLevel(self, level):
            self.level = _checkLevel(level)

        def format(self, record):
            if self.formatter:
                fmt = self.formatter
            else:
                fmt = _defaultFormatter
            return fmt.format(record)

        def emit(self, record):
            raise NotImplementedError('emit must be implemented by Handler subclasses')

        def handle(self, record):
            rv = self.filter(record)
            if sys.version_info >= (3, 12) and isinstance(rv, LogRecord):
                record = rv
            if rv:
                self.emit(record)
            return rv

        def setFormatter(self, fmt):
            self.formatter = fmt

        def flush(self):
            pass

        def close(self):
            pass

        def handleError(self, record):
            if raiseExceptions:
                _lesson_refuse("logging error", "a message that logging cannot format (CPython prints '--- Logging error ---' with a stack) is not reproduced by lesson yet")

        def __repr__(self):
            level = getLevelName(self.level)
            return '<%s (%s)>' % (self.__class__.__name__, level)


    class StreamHandler(Handler):
        terminator = '\n'

        def __init__(self, stream=None):
            Handler.__init__(self)
            if stream is None:
                stream = sys.stderr
            self.stream = stream

        def flush(self):
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()

        def emit(self, record):
            try:
                msg = self.format(record)
                stream = self.stream
                if record.exc_text and stream is not sys.stderr:
                    _lesson_traceback_elsewhere(record.exc_text)
                stream.write(msg + self.terminator)
                self.flush()
            except RecursionError:
                raise
            except Exception:
                self.handleError(record)

        def setStream(self, stream):
            if stream is self.stream:
                result = None
            else:
                result = self.stream
                self.flush()
                self.stream = stream
            return result

        def __repr__(self):
            level = getLevelName(self.level)
            name = getattr(self.stream, 'name', '')
            name = str(name)
            if name:
                name += ' '
            return '<%s %s(%s)>' % (self.__class__.__name__, name, level)


    class _StderrHandler(StreamHandler):
        def __init__(self, level=NOTSET):
            Handler.__init__(self, level)

        @property
        def stream(self):
            return sys.stderr


    _defaultLastResort = _StderrHandler(WARNING)
    lastResort = _defaultLastResort


    class NullHandler(Handler):
        def handle(self, record):
            pass

        def emit(self, record):
            pass


    class FileHandler(StreamHandler):
        def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
            _lesson_refuse("logging.FileHandler", "it writes files on the machine; log to sys.stdout or sys.stderr")


    class Logger(Filterer):
        def __init__(self, name, level=NOTSET):
            Filterer.__init__(self)
            self.name = name
            self.level = _checkLevel(level)
            self.parent = None
            self.propagate = True
            self.handlers = []
            self.disabled = False

        def setLevel(self, level):
            self.level = _checkLevel(level)

        def debug(self, msg, *args, **kwargs):
            if self.isEnabledFor(DEBUG):
                self._log(DEBUG, msg, args, **kwargs)

        def info(self, msg, *args, **kwargs):
            if self.isEnabledFor(INFO):
                self._log(INFO, msg, args, **kwargs)

        def warning(self, msg, *args, **kwargs):
            if self.isEnabledFor(WARNING):
                self._log(WARNING, msg, args, **kwargs)

        def warn(self, msg, *args, **kwargs):
            _lesson_refuse("Logger.warn()", "it is deprecated: Python warns with a DeprecationWarning first, which lesson does not reproduce; use warning()")

        def error(self, msg, *args, **kwargs):
            if self.isEnabledFor(ERROR):
                self._log(ERROR, msg, args, **kwargs)

        def exception(self, msg, *args, exc_info=True, **kwargs):
            self.error(msg, *args, exc_info=exc_info, **kwargs)

        def critical(self, msg, *args, **kwargs):
            if self.isEnabledFor(CRITICAL):
                self._log(CRITICAL, msg, args, **kwargs)

        fatal = critical

        def log(self, level, msg, *args, **kwargs):
            if not isinstance(level, int):
                if raiseExceptions:
                    raise TypeError("level must be an integer")
                else:
                    return
            if self.isEnabledFor(level):
                self._log(level, msg, args, **kwargs)

        def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False, stacklevel=1):
            if stack_info:
                _lesson_refuse("stack_info", "logging's stack_info is not run by lesson yet")
            if stacklevel != 1:
                _lesson_refuse("stacklevel", "logging's stacklevel walks the caller's frames, by version, which lesson does not reproduce yet")
            fn, lno, func = _lesson_caller()
            if exc_info:
                if isinstance(exc_info, BaseException):
                    exc_info = (type(exc_info), exc_info, None)
                elif not isinstance(exc_info, tuple):
                    exc_info = sys.exc_info()
            record = self.makeRecord(self.name, level, fn, lno, msg, args, exc_info, func, extra, None)
            self.handle(record)

        def makeRecord(self, name, level, fn, lno, msg, args, exc_info, func=None, extra=None, sinfo=None):
            rv = LogRecord(name, level, fn, lno, msg, args, exc_info, func, sinfo)
            if extra is not None:
                for key in extra:
                    if (key in ["message", "asctime"]) or (key in rv.__dict__):
                        raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                    rv.__dict__[key] = extra[key]
            return rv

        def handle(self, record):
            if self.disabled:
                return
            maybe_record = self.filter(record)
            if not maybe_record:
                return
            if sys.version_info >= (3, 12) and isinstance(maybe_record, LogRecord):
                record = maybe_record
            self.callHandlers(record)

        def addHandler(self, hdlr):
            if not (hdlr in self.handlers):
                self.handlers.append(hdlr)

        def removeHandler(self, hdlr):
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

        def hasHandlers(self):
            c = self
            rv = False
            while c:
                if c.handlers:
                    rv = True
                    break
                if not c.propagate:
                    break
                else:
                    c = c.parent
            return rv

        def callHandlers(self, record):
            c = self
            found = 0
            while c:
                for hdlr in c.handlers:
                    found = found + 1
                    if record.levelno >= hdlr.level:
                        hdlr.handle(record)
                if not c.propagate:
                    c = None
                else:
                    c = c.parent
            if (found == 0):
                if lastResort:
                    if record.levelno >= lastResort.level:
                        lastResort.handle(record)
                elif raiseExceptions and not _manager.emittedNoHandlerWarning:
                    sys.stderr.write("No handlers could be found for logger \"%s\"\n" % self.name)
                    _manager.emittedNoHandlerWarning = True

        def getEffectiveLevel(self):
            logger = self
            while logger:
                if logger.level:
                    return logger.level
                logger = logger.parent
            return NOTSET

        def isEnabledFor(self, level):
            if self.disabled:
                return False
            if _manager.disable >= level:
                return False
            return level >= self.getEffectiveLevel()

        def getChild(self, suffix):
            if self.root is not self:
                suffix = '.'.join((self.name, suffix))
            return getLogger(suffix)

        def __repr__(self):
            level = getLevelName(self.getEffectiveLevel())
            return '<%s %s (%s)>' % (self.__class__.__name__, self.name, level)


    class RootLogger(Logger):
        def __init__(self, level):
            Logger.__init__(self, "root", level)


    class LoggerAdapter(object):
        def __init__(self, logger, extra=None):
            self.logger = logger
            self.extra = extra

        def process(self, msg, kwargs):
            kwargs["extra"] = self.extra
            return msg, kwargs

        def debug(self, msg, *args, **kwargs):
            self.log(DEBUG, msg, *args, **kwargs)

        def info(self, msg, *args, **kwargs):
            self.log(INFO, msg, *args, **kwargs)

        def warning(self, msg, *args, **kwargs):
            self.log(WARNING, msg, *args, **kwargs)

        def error(self, msg, *args, **kwargs):
            self.log(ERROR, msg, *args, **kwargs)

        def exception(self, msg, *args, exc_info=True, **kwargs):
            self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

        def critical(self, msg, *args, **kwargs):
            self.log(CRITICAL, msg, *args, **kwargs)

        def log(self, level, msg, *args, **kwargs):
            if self.isEnabledFor(level):
                msg, kwargs = self.process(msg, kwargs)
                self.logger.log(level, msg, *args, **kwargs)

        def isEnabledFor(self, level):
            return self.logger.isEnabledFor(level)

        def setLevel(self, level):
            self.logger.setLevel(level)

        def getEffectiveLevel(self):
            return self.logger.getEffectiveLevel()


    class _Manager(object):
        def __init__(self, rootnode):
            self.root = rootnode
            self.disable = 0
            self.emittedNoHandlerWarning = False
            self.loggerDict = {}

        def getLogger(self, name):
            if not isinstance(name, str):
                raise TypeError('A logger name must be a string')
            rv = self.loggerDict.get(name)
            if rv is None:
                rv = Logger(name)
                self.loggerDict[name] = rv
                self._fixupParents(rv)
                self._fixupChildren(rv)
            return rv

        def _fixupParents(self, alogger):
            name = alogger.name
            i = name.rfind(".")
            rv = None
            while (i > 0) and not rv:
                rv = self.loggerDict.get(name[:i])
                i = name.rfind(".", 0, i - 1)
            if not rv:
                rv = self.root
            alogger.parent = rv

        def _fixupChildren(self, alogger):
            name = alogger.name
            prefix = name + "."
            for key in self.loggerDict:
                c = self.loggerDict[key]
                if c.name.startswith(prefix) and not c.parent.name.startswith(prefix):
                    if c.parent is self.root or len(c.parent.name) < len(name):
                        c.parent = alogger


    root = RootLogger(WARNING)
    Logger.root = root
    _manager = _Manager(root)
    Logger.manager = _manager


    def basicConfig(**kwargs):
        force = kwargs.pop('force', False)
        encoding = kwargs.pop('encoding', None)
        errors = kwargs.pop('errors', 'backslashreplace')
        if force:
            for h in root.handlers[:]:
                root.removeHandler(h)
                h.close()
        if len(root.handlers) == 0:
            handlers = kwargs.pop("handlers", None)
            if handlers is None:
                if "stream" in kwargs and "filename" in kwargs:
                    raise ValueError("'stream' and 'filename' should not be specified together")
            else:
                if "stream" in kwargs or "filename" in kwargs:
                    raise ValueError("'stream' or 'filename' should not be specified together with 'handlers'")
            if handlers is None:
                filename = kwargs.pop("filename", None)
                mode = kwargs.pop("filemode", 'a')
                if filename:
                    h = FileHandler(filename, mode, encoding=encoding, errors=errors)
                else:
                    stream = kwargs.pop("stream", None)
                    h = StreamHandler(stream)
                handlers = [h]
            dfs = kwargs.pop("datefmt", None)
            style = kwargs.pop("style", '%')
            if style not in _STYLES:
                raise ValueError('Style must be one of: %s' % ','.join(_STYLES))
            fs = kwargs.pop("format", _STYLES[style][1])
            fmt = Formatter(fs, dfs, style)
            for h in handlers:
                if h.formatter is None:
                    h.setFormatter(fmt)
                root.addHandler(h)
            level = kwargs.pop("level", None)
            if level is not None:
                root.setLevel(level)
            if kwargs:
                keys = ', '.join(kwargs)
                raise ValueError('Unrecognised argument(s): %s' % keys)


    def getLogger(name=None):
        if not name or isinstance(name, str) and name == root.name:
            return root
        return _manager.getLogger(name)


    def _lesson_loop_created():
        # What BaseSelectorEventLoop.__init__ logs when asyncio.run makes its loop.
        logger = getLogger('asyncio')
        if logger.isEnabledFor(DEBUG):
            path = _lesson_file.rsplit('/', 1)[0] + '/asyncio/selector_events.py'
            line = 64 if sys.version_info >= (3, 12) else 54
            logger.handle(logger.makeRecord('asyncio', DEBUG, path, line, 'Using selector: %s', ('EpollSelector',), None, '__init__'))


    def getLoggerClass():
        return Logger


    def critical(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.critical(msg, *args, **kwargs)


    fatal = critical


    def error(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.error(msg, *args, **kwargs)


    def exception(msg, *args, exc_info=True, **kwargs):
        error(msg, *args, exc_info=exc_info, **kwargs)


    def warning(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.warning(msg, *args, **kwargs)


    def info(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.info(msg, *args, **kwargs)


    def debug(msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.debug(msg, *args, **kwargs)


    def log(level, msg, *args, **kwargs):
        if len(root.handlers) == 0:
            basicConfig()
        root.log(level, msg, *args, **kwargs)


    def disable(level=CRITICAL):
        _manager.disable = _checkLevel(level)


    def shutdown(handlerList=None):
        pass


    def captureWarnings(capture):
        if capture:
            _lesson_refuse("logging.captureWarnings(True)", "warnings sent through the 'py.warnings' logger are not run by lesson yet; leave warnings on stderr")
    """#
}
