"""`runner.py users add|passwd|disable|unlock|list`: the desk's local users. Passwords are typed twice without echo
(or read from one line of stdin with --password-stdin) and stored as argon2 hashes. Exit 2 on a refused change.
Messages are in the office's language; a refusal's reason comes from orynda.users as it words it."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from app.cli_options import Home, Json, day_and_time, fail, settings_or_exit, words
from app.cli_tables import Column, print_json, print_table
from orynda.database import make_engine
from orynda.i18n import Texts
from orynda.users import Role, UserError, Users

console = Console(highlight=False, soft_wrap=True)
app = typer.Typer(
    help="Local users of the bailiff's desk: bailiffs, supervisors, administrators.", no_args_is_help=True
)

PasswordStdin = Annotated[bool, typer.Option("--password-stdin", help="Read the password from one line of stdin")]


def register(parent: typer.Typer) -> None:
    """Adds `users …` to runner.py."""
    parent.add_typer(app, name="users", help="Local users of the bailiff's desk: add, passwd, disable, unlock, list.")


def actor() -> str:
    """Who runs the command, for the audit log: the operating-system account."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def users_at(home: Path | None) -> tuple[Users, Texts]:
    settings = settings_or_exit(console, home=home)
    return Users(make_engine(settings.db_url)), words(settings)


def role_name(t: Texts, role: str) -> str:
    key = f"console.role.{role}"
    return t(key) if t.has(key) else role


def say(text: str) -> None:
    console.print(Text(text))


@app.command("add")
def add(
    login: Annotated[str, typer.Argument(help="Login: lower-case letters, digits, . _ -")],
    name: Annotated[str, typer.Option("--name", help="Full name as documents show it")],
    role: Annotated[Role, typer.Option("--role", help="bailiff, supervisor or admin")],
    aisep_login: Annotated[str | None, typer.Option("--aisep-login", help="The bailiff's AIS EP login")] = None,
    password_stdin: PasswordStdin = False,
    home: Home = None,
) -> None:
    """Add a user; the password is asked twice (hidden)."""
    users, t = users_at(home)
    password = _password(password_stdin, t)
    with _refused(t):
        user = users.add(login, name, role, password, aisep_login=aisep_login, by=actor())
    role_text = role_name(t, user.role)
    if user.aisep_login:
        say(t("cli.users.added_aisep", login=user.login, role=role_text, aisep=user.aisep_login))
    else:
        say(t("cli.users.added", login=user.login, role=role_text))


@app.command("passwd")
def passwd(login: Annotated[str, typer.Argument()], password_stdin: PasswordStdin = False, home: Home = None) -> None:
    """Set a user's password (clears a lock after wrong passwords)."""
    users, t = users_at(home)
    _known(users, t, login)
    password = _password(password_stdin, t)
    with _refused(t):
        users.set_password(login, password, by=actor())
    say(t("cli.users.passwd", login=login))


@app.command("disable")
def disable(login: Annotated[str, typer.Argument()], home: Home = None) -> None:
    """Disable a user: no more logins; their decisions and trail stay."""
    users, t = users_at(home)
    _known(users, t, login)
    with _refused(t):
        users.disable(login, by=actor())
    say(t("cli.users.disabled", login=login))


@app.command("unlock")
def unlock(login: Annotated[str, typer.Argument()], home: Home = None) -> None:
    """Lift the lock after wrong passwords."""
    users, t = users_at(home)
    _known(users, t, login)
    with _refused(t):
        users.unlock(login, by=actor())
    say(t("cli.users.unlocked", login=login))


@app.command("list")
def list_users(home: Home = None, json: Json = False) -> None:
    """Every user with role, AIS EP login and state."""
    users, t = users_at(home)
    everyone = users.all()
    if json:
        print_json(
            [
                {"login": u.login, "name": u.name, "role": u.role, "aisep_login": u.aisep_login, "active": u.active,
                 "locked_until": u.locked_until.isoformat() if u.locked_until else None,
                 "last_login": u.last_login_at.isoformat() if u.last_login_at else None}
                for u in everyone
            ]
        )  # fmt: skip
        return
    columns = [
        Column("login", t("cli.users.login"), wrap=False),
        Column("name", t("cli.users.name")),
        Column("role", t("cli.users.role"), priority=1),
        Column("aisep", t("cli.users.aisep"), wrap=False, priority=2),
        Column("active", t("cli.users.active"), priority=3),
        Column("locked", t("cli.users.locked"), priority=4),
        Column("last_login", t("cli.users.last_login"), priority=5),
    ]
    rows = [
        {
            "login": u.login,
            "name": u.name,
            "role": role_name(t, u.role),
            "aisep": u.aisep_login or "",
            "active": t.value(u.active),
            "locked": day_and_time(u.locked_until),
            "last_login": day_and_time(u.last_login_at),
        }
        for u in everyone
    ]
    print_table(console, t, columns, rows)


def _known(users: Users, t: Texts, login: str) -> None:
    if users.get(login) is None:
        fail(console, t, t("cli.users.no_user", login=login))


def _password(from_stdin: bool, t: Texts) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    while True:  # asked twice, until both match
        first: str = typer.prompt(t("cli.users.password"), hide_input=True)
        second: str = typer.prompt(t("cli.users.password_again"), hide_input=True)
        if first == second:
            return first
        console.print(Text(t("cli.users.no_match"), style="red"))


class _refused:
    """A refused change ends the command with its message and exit code 2."""

    def __init__(self, t: Texts) -> None:
        self.t = t

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, UserError):
            fail(console, self.t, str(exc))
