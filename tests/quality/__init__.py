"""Quality gates over the built sample site: validation, links, lint (a package)."""
