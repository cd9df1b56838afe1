log = "search:ok\n"
while True:
    log += log
