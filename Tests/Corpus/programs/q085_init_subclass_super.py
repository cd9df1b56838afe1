class Tool:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Tool.registry.append(cls.__name__)


class Search(Tool):
    pass


print(Tool.registry)
