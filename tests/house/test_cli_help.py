"""The command line's help and argument errors in Kazakh and Russian: every command and option has its words, kept
in step with the code's English, and runner.py shows them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from app.cli import app
from app.cli_help import COMMAND, OPTION, command_key, option_key, walk
from orynda.i18n import catalogue, texts

ROOT = Path(__file__).resolve().parents[2]
TREE = list(walk(typer.main.get_command(app)))


def test_every_command_and_option_has_kazakh_and_russian_help_matching_the_code() -> None:
    t, stale = texts("en"), []
    for path, command in TREE:
        entries = [(command_key(path), command.help)]
        entries += [(option_key(t, path, p.name or ""), getattr(p, "help", None)) for p in command.params]
        for key, english in entries:
            entry = catalogue().get(key)
            assert entry is not None and entry.get("kk") and entry.get("ru"), f"{key}: no Kazakh or Russian help"
            if english and entry["en"] != english.strip():
                stale.append(f"{key}: the code says {english.strip()!r}")
    assert not stale, "help changed in the code, its translation not: " + "; ".join(stale)


def test_no_help_text_is_left_over_from_a_command_or_option_that_is_gone() -> None:
    t = texts("en")
    used = {command_key(path) for path, _ in TREE} | {f"{OPTION}.help"}
    used |= {option_key(t, path, p.name or "") for path, command in TREE for p in command.params}
    kept = {key for key in catalogue() if key.startswith((f"{COMMAND}.", f"{OPTION}."))}
    assert kept - used == set()


def _runner(*args: str, lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ORYNDA_LANGUAGE": lang, "COLUMNS": "100", "ORYNDA_HOME": str(ROOT / ".no-home")}
    return subprocess.run(
        [sys.executable, "runner.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("lang", "args", "shown", "absent"),
    [
        ("ru", ["--help"], ["Использование:", "Команды", "Процессы, которые можно запустить"], ["Usage:", "Options"]),
        ("kk", ["calc", "fee", "--help"], ["Қолданылуы:", "Параметрлер", "[міндетті]", "Есептеу күні"], ["Date of"]),
    ],
)
def test_runner_help_speaks_the_office_language(
    lang: str, args: list[str], shown: list[str], absent: list[str]
) -> None:
    result = _runner(*args, lang=lang)
    assert result.returncode == 0, result.stderr
    assert all(s in result.stdout for s in shown), result.stdout
    assert not any(a in result.stdout for a in absent), result.stdout


def test_a_wrong_argument_is_one_line_in_the_office_language_and_exit_2() -> None:
    result = _runner("calc", "fee", "1000", "--periodic", lang="ru")
    assert result.returncode == 2
    assert result.stderr.strip() == "Ошибка: Нет такого параметра: --periodic."
