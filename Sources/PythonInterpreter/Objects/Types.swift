/// The built-in classes. They are shared by every run: nothing in a program can change them
/// (CPython refuses to set attributes of built-in types too).
enum Types {
  static let object = TypeObject("object", bases: [], layout: .object)
  static let type = TypeObject("type", bases: [object], layout: .builtin)
  static let int = TypeObject("int", bases: [object], layout: .int)
  static let bool = TypeObject("bool", bases: [int], layout: .builtin)
  static let float = TypeObject("float", bases: [object], layout: .builtin)
  static let str = TypeObject("str", bases: [object], layout: .str)
  static let bytes = TypeObject("bytes", bases: [object], layout: .builtin)
  static let list = TypeObject("list", bases: [object], layout: .list)
  static let tuple = TypeObject("tuple", bases: [object], layout: .tuple)
  static let dict = TypeObject("dict", bases: [object], layout: .dict)
  static let set = TypeObject("set", bases: [object], layout: .builtin)
  static let frozenset = TypeObject("frozenset", bases: [object], layout: .builtin)
  static let range = TypeObject("range", bases: [object], layout: .builtin)
  static let slice = TypeObject("slice", bases: [object], layout: .builtin)
  static let noneType = TypeObject("NoneType", bases: [object], layout: .builtin)
  static let notImplementedType = TypeObject("NotImplementedType", bases: [object], layout: .builtin)
  static let ellipsisType = TypeObject("ellipsis", bases: [object], layout: .builtin)
  static let function = TypeObject("function", bases: [object], layout: .builtin)
  static let builtinFunction = TypeObject("builtin_function_or_method", bases: [object], layout: .builtin)
  static let method = TypeObject("method", bases: [object], layout: .builtin)
  static let module = TypeObject("module", bases: [object], layout: .builtin)
  static let cell = TypeObject("cell", bases: [object], layout: .builtin)
  static let staticmethod = TypeObject("staticmethod", bases: [object], layout: .builtin)
  static let classmethod = TypeObject("classmethod", bases: [object], layout: .builtin)
  static let property = TypeObject("property", bases: [object], layout: .builtin)
  static let superType = TypeObject("super", bases: [object], layout: .builtin)
  static let generator = TypeObject("generator", bases: [object], layout: .builtin)
  static let coroutine = TypeObject("coroutine", bases: [object], layout: .builtin)
  static let asyncGenerator = TypeObject("async_generator", bases: [object], layout: .builtin)
  static let iterator = TypeObject("iterator", bases: [object], layout: .builtin)
  static let genericAlias: TypeObject = {
    let t = TypeObject("GenericAlias", bases: [object], layout: .builtin, module: "types")
    t.messageName = "types.GenericAlias"
    return t
  }()
  /// `int | None`.
  static let unionType: TypeObject = {
    let t = TypeObject("UnionType", bases: [object], layout: .builtin, module: "types")
    t.messageName = "types.UnionType"
    return t
  }()
  static let dictKeys = TypeObject("dict_keys", bases: [object], layout: .builtin)
  static let dictValues = TypeObject("dict_values", bases: [object], layout: .builtin)
  static let dictItems = TypeObject("dict_items", bases: [object], layout: .builtin)

  // MARK: Exceptions

