"""Feedback from hostile submissions, with real nbgrader on the course's real notebook.

- student markup (markdown and raw cells) is inert in the feedback page and in the
  formgrader's view, and ordinary answers stay readable;
- a student's own "BEGIN HIDDEN TESTS" / "BEGIN MARK SCHEME" lines leave their page
  as it is and fail nobody's feedback; the teacher's hidden tests and mark scheme are
  still cleared;
- one notebook that cannot be rendered costs only its own page, and the teacher is told
  whose and why;
- no page of the grading kit shows hidden tests, the mark scheme, a server folder or
  active content.

- students' errors (a misspelt column, an endless loop, an unanswered cell) read as
  one plain sentence, and no page shows a traceback or an exception's name;
- the page's frame is Chinese first, each graded cell shows its status in words and
  colour, and answers the teacher has not marked show as 待批改 (pending) until
  marked; ``logicrm feedback`` says whose marking is pending.

Notebooks are autograded by the course's own engine (sandbox, tests judged outside).
"""
import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from bleach._vendor import html5lib
from click.testing import CliRunner
from nbconvert.exporters import HTMLExporter
from nbformat.v4 import new_markdown_cell, new_raw_cell
from nbgrader.server_extensions.formgrader import handlers as formgrader
from traitlets.config import Config

from logicrm_edu import cli
from logicrm_edu.autograde import autograde_submissions
from logicrm_edu.grading.feedback import InertStudentMarkdown, generate_feedback
from logicrm_edu.grading.records import record_path
from logicrm_edu.course.nbgrader_app import nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[2]
KIT = ROOT / "autograder" / "abc_tiering"
ASSIGNMENT = "abc_tiering"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
SPECS = load_specs(KIT / "submissions.toml")
KIT_STUDENTS = list(SPECS)
CLEAN = "correct_reference"

READABLE = """**我的答案（第 1 步）**

### 分类指标：营业收入

- 我选择的分类指标：**营业收入**
- 理由：
  1. 公司的目标是*提高营业收入*
  2. 营业收入数据容易取得、能比较

| 类别 | 客户数 | 营业收入比重 |
|:--|--:|--:|
| A 类 | 4 | 79.5% |

第一行结论  
第二行结论<br>第三行结论
"""
HOSTILE = """**我的分析（第 6 步）**

A 类客户贡献了大部分营业收入。<script>alert(1)</script>

markdown 链接：[也点我](javascript:alert(4)) <javascript:alert(5)> ![图](javascript:alert(6))

<img src=x onerror=alert(2)>
<a href="javascript:alert(3)">点我</a>
<a href="jav&#x09;ascript:alert(7)">tab</a>

<iframe src="https://example.com/"></iframe>
<svg onload=alert(8)><circle r="5"/></svg>
<math><mi xlink:href="javascript:alert(9)">m</mi></math>
<style>body { display: none }</style>
<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:white">遮住页面</p>
<details open ontoggle=alert(10)><summary>展开</summary>内容</details>
<form action="javascript:alert(11)"><button formaction="javascript:alert(12)">提交</button></form>
<meta http-equiv="refresh" content="0;url=javascript:alert(13)">
<object data="javascript:alert(14)"></object><embed src="javascript:alert(15)">
<base href="javascript:alert(16)//">
`<code>[x](javascript:alert(17))</code>`
"""
HOSTILE_RAW = ('<script>alert(20)</script><img src=x onerror=alert(21)>'
               '<a href="javascript:alert(22)">r</a>')
# what no page may contain, whatever the student did
ACTIVE_TAGS = ("script", "iframe", "object", "embed", "svg", "math", "form", "base", "meta",
               "link", "style", "button", "input", "textarea", "frame", "frameset", "applet")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "background", "poster")
CODE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
SECRETS = ("grade_against_teacher_data", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS",
           "BEGIN MARK SCHEME", "END MARK SCHEME", "评分要点")


# the course --------------------------------------------------------------------------------

def _answer_cell(nb, heading: str):
    return next(c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(heading))


