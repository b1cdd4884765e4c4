"""assignments.task / assignments.abc_tiering: one judgement in the student's kernel and in
the grader.

Right and wrong answers are built from textbook table 3-8 as typed in by hand
(tests/textbook.py); the data files are real xlsx/csv files.
"""
import io
import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import openpyxl
import pandas as pd
import pytest

from logicrm_edu import SchemeError
from logicrm_edu.assignments import TASKS, AbcTiering, Task
from logicrm_edu.assignments.task import MISSING, GraderOnly, KernelSources
from logicrm_edu.checks import Scheme, Verdict
from logicrm_edu.fonts import use_chinese_font
from logicrm_edu.grading.answers import roundtrip
from logicrm_edu.grading.directives import Directive
from logicrm_edu.student_data import student_customers
from textbook import REVENUE, TABLE_3_8, TIERS_80_95, TOTAL

ROOT = Path(__file__).parents[2]
TEXTBOOK_FILE = ROOT / "course" / "source" / "abc_tiering" / "customers.xlsx"
COLUMNS = ["客户", "营业收入", "比重(%)", "累计营业收入", "累计比重(%)"]
AUDIT = ("n_customers", "total_revenue", "n_missing")
SEED = "a-test-seed"


@pytest.fixture(scope="module", autouse=True)
def _fonts():
    use_chinese_font()


# -- textbook answers, by hand -----------------------------------------------------------------

def textbook_data() -> pd.DataFrame:
    """Table 3-7: customers 1–14 and their revenue (万元)."""
    return pd.DataFrame({"客户": list(REVENUE), "营业收入": list(REVENUE.values())})


def share_table() -> pd.DataFrame:
    """Table 3-8, as the student's ``table``."""
    return pd.DataFrame([row[:5] for row in TABLE_3_8], columns=COLUMNS)


def tiered_table(rule=("le", "same")) -> pd.DataFrame:
    tiered = share_table()
    tiered["类别"] = list(TIERS_80_95[rule])
    return tiered


def tier_chart(tiered: pd.DataFrame, *, line: bool = True):
    """The step-5 chart a student draws: bars high to low, the cumulative share line on a
    twin axis, each tick labelled with the customer and the class."""
    fig, ax = plt.subplots(figsize=(9, 4.5))
    positions = list(range(len(tiered)))
    ax.bar(positions, tiered["营业收入"])
    ax.set_xticks(positions, [f"{c}\n{k}" for c, k in zip(tiered["客户"], tiered["类别"])])
    ax.set_title("长海物流公司客户分层图")
    ax.set_xlabel("客户 / 类别")
    ax.set_ylabel("营业收入（万元）")
    if line:
        ax2 = ax.twinx()
        ax2.plot(positions, tiered["累计比重(%)"], marker="o")
        ax2.set_ylim(0, 105)
        ax2.set_ylabel("累计比重(%)")
    return ax


class Sources:
    """Fixed data for :meth:`Task.run`; records which side a directive used."""

    def __init__(self, handed=None, teacher=None):
        self._handed, self._teacher, self.used = handed, teacher, []

    def handed(self):
        self.used.append("handed")
        if self._handed is None:
            raise AssertionError("handed data should not be needed")
        return self._handed

    def teacher(self):
        self.used.append("teacher")
        if isinstance(self._teacher, Exception):
            raise self._teacher
        if self._teacher is None:
            raise AssertionError("teacher data should not be needed")
        return self._teacher


def answers(**values) -> dict:
    """Answers as the grader has them: each value through the kernel's JSON round trip."""
    return {name: roundtrip(value) for name, value in values.items()}


def run(method, step, names, values, sources, task=None):
    task = task or AbcTiering()
    return task.run(Directive(method, step, tuple(names)), values, sources)


# -- Task.run: grade ---------------------------------------------------------------------------

def test_grade_step2_right():
    sources = Sources(handed=textbook_data())
    verdict = run("grade", "step2", AUDIT, answers(n_customers=14, total_revenue=2000,
                                                   n_missing=0), sources)
    assert verdict.passed and verdict.step == "step2"
    assert sources.used == ["handed"]


