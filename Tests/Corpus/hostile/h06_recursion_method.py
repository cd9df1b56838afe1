class Tool:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = parent

    def path(self):
        if self.parent is None:
            return self.name
        return self.path() + "/" + self.name  # meant self.parent.path()


api = Tool("api")
search = Tool("search", api)
print(search.path())