def _hostile_submissions(release) -> dict:
    """Students whose notebooks attack the feedback page or nbgrader's clearing."""
    def reference(**cells):
        spec = dict(resolved(SPECS, CLEAN))
        spec["cells"] = {**spec["cells"], **cells}
        return build_submission(release, spec)

    markup = reference()
    _answer_cell(markup, "**我的答案（第 1 步）**").source = READABLE
    _answer_cell(markup, "**我的分析（第 6 步）**").source = HOSTILE
    markup.cells.append(new_raw_cell(HOSTILE_RAW))

    hidden = reference(step2_answer=SPECS[CLEAN]["cells"]["step2_answer"]
                       + "# BEGIN HIDDEN TESTS  我以为这样能看到隐藏测试\n")
    _answer_cell(hidden, "**我的答案（第 1 步）**").source = "### BEGIN HIDDEN TESTS\n我的指标"

    scheme = reference()
    _answer_cell(scheme, "**我的分析（第 6 步）**").source = \
        "### BEGIN MARK SCHEME\n我的分析：A 类客户最重要"
    scheme.cells.append(new_markdown_cell("BEGIN MARK SCHEME 但没有结束"))
    return {"hostile_markup": markup, "own_hidden_tests": hidden, "own_mark_scheme": scheme}


def _new_course(base: Path) -> Path:
    root = base / "course"
    root.mkdir(parents=True)
    config = (ROOT / "course" / "nbgrader_config.py").read_text(encoding="utf-8")
    (root / "nbgrader_config.py").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "course" / "source", root / "source")
    run(nbgrader_api(root).generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    return root


def _submit(root: Path, notebooks: dict) -> None:
    release_dir = root / "release" / ASSIGNMENT
    for student, nb in notebooks.items():
        folder = root / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        shutil.copy(release_dir / "customers.xlsx", folder)
        nbformat.write(nb, folder / NOTEBOOK)


def _autograde(root: Path, students) -> None:
    results = autograde_submissions(root, ASSIGNMENT, students=students, progress=False)
    assert all(r.status == "graded" for r in results), results


@pytest.fixture(scope="module")
def graded(tmp_path_factory) -> Path:
    """The course with the kit's and the hostile students' notebooks autograded, no feedback yet."""
    root = _new_course(tmp_path_factory.mktemp("graded"))
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, 4)
    hostile = _hostile_submissions(release)
    kit = {name: build_submission(release, resolved(SPECS, name)) for name in KIT_STUDENTS}
    _submit(root, kit | hostile)
    _autograde(root, KIT_STUDENTS + list(hostile))
    return root


@pytest.fixture(scope="module")
def fed_back(graded):
    """``graded`` after ``generate_feedback`` for everyone: (course, report)."""
    return graded, generate_feedback(graded, ASSIGNMENT)


@pytest.fixture
def graded_copy(graded, tmp_path) -> Path:
    root = tmp_path / "course"
    shutil.copytree(graded, root)
    return root


# reading pages -----------------------------------------------------------------------------

def _page_path(course: Path, student: str) -> Path:
    return course / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"


def _page(course: Path, student: str) -> str:
    return _page_path(course, student).read_text(encoding="utf-8")


def _tree(page: str):
    """The page as a browser builds it (html5lib, the parser bleach uses)."""
    return html5lib.parse(page, namespaceHTMLElements=False)


def _text(element) -> str:
    return "".join(element.itertext())


def _local(name: str) -> str:
    """A tag or attribute name without its namespace (html5lib keeps SVG's and MathML's)."""
    return name.rsplit("}", 1)[-1].lower()


def _elements(tree, tag: str) -> list:
    return [el for el in tree.iter() if isinstance(el.tag, str) and _local(el.tag) == tag]


