def f[T = int, *Ts = *tuple[int], **P = [int]](): pass
class A[T: str = "s"]: pass
type X[T = int] = list[T]
