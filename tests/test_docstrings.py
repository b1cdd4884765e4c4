"""Students find their way with ``help(share_table)``: every public name has a
numpydoc docstring whose Examples run, here, exactly as printed."""
import doctest
import importlib
import inspect
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # examples draw charts; tests run headless

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import logicrm_edu  # noqa: E402

PACKAGE = Path(logicrm_edu.__file__).parent
# Every module holding a public name, the lesson's explorer (documented the same way) and
# every other module with an example in it (course.rounding, retention_data, ...).
WITH_EXAMPLES = {".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
                 for p in PACKAGE.rglob("*.py") if ">>>" in p.read_text(encoding="utf-8")}
MODULES = sorted(set(logicrm_edu._PUBLIC.values()) | {"explorer"} | WITH_EXAMPLES)


@pytest.mark.parametrize("module_name", MODULES)
def test_examples_run_as_printed(module_name, monkeypatch):
    monkeypatch.delenv("LOGICRM_LANG", raising=False)  # examples show the default, Chinese
    module = importlib.import_module(f"logicrm_edu.{module_name}")
    report = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    # pandas' defaults, as a student's fresh Jupyter kernel has them
    with pd.option_context("display.unicode.east_asian_width", False,
                           "display.width", 80, "display.max_columns", 20,
                           "display.max_rows", 60):
        for test in doctest.DocTestFinder().find(module):
            runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


def test_modules_with_examples_outside_the_public_names_are_run():
    assert {"course.rounding", "retention_data"} <= set(MODULES)


def _sections(doc: str) -> set[str]:
    """numpydoc section titles: a line followed by a line of dashes of the same length."""
    lines = [line.strip() for line in doc.splitlines()]
    return {title for title, rule in zip(lines, lines[1:])
            if title and re.fullmatch(r"-{3,}", rule) and len(rule) == len(title)}


def _takes_arguments(obj) -> bool:
    return bool(inspect.signature(obj).parameters)


def _missing(name: str) -> list[str]:
    obj = getattr(logicrm_edu, name)
    doc = inspect.getdoc(obj) or ""
    sections = _sections(doc)
    problems = []
    if not doc:
        problems.append("no docstring")
    if "Examples" not in sections or ">>>" not in doc.split("Examples", 1)[-1]:
        problems.append("no Examples section with a >>> example")
    if _takes_arguments(obj) and "Parameters" not in sections:
        problems.append("no Parameters section")
    return problems


def test_every_public_name_has_parameters_and_examples():
    missing = {name: problems for name in sorted(logicrm_edu._PUBLIC)
               if (problems := _missing(name))}
    assert not missing, "public names whose docstring is incomplete:\n" + "\n".join(
        f"  {name} ({logicrm_edu._PUBLIC[name]}.py): {'; '.join(problems)}"
        for name, problems in missing.items())


def test_section_check_sees_a_missing_examples_section():
    def documented(x):
        """Summary.

        Parameters
        ----------
        x : int
            A number.
        """

    assert _sections(inspect.getdoc(documented)) == {"Parameters"}
