"""``logicrm init``: a new course folder from the template."""
from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, option


@command("init", "cli.init.help", course=False)
@click.argument("directory", type=click.Path(path_type=Path))
@option("--textbook-data", is_flag=True, help="cli.init.opt_textbook")
@option("--customers", type=click.IntRange(5, 500), default=20, show_default=True,
      help="cli.init.opt_customers")
def init(directory, textbook_data, customers):
    from ..course.template import TemplateMissing, init_course

    try:
        init_course(directory, textbook_data=textbook_data, customers=customers)
    except FileExistsError:
        raise Expected("cli.init.not_empty", directory=directory) from None
    except TemplateMissing as exc:
        raise Expected("cli.init.no_template", searched=str(exc)) from None
    click.echo(t("cli.init.done", directory=directory,
                 dataset=t("cli.init.textbook" if textbook_data else "cli.init.per_student")))
    click.echo(t("cli.init.next", directory=directory))
