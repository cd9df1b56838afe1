from enum import Enum, IntEnum
class C(int, Enum):
    OK = 0
    FAIL = 2
class P(IntEnum):
    LOW = 1
    HIGH = 3
for x in (C.FAIL, P.HIGH):
    print(str(x), repr(x), format(x), f"{x}", f"{x:>4}|", "%s %d" % (x, x), "{}".format(x))
    print(x + 1, x == 2 or x == 3, x < 5, int(x), x.value, x.name, hash(x) == hash(x.value), isinstance(x, int), type(x + 1).__name__)
print(sorted([P.HIGH, P.LOW]), max(P), P(1), C(2), {P.LOW: "a"}.get(1), list(C), [p.value for p in P])
print(2 in [C.FAIL], P.LOW * 10, -P.HIGH, abs(P.LOW), P.HIGH // 2, str(P.HIGH == 3))
