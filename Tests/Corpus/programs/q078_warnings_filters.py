import warnings
def f(x):
    warnings.warn(f"slow {x}", RuntimeWarning)
    warnings.warn("old api", DeprecationWarning, stacklevel=2)
for i in range(3):
    f(i)
f(1)
warnings.warn("plain")
warnings.warn("plain")
warnings.warn(UserWarning("as object"))
warnings.simplefilter("ignore", RuntimeWarning)
f(9)
warnings.simplefilter("error")
try:
    warnings.warn("boom")
except UserWarning as e:
    print("caught", e)
warnings.resetwarnings()
warnings.warn("pending", PendingDeprecationWarning)
print("done")
