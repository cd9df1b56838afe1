def f():
    pass
  # odd comment
