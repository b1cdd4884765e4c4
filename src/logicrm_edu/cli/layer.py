"""The one command-line layer: bilingual help, ``--lang`` and ``--course``, expected
mistakes as one message and exit code 1.

Help texts are catalogue keys translated when shown, so ``logicrm --lang en --help``
is English.  Without ``--lang`` the language is ``LOGICRM_LANG``, else the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``; English when it starts with "en"), else Chinese.
Only click and the message catalogue are imported here: ``logicrm --help`` stays fast.
"""
from __future__ import annotations

import functools
import os
import re
import sys
from pathlib import Path

import click

from ..errors import InputError
from ..i18n import set_language, t
from ..messages import CATALOGUE

_LANG_KEY = "logicrm.lang"

# language and bilingual help ------------------------------------------------------------

def env_language() -> str:
    """``LOGICRM_LANG``, else the locale variables; "en" when the value starts with "en"."""
    for name in ("LOGICRM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def _language() -> str:
    ctx = click.get_current_context(silent=True)
    return (ctx.meta.get(_LANG_KEY) if ctx else None) or env_language()


def _tr(text):
    """A catalogue key → its text in the language in force; other text unchanged."""
    return t(text, _language()) if isinstance(text, str) and text in CATALOGUE else text


class _Swap:
    """Translate ``obj.help`` while click formats it."""

    def __init__(self, obj):
        self.obj = obj

    def __enter__(self):
        self.key = self.obj.help
        self.obj.help = _tr(self.key)

    def __exit__(self, *exc):
        self.obj.help = self.key


class Option(click.Option):
    def get_help_record(self, ctx):
        with _Swap(self):
            record = super().get_help_record(ctx)
        if record and "[default: " in record[1]:
            record = (record[0], record[1].replace("[default: ", t("cli.help.default")))
        return record


class Command(click.Command):
    def parse_args(self, ctx, args):
        # --lang first, wherever it is: "logicrm --help --lang en" is English help
        for index, arg in enumerate(args):
            value = arg.partition("=")[2] if arg.startswith("--lang=") else (
                args[index + 1] if arg == "--lang" and index + 1 < len(args) else None)
            if value in ("zh", "en"):
                ctx.meta[_LANG_KEY] = value
                set_language(value)
        return super().parse_args(ctx, args)

    def format_help_text(self, ctx, formatter):
        with _Swap(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence (Chinese has no spaces for click to shorten at)."""
        text = _tr(self.help) or ""
        first = re.split(r"[。：；]|: |\. ", text, maxsplit=1)[0].strip().rstrip("。.")
        return first if len(first) <= 2 * limit else first[:2 * limit] + "…"

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _tr("cli.opt.help")
        return option

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix=t("cli.help.usage"))

    def format_options(self, ctx, formatter):
        records = [p.get_help_record(ctx) for p in self.get_params(ctx)
                   if not isinstance(p, click.Argument)]
        records = [r for r in records if r is not None]
        if records:
            with formatter.section(t("cli.help.options")):
                formatter.write_dl(records)


class Group(click.Group, Command):
    command_class = Command
    group_class = type  # subgroups are of this class too

    def list_commands(self, ctx):
        return list(self.commands)  # in the order of the course, not alphabetical

    def format_commands(self, ctx, formatter):
        rows = [(name, command.get_short_help_str()) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section(t("cli.help.commands")):
                formatter.write_dl(rows)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """As click's, with click's own English messages (usage mistakes, "Aborted!",
        the "Error:" prefix) replaced by the catalogue's."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        from .usage_errors import show_usage_error

        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            show_usage_error(exc)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(t("cli.err.prefix") + exc.format_message(), err=True)
            sys.exit(exc.exit_code)
        except click.Abort:  # Ctrl-C or end of input at a prompt
            click.echo(t("cli.err.aborted"), err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def _remember_language(ctx, param, value):
    if value:
        ctx.meta[_LANG_KEY] = value
    set_language(ctx.meta.get(_LANG_KEY) or env_language())
    return value


lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                           is_eager=True, expose_value=False, callback=_remember_language,
                           cls=Option, help="cli.opt.lang")


def option(*names, **kwargs):
    """A click option whose ``help`` is a catalogue key."""
    return click.option(*names, cls=Option, **kwargs)


def group(name, help_key):
    """A command group (``logicrm roster …``) with ``--lang`` and translated help."""
    return lambda function: click.group(name, cls=Group, help=help_key)(lang_option(function))


def command(name, help_key, *, course=True, parent=None):
    """A command with ``--lang`` (and ``--course``) whose expected mistakes end with exit
    code 1 and the catalogue message; added to ``parent`` when given."""
    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except InputError as exc:
                raise click.ClickException(str(exc)) from None
            except Expected as exc:
                raise click.ClickException(exc.text) from None

        wrapped = wrapper
        if course:
            wrapped = option("--course", "course_dir", default=".", show_default=True,
                             type=click.Path(file_okay=False, path_type=Path),
                             help="cli.opt.course")(wrapped)
        made = click.command(name, cls=Command, help=help_key)(lang_option(wrapped))
        if parent is not None:
            parent.add_command(made)
        return made
    return decorate


class Expected(Exception):
    """An expected mistake: its catalogue text is all the teacher sees."""

    def __init__(self, key: str, **fields):
        super().__init__(key)
        self.text = t(key, **fields)


def course_folder(course_dir: Path) -> Path:
    """``course_dir`` resolved, or a clear stop when it is not a course folder."""
    if not (course_dir / "nbgrader_config.py").is_file():
        raise Expected("cli.err.not_course", course=course_dir)
    return course_dir.resolve()


def known_assignment(course_dir: Path, assignment: str) -> None:
    """Stop with the list of known assignments when ``assignment`` is not one."""
    from ..course.release import UnknownAssignment, check_assignment

    try:
        check_assignment(course_dir, assignment)
    except UnknownAssignment as exc:
        raise Expected("cli.err.unknown_assignment", assignment=assignment,
                       known=", ".join(exc.known) or "-") from None


def released_assignment(course_dir: Path, assignment: str) -> None:
    """As :func:`known_assignment`, and stop with "run logicrm release first" while the
    assignment is not in the gradebook yet (before anything is copied or graded)."""
    from ..course.release import is_released

    known_assignment(course_dir, assignment)
    if not is_released(course_dir, assignment):
        raise Expected("cli.err.not_released", assignment=assignment)


def table_text(frame) -> str:
    """A DataFrame as aligned text (Chinese characters count double)."""
    import pandas as pd  # not at import time: ``logicrm --help`` must stay fast

    with pd.option_context("display.unicode.east_asian_width", True, "display.width", 200,
                           "display.max_columns", 50, "display.max_rows", 500):
        return frame.to_string(index=False)


def headed(frame):
    """``frame`` with its column names from the catalogue (``cli.col.<name>``)."""
    return frame.rename(columns=lambda c: t(f"cli.col.{c}") if f"cli.col.{c}" in CATALOGUE else c)
