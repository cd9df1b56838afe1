try:
    risky()
except ValueError as e:
    raise RuntimeError("bad") from e
except (TypeError, KeyError):
    raise
except Exception:
    pass
except:
    raise
else:
    ok()
finally:
    cleanup()

try:
    pass
finally:
    pass
