"""Where the public gold data lives: $STORYLINE_SHARED_DATA, else ``../shared/data`` beside the repo.

Reads: nothing but the environment. Writes: nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from storyline.errors import EvalError

ENV_DATA = "STORYLINE_SHARED_DATA"


def shared_data_dir() -> Path | None:
    """The shared data folder if it exists, else None."""
    env = os.environ.get(ENV_DATA)
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    # src/storyline/eval/data.py -> repo root is parents[3]; shared/ sits beside the repo.
    candidates.append(here.parents[3].parent / "shared" / "data")
    candidates.append(Path.cwd().parent / "shared" / "data")
    for path in candidates:
        if path.is_dir():
            return path
    return None


def require_data(relative: str) -> Path:
    """A path inside the shared data folder, or an EvalError saying how to provide it."""
    root = shared_data_dir()
    if root is None:
        raise EvalError(
            f"the public gold data is not there; set ${ENV_DATA} to the folder holding {relative}"
        )
    path = root / relative
    if not path.exists():
        raise EvalError(f"{path} does not exist; set ${ENV_DATA} to the shared data folder")
    return path
