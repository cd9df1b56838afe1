for i in range(10):
    if i % 2 == 0:
        continue
    elif i > 7:
        break
    else:
        pass
else:
    print("done")
while True:
    x = 1
    if not x:
        break
else:
    y = 2
n = 0
while n < 3: n += 1
if a: b
elif c: d
else: e
