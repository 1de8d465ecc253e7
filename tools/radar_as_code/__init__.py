"""radar-as-code: a technology radar kept as reviewed files in git."""

__version__ = "0.1.0"
