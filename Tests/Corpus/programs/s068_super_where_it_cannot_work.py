"""A learner calls super() where it cannot work (in a staticmethod, with an unrelated object) and where
it can (methods, classmethods, the two-argument form)."""
class Base:
    def label(self):
        return "base"
    @classmethod
    def make(cls):
        return cls()
class Runner(Base):
    def label(self):
        return "runner+" + super().label()
    @staticmethod
    def shout(text):
        return super().label()
    @classmethod
    def make(cls):
        return super().make()
print(Runner().label(), type(Runner.make()).__name__)
print(super(Runner, Runner()).label(), type(super(Runner, Runner).make()).__name__)
for bad in [lambda: Runner.shout("x"), lambda: super(Runner, 5), lambda: super(Runner, int), lambda: super(int, Runner())]:
    try:
        bad()
    except TypeError as e:
        print(e)
s = super(Runner, None)
print(type(s).__name__)
