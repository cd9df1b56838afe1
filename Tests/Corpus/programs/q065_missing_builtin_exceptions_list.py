missing = []
try:
    ConnectionResetError
except NameError:
    missing.append('ConnectionResetError')
try:
    ConnectionRefusedError
except NameError:
    missing.append('ConnectionRefusedError')
try:
    ConnectionAbortedError
except NameError:
    missing.append('ConnectionAbortedError')
try:
    BrokenPipeError
except NameError:
    missing.append('BrokenPipeError')
try:
    FileNotFoundError
except NameError:
    missing.append('FileNotFoundError')
try:
    PermissionError
except NameError:
    missing.append('PermissionError')
try:
    TimeoutError
except NameError:
    missing.append('TimeoutError')
try:
    InterruptedError
except NameError:
    missing.append('InterruptedError')
try:
    BlockingIOError
except NameError:
    missing.append('BlockingIOError')
try:
    ChildProcessError
except NameError:
    missing.append('ChildProcessError')
try:
    IsADirectoryError
except NameError:
    missing.append('IsADirectoryError')
try:
    NotADirectoryError
except NameError:
    missing.append('NotADirectoryError')
try:
    ProcessLookupError
except NameError:
    missing.append('ProcessLookupError')
try:
    FileExistsError
except NameError:
    missing.append('FileExistsError')
try:
    ConnectionError
except NameError:
    missing.append('ConnectionError')
try:
    OSError
except NameError:
    missing.append('OSError')
try:
    EnvironmentError
except NameError:
    missing.append('EnvironmentError')
try:
    IOError
except NameError:
    missing.append('IOError')
try:
    UnicodeDecodeError
except NameError:
    missing.append('UnicodeDecodeError')
try:
    UnicodeEncodeError
except NameError:
    missing.append('UnicodeEncodeError')
try:
    UnicodeError
except NameError:
    missing.append('UnicodeError')
try:
    FloatingPointError
except NameError:
    missing.append('FloatingPointError')
try:
    OverflowError
except NameError:
    missing.append('OverflowError')
try:
    RecursionError
except NameError:
    missing.append('RecursionError')
try:
    NotImplementedError
except NameError:
    missing.append('NotImplementedError')
try:
    StopAsyncIteration
except NameError:
    missing.append('StopAsyncIteration')
try:
    GeneratorExit
except NameError:
    missing.append('GeneratorExit')
try:
    SystemExit
except NameError:
    missing.append('SystemExit')
try:
    KeyboardInterrupt
except NameError:
    missing.append('KeyboardInterrupt')
try:
    BufferError
except NameError:
    missing.append('BufferError')
try:
    EOFError
except NameError:
    missing.append('EOFError')
try:
    ImportError
except NameError:
    missing.append('ImportError')
try:
    ModuleNotFoundError
except NameError:
    missing.append('ModuleNotFoundError')
try:
    MemoryError
except NameError:
    missing.append('MemoryError')
try:
    ReferenceError
except NameError:
    missing.append('ReferenceError')
try:
    UnboundLocalError
except NameError:
    missing.append('UnboundLocalError')
try:
    TabError
except NameError:
    missing.append('TabError')
try:
    IndentationError
except NameError:
    missing.append('IndentationError')
try:
    SyntaxError
except NameError:
    missing.append('SyntaxError')
try:
    Warning
except NameError:
    missing.append('Warning')
try:
    UserWarning
except NameError:
    missing.append('UserWarning')
try:
    DeprecationWarning
except NameError:
    missing.append('DeprecationWarning')
try:
    RuntimeWarning
except NameError:
    missing.append('RuntimeWarning')
try:
    ResourceWarning
except NameError:
    missing.append('ResourceWarning')
try:
    FutureWarning
except NameError:
    missing.append('FutureWarning')
try:
    BytesWarning
except NameError:
    missing.append('BytesWarning')
try:
    UnicodeWarning
except NameError:
    missing.append('UnicodeWarning')
try:
    ImportWarning
except NameError:
    missing.append('ImportWarning')
try:
    PendingDeprecationWarning
except NameError:
    missing.append('PendingDeprecationWarning')
try:
    SyntaxWarning
except NameError:
    missing.append('SyntaxWarning')
try:
    EncodingWarning
except NameError:
    missing.append('EncodingWarning')
try:
    LookupError
except NameError:
    missing.append('LookupError')
try:
    ArithmeticError
except NameError:
    missing.append('ArithmeticError')
try:
    AssertionError
except NameError:
    missing.append('AssertionError')
try:
    AttributeError
except NameError:
    missing.append('AttributeError')
try:
    BaseException
except NameError:
    missing.append('BaseException')
try:
    StopIteration
except NameError:
    missing.append('StopIteration')
try:
    IndexError
except NameError:
    missing.append('IndexError')
try:
    KeyError
except NameError:
    missing.append('KeyError')
try:
    ValueError
except NameError:
    missing.append('ValueError')
try:
    TypeError
except NameError:
    missing.append('TypeError')
try:
    ZeroDivisionError
except NameError:
    missing.append('ZeroDivisionError')
try:
    NameError
except NameError:
    missing.append('NameError')
try:
    RuntimeError
except NameError:
    missing.append('RuntimeError')
try:
    Exception
except NameError:
    missing.append('Exception')
try:
    SystemError
except NameError:
    missing.append('SystemError')
print(missing)
