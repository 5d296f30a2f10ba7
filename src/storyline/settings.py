"""One Settings object, read from the shipped ``defaults.toml`` and the user's overrides.

Reads: ``storyline/defaults.toml`` (packaged), an optional user TOML file. Writes nothing.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.errors import ConfigError
from storyline.registry import STAGE_NAMES

ENV_CONFIG = "STORYLINE_CONFIG"


@dataclass(frozen=True, slots=True)
class ModelSettings:
    name: str
    disable: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    stages: tuple[str, ...]
    batch_size: int
    n_process: int
    max_chars: int
    window_chars: int
    batch_chars: int


@dataclass(frozen=True, slots=True)
class StoreSettings:
    commit_every: int


@dataclass(frozen=True, slots=True)
class IngestSettings:
    fallback_encodings: tuple[str, ...]
    max_file_bytes: int
    max_unpacked_bytes: int
    min_chars: int


@dataclass(frozen=True, slots=True)
class EventsSettings:
    learned_types: bool = True
    min_confidence: float = 0.0  # events scored lower are not emitted


@dataclass(frozen=True, slots=True)
class ActorsSettings:
    people: tuple[str, ...] = ()  # absolute paths of people files (``storyline kb build``)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that can be configured, with the shipped defaults filled in."""

    model: ModelSettings
    pipeline: PipelineSettings
    store: StoreSettings
    ingest: IngestSettings
    events: EventsSettings = field(default=EventsSettings())
    actors: ActorsSettings = field(default=ActorsSettings())
    source_files: tuple[str, ...] = field(default=())

    def replace(self, **sections: dict[str, Any]) -> Settings:
        """A copy with some keys of some sections changed: ``s.replace(model={"name": "x"})``."""
        merged = _as_dict(self)
        _merge(merged, sections, where="")
        return _from_dict(merged, self.source_files)


def _as_dict(settings: Settings) -> dict[str, Any]:
    data = dataclasses.asdict(settings)
    data.pop("source_files")
    return data


def _merge(base: dict[str, Any], override: dict[str, Any], where: str) -> None:
    for key, value in override.items():
        if key not in base:
            valid = ", ".join(sorted(base))
            raise ConfigError(f"unknown setting {where}{key!r}; valid here: {valid}")
        if isinstance(base[key], dict):
            if not isinstance(value, dict):
                raise ConfigError(f"setting {where}{key!r} must be a section (a TOML table)")
            _merge(base[key], value, where=f"{where}{key}.")
        else:
            base[key] = value


def _tuple(value: Any, name: str) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"setting {name} must be a list of strings, got {value!r}")
    return tuple(value)


def _int(value: Any, name: str, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ConfigError(f"setting {name} must be a whole number >= {minimum}, got {value!r}")
    return value


def _share(value: Any, name: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
        raise ConfigError(f"setting {name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def _files(value: Any, name: str) -> tuple[str, ...]:
    """A list of existing files, made absolute (relative ones are read from the working folder)."""
    out = []
    for path in _tuple(value, name):
        p = Path(path).expanduser().resolve()
        if not p.is_file():
            raise ConfigError(f"setting {name}: {path} is not a file")
        out.append(str(p))
    return tuple(out)


def _bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"setting {name} must be true or false, got {value!r}")
    return value


def _from_dict(data: dict[str, Any], source_files: tuple[str, ...]) -> Settings:
    model, pipe, store, ingest = data["model"], data["pipeline"], data["store"], data["ingest"]
    if not isinstance(model["name"], str) or not model["name"]:
        raise ConfigError("setting model.name must be the name of an installed spaCy pipeline")
    stages = _tuple(pipe["stages"], "pipeline.stages")
    for stage in stages:
        if stage not in STAGE_NAMES:
            raise ConfigError(
                f"unknown stage {stage!r} in pipeline.stages; valid: {', '.join(STAGE_NAMES)}"
            )
    return Settings(
        model=ModelSettings(model["name"], _tuple(model["disable"], "model.disable")),
        pipeline=PipelineSettings(
            stages=stages,
            batch_size=_int(pipe["batch_size"], "pipeline.batch_size", 1),
            n_process=_int(pipe["n_process"], "pipeline.n_process", 0),
            max_chars=_int(pipe["max_chars"], "pipeline.max_chars", 1),
            window_chars=_int(pipe["window_chars"], "pipeline.window_chars", 1000),
            batch_chars=_int(pipe["batch_chars"], "pipeline.batch_chars", 1),
        ),
        store=StoreSettings(commit_every=_int(store["commit_every"], "store.commit_every", 1)),
        events=EventsSettings(
            _bool(data["events"]["learned_types"], "events.learned_types"),
            _share(data["events"]["min_confidence"], "events.min_confidence"),
        ),
        actors=ActorsSettings(_files(data["actors"]["people"], "actors.people")),
        ingest=IngestSettings(
            fallback_encodings=_tuple(ingest["fallback_encodings"], "ingest.fallback_encodings"),
            max_file_bytes=_int(ingest["max_file_bytes"], "ingest.max_file_bytes", 1),
            max_unpacked_bytes=_int(ingest["max_unpacked_bytes"], "ingest.max_unpacked_bytes", 1),
            min_chars=_int(ingest["min_chars"], "ingest.min_chars", 1),
        ),
        source_files=source_files,
    )


def defaults_text() -> str:
    """The shipped, commented defaults file."""
    return resources.files("storyline").joinpath("defaults.toml").read_text(encoding="utf-8")


def load_settings(path: str | Path | None = None) -> Settings:
    """The defaults, overridden by ``path`` (or the file named by $STORYLINE_CONFIG) if given."""
    data = tomllib.loads(defaults_text())
    sources = ["defaults.toml"]
    if path is None and os.environ.get(ENV_CONFIG):
        path = os.environ[ENV_CONFIG]
    if path is not None:
        p = Path(path)
        try:
            user = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as err:
            raise ConfigError(f"settings file {p} does not exist") from err
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"settings file {p} cannot be read: {err}") from err
        _merge(data, user, where="")
        sources.append(str(p))
    return _from_dict(data, tuple(sources))
