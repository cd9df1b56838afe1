class Base:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


class WithSlots(Base):
    __slots__ = ("factor",)  # inherits the slot 'name' too


class NoSlots(Base):
    pass  # no __slots__: instances get a __dict__


a = WithSlots("db")
a.factor = 3
print(a.name, a.factor)
b = NoSlots("llm")
b.factor = 2
print(b.name, b.factor, hasattr(b, "__dict__"))
