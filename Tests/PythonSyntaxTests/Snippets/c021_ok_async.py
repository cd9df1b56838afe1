async def f():
    async with a:
        async for b in c:
            await d
    return [x async for x in y]
lambda: (yield)
class A:
    def m(self):
        return 1
while x:
    for y in z:
        break
    else:
        continue