@pytest.mark.parametrize("values, mistake", [
    ((13, TOTAL, 0), "checks.count_off_by_one"),
    ((14, 1999, 0), "checks.wrong_total"),
    ((14, TOTAL / 14, 0), "checks.total_is_mean"),
    ((14, TOTAL, 1), "checks.wrong_missing"),
])
def test_grade_step2_wrong(values, mistake):
    verdict = run("grade", "step2", AUDIT, answers(**dict(zip(AUDIT, values))),
                  Sources(handed=textbook_data()))
    assert (verdict.passed, verdict.mistake) == (False, mistake)


def test_grade_step3_right_and_wrong():
    data = textbook_data()
    assert run("grade", "step3", ["table"], answers(table=share_table()), Sources(data)).passed
    as_fraction = share_table()
    as_fraction[["比重(%)", "累计比重(%)"]] /= 100
    verdict = run("grade", "step3", ["table"], answers(table=as_fraction), Sources(data))
    assert (verdict.passed, verdict.mistake) == (False, "checks.share_as_fraction")
    ascending = share_table().iloc[::-1].reset_index(drop=True)
    verdict = run("grade", "step3", ["table"], answers(table=ascending), Sources(data))
    assert (verdict.passed, verdict.mistake) == (False, "checks.sorted_ascending")


def test_grade_step4_with_the_course_scheme():
    # the course: cuts 80/95, boundary le, ties same → customers 10 and 12 (both 40) are B
    task = AbcTiering(scheme=dict(cuts=(80, 95), by="cumulative", boundary="le", ties="same"))
    data = textbook_data()
    assert run("grade", "step4", ["tiered"], answers(tiered=tiered_table()), Sources(data),
               task).passed
    verdict = run("grade", "step4", ["tiered"], answers(tiered=tiered_table(("le", "order"))),
                  Sources(data), task)
    assert (verdict.passed, verdict.mistake) == (False, "checks.tie_rule")
    assert verdict.fields["customers"] == [10, 12]


def test_grade_step4_follows_the_teachers_scheme():
    # with ties="order" the strict split is right and the tied split is wrong
    task = AbcTiering(scheme=dict(cuts=(80, 95), ties="order"))
    data = textbook_data()
    assert run("grade", "step4", ["t"], answers(t=tiered_table(("le", "order"))), Sources(data),
               task).passed
    assert not run("grade", "step4", ["t"], answers(t=tiered_table(("le", "same"))),
                   Sources(data), task).passed


def test_grade_step5_chart():
    data = textbook_data()
    verdict = run("grade", "step5", ["ax"], answers(ax=tier_chart(tiered_table())), Sources(data))
    assert verdict.passed, str(verdict)
    verdict = run("grade", "step5", ["ax"], answers(ax=tier_chart(tiered_table(), line=False)),
                  Sources(data))
    assert (verdict.passed, verdict.mistake) == (False, "checks.chart_no_line")


# -- Task.run: which data ----------------------------------------------------------------------

def edited_data() -> pd.DataFrame:
    """The textbook data with customer 4's revenue changed from 740 to 840 (total 2100)."""
    data = textbook_data()
    data.loc[data["客户"] == 4, "营业收入"] = 840
    return data


def test_grade_judges_the_handed_data_and_the_hidden_test_the_teachers():
    right_for_textbook = answers(n_customers=14, total_revenue=2000, n_missing=0)
    sources = Sources(handed=edited_data(), teacher=textbook_data())
    verdict = run("grade", "step2", AUDIT, right_for_textbook, sources)
    assert (verdict.passed, verdict.mistake) == (False, "checks.wrong_total")
    assert sources.used == ["handed"]
    sources = Sources(handed=edited_data(), teacher=textbook_data())
    assert run("grade_against_teacher_data", "step2", AUDIT, right_for_textbook, sources).passed
    assert sources.used == ["teacher"]


