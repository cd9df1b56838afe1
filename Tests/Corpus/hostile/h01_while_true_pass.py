# keep the worker process alive so the tools can connect later
while True:
    pass
