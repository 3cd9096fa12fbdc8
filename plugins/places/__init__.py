"""Places (stub)."""


def register():
    pass