  static func exc(_ name: String, _ base: TypeObject, module: String = "builtins") -> TypeObject {
    TypeObject(name, bases: [base], layout: .exception, module: module)
  }
  static let BaseException = TypeObject("BaseException", bases: [object], layout: .exception)
  static let BaseExceptionGroup = exc("BaseExceptionGroup", BaseException)
  static let GeneratorExit = exc("GeneratorExit", BaseException)
  static let KeyboardInterrupt = exc("KeyboardInterrupt", BaseException)
  static let SystemExit = exc("SystemExit", BaseException)
  static let Exception = exc("Exception", BaseException)
  static let ArithmeticError = exc("ArithmeticError", Exception)
  static let FloatingPointError = exc("FloatingPointError", ArithmeticError)
  static let OverflowError = exc("OverflowError", ArithmeticError)
  static let ZeroDivisionError = exc("ZeroDivisionError", ArithmeticError)
  static let AssertionError = exc("AssertionError", Exception)
  static let AttributeError = exc("AttributeError", Exception)
  static let BufferError = exc("BufferError", Exception)
  static let EOFError = exc("EOFError", Exception)
  static let ExceptionGroup = TypeObject("ExceptionGroup", bases: [BaseExceptionGroup, Exception], layout: .exception)
  static let ImportError = exc("ImportError", Exception)
  static let ModuleNotFoundError = exc("ModuleNotFoundError", ImportError)
  static let LookupError = exc("LookupError", Exception)
  static let IndexError = exc("IndexError", LookupError)
  static let KeyError = exc("KeyError", LookupError)
  static let MemoryError = exc("MemoryError", Exception)
  static let NameError = exc("NameError", Exception)
  static let UnboundLocalError = exc("UnboundLocalError", NameError)
  static let OSError = exc("OSError", Exception)
  static let TimeoutError = exc("TimeoutError", OSError)
  static let ConnectionError = exc("ConnectionError", OSError)
  static let FileNotFoundError = exc("FileNotFoundError", OSError)
  static let PermissionError = exc("PermissionError", OSError)
  static let BlockingIOError = exc("BlockingIOError", OSError)
  static let ChildProcessError = exc("ChildProcessError", OSError)
  static let BrokenPipeError = exc("BrokenPipeError", ConnectionError)
  static let ConnectionAbortedError = exc("ConnectionAbortedError", ConnectionError)
  static let ConnectionRefusedError = exc("ConnectionRefusedError", ConnectionError)
  static let ConnectionResetError = exc("ConnectionResetError", ConnectionError)
  static let FileExistsError = exc("FileExistsError", OSError)
  static let InterruptedError = exc("InterruptedError", OSError)
  static let IsADirectoryError = exc("IsADirectoryError", OSError)
  static let NotADirectoryError = exc("NotADirectoryError", OSError)
  static let ProcessLookupError = exc("ProcessLookupError", OSError)
  static let ReferenceError = exc("ReferenceError", Exception)
  static let RuntimeError = exc("RuntimeError", Exception)
  static let NotImplementedError = exc("NotImplementedError", RuntimeError)
  static let RecursionError = exc("RecursionError", RuntimeError)
  static let StopAsyncIteration = exc("StopAsyncIteration", Exception)
  static let StopIteration = exc("StopIteration", Exception)
  static let SyntaxError = exc("SyntaxError", Exception)
  static let IndentationError = exc("IndentationError", SyntaxError)
  static let TabError = exc("TabError", IndentationError)
  static let SystemError = exc("SystemError", Exception)
  static let TypeError = exc("TypeError", Exception)
  static let ValueError = exc("ValueError", Exception)
  static let UnicodeError = exc("UnicodeError", ValueError)
  static let UnicodeDecodeError = exc("UnicodeDecodeError", UnicodeError)
  static let UnicodeEncodeError = exc("UnicodeEncodeError", UnicodeError)
  static let UnicodeTranslateError = exc("UnicodeTranslateError", UnicodeError)
  static let Warning = exc("Warning", Exception)
  static let UserWarning = exc("UserWarning", Warning)
  static let DeprecationWarning = exc("DeprecationWarning", Warning)
  static let RuntimeWarning = exc("RuntimeWarning", Warning)
  static let PendingDeprecationWarning = exc("PendingDeprecationWarning", Warning)
  static let SyntaxWarning = exc("SyntaxWarning", Warning)
  static let FutureWarning = exc("FutureWarning", Warning)
  static let ImportWarning = exc("ImportWarning", Warning)
  static let UnicodeWarning = exc("UnicodeWarning", Warning)
  static let BytesWarning = exc("BytesWarning", Warning)
  static let ResourceWarning = exc("ResourceWarning", Warning)
  static let EncodingWarning = exc("EncodingWarning", Warning)

  // asyncio's own.
  static let CancelledError = exc("CancelledError", BaseException, module: "asyncio.exceptions")
  /// `asyncio.TimeoutError` before 3.11 (an alias of the built-in from 3.11).
  static let AsyncioTimeoutError310 = exc("TimeoutError", Exception, module: "asyncio.exceptions")
  static let InvalidStateError = exc("InvalidStateError", Exception, module: "asyncio.exceptions")
  static let QueueEmpty = exc("QueueEmpty", Exception, module: "asyncio.queues")
  static let QueueFull = exc("QueueFull", Exception, module: "asyncio.queues")
  static let QueueShutDown = exc("QueueShutDown", Exception, module: "asyncio.queues")
  /// The machine's own stop (a budget ran out): never catchable by the program.
  static let Halt = TypeObject("Halt", bases: [object], layout: .exception, module: "lesson")

  /// The built-in exception classes by name, for `builtins`.
  static let builtinExceptions: [TypeObject] = [
    BaseException, GeneratorExit, KeyboardInterrupt, SystemExit, Exception, ArithmeticError,
    FloatingPointError, OverflowError, ZeroDivisionError, AssertionError, AttributeError, BufferError, EOFError,
    ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError, NameError,
    UnboundLocalError, OSError, TimeoutError, ConnectionError, FileNotFoundError, PermissionError,
    ReferenceError, RuntimeError, NotImplementedError, RecursionError, StopAsyncIteration, StopIteration,
    SyntaxError, SystemError, TypeError, ValueError, UnicodeError, Warning, UserWarning, DeprecationWarning,
    RuntimeWarning, BlockingIOError, ChildProcessError, BrokenPipeError, ConnectionAbortedError,
    ConnectionRefusedError, ConnectionResetError, FileExistsError, InterruptedError, IsADirectoryError,
    NotADirectoryError, ProcessLookupError, IndentationError, TabError, UnicodeDecodeError, UnicodeEncodeError,
    UnicodeTranslateError, PendingDeprecationWarning, SyntaxWarning, FutureWarning, ImportWarning, UnicodeWarning,
    BytesWarning, ResourceWarning, EncodingWarning,
  ]
}
