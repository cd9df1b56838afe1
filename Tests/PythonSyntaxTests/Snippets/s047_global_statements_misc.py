del x
del x,
del (x)
del [x, y]
del x.y, x[0], x[1:2]
assert (x, "msg")
raise E from e
import a as b
from a import b as c, d as e
from .a import (b)
from . import (a, b,)
