a = 1; b = 2;
if a: b = 1; c = 2
for x in y: pass; continue
def f(): return 1;
class C: x = 1; y = 2
while False: break
with a: pass
try: pass
except: pass
