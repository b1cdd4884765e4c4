"""The ``logicrm`` group: every command module registered under one name."""
from __future__ import annotations

import click

from . import (autograde, classroom, collect, demo, export, feedback, init, manual, release, report,
               roster, rubric, status, tier)
from .layer import Group, lang_option


@click.group("logicrm", cls=Group, help="cli.main_help", context_settings={"max_content_width": 100})
@lang_option
def main():
    from ..course.nbgrader_imports import skip_iri_grammar
    skip_iri_grammar()  # before any command imports nbgrader


for _module in (init, tier, roster, release, collect, autograde, manual, feedback, report, export,
                status, demo, rubric, classroom):
    main.add_command(getattr(_module, _module.__name__.rsplit(".", 1)[1]))
