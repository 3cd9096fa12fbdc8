"""Events (stub)."""


def register():
    pass
