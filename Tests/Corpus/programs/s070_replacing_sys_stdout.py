"""A learner captures what a batch prints by replacing sys.stdout with a writer of their own, then
puts it back (and tries sys.stderr and None on the way)."""
import sys
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
old = sys.stdout
sys.stdout = Capture()
print("hidden", 1)
cap = sys.stdout
sys.stdout = old
print("captured:", cap.parts)
sys.stdout = sys.stderr
print("to stderr")
sys.stdout = sys.__stdout__
print("back")
sys.stdout = None
print("nowhere")
sys.stdout = sys.__stdout__
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
