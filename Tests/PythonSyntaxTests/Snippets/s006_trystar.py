try:
    pass
except* ValueError as eg:
    print(eg.exceptions)
except* (TypeError, KeyError):
    pass
else:
    pass
finally:
    pass
