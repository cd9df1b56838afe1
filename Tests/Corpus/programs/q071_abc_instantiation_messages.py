from abc import ABC, abstractmethod
class T(ABC):
    @abstractmethod
    def run(self): ...
    @abstractmethod
    def name(self): ...
class U(T):
    def run(self): return 1
class V(ABC):
    @abstractmethod
    def go(self): ...
for c in (T, U, V):
    try: c()
    except TypeError as e: print(e)
class W(U):
    def name(self): return "w"
print(W().run(), W().name(), isinstance(W(), T), sorted(T.__abstractmethods__))