def _active_content(page: str) -> dict:
    """What on the page could run or restyle it: elements by kind, event-handler
    attributes, URLs whose scheme runs code (as a browser reads them: whitespace and
    case ignored), and style attributes."""
    tree = _tree(page)
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    attributes = [(_local(el.tag), _local(name), value) for el in elements
                  for name, value in el.attrib.items()]
    return {
        "elements": {tag: len(_elements(tree, tag)) for tag in ACTIVE_TAGS},
        "handlers": [(tag, name) for tag, name, _ in attributes if name.startswith("on")],
        "urls": [(tag, name, value) for tag, name, value in attributes if name in URL_ATTRIBUTES
                 and "".join(value.split()).lower().startswith(CODE_SCHEMES)],
        "styles": sorted(value for _, name, value in attributes if name == "style"),
    }


# 1. student markup is inert, ordinary answers stay readable ----------------------------------

def test_hostile_markup_adds_no_active_content_to_the_page(fed_back):
    course, report = fed_back
    assert "hostile_markup" in report.done
    hostile = _active_content(_page(course, "hostile_markup"))
    clean = _active_content(_page(course, CLEAN))
    assert hostile["elements"] == clean["elements"]
    assert hostile["handlers"] == clean["handlers"] == []
    assert hostile["urls"] == []
    # table alignment is the only style a student's markup keeps
    added = set(hostile["styles"]) - set(clean["styles"])
    kept = {style.replace(" ", "").rstrip(";") for style in added}
    assert kept <= {"text-align:left", "text-align:right"}


def test_hostile_markup_is_shown_as_text(fed_back):
    course, _ = fed_back
    text = _text(_tree(_page(course, "hostile_markup")))
    # what the student attempted stays visible to whoever reads the page
    for attempt in ("<script>alert(1)</script>", "<iframe", "<style>body { display: none }</style>",
                    "<script>alert(20)</script>", "A 类客户贡献了大部分营业收入。"):
        assert attempt in text, attempt
    # markdown inside code is not made into a link by a later pass
    assert "[x](javascript:alert(17))" in text


def test_markdown_links_to_scripts_lose_their_target(fed_back):
    course, _ = fed_back
    tree = _tree(_page(course, "hostile_markup"))
    links = {_text(a): a.get("href") for a in _elements(tree, "a")}
    # rendered as links (markdown was read), with no target left
    assert links["也点我"] is None and links["javascript:alert(5)"] is None
    assert links["点我"] is None and links["tab"] is None
    image = next(img for img in _elements(tree, "img") if img.get("alt") == "图")
    assert image.get("src") is None


def test_student_markdown_stays_readable(fed_back):
    course, _ = fed_back
    tree = _tree(_page(course, "hostile_markup"))
    assert "分类指标：营业收入" in [_text(h) for h in _elements(tree, "h3")]
    assert "营业收入" in [_text(s) for s in _elements(tree, "strong")]
    items = [" ".join(_text(li).split()) for li in _elements(tree, "li")]
    assert "公司的目标是提高营业收入" in items and "营业收入数据容易取得、能比较" in items
    table = next(t for t in _elements(tree, "table") if "营业收入比重" in _text(t))
    assert [_text(td) for td in table.iter("td")] == ["A 类", "4", "79.5%"]
    lines = next(p for p in _elements(tree, "p") if "第一行结论" in _text(p))
    assert len(list(lines.iter("br"))) == 2 and "第三行结论" in _text(lines)
    # the teacher's collapsible glossary, in a cell students may edit, still folds
    assert any("术语表" in _text(summary) for details in _elements(tree, "details")
               for summary in details.iter("summary"))


def test_teacher_cells_are_rendered_as_nbgrader_renders_them(fed_back):
    course, _ = fed_back
    tree = _tree(_page(course, "hostile_markup"))
    # nbconvert gives headings an id and a ¶ link; student cells keep no ids
    headings = {_text(h).rstrip("¶"): h.get("id") for h in _elements(tree, "h2")}
    for locked in ("第 1 步\u3000选定分类指标（2 分）", "第 6 步\u3000提出分层管理建议和策略（6 分）"):
        assert headings[locked], locked
    # unlocked, but the released text untouched: the teacher's words, rendered by nbconvert
    assert headings["第 2 步\u3000读入并审核客户资料（2 分）"]


