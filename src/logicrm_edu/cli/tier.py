"""``logicrm tier``: ABC tiers and a Pareto chart for a teacher's own customer spreadsheet.

Remarks about the file (a total row left out, hidden rows read) are printed before the
report, as plain lines; cut-offs given as fractions (``--cuts 0.8 0.95``) are read as
percentages and the report says so.
"""
from __future__ import annotations

from pathlib import Path

import click

from .layer import command, option


@command("tier", "cli.tier.help", course=False)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@option("--sheet", default=None, help="cli.tier.opt_sheet")
@option("--cuts", nargs=2, type=float, default=(80, 95), show_default=True, help="cli.tier.opt_cuts")
@option("--boundary", type=click.Choice(["le", "lt", "cross"]), default="le", show_default=True,
      help="cli.tier.opt_boundary")
@option("--ties", type=click.Choice(["same", "order"]), default="same", show_default=True,
      help="cli.tier.opt_ties")
@option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("tier-report"),
      show_default=True, help="cli.tier.opt_out")
def tier(file, sheet, cuts, boundary, ties, out):
    from ..customer_files import read_customers
    from ..spreadsheets import collected_notes
    from ..tier_report import write_tier_report

    with collected_notes() as notes:
        customers = read_customers(file, sheet=sheet)
    for note in notes:
        click.echo(str(note))
    cuts = tuple(int(c) if float(c).is_integer() else c for c in cuts)
    write_tier_report(customers, out, cuts=cuts, boundary=boundary, ties=ties, echo=click.echo)
