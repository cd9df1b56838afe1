# A generator with a finally, left by a break: CPython runs its cleanup at once; lesson refuses.
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in gen():
    break
print("after")
