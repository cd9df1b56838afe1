match x:
    case {"a": 1, **rest}:
        pass
    case {1: _, "b": [_, *_]}:
        pass
    case {Color.RED: x}:
        pass
    case Point(x=[1, 2], y={"k": v}):
        pass
    case [1, [2, [3, *rest]]]:
        pass
    case (a, b, *c) if a > b:
        pass
    case -1.5 | 0 | 1e3 | 3j | -2j:
        pass
    case (1 | 2) as z:
        pass
    case a.b.c:
        pass
    case _ if True:
        pass
    case *a, b:
        pass
    case ():
        pass
    case (*a,):
        pass
match (x):
    case 1: pass
match [x, y]:
    case [a, b]: pass
match x,:
    case (a,): pass
match -x:
    case _: pass
match f(x):
    case {**kw}: pass
