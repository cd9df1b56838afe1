"""A learner reports delays as exact ratios, packs counts into bytes for a checksum and walks the
results twice with itertools.tee."""
import itertools, sys
for x in (0.5, 0.1, -2.75, 3.0, 1e300, 5e-324, -0.0, 0.0, 123.456):
    print(x, x.as_integer_ratio())
print((7).as_integer_ratio(), (-3).as_integer_ratio(), True.as_integer_ratio())
for v, n, o, s in [(1024, 2, "big", False), (1024, 4, "little", False), (-1, 2, "big", True), (255, 1, "big", False), (-128, 1, "big", True), (0, 0, "big", False), (2**64, 9, "little", False)]:
    b = v.to_bytes(n, o, signed=s)
    print(b, b.hex(), int.from_bytes(b, o, signed=s))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"\xff\xfe", "little", signed=True))
if sys.version_info >= (3, 11):
    print((65).to_bytes(), int.from_bytes(b"\x01\x00"))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(1, "middle"), lambda: (-129).to_bytes(1, "big", signed=True), lambda: float("nan").as_integer_ratio(), lambda: float("inf").as_integer_ratio()]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
a, b = itertools.tee(iter(range(5)))
print(next(a), next(a), list(b), list(a))
x, y, z = itertools.tee("abc", 3)
print(list(zip(x, y)), list(z), len(itertools.tee([1], 0)))
try:
    itertools.tee([1], -1)
except ValueError as e:
    print(e)
