counter = 0
def outer():
    x = 1
    def inner():
        nonlocal x
        global counter
        x += 1
        counter += 1
    return inner
