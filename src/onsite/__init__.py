"""onsite: an offline trainer for the AI Research Engineer interview loop."""

__version__ = "0.1.0"