def test_answers_right_for_an_edited_file_fail_against_the_teachers_data():
    right_for_edited = answers(n_customers=14, total_revenue=2100, n_missing=0)
    sources = Sources(handed=edited_data(), teacher=textbook_data())
    assert run("grade", "step2", AUDIT, right_for_edited, sources).passed
    verdict = run("grade_against_teacher_data", "step2", AUDIT, right_for_edited, sources)
    assert (verdict.passed, verdict.mistake) == (False, "checks.wrong_total")


# -- Task.run: require, missing answers, grader-only data --------------------------------------

def test_require_passes_when_the_answers_exist_however_wrong():
    wrong = answers(n_customers=1, total_revenue="?", n_missing=None)
    verdict = run("require", "step2", AUDIT, wrong, Sources())  # no data is looked at
    assert verdict.passed and verdict.message() == (
        "找到了 n_customers、total_revenue、n_missing；这个单元格的隐藏测试会在评分时用你没见过的数据再核对一次。")


@pytest.mark.parametrize("method", ["grade", "require", "grade_against_teacher_data"])
def test_missing_answer_names_the_first_missing(method):
    values = answers(n_customers=14)
    sources = Sources(textbook_data(), textbook_data())
    verdict = run(method, "step2", AUDIT, values, sources)
    assert verdict == Verdict("step2", False, "task.undefined", {"name": "total_revenue"})
    assert sources.used == []
    assert "total_revenue" in verdict.message("zh") and "total_revenue" in verdict.message("en")


def test_missing_marker_counts_as_missing():
    values = {"table": MISSING}
    verdict = run("grade", "step3", ["table"], values, Sources(textbook_data()))
    assert verdict == Verdict("step3", False, "task.undefined", {"name": "table"})


def test_none_is_an_answer_not_a_missing_one():
    verdict = run("grade", "step3", ["table"], answers(table=None), Sources(textbook_data()))
    assert not verdict.passed and verdict.mistake != "task.undefined"


def test_teacher_data_only_on_the_grader():
    sources = Sources(handed=textbook_data(), teacher=GraderOnly("customers.xlsx"))
    verdict = run("grade_against_teacher_data", "step3", ["table"], answers(table=share_table()),
                  sources)
    assert verdict == Verdict("step3", False, "task.grader_only")
    assert "教师" in verdict.message("zh") and "teacher" in verdict.message("en")


def test_kernel_sources_per_student_teacher_data_is_grader_only(tmp_path):
    task = AbcTiering(data_file=str(tmp_path / "customers.xlsx"), dataset="per-student")
    with pytest.raises(GraderOnly):
        KernelSources(task).teacher()
    verdict = task.run(Directive("grade_against_teacher_data", "step3", ("table",)),
                       answers(table=share_table()), KernelSources(task))
    assert verdict == Verdict("step3", False, "task.grader_only")


def test_kernel_sources_textbook_teacher_data_is_the_textbook(tmp_path):
    shutil.copy(TEXTBOOK_FILE, tmp_path / "customers.xlsx")
    task = AbcTiering(data_file=str(tmp_path / "customers.xlsx"))
    teacher = KernelSources(task).teacher()
    assert dict(zip(teacher["客户"], teacher["营业收入"])) == REVENUE
    handed = KernelSources(task).handed()
    assert dict(zip(handed["客户"], handed["营业收入"])) == REVENUE


# -- the notebook's calls ----------------------------------------------------------------------

@pytest.fixture
def notebook_dir(tmp_path, monkeypatch):
    """A student's folder holding the handed textbook file; the cwd, as in Jupyter."""
    shutil.copy(TEXTBOOK_FILE, tmp_path / "customers.xlsx")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def cell(code: str, namespace: dict) -> None:
    """Run ``code`` like a notebook cell: in the notebook's global namespace."""
    exec(compile(code, "<cell>", "exec"), namespace)


def test_grade_in_a_notebook_passes(notebook_dir):
    namespace = {"task": AbcTiering(data_file="customers.xlsx"), "table": share_table()}
    for method in ("grade", "require", "grade_against_teacher_data"):
        cell(f'v = task.{method}("step3", "table", show=False)', namespace)
        assert namespace["v"].passed, method


