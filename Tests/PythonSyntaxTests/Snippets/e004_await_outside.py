x = 1
await something()
