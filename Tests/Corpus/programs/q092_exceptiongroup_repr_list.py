group = ExceptionGroup("batch failed", [ValueError("a"), KeyError("b")])
print(repr(group))
print(group.args)
