with open("f") as f:
    pass
with a as b, c as d:
    pass
with a, b:
    pass
with (a as b, c as d):
    pass
with (a, b):
    pass
with (yield):
    pass
with (a):
    pass
with (
    open("x") as x,
    open("y") as y,
):
    pass
with a as (b, c):
    pass
with suppress(Exception): pass
