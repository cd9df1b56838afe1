for x in y:
    class A:
        def f(self):
            for z in w:
                continue
