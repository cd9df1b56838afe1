try:
    1 / 0
except ZeroDivisionError as exc:
    print(exc.__traceback__ is not None, type(exc.__traceback__).__name__)
