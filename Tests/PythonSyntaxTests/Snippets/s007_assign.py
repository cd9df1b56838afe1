a = b = c = 1
a, b = b, a
(a, b), c = (1, 2), 3
[a, *rest] = items
*head, tail = items
x: int
y: list[int] = []
self.attr: str = "s"
d[k]: int = 0
(z): int = 1
a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 3; a **= 2; a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1; a @= m
d[k] = v
obj.attr.sub = 3
x = yield_ = 5
del a, b[0], c.d
del (e, f), [g]
