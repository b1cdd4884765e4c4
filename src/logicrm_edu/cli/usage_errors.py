"""click's own messages (a mistyped option, a missing argument, Ctrl-C) in the teacher's
language: click writes them in English, so they are rebuilt here from the exception."""
from __future__ import annotations

import click
from click import exceptions as ce

from ..i18n import t


def _param_name(param) -> str:
    if param is None:
        return ""
    if isinstance(param, click.Argument):
        return param.human_readable_name
    return max(param.opts, key=len)


def _expected(param) -> str:
    """What a value of ``param`` must look like, from its click type."""
    kind = getattr(param, "type", None)
    if isinstance(kind, click.Choice):
        return t("cli.err.expect_choice", choices=" / ".join(map(str, kind.choices)))
    if isinstance(kind, (click.IntRange, click.FloatRange)):
        return t("cli.err.expect_range", low="" if kind.min is None else kind.min,
                 high="" if kind.max is None else kind.max)
    if isinstance(kind, click.types.IntParamType):
        return t("cli.err.expect_int")
    if isinstance(kind, click.types.FloatParamType):
        return t("cli.err.expect_number")
    if isinstance(kind, click.Path):
        return t("cli.err.expect_path")
    return ""


def usage_message(exc: ce.UsageError) -> str:
    """The message of a usage mistake, in the language in force."""
    if isinstance(exc, ce.NoSuchOption):
        return _unknown("cli.err.no_such_option", exc.possibilities, option=exc.option_name)
    if isinstance(exc, ce.NoSuchCommand):
        return _unknown("cli.err.no_such_command", exc.possibilities, command=exc.command_name)
    if isinstance(exc, ce.MissingParameter):
        return t("cli.err.missing", param=_param_name(exc.param) or exc.param_hint or "")
    if isinstance(exc, ce.BadParameter):
        return t("cli.err.bad_value", param=_param_name(exc.param) or exc.param_hint or "",
                 expected=_expected(exc.param) or exc.format_message())
    return t("cli.err.usage", detail=exc.format_message())


def _unknown(key: str, possibilities, **fields) -> str:
    """An unknown name, with the close ones when there are any (no empty clause)."""
    if possibilities:
        return t(key, similar=", ".join(possibilities), **fields)
    return t(f"{key}_alone", **fields)


def show_usage_error(exc: ce.UsageError) -> None:
    """Usage line, the translated mistake and where to find help, on stderr."""
    if isinstance(exc, ce.NoArgsIsHelpError):  # a bare group: its help is the answer
        click.echo(exc.ctx.get_help(), err=True)
        return
    if exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        click.echo(t("cli.err.try_help", command=exc.ctx.command_path), err=True)
    click.echo(t("cli.err.prefix") + usage_message(exc), err=True)
