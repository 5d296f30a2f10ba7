"""storyline: a sourced, dated record of a story from news articles."""

from storyline.errors import StorylineError
from storyline.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = ["Settings", "StorylineError", "__version__", "load_settings"]
