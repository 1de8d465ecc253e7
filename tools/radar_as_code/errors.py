"""The few exceptions that mean "cannot continue". Caught once, at each edge."""

from __future__ import annotations


class RadarError(Exception):
    """Base class: the command cannot go on. Its message is shown to the user as is."""


class UsageError(RadarError):
    """The command was called wrongly (exit status 2)."""


class SetupError(RadarError):
    """The radar cannot be read at all: no config, not a repository... (exit status 2)."""


class GitError(RadarError):
    """A git command failed or a revision does not exist (exit status 2)."""
