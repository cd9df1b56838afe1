class Call:
    __slots__ = ("name",)


try:
    Call().extra = 1
except AttributeError as exc:
    # 3.13: "... has no attribute 'extra' and no __dict__ for setting new attributes"
    print(exc)
