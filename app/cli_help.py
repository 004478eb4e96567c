"""The command line's help and its argument errors in the office's language (orynda/texts/cli_help.yaml).

Typer builds the help from the code's English, which stays the developers' text; `localised` puts the catalogue's
words on the built command tree (each command's help, each option's, the panel titles), and `main` runs it,
printing a wrong argument as one line in that language instead of typer's English panel.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from types import MethodType
from typing import Any, NoReturn

import typer
import typer.rich_utils as panels
from rich.console import Console
from rich.text import Text
from typer import exceptions as typer_errors
from typer._click import core as click_core
from typer._click import exceptions as click_errors

from orynda.i18n import Texts

COMMAND, OPTION, UI = "cli_help.command", "cli_help.option", "cli_help.ui"
_PANEL_TEXTS = {  # typer's module-level words, read when it draws the help
    "OPTIONS_PANEL_TITLE": "options",
    "ARGUMENTS_PANEL_TITLE": "arguments",
    "COMMANDS_PANEL_TITLE": "commands",
    "ERRORS_PANEL_TITLE": "error",
    "DEFAULT_STRING": "default",
    "REQUIRED_LONG_STRING": "required",
    "ABORTED_TEXT": "aborted",
    "RICH_HELP": "try_help",
}


def walk(command: click_core.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the tree with its path: () for the root, ('calc', 'fee') for `calc fee`."""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, (*path, name))


def command_key(path: Sequence[str]) -> str:
    return f"{COMMAND}.{'.'.join(path) or 'root'}"


def option_key(t: Texts, path: Sequence[str], name: str) -> str:
    """The command's own text for this option if the catalogue has one, else the one shared by its name."""
    own = f"{OPTION}.{'.'.join((*path, name))}"
    return own if path and t.has(own) else f"{OPTION}.{name}"


def localised(app: typer.Typer, t: Texts) -> click_core.Command:
    """The app's command tree with every help text in this language."""
    root = typer.main.get_command(app)
    for path, command in walk(root):
        command.help, command.short_help = t(command_key(path)), None
        command.format_usage = MethodType(_usage(t(f"{UI}.usage")), command)
        command.options_metavar = t(f"{UI}.options_metavar")
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = t(f"{UI}.commands_metavar")
        help_option = command.get_help_option(click_core.Context(command))
        for param in [*command.params, *([help_option] if help_option else [])]:
            param.help = t(option_key(t, path, param.name or ""))
    for constant, key in _PANEL_TEXTS.items():
        setattr(panels, constant, t(f"{UI}.{key}"))
    return root


def _usage(prefix: str) -> Callable[[click_core.Command, click_core.Context, Any], None]:
    """A command's usage line with the office's word for "Usage"."""

    def format_usage(self: click_core.Command, ctx: click_core.Context, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix=prefix)

    return format_usage


def main(app: typer.Typer, t: Texts, args: Sequence[str] | None = None) -> NoReturn:
    """Runs the command line; a wrong argument is one red line in the office's language, exit code 2."""
    command = localised(app, t)
    try:
        code = command.main(args=list(args) if args is not None else None, standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help() if exc.ctx else "")
        sys.exit(2)
    except click_errors.UsageError as exc:
        Console(stderr=True, highlight=False).print(Text(t("cli.error", message=usage_error(t, exc)), style="red"))
        sys.exit(2)
    except typer_errors.Abort:
        Console(stderr=True, highlight=False).print(Text(t(f"{UI}.aborted"), style="red"))
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def usage_error(t: Texts, exc: click_errors.UsageError) -> str:
    """What was wrong with the arguments, in the office's language (the library's own detail kept where it has one)."""
    if isinstance(exc, click_errors.NoSuchOption):
        if exc.possibilities:
            return t(f"{UI}.did_you_mean", option=exc.option_name, choices=", ".join(sorted(exc.possibilities)))
        return t(f"{UI}.no_such_option", option=exc.option_name)
    if isinstance(exc, click_errors.MissingParameter):
        return t(f"{UI}.missing", param=_param_hint(exc))
    if isinstance(exc, click_errors.BadParameter):
        return t(f"{UI}.bad_value", param=_param_hint(exc))  # the library's detail is English: left out
    if exc.message.startswith("No such command"):
        return t(f"{UI}.no_such_command", command=exc.message.removeprefix("No such command").strip(" .'\""))
    if exc.message.startswith("Got unexpected extra argument"):
        return t(f"{UI}.extra", args=exc.message.split("(", 1)[-1].rstrip(")"))
    return t(f"{UI}.usage_error", detail=exc.message)


def _param_hint(exc: click_errors.BadParameter) -> str:
    if exc.param_hint:
        return str(exc.param_hint) if isinstance(exc.param_hint, str) else " / ".join(exc.param_hint)
    if exc.param is not None:
        return " / ".join(exc.param.opts) or (exc.param.name or "").upper()
    return ""