def test_a_failed_grade_is_a_verdict_with_the_hint(notebook_dir):
    # shown in a notebook (test_run_all.py); returned with show=False
    wrong = share_table()
    wrong[["比重(%)", "累计比重(%)"]] /= 100
    namespace = {"task": AbcTiering(data_file="customers.xlsx"), "table": wrong}
    cell('v = task.grade("step3", "table", show=False)', namespace)
    assert not namespace["v"].passed
    assert "小数" in namespace["v"].message() and "乘以 100" in namespace["v"].message()
    # the answer exists: require passes
    cell('v = task.require("step3", "table", show=False)', namespace)
    assert namespace["v"].passed


def test_grade_in_a_notebook_reads_the_cells_own_variables(notebook_dir):
    """The names are looked up in the calling cell's namespace, not anywhere else."""
    right = {"task": AbcTiering(data_file="customers.xlsx"), "table": share_table()}
    other = {"task": right["task"]}
    cell('v = task.grade("step3", "table", show=False)', right)
    assert right["v"].passed
    cell('v = task.grade("step3", "table", show=False)', other)
    assert "没有找到变量 table" in other["v"].message()


def test_missing_variable_in_a_notebook(notebook_dir):
    namespace = {"task": AbcTiering(data_file="customers.xlsx"), "n_customers": 14}
    for method in ("grade", "require", "grade_against_teacher_data"):
        cell(f'v = task.{method}("step2", "n_customers", "total_revenue", "n_missing", show=False)',
             namespace)
        assert "没有找到变量 total_revenue" in namespace["v"].message(), method


def test_step2_in_a_notebook(notebook_dir):
    namespace = {"task": AbcTiering(data_file="customers.xlsx")}
    cell('import pandas as pd\n'
         'df = pd.read_excel("customers.xlsx")\n'
         'n_customers = len(df)\n'
         'total_revenue = df["营业收入"].sum()\n'
         'n_missing = int(df.isna().sum().sum())\n', namespace)
    cell('v = task.grade("step2", "n_customers", "total_revenue", "n_missing", show=False)', namespace)
    assert namespace["v"].passed
    namespace["n_customers"] = len(namespace["df"].columns)  # 2: the count of columns
    cell('v = task.grade("step2", "n_customers", "total_revenue", "n_missing", show=False)', namespace)
    assert "列数" in namespace["v"].message()


def test_called_from_a_function_defined_in_the_notebook(notebook_dir):
    namespace = {"task": AbcTiering(data_file="customers.xlsx"), "table": share_table()}
    cell('def run_test():\n    return task.grade("step3", "table", show=False)\nv = run_test()', namespace)
    assert namespace["v"].passed


def test_hidden_test_in_a_students_kernel_with_per_student_data(notebook_dir):
    namespace = {"task": AbcTiering(data_file="customers.xlsx", dataset="per-student"),
                 "table": share_table()}
    cell('v = task.grade_against_teacher_data("step3", "table", show=False)', namespace)
    assert "只在教师评分时进行" in namespace["v"].message()
    cell('v = task.grade("step3", "table", show=False)', namespace)  # the handed file is the textbook here
    assert namespace["v"].passed


def test_check_returns_the_verdict_and_never_raises(notebook_dir):
    namespace = {"task": AbcTiering(data_file="customers.xlsx"), "table": share_table()}
    cell('ok = task.check("step3", table)', namespace)
    assert isinstance(namespace["ok"], Verdict) and namespace["ok"].passed
    cell('bad = task.check("step3", table.iloc[::-1])', namespace)
    assert (namespace["bad"].passed, namespace["bad"].mistake) == (False,
                                                                   "checks.sorted_ascending")
    cell('none = task.check("step3", None)', namespace)
    assert not namespace["none"].passed


def test_check_without_an_answer_is_a_failed_verdict(notebook_dir):
    """A student who forgets the answer (``task.check("step3")``) gets a verdict to act
    on, not a bare IndexError traceback."""
    task = AbcTiering(data_file="customers.xlsx")
    verdict = task.check("step3")
    assert isinstance(verdict, Verdict) and not verdict.passed


