"""`runner.py users …` and `runner.py audit verify` through typer's CliRunner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import update
from typer.testing import CliRunner

from app.cli import app
from orynda.audit import TABLE
from orynda.database import make_engine, transaction
from orynda.users import Users

runner = CliRunner()
PASSWORD = "Qazaq-2026-tau"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of its own, no ORYNDA_ settings from outside, and cheap argon2 parameters (test_users checks the real)."""
    monkeypatch.setattr(
        "orynda.users.PasswordHasher", lambda: PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    )
    monkeypatch.chdir(tmp_path)
    for key in [k for k in os.environ if k.startswith("ORYNDA_")]:
        monkeypatch.delenv(key)
    return tmp_path / "home"


def invoke(home: Path, *args: str, input: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--home", str(home)], input=input, env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def users_of(home: Path) -> Users:
    return Users(make_engine(f"sqlite:///{home / 'orynda.db'}"))


def test_users_are_added_listed_given_a_new_password_and_disabled(home: Path) -> None:
    code, out = invoke(
        home,
        "users",
        "add",
        "aliya",
        "--name",
        "Алия Сапарова",
        "--role",
        "bailiff",
        "--aisep-login",
        "aisep.aliya",
        "--password-stdin",
        input=PASSWORD + "\n",
    )
    assert (code, out.strip()) == (0, "aliya пайдаланушысы қосылды: сот орындаушысы, АЖ АІЖ логині aisep.aliya.")
    code, out = invoke(home, "users", "add", "dana", "--name", "Дана", "--role", "supervisor",
                       input=f"{PASSWORD}\n{PASSWORD}x\n{PASSWORD}\n{PASSWORD}\n")  # fmt: skip
    assert code == 0 and "Құпиясөздер сәйкес келмейді" in out and PASSWORD not in out
    assert users_of(home).authenticate("dana", PASSWORD) is not None
    code, out = invoke(home, "users", "list")
    assert code == 0 and "aliya" in out and "aisep.aliya" in out and "басшы" in out
    code, out = invoke(home, "users", "passwd", "aliya", input="Another-pass-1\nAnother-pass-1\n")
    assert (code, out.splitlines()[-1]) == (0, "aliya құпиясөзі өзгертілді.")
    assert users_of(home).authenticate("aliya", "Another-pass-1") is not None
    assert invoke(home, "users", "disable", "aliya")[0] == 0
    assert users_of(home).authenticate("aliya", "Another-pass-1") is None
    assert invoke(home, "users", "unlock", "aliya")[0] == 0
    trail = [e.action for e in users_of(home).audit.trail("user:aliya")]
    assert trail == ["user_added", "password_changed", "login", "user_disabled", "login_refused", "user_unlocked"]
    assert users_of(home).audit.trail("user:aliya")[0].actor.startswith("cli:")


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["users", "add", "aliya", "--name", "А", "--role", "bailiff", "--password-stdin"], "short\n", "8 characters"),
        (["users", "passwd", "ghost", "--password-stdin"], PASSWORD + "\n", "Қате: ghost деген пайдаланушы жоқ."),
        (["users", "disable", "ghost"], None, "Қате: ghost деген пайдаланушы жоқ."),
        (["users", "unlock", "ghost"], None, "Қате: ghost деген пайдаланушы жоқ."),
    ],
)
def test_a_refused_change_exits_2_with_its_reason(home: Path, args: list[str], stdin: str | None, message: str) -> None:
    code, out = invoke(home, *args, input=stdin)
    assert code == 2 and message in out


def test_a_role_that_does_not_exist_is_refused_by_the_command_line(home: Path) -> None:
    code, out = invoke(home, "users", "add", "aliya", "--name", "А", "--role", "clerk", "--password-stdin", input="x\n")
    assert code == 2 and "clerk" in out


def test_audit_verify_exits_0_on_an_intact_log_and_1_naming_the_first_bad_entry(home: Path) -> None:
    code, out = invoke(home, "audit", "verify")
    assert (code, out.strip()) == (0, "Аудит журналы бүтін: 0 жазба, соңғы хэш -.")
    for login in ("aliya", "bolat", "dana"):
        args = ["users", "add", login, "--name", login.title(), "--role", "bailiff", "--password-stdin"]
        invoke(home, *args, input=PASSWORD + "\n")
    code, out = invoke(home, "audit", "verify")
    assert code == 0 and out.startswith("Аудит журналы бүтін: 3 жазба")
    code, out = invoke(home, "audit", "trail", "user:bolat")
    assert code == 0 and "user_added" in out
    with transaction(make_engine(f"sqlite:///{home / 'orynda.db'}")) as s:
        s.execute(update(TABLE).where(TABLE.c.id == 2).values(actor="cli:someone-else"))
    code, out = invoke(home, "audit", "verify")
    assert code == 1 and out.strip() == "Аудит журналы 2-жазбада бұзылған: altered: its content does not match its hash"


def test_the_desk_commands_speak_russian_when_the_office_does(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORYNDA_LANGUAGE", "ru")
    args = ["users", "add", "dana", "--name", "Дана", "--role", "supervisor", "--password-stdin"]
    assert invoke(home, *args, input=PASSWORD + "\n") == (0, "Пользователь dana добавлен: руководитель.\n")
    code, out = invoke(home, "users", "list")
    assert code == 0 and "Логин" in out and "руководитель" in out and "да" in out
    assert invoke(home, "users", "disable", "ghost") == (2, "Ошибка: Пользователя ghost нет.\n")
    assert invoke(home, "audit", "verify")[1].startswith("Журнал аудита цел: записей 1, последний хэш ")