def test_inert_markdown_is_stable_under_a_second_pass(graded):
    # the engine makes markdown inert at autograde time (for the formgrader); feedback
    # makes it inert again, which must change nothing
    nb = nbformat.read(graded / "autograded" / "hostile_markup" / ASSIGNMENT / NOTEBOOK, 4)
    graded_text = next(c.source for c in nb.cells if "我的分析（第 6 步）" in c.source)
    assert graded_text.startswith("<div>") and "\n" not in graded_text
    assert "<script>" not in graded_text
    assert InertStudentMarkdown().inert_html(graded_text) == graded_text


def test_formgrader_view_is_inert_when_autograde_makes_markdown_inert(tmp_path):
    # the formgrader renders the autograded notebook itself, with its own template
    root = _new_course(tmp_path)
    release = nbformat.read(root / "release" / ASSIGNMENT / NOTEBOOK, 4)
    hostile = _hostile_submissions(release)
    _submit(root, {CLEAN: build_submission(release, resolved(SPECS, CLEAN)),
                   "hostile_markup": hostile["hostile_markup"]})
    _autograde(root, [CLEAN, "hostile_markup"])
    pages = {student: _formgrader_page(root, student) for student in (CLEAN, "hostile_markup")}
    hostile_view, clean_view = (_active_content(pages[s]) for s in ("hostile_markup", CLEAN))
    assert hostile_view["elements"] == clean_view["elements"]
    assert hostile_view["handlers"] == clean_view["handlers"]  # the formgrader's own buttons
    assert hostile_view["urls"] == []
    assert "<script>alert(1)</script>" in _text(_tree(pages["hostile_markup"]))


def _formgrader_page(root: Path, student: str) -> str:
    """The page nbgrader's formgrader shows the teacher for a submission (as its handler does)."""
    config = Config()
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [formgrader.template_path]
    resources = {"assignment_id": ASSIGNMENT, "notebook_id": ASSIGNMENT, "submission_id": student,
                 "index": 0, "total": 1, "base_url": "", "student": student, "last_name": "",
                 "first_name": "",
                 "notebook_path": f"autograded/{student}/{ASSIGNMENT}/{NOTEBOOK}"}
    page, _ = HTMLExporter(config=config).from_filename(
        str(root / "autograded" / student / ASSIGNMENT / NOTEBOOK), resources=resources)
    return page


# 2. a student's own delimiters --------------------------------------------------------------

@pytest.mark.parametrize("student, own_text", [
    ("own_hidden_tests", "我以为这样能看到隐藏测试"),
    ("own_mark_scheme", "我的分析：A 类客户最重要"),
])
def test_own_delimiters_leave_the_page_as_written(fed_back, student, own_text):
    course, report = fed_back
    assert student in report.done
    text = _text(_tree(_page(course, student)))
    assert own_text in text
    for secret in ("grade_against_teacher_data", "评分要点", "END HIDDEN TESTS", "END MARK SCHEME"):
        assert secret not in text, secret


def test_forged_locked_flag_does_not_make_a_cell_the_teachers(graded_copy):
    # nbgrader's "locked" flag is the student's to write; the gradebook decides
    path = graded_copy / "autograded" / CLEAN / ASSIGNMENT / NOTEBOOK
    nb = nbformat.read(path, 4)
    forged = new_markdown_cell("### BEGIN HIDDEN TESTS\n<img src=x onerror=alert(1)>")
    forged.metadata["nbgrader"] = {"locked": True, "grade": False, "solution": False, "task": False,
                                   "grade_id": "not_in_gradebook", "schema_version": 3}
    nb.cells.append(forged)
    nbformat.write(nb, path)
    report = generate_feedback(graded_copy, ASSIGNMENT, students=[CLEAN])
    assert report.done == [CLEAN]
    page = _page(graded_copy, CLEAN)
    assert _active_content(page)["handlers"] == []
    assert "BEGIN HIDDEN TESTS" in _text(_tree(page))


# 3. one bad notebook does not stop the class -----------------------------------------------

def _break_notebook(course: Path, student: str) -> None:
    (course / "autograded" / student / ASSIGNMENT / NOTEBOOK).write_text("{不是 JSON", encoding="utf-8")