def test_check_step2_takes_three_answers(notebook_dir):
    task = AbcTiering(data_file="customers.xlsx")
    assert task.check("step2", 14, 2000, 0).passed
    verdict = task.check("step2", 14, 2000 / 14, 0)
    assert (verdict.passed, verdict.mistake) == (False, "checks.total_is_mean")


def test_check_and_grade_agree(notebook_dir):
    task = AbcTiering(data_file="customers.xlsx")
    for tiered in (tiered_table(), tiered_table(("le", "order")), tiered_table(("cross", "same"))):
        namespace = {"task": task, "tiered": tiered}
        verdict = task.check("step4", tiered)
        cell('v = task.grade("step4", "tiered", show=False)', namespace)
        assert namespace["v"] == verdict
    assert task.check("step4", tiered_table()).passed
    assert not task.check("step4", tiered_table(("cross", "same"))).passed


def test_check_step5_with_the_students_axes(notebook_dir):
    task = AbcTiering(data_file="customers.xlsx")
    namespace = {"task": task, "ax": tier_chart(tiered_table())}
    assert task.check("step5", namespace["ax"]).passed
    cell('v = task.grade("step5", "ax", show=False)', namespace)
    assert namespace["v"].passed


# -- AbcTiering --------------------------------------------------------------------------------

def test_tasks_registry():
    """Every assignment module's task class is found without a list: one per source folder
    of the course, each importable from the package by its name."""
    import logicrm_edu.assignments as package

    assert TASKS["AbcTiering"] is AbcTiering and issubclass(AbcTiering, Task)
    assert all(getattr(package, name) is cls and issubclass(cls, Task) for name, cls in TASKS.items())
    source = ROOT / "course" / "source"
    assert len(TASKS) == len([p for p in source.iterdir() if p.is_dir()])


def test_abc_tiering_settings():
    task = AbcTiering(data_file="data/客户.csv", scheme=dict(cuts=(70, 90), ties="order"),
                      dataset="per-student")
    assert task.data_file == Path("data/客户.csv")
    assert task.scheme == Scheme(cuts=(70, 90), ties="order")
    assert task.per_student is True
    default = AbcTiering()
    assert (default.data_file, default.scheme, default.per_student) == (
        Path("customers.xlsx"), Scheme(), False)


def test_a_bad_scheme_or_argument_fails_at_once():
    with pytest.raises(SchemeError):
        AbcTiering(scheme=dict(cuts=(95, 80)))
    with pytest.raises(TypeError):
        AbcTiering(scheme=dict(colour="red"))
    with pytest.raises(TypeError):
        AbcTiering(datafile="customers.xlsx")


def test_read_data_reads_each_file_once(tmp_path):
    path = tmp_path / "customers.xlsx"
    shutil.copy(TEXTBOOK_FILE, path)
    task = AbcTiering(data_file=str(path))
    first = task.read_data(path)
    assert dict(zip(first["客户"], first["营业收入"])) == REVENUE
    assert task.read_data(path) is first


def test_teacher_data_textbook():
    data = AbcTiering().teacher_data(None, {})
    assert dict(zip(data["客户"], data["营业收入"])) == REVENUE
    assert AbcTiering().teacher_data("s001", {"seed": SEED}).equals(data)


def test_teacher_data_per_student():
    task = AbcTiering(dataset="per-student")
    data = task.teacher_data("s001", {"seed": SEED, "customers": "12"})
    assert data.equals(student_customers(SEED, "s001", 12))
    assert len(data) == 12
    assert not data.equals(task.teacher_data("s002", {"seed": SEED, "customers": 12}))
    assert len(task.teacher_data("s001", {"seed": SEED})) == 20  # the default count


def test_teacher_data_per_student_seed_from_toml_as_a_number():
    task = AbcTiering(dataset="per-student")
    assert task.teacher_data("s001", {"seed": 1234}).equals(student_customers("1234", "s001"))


