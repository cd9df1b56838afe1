x = f"abc {x
