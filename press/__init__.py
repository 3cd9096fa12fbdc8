"""Hữu Nghị Press: the project's own build code around Pelican (used by tasks.py and tests)."""
