"""The command line: `runner.py schedules` lists next fire times, `runner.py run` is refused while the flow runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app import cli_schedule
from app.cli import app
from orynda.config import Settings
from orynda.leases import acquire
from orynda.runstore import RunStore
from tests.scheduling.conftest import almaty

runner = CliRunner()
WIDE = {"COLUMNS": "200"}


def test_schedules_lists_the_next_fire_times_skipping_holidays(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_schedule, "now", lambda: almaty(2026, 3, 20, 12, 0))
    path = tmp_path / "schedules.yaml"
    path.write_text(
        "schedules:\n  night:\n    flow: register_check\n    cron: '0 22 * * *'\n"
        "    window: {start: '22:00', end: '06:30'}\n"
        "notify:\n  supervisors: [head@court.kz]\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["schedules", "--file", str(path), "--home", str(tmp_path), "-n", "2"], env=WIDE)
    assert result.exit_code == 0, result.output
    assert "жм 20.03.2026 22:00" in result.output and "бс 26.03.2026 22:00" in result.output  # Nauryz skipped
    assert "22:00–06:30" in result.output and "болған жоқ" in result.output and "head@court.kz" in result.output


def test_a_bad_schedules_file_exits_2_naming_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "schedules.yaml"
    path.write_text("schedules:\n  night:\n    flow: register_check\n    cron: '0 22 * * 1-5'\n", encoding="utf-8")
    result = runner.invoke(app, ["schedules", "--file", str(path)], env=WIDE)
    assert result.exit_code == 2
    assert f"{path}:4: schedules.night.cron: Value error, day-of-week '1-5': write names" in result.output


def test_run_is_refused_with_a_clear_message_while_the_flow_runs(plain_settings: Settings, tmp_path: Path) -> None:
    acquire(RunStore(plain_settings.db_url).engine, "register_check", "night-server:777")
    result = runner.invoke(
        app,
        ["run", "register_check", "--input", str(tmp_path / "list.xlsx"), "--home", str(plain_settings.home)],
        env=WIDE,
    )
    assert result.exit_code == 2
    assert "register_check процесі қазір жүріп жатыр (night-server:777," in result.output
    assert RunStore(plain_settings.db_url).list_runs() == []
