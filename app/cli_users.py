"""`runner.py users add|passwd|disable|unlock|list`: the desk's local users. Passwords are typed twice without echo
(or read from one line of stdin with --password-stdin) and stored as argon2 hashes. Exit 2 on a refused change.
Messages are short English for now: the desk's Kazakh and Russian text catalogue does not exist yet."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from app.cli_options import Home, engine_at
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


def users_at(home: Path | None) -> Users:
    return Users(engine_at(home, console))


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
    users = users_at(home)
    password = _password(password_stdin)
    with _refused():
        user = users.add(login, name, role, password, aisep_login=aisep_login, by=actor())
    console.print(
        f"user {user.login} added: {user.role}" + (f", AIS EP {user.aisep_login}" if user.aisep_login else "")
    )


@app.command("passwd")
def passwd(login: Annotated[str, typer.Argument()], password_stdin: PasswordStdin = False, home: Home = None) -> None:
    """Set a user's password (clears a lock after wrong passwords)."""
    users = users_at(home)
    if users.get(login) is None:
        console.print(f"[red]error:[/red] no user {login}")
        raise typer.Exit(2)
    password = _password(password_stdin)
    with _refused():
        users.set_password(login, password, by=actor())
    console.print(f"password of {login} changed")


@app.command("disable")
def disable(login: Annotated[str, typer.Argument()], home: Home = None) -> None:
    """Disable a user: no more logins; their decisions and trail stay."""
    with _refused():
        users_at(home).disable(login, by=actor())
    console.print(f"user {login} disabled")


@app.command("unlock")
def unlock(login: Annotated[str, typer.Argument()], home: Home = None) -> None:
    """Lift the lock after wrong passwords."""
    with _refused():
        users_at(home).unlock(login, by=actor())
    console.print(f"user {login} unlocked")


@app.command("list")
def list_users(home: Home = None) -> None:
    """Every user with role, AIS EP login and state."""
    table = Table("login", "name", "role", "AIS EP login", "active", "locked until", "last login")
    for u in users_at(home).all():
        table.add_row(
            u.login,
            u.name,
            u.role,
            u.aisep_login or "",
            "yes" if u.active else "no",
            f"{u.locked_until:%Y-%m-%d %H:%M}" if u.locked_until else "",
            f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "",
        )
    console.print(table)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


class _refused:
    """A refused change ends the command with its message and exit code 2."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, UserError):
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2)
