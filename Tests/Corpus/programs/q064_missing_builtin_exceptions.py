# lesson has no ConnectionResetError (NameError instead of a refusal). Measured the same way, also
# missing: ConnectionRefusedError ConnectionAbortedError BrokenPipeError FileExistsError
# InterruptedError BlockingIOError ChildProcessError IsADirectoryError NotADirectoryError
# ProcessLookupError EnvironmentError IOError UnicodeDecodeError UnicodeEncodeError TabError
# IndentationError ResourceWarning FutureWarning BytesWarning UnicodeWarning ImportWarning
# PendingDeprecationWarning SyntaxWarning EncodingWarning
try:
    raise ConnectionResetError("peer reset")
except ConnectionError as exc:
    print(type(exc).__name__, exc, isinstance(exc, OSError))
