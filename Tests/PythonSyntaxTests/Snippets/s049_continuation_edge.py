x = [
    1,

    2,
    # comment

]
y = (  # comment
    1
)
if (a and
        b):
    pass
z = 1 + \
\
    2
def f(a,
      b):
    return (a
            + b)
s = ("a"
     # comment between strings
     "b")