def test_one_broken_notebook_costs_only_its_own_page(graded_copy):
    _break_notebook(graded_copy, "mistake_fraction")
    report = generate_feedback(graded_copy, ASSIGNMENT)
    assert [f.student for f in report.failed] == ["mistake_fraction"]
    assert report.failed[0].reason.startswith("NotJSONError")  # nbformat's error for a non-JSON file
    everyone = KIT_STUDENTS + ["hostile_markup", "own_hidden_tests", "own_mark_scheme"]
    everyone_else = sorted(set(everyone) - {"mistake_fraction"})
    assert report.done == everyone_else
    assert all(_page_path(graded_copy, s).is_file() for s in everyone_else)
    assert not _page_path(graded_copy, "mistake_fraction").exists()


@pytest.mark.parametrize("lang, header", [("zh", "名学生的反馈未能生成"),
                                          ("en", "feedback could not be made")])
def test_cli_feedback_names_who_failed_and_why(graded_copy, lang, header):
    _break_notebook(graded_copy, "mistake_fraction")
    result = CliRunner().invoke(cli.main, ["feedback", ASSIGNMENT, "--course", str(graded_copy),
                                           "--no-exchange", "--lang", lang])
    assert result.exit_code == 0, result.output
    assert header in result.output
    failure = next(line for line in result.output.splitlines() if "mistake_fraction" in line)
    assert "NotJSONError" in failure
    assert _page_path(graded_copy, "correct_loops").is_file()


# 4. nothing secret on any page of the grading kit --------------------------------------------

@pytest.mark.parametrize("student", KIT_STUDENTS)
def test_kit_pages_show_no_secrets_paths_or_active_content(fed_back, student):
    course, report = fed_back
    assert student in report.done
    page = _page(course, student)
    for secret in SECRETS:
        assert secret not in page, secret
    for folder in {str(course), str(course.resolve()), sys.prefix, str(ROOT)}:
        assert folder not in page, folder
    mine, clean = _active_content(page), _active_content(_page(course, CLEAN))
    assert mine["handlers"] == mine["urls"] == []
    assert mine["elements"] == clean["elements"]


# 5. plain words, a Chinese frame, marking pending ---------------------------------------------

# what a page must never show a student (error machinery and nbgrader's English frame)
MACHINERY = ("Traceback", "CellTimeoutError", "DeadKernelError", "KeyboardInterrupt",
             "KeyError", 'File "', "(Score:", "Student's answer")


@pytest.mark.parametrize("student, sentence", [
    ("broken_exception", "第 3 步的答案单元格找不到列或键“营业额”"),
    ("broken_infinite_loop", "第 4 步的答案单元格运行超过了 10 秒，被停了下来"),
    ("broken_not_done", "第 3 步的答案单元格还没有作答"),
])
def test_a_students_error_is_one_plain_sentence(fed_back, student, sentence):
    course, _ = fed_back
    text = _shown(_page(course, student))
    assert text.count(sentence) == 1
    for word in MACHINERY:
        assert word not in text, word


# the step whose code stopped is named once as the cause; later steps send the student there
@pytest.mark.parametrize("student, causes", [
    ("broken_exception", {"step3": "第 3 步的代码没有运行完", "step4": "前面第 3 步的代码就已经出错了",
                          "step5": "前面第 3 步的代码就已经出错了"}),
    ("broken_infinite_loop", {"step4": "第 4 步的代码没有运行完",
                              "step5": "前面第 4 步的代码就已经出错了"}),
])
def test_a_stopped_step_is_blamed_not_a_content_mistake(fed_back, student, causes):
    course, _ = fed_back
    nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / NOTEBOOK, 4)
    shown = {cell.metadata["nbgrader"]["grade_id"]: "".join(
        o.get("evalue", "") + o.get("text", "") for o in cell.outputs)
        for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("grade_id", "").endswith(
            ("_test", "_hidden"))}
    for step, cause in causes.items():
        assert cause in shown[f"{step}_test"], shown[f"{step}_test"]
        assert "类别" not in shown[f"{step}_test"] and "折线" not in shown[f"{step}_test"]
    records = json.loads(record_path(course, ASSIGNMENT, student).read_text(encoding="utf-8"))
    mistakes = {cell["step"]: cell["mistake"] for cell in records["cells"].values()}
    first = min(causes)
    assert mistakes[first] == "grading.answer_cell_failed"
    assert {mistakes[step] for step in causes if step != first} == {
        "grading.answer_cell_failed.after"}