def test_student_files_textbook_is_nothing_to_hand_out():
    assert AbcTiering().student_files("s001", {"seed": SEED}) == {}


def test_student_files_xlsx(tmp_path):
    task = AbcTiering(dataset="per-student")
    files = task.student_files("s001", {"seed": SEED, "customers": 12})
    assert list(files) == ["customers.xlsx"]
    path = tmp_path / "customers.xlsx"
    path.write_bytes(files["customers.xlsx"])
    expected = student_customers(SEED, "s001", 12)
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("客户", "客户名称", "行业", "区域", "营业收入")
    assert rows[1:] == list(expected.itertuples(index=False, name=None))
    pd.testing.assert_frame_equal(pd.read_excel(path), expected)
    handed = task.read_data(path)
    assert list(handed["客户"]) == list(expected["客户"])
    assert list(handed["营业收入"]) == list(expected["营业收入"])


def test_student_files_csv(tmp_path):
    task = AbcTiering(data_file="我的客户.csv", dataset="per-student")
    files = task.student_files("s002", {"seed": SEED})
    assert list(files) == ["我的客户.csv"]
    raw = files["我的客户.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel opens the Chinese headings
    expected = student_customers(SEED, "s002", 20)
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig"), expected)
    path = tmp_path / "我的客户.csv"
    path.write_bytes(raw)
    handed = task.read_data(path)
    assert list(handed["营业收入"]) == list(expected["营业收入"])


def test_student_files_differ_between_students_and_repeat_for_one():
    task = AbcTiering(dataset="per-student")
    course = {"seed": SEED}
    first = pd.read_excel(io.BytesIO(task.student_files("s001", course)["customers.xlsx"]))
    again = pd.read_excel(io.BytesIO(task.student_files("s001", course)["customers.xlsx"]))
    other = pd.read_excel(io.BytesIO(task.student_files("s002", course)["customers.xlsx"]))
    pd.testing.assert_frame_equal(first, again)
    assert not first["营业收入"].equals(other["营业收入"])
    other_seed = pd.read_excel(io.BytesIO(
        task.student_files("s001", {"seed": "another"})["customers.xlsx"]))
    assert not first["营业收入"].equals(other_seed["营业收入"])


def test_describe_scheme_prints_in_the_students_language(capsys):
    AbcTiering(scheme=dict(cuts=(70, 90))).describe_scheme("zh")
    zh = capsys.readouterr().out
    AbcTiering(scheme=dict(cuts=(70, 90))).describe_scheme("en")
    en = capsys.readouterr().out
    assert "70" in zh and "90" in zh and "A/B/C" in zh
    assert "70" in en and "90" in en and zh != en


# -- the unseen data of the hidden tests' second run ------------------------------------------

def test_variant_data_keeps_the_shape_and_changes_the_revenue():
    task = AbcTiering()
    handed = textbook_data()
    variant = task.variant_data(handed, "2301", {"seed": "s"})
    assert list(variant.columns) == list(handed.columns)
    assert variant["客户"].tolist() == handed["客户"].tolist()
    assert variant["营业收入"].dtype == handed["营业收入"].dtype  # whole numbers stay whole
    assert variant["营业收入"].sum() != 2000 and (variant["营业收入"] >= 1).all()
    assert variant["营业收入"].tolist() != handed["营业收入"].tolist()
    # the same student gets the same data on every regrade; another student other data
    assert variant.equals(task.variant_data(handed, "2301", {"seed": "s"}))
    assert not variant.equals(task.variant_data(handed, "2302", {"seed": "s"}))


def test_variant_data_keeps_decimals_and_blanks():
    handed = pd.DataFrame({"客户": [1, 2, 3, 4], "营业收入": [442.4, None, 125.7, 0.2]})
    variant = AbcTiering().variant_data(handed, "2301", {"seed": "s"})
    assert variant["营业收入"].isna().tolist() == [False, True, False, False]
    known = variant["营业收入"].dropna()
    assert all(round(v * 10) == v * 10 for v in known)  # one decimal, as handed
