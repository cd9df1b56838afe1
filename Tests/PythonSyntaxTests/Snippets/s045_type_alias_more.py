type A = int
type B[T] = list[T]
type C[T: (int, str), *Ts, **P] = Callable[P, tuple[T, *Ts]]
class D[T]: pass
def e[T: int](x: T) -> T: return x
async def f[T](): pass
