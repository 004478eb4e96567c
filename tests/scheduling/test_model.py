"""schedules.yaml: the repo's own file loads, and a bad entry names the entry, the key and the line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.scheduling.model import load_schedules
from orynda.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_the_repositorys_schedules_file_loads() -> None:
    config = load_schedules(ROOT / "schedules.yaml")
    night = config.schedules["nightly_check"]
    assert night.flow == "nightly_check" and night.calendar == "kz-working-days"
    assert night.window is not None and night.window.end == dt.time(6, 30)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "schedules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("    cron: '0 25 * * *'\n", ":4: schedules.night.cron: Value error"),
        (
            "    cron: '0 22 * * *'\n    window: {start: '22:00', end: 'half past six'}\n",
            ":5: schedules.night.window.end",
        ),
        (
            "    cron: '0 22 * * *'\n    calendar: lunar\n",
            ":5: schedules.night.calendar: Value error, unknown calendar",
        ),
        (
            "    cron: '0 22 * * *'\n    windw: {start: '22:00', end: '06:30'}\n",
            ":5: schedules.night.windw: Extra inputs",
        ),
    ],
    ids=["cron", "window", "calendar", "typo"],
)
def test_an_error_names_file_line_entry_and_key(tmp_path: Path, body: str, expected: str) -> None:
    path = _write(tmp_path, "schedules:\n  night:\n    flow: register_check\n" + body)
    with pytest.raises(ConfigError) as caught:
        load_schedules(path)
    assert f"{path}{expected}" in str(caught.value)


def test_an_unknown_flow_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "schedules:\n  night:\n    flow: night_check\n    cron: '0 22 * * *'\n")
    with pytest.raises(ConfigError, match=r":3: schedules.night.flow: Value error, no flow 'night_check'"):
        load_schedules(path)


def test_a_supervisor_without_an_address_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "notify:\n  supervisors:\n    - boss@example.kz\n    - the boss\n")
    with pytest.raises(ConfigError, match=r":4: notify.supervisors.1: Value error, 'the boss' is not an e-mail"):
        load_schedules(path)


def test_smtp_password_comes_only_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "notify:\n  username: orynda\n")
    monkeypatch.setenv("ORYNDA_SMTP_PASSWORD", "s3cret")
    password = load_schedules(path).notify.password
    assert password is not None and password.get_secret_value() == "s3cret" and "s3cret" not in repr(password)
    bad = _write(tmp_path, "notify:\n  password: s3cret\n")
    with pytest.raises(ConfigError, match="notify.password: Extra inputs"):
        load_schedules(bad)
