class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.private)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"must be positive, got {value}")
        setattr(obj, self.private, value)


class Spec:
    timeout = Positive()

    def __init__(self, timeout):
        self.timeout = timeout


try:
    Spec(0)
except ValueError as exc:
    print("invalid:", exc)
print(sorted(vars(Spec(2))))
