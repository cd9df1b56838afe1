match event:
    case Click(position=(x, y)) if (n := x + y) > 0:
        pass
    case {"type": "key", "key": str(k)} | {"type": "char", "key": str(k)}:
        pass
    case [1, 2, *_]:
        pass
    case {"a": [1, {"b": c}]}:
        pass
    case a.B.C(d, e=f):
        pass
    case -0 | 0.0 | "" | b"":
        pass
    case (x, y) if x == y:
        pass
    case {**rest}:
        pass
    case [*first, last]:
        pass
    case _:
        pass
