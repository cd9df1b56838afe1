# A padding width of 2**62 characters: a string lesson will not build.
print("7".zfill(2**62))
