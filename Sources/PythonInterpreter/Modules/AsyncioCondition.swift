/// `asyncio.Condition`: CPython's class (asyncio/locks.py), in Python, on the machine's `Lock` and
/// futures. Loaded only by programs that name it.
enum AsyncioCondition {
  static func load(_ m: Machine, into asyncio: ModuleObject) throws {
    let mod = try SourceModule.load(m, name: "asyncio.locks", source: m.version.minor >= 13 ? source313 : source310, natives: [SourceModule.refuse])
    if let c = mod.dict.getStr("Condition") as? TypeObject {
      // `class Condition(_ContextManagerMixin, mixins._LoopBoundMixin)` in CPython: its own
      // methods come first either way, and its `__mro__` names the mixins.
      c.bases = [AsyncioModule.contextManagerMixin, AsyncioModule.loopBoundMixin]
      c.mro = [c] + c.bases + [Types.object]
      asyncio.dict.setStr("Condition", c)
    }
    guard m.version.minor >= 11, m.source.contains("Barrier") else { return }
    try SourceModules.run(m, barrier, in: mod)
    if let b = mod.dict.getStr("Barrier") as? TypeObject {
      b.bases = [AsyncioModule.loopBoundMixin]
      b.mro = [b] + b.bases + [Types.object]
      asyncio.dict.setStr("Barrier", b)
    }
    if let e = mod.dict.getStr("BrokenBarrierError") as? TypeObject {
      e.module = "asyncio.exceptions"
      asyncio.dict.setStr("BrokenBarrierError", e)
    }
  }

  /// `asyncio.Barrier` (3.11+): CPython's class, the same in 3.11 to 3.13, on the Condition above.
  static let barrier = #"""
class BrokenBarrierError(RuntimeError):
    pass


class _BarrierState:
    FILLING = 'filling'
    DRAINING = 'draining'
    RESETTING = 'resetting'
    BROKEN = 'broken'


class Barrier:
    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _BarrierState.FILLING
        self._count = 0

    def __repr__(self):
        _lesson_refuse("repr() of an asyncio.Barrier",
                       "CPython writes the object's memory address, a different one in every run")

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(
            lambda: self._state not in (
                _BarrierState.DRAINING, _BarrierState.RESETTING
            )
        )
        if self._state is _BarrierState.BROKEN:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = _BarrierState.DRAINING
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state is not _BarrierState.FILLING)
        if self._state in (_BarrierState.BROKEN, _BarrierState.RESETTING):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in (_BarrierState.RESETTING, _BarrierState.DRAINING):
                self._state = _BarrierState.FILLING
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state is not _BarrierState.RESETTING:
                    self._state = _BarrierState.RESETTING
            else:
                self._state = _BarrierState.FILLING
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = _BarrierState.BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state is _BarrierState.FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state is _BarrierState.BROKEN
"""#

  static let common = #"""
    import asyncio

    class Condition:
        def __init__(self, lock=None):
            if lock is None:
                lock = asyncio.Lock()
            self._lock = lock
            self.locked = lock.locked
            self.acquire = lock.acquire
            self.release = lock.release
            self._waiters = []

        async def __aenter__(self):
            await self.acquire()
            return None

        async def __aexit__(self, exc_type, exc, tb):
            self.release()

        def _get_loop(self):
            return asyncio.get_running_loop()

        async def wait_for(self, predicate):
            result = predicate()
            while not result:
                await self.wait()
                result = predicate()
            return result

        def notify_all(self):
            self.notify(len(self._waiters))

    """#

  static let source310 =
    common + #"""
          async def wait(self):
              if not self.locked():
                  raise RuntimeError('cannot wait on un-acquired lock')
              self.release()
              try:
                  fut = self._get_loop().create_future()
                  self._waiters.append(fut)
                  try:
                      await fut
                      return True
                  finally:
                      self._waiters.remove(fut)
              finally:
                  cancelled = False
                  while True:
                      try:
                          await self.acquire()
                          break
                      except asyncio.CancelledError:
                          cancelled = True
                  if cancelled:
                      raise asyncio.CancelledError

          def notify(self, n=1):
              if not self.locked():
                  raise RuntimeError('cannot notify on un-acquired lock')
              idx = 0
              for fut in self._waiters:
                  if idx >= n:
                      break
                  if not fut.done():
                      idx += 1
                      fut.set_result(False)
      """#

  static let source313 =
    common + #"""
          async def wait(self):
              if not self.locked():
                  raise RuntimeError('cannot wait on un-acquired lock')
              fut = self._get_loop().create_future()
              self.release()
              try:
                  try:
                      self._waiters.append(fut)
                      try:
                          await fut
                          return True
                      finally:
                          self._waiters.remove(fut)
                  finally:
                      err = None
                      while True:
                          try:
                              await self.acquire()
                              break
                          except asyncio.CancelledError as e:
                              err = e
                      if err is not None:
                          try:
                              raise err
                          finally:
                              err = None
              except BaseException:
                  self._notify(1)
                  raise

          def notify(self, n=1):
              if not self.locked():
                  raise RuntimeError('cannot notify on un-acquired lock')
              self._notify(n)

          def _notify(self, n):
              idx = 0
              for fut in self._waiters:
                  if idx >= n:
                      break
                  if not fut.done():
                      idx += 1
                      fut.set_result(False)
      """#
}
