for x, *y in z: pass
for i, in pairs: pass
return_value = 1, *rest
a[*b] = 1
print(*a, *b)
x = *a, *b
def f(): return 1, *rest
def g(): yield *a, b
