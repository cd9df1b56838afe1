# leading comment
x = 1  # trailing comment
y = (1 +
     2)  # implicit joining
z = 1 + \
    2
items = [
    1,  # one
    2,  # two
]
d = {
    "a": 1,
}


def f(
    a,
    b,
):
    # comment in body
    return a + b  # done
    # trailing comment at end of block
# dedented comment
if x:

    pass



