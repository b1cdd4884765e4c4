"""One printable page per student: the whole course on one sheet of A4.

The page shows the student's final grade and whether it is final, every assignment
(its percentage and each step's points, with the step's own name), the presentation
marks and the notes of the grade sheet.  It is plain HTML with its own style (no
script, no outside files): the teacher prints it from the browser, saves it as PDF,
or sends the file.  Every value is escaped.
"""
from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..i18n import resolve, t
from .rounding import half_up
from .safe_files import write_text
from .skills import step_titles

FOLDER = "students"
_STYLE = """
@page { size: A4; margin: 18mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 2em auto; max-width: 46em; color: #222; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
table { border-collapse: collapse; width: 100%; margin: .8em 0; }
th, td { border: 1px solid #aaa; padding: 4px 8px; text-align: left; }
th { background: #ddebf7; }
td.num { text-align: right; white-space: nowrap; }
tr.assignment td { background: #f3f3f3; font-weight: bold; }
.final { font-size: 1.3em; }
.provisional { color: #b35900; }
@media print { body { margin: 0; max-width: none; } }
"""


def student_page(row: dict, steps: pd.DataFrame, titles: dict[str, dict[str, str]],
                 columns: dict[str, str], decimals: int, lang: str | None = None) -> str:
    """The HTML page of one student.

    ``row``: the student's row of the final grade table (:func:`~logicrm_edu.rubric.grades.final_grades`);
    ``steps``: their rows of :func:`~.skills.step_scores`; ``titles``: assignment → step →
    the step's name; ``columns``: column → its heading in the grade sheet, for the
    assignments and the presentation marks (``presentation``, or ``presentation:<rubric>``
    for each of several); ``decimals``: the grade sheet's rounding.
    """
    lang = resolve(lang)
    e = html.escape

    def number(value) -> str:
        return "—" if value is None or value != value else f"{half_up(float(value), decimals):.{decimals}f}"

    name = t("course_summary.student", lang, name=row["name"], id=row["id"])
    state_class = "provisional" if row["final_state"] == t("grade_sheets.final_state.provisional",
                                                           lang) else ""
    facts = [(t("rubric.col.class", lang), row["class"]), (t("rubric.col.group", lang), row["group"])]
    lines = []
    for assignment in [c for c in columns if not c.startswith("presentation")]:
        lines.append(f'<tr class="assignment"><td>{e(columns[assignment])}</td>'
                     f'<td class="num">{number(row.get(assignment))} %</td></tr>')
        mine = steps[steps["assignment"] == assignment].copy()
        mine["order"] = mine["step"].str.extract(r"(\d+)", expand=False).astype(int)
        for step in mine.sort_values("order").itertuples(index=False):
            label = t("course_summary.step", lang, n=step.order,
                      title=titles.get(assignment, {}).get(step.step, ""))
            points = (t("grade_sheets.pending", lang) if step.pending else
                      f"{step.score:g} / {step.max_score:g}")
            lines.append(f'<tr><td>&emsp;{e(label)}</td><td class="num">{e(points)}</td></tr>')
    talks = "".join(f'<tr><td>{e(columns[c])}</td><td class="num">{number(row.get(c))}'
                    f'{" %" if c.startswith("presentation:") else ""}</td></tr>'
                    for c in columns if c.startswith("presentation"))
    talks += (f'<tr><td>{e(t("rubric.col.presentation_pct", lang))}</td>'
              f'<td class="num">{number(row.get("presentation_pct"))} %</td></tr>')
    notes = f'<p>{e(t("rubric.col.notes", lang))}{e(t("where.colon", lang))}{e(row["notes"])}</p>' \
        if row.get("notes") else ""
    return f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}"><head><meta charset="utf-8">
<title>{e(name)}</title><style>{_STYLE}</style></head><body>
<h1>{e(name)}</h1>
<p>{"　".join(f"{e(k)}{e(t('where.colon', lang))}{e(str(v))}" for k, v in facts)}</p>
<p class="final {state_class}">{e(t("rubric.col.final", lang))}{e(t("where.colon", lang))}<b>{number(row["final"])}</b>
{e(t("course_summary.state", lang, state=row["final_state"]))}</p>
<h2>{e(t("course_summary.assignments", lang))}</h2>
<table><tr><th>{e(t("course_summary.what", lang))}</th><th>{e(t("course_summary.score", lang))}</th></tr>
{"".join(lines)}
<tr class="assignment"><td>{e(t("rubric.col.assignments", lang))}</td><td class="num">{number(row["assignments"])} %</td></tr>
</table>
<h2>{e(t("course_summary.presentations", lang))}</h2>
<table>{talks}</table>
{notes}
</body></html>
"""


def write_student_pages(table: pd.DataFrame, steps: pd.DataFrame, course_dir, out_dir,
                        columns: dict[str, str], decimals: int,
                        lang: str | None = None) -> list[Path]:
    """``<id>_<name>.html`` for every student of the final grade table into
    ``out_dir/students``; returns the paths."""
    course_dir, folder = Path(course_dir), Path(out_dir) / FOLDER
    titles = {name: step_titles(course_dir / "source" / name / f"{name}.ipynb")
              for name in steps["assignment"].unique()}
    paths = []
    for row in table.to_dict("records"):
        path = folder / _file_name(str(row["id"]), str(row["name"]))
        mine = steps[steps["student"] == str(row["id"])]
        write_text(path, student_page(row, mine, titles, columns, decimals, lang))
        paths.append(path)
    return paths


def _file_name(student: str, name: str) -> str:
    """``2401001_张三.html``; characters a file system refuses become ``_``."""
    return "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in f"{student}_{name}") + ".html"
