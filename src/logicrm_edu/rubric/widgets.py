"""A notebook form for the teacher to score groups live during the presentations.

``TeacherForm(course_dir)`` shows a group picker, one slider per criterion of
the group rubric (range and level descriptors shown) and a save button;
``TeacherForm(course_dir, presentation="selection_presentation")`` scores another of
the course's presentations (the first by default).
Saving stores the teacher's scores for that one group through the same
database path as a sheet import (replacing earlier teacher scores of that
group only; a later import of the teacher's sheet replaces them all).
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..i18n import resolve, t
from .course import open_course
from .model import RaterStatement, text_in
from .raters import TEACHER, groups_of
from .store import load_scores, save_statements


class TeacherForm:
    """The form; display it in a notebook cell (its ``box`` is the widget)."""

    def __init__(self, course_dir=".", *, presentation: str | None = None,
                 lang: str | None = None):
        self.lang = resolve(lang)
        self.course = open_course(course_dir)
        talks = {rubric.id: rubric for rubric in self.course.presentations}
        if presentation is not None and presentation not in talks:
            raise ValueError(t("rubric.form.unknown_presentation", self.lang,
                               presentation=presentation, allowed=", ".join(talks)))
        self.rubric = talks[presentation] if presentation else self.course.group_rubric
        self.group = widgets.Dropdown(options=groups_of(self.course.roster),
                                      description=t("rubric.form.group", self.lang))
        self.sliders = {c.id: widgets.FloatSlider(min=c.min_points, max=c.max_points, step=0.5,
                                                  value=c.min_points, continuous_update=False,
                                                  description=text_in(c.name, self.lang),
                                                  style={"description_width": "initial"},
                                                  layout=widgets.Layout(width="600px"))
                        for c in self.rubric.criteria}
        self.button = widgets.Button(description=t("rubric.form.save", self.lang), button_style="primary")
        self.status = widgets.HTML()
        rows = []
        for criterion in self.rubric.criteria:
            levels = "<br>".join(f"{lv.low:g}–{lv.high:g}: {html.escape(text_in(lv.descriptor, self.lang))}"
                                 for lv in criterion.levels)
            rows += [self.sliders[criterion.id], widgets.HTML(f"<small>{levels}</small>")]
        title = widgets.HTML(f"<h3>{html.escape(text_in(self.rubric.title, self.lang))}</h3>")
        self.box = widgets.VBox([title, self.group, *rows, self.button, self.status])
        self.group.observe(lambda change: self.load(change["new"]), names="value")
        self.button.on_click(lambda _: self.save())
        self.load(self.group.value)

    def load(self, group: str) -> None:
        """Show the teacher's stored scores of ``group`` (the lowest points where none)."""
        scores = load_scores(self.course.engine, self.rubric.id)
        mine = scores[(scores["rater_kind"] == "teacher") & (scores["subject"] == group)]
        stored = dict(zip(mine["criterion"], mine["points"]))
        for criterion in self.rubric.criteria:
            self.sliders[criterion.id].value = stored.get(criterion.id, criterion.min_points)
        self.status.value = ""

    def save(self) -> RaterStatement:
        """Store the sliders' values as the teacher's scores of the selected group."""
        group = self.group.value
        scores = pd.DataFrame([(group, cid, float(s.value), None) for cid, s in self.sliders.items()],
                              columns=["subject", "criterion", "points", "cell"])
        statement = RaterStatement(rubric=self.rubric.id, rater_kind="teacher", rater=TEACHER,
                                   scores=scores, source="notebook", subjects=(group,))
        save_statements(self.course.engine, [statement])
        self.status.value = html.escape(t("rubric.form.saved", self.lang, group=group,
                                          total=f"{scores['points'].sum():g}",
                                          max=f"{self.rubric.max_total:g}"))
        return statement

    def _repr_mimebundle_(self, **kwargs):
        return self.box._repr_mimebundle_(**kwargs)
