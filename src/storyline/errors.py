"""The exceptions storyline raises. The CLI and the API translate them; the library never exits."""

from __future__ import annotations


class StorylineError(Exception):
    """Base of every error storyline raises on purpose."""


class ConfigError(StorylineError):
    """A setting is missing, unknown or has a value that cannot work."""


class InputError(StorylineError):
    """An input path or record cannot be read (the path does not exist, the format is unknown)."""


class ModelError(StorylineError):
    """The spaCy model cannot be loaded."""


class StoreError(StorylineError):
    """The database cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the database (DuckDB lets one process write a file, and no other open it
    meanwhile); waiting a while and trying again can work."""


class EvalError(StorylineError):
    """Gold data for an evaluation is missing or malformed."""
