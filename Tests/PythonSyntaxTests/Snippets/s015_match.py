match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, y=2) as p:
        pass
    case {"x": 1, "y": y, **rest}:
        pass
    case {}:
        pass
    case []:
        pass
    case (1, 2):
        pass
    case 1 | 2 | -3 | 1.5 | 1 + 2j | -1 - 2j:
        pass
    case "s" "t":
        pass
    case b"bytes":
        pass
    case None | True | False:
        pass
    case Color.RED:
        pass
    case str() | bytes():
        pass
    case [*_]:
        pass
    case (x):
        pass
    case x if x > 0:
        pass
    case _:
        pass
match x, y:
    case a, b:
        pass
match = 1
case = 2
match(x)