@pytest.mark.parametrize("student", KIT_STUDENTS)
def test_no_page_shows_error_machinery_or_an_english_frame(fed_back, student):
    course, _ = fed_back
    page = _page(course, student)
    assert '<html lang="zh-CN">' in page
    text = _shown(page)
    for word in MACHINERY:
        assert word not in text, word


def _toc(page: str) -> dict[str, str]:
    """The page's table of contents: each graded cell's id → its status text."""
    tree = _tree(page)
    toc = next(el for el in _elements(tree, "div") if el.get("id") == "toc")
    return {_elements(li, "a")[0].get("href")[1:]: " ".join(_text(li).split())
            for li in _elements(toc, "li") if _elements(li, "a")}


def _status_classes(page: str) -> dict[str, str]:
    tree = _tree(page)
    toc = next(el for el in _elements(tree, "div") if el.get("id") == "toc")
    return {_elements(li, "a")[0].get("href")[1:]:
            next(span.get("class") for span in _elements(li, "span")
                 if (span.get("class") or "").startswith("status"))
            for li in _elements(toc, "li") if _elements(li, "a")}


def _shown(page: str) -> str:
    """The text a reader sees: the body's, without style sheets."""
    body = _elements(_tree(page), "body")[0]
    for parent in list(body.iter()):
        for child in list(parent):
            if isinstance(child.tag, str) and _local(child.tag) in ("style", "script"):
                parent.remove(child)
    return _text(body)


def test_unmarked_answers_show_as_pending_and_tests_as_words_and_colour(fed_back):
    course, report = fed_back
    page = _page(course, "mistake_ascending")
    toc, classes = _toc(page), _status_classes(page)
    for manual in ("step1_indicator", "step6_strategy"):
        assert "待批改" in toc[manual] and "0.0" not in toc[manual], toc[manual]
        assert classes[manual] == "status status-pending"
    assert "另有 8 分待老师批改" in _text(_tree(page))
    # an ascending sort: step 2 right, step 3 wrong (kit: expected_scores.csv)
    assert toc["step2_test"].startswith("自动评分 Test cell 【正确】 得分 Score 1.0 / 1.0")
    assert classes["step2_test"] == "status status-full"
    assert "【需要修改】" in toc["step3_test"] and classes["step3_test"] == "status status-zero"
    assert {s.student for s in report.pending} == set(report.done)  # nobody marked yet


def _mark(course: Path, student: str, scores: dict) -> None:
    """Manual marks as the formgrader saves them."""
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for cell, score in scores.items():
            grade = gb.find_grade(cell, ASSIGNMENT, ASSIGNMENT, student)
            grade.manual_score = score
            grade.needs_manual_grade = False
        gb.db.commit()


@pytest.mark.parametrize("lang, warning", [("zh", "名学生还有没批改的题目"),
                                           ("en", "students have answers not yet marked")])
def test_cli_feedback_warns_while_marking_is_pending(graded_copy, lang, warning):
    _mark(graded_copy, CLEAN, {"step1_indicator": 2, "step6_strategy": 5.5})
    result = CliRunner().invoke(cli.main, ["feedback", ASSIGNMENT, "--course", str(graded_copy),
                                           "--no-exchange", "--lang", lang])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if warning in line)
    assert "correct_loops" in line and CLEAN not in line
    toc = _toc(_page(graded_copy, CLEAN))
    assert toc["step1_indicator"] == "任务 Task 得分 Score 2.0 / 2.0"
    assert toc["step6_strategy"] == "任务 Task 得分 Score 5.5 / 6.0"
    assert "待批改" not in _text(_tree(_page(graded_copy, CLEAN)))
