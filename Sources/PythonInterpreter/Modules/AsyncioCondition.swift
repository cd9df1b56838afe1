/// `asyncio.Condition`: CPython's class (asyncio/locks.py), in Python, on the machine's `Lock` and
/// futures. Loaded only by programs that name it.
enum AsyncioCondition {
  static func load(_ m: Machine, into asyncio: ModuleObject) throws {
    let mod = try SourceModule.load(m, name: "asyncio.locks", source: m.version.minor >= 13 ? source313 : source310)
    if let c = mod.dict.getStr("Condition") as? TypeObject {
      // `class Condition(_ContextManagerMixin, mixins._LoopBoundMixin)` in CPython: its own
      // methods come first either way, and its `__mro__` names the mixins.
      c.bases = [AsyncioModule.contextManagerMixin, AsyncioModule.loopBoundMixin]
      c.mro = [c] + c.bases + [Types.object]
      asyncio.dict.setStr("Condition", c)
    }
  }

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
