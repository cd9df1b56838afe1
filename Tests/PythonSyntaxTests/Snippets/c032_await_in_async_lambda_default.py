async def f():
    def g(x=await y):
        pass
