"""`logicrm report`: the class report end to end, on the hand-made course of
tests/test_class_report.py (its roster imported with `logicrm roster import`, its
verdict files written by hand; the expected numbers are worked out there), and after a
real autograde of three grading-kit submissions (numbers worked out below)."""
import base64
import csv
import io
import shutil
from html.parser import HTMLParser

import nbformat
import pytest
from openpyxl import load_workbook
from PIL import Image

from logicrm_edu.submissions import build_submission, load_specs, resolved
from test_class_report import A, ASSIGNMENT, B, STUDENTS, TRICKY_NAME, write_verdicts

from .conftest import DEADLINE, ROOT, invoke, write_zip


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    course = base / "course"
    invoke("init", course)
    with open(base / "roster.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["学号", "姓名", "班级", "小组"])
        writer.writerows(STUDENTS)
    invoke("roster", "import", base / "roster.csv", "--course", course)
    write_verdicts(course)
    return course


class Page(HTMLParser):
    """The tags, images, texts per element and list items of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.tags, self.images, self.texts, self.items = [], [], [], []
        self.lang, self._open = None, []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self._open.append(tag)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "img":
            self.images.append(attrs)
        if tag == "li":
            self.items.append("")

    def handle_endtag(self, tag):
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag):]

    def handle_data(self, data):
        self.texts.append((self._open[-1] if self._open else "", data))
        if "li" in self._open:
            self.items[-1] += data

    def text_of(self, tag):
        return [data for where, data in self.texts if where == tag]


def _page(path):
    return Page(path.read_text(encoding="utf-8"))


def _png(image):
    prefix = "data:image/png;base64,"
    assert image["src"].startswith(prefix)
    picture = Image.open(io.BytesIO(base64.b64decode(image["src"][len(prefix):])))
    return picture.format, picture.width


def test_report_in_chinese(course):
    output = invoke("report", ASSIGNMENT, "--course", course).output
    assert "已评分 5 人，未交 1 人，评分记录无法读取 1 份" in output
    assert "第 3 步 40%，第 4 步 60%，第 5 步 40%" in output
    assert ("下节课要讲：第 3 步：按从低到高排序（2 人），第 5 步：图上没有标出类别（2 人），"
            "第 3 步：比重算错（1 人）") in output
    folder = course / "reports" / ASSIGNMENT
    assert f"已写入：{folder / 'report.xlsx'}" in output and f"已写入：{folder / 'report.html'}" in output

    book = load_workbook(folder / "report.xlsx")
    assert book.sheetnames == ["总览", "错误", "学生", "班级与小组"]
    overview = [list(r) for r in book["总览"].iter_rows(values_only=True)]
    assert overview[0][2:5] == [f"{A} 通过率", f"{B} 通过率", "全部 通过率"]
    assert overview[3][:5] == pytest.approx(["第 5 步", 3, 2 / 3, 0, 2 / 5])
    assert book["总览"]["C2"].number_format == "0%"
    names = [row[1] for row in book["学生"].iter_rows(min_row=2, values_only=True)]
    assert names == [s[1] for s in STUDENTS]

    raw = (folder / "report.html").read_text(encoding="utf-8")
    page = Page(raw)
    assert page.lang == "zh-CN"
    assert [_png(image) for image in page.images] == [("PNG", 880)] * 3
    assert [image["alt"] for image in page.images] == ["各步骤、各班的通过率柱形图",
                                                       "最常见错误的人数条形图",
                                                       "各步骤、各小组的通过率柱形图"]
    assert "钱&lt;b&gt;七&lt;/b&gt; &amp; &quot;Q&quot;" in raw
    assert TRICKY_NAME in page.text_of("td")
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p",
                              "ol", "ul", "li", "img", "table", "thead", "tbody", "tr", "th", "td",
                              "div"}
    assert page.text_of("h1") == [f"{ASSIGNMENT} 全班错误分析"]
    review = page.items[:3]
    assert review[0].startswith("第 3 步“按从低到高排序”：2 人。ABC 分层要从大客户开始")
    assert review[1].startswith("第 5 步“图上没有标出类别”：2 人。")
    assert review[2].startswith("第 3 步“比重算错”：1 人。")
    assert any(item.startswith("2307.json：不是有效的 JSON 文件") for item in page.items)
    headings = page.text_of("h2")
    assert headings.index("常见错误") < headings.index("手填答案的学生") < headings.index("班级与小组")
    assert "以下 2 名学生的答案换一份数据重新运行后没有变化" in raw  # 2303 (step 3), 2304 (step 4)


def test_report_in_english_into_another_folder(course, tmp_path):
    out = tmp_path / "for next lesson"
    output = invoke("report", ASSIGNMENT, "--course", course, "--out", out, "--lang", "en").output
    assert "5 graded, 1 not handed in, 1 grading record(s) unreadable" in output
    assert "step 3 40%, step 4 60%, step 5 40%" in output
    assert "to review next lesson: step 3: sorted low to high (2), step 5: classes not marked (2)" \
        in output
    assert load_workbook(out / "report.xlsx").sheetnames == [
        "overview", "mistakes", "students", "classes and groups"]
    page = _page(out / "report.html")
    assert page.lang == "en" and len(page.images) == 3
    assert page.text_of("h1") == [f"{ASSIGNMENT}: what the class got wrong"]
    assert page.items[0].startswith(
        'step 3, "sorted low to high": 2 student(s). ABC tiering starts')
    assert "What to review in the next lesson" in page.text_of("h2")
    assert TRICKY_NAME in page.text_of("td")


def test_before_autograde_and_for_an_unknown_assignment(course, tmp_path):
    bare = shutil.copytree(course, tmp_path / "bare",
                           ignore=shutil.ignore_patterns(".logicrm", "reports"))
    result = invoke("report", ASSIGNMENT, "--course", bare, ok=False)
    assert result.exit_code == 1
    assert f"请先运行 logicrm autograde {ASSIGNMENT}" in result.output
    assert not (bare / "reports").exists()
    result = invoke("report", "no_such_work", "--course", course, ok=False)
    assert result.exit_code == 1 and ASSIGNMENT in result.output
    assert "Traceback" not in result.output


def test_a_workbook_open_in_excel_is_named(course, tmp_path, monkeypatch):
    from logicrm_edu import class_report

    def locked(report, out_dir):
        raise PermissionError(13, "Permission denied", str(out_dir / "report.xlsx"))

    monkeypatch.setattr(class_report, "write_report", locked)
    result = invoke("report", ASSIGNMENT, "--course", course, "--out", tmp_path, ok=False)
    assert result.exit_code == 1
    assert f"无法写入“{tmp_path / 'report.xlsx'}”" in result.output


# after a real autograde -------------------------------------------------------------------------

GRADED_ROSTER = """学号,姓名,班级,小组
2301,张三,物流2301,1
2302,李四,物流2301,1
2303,王五,物流2301,2
2311,赵六,物流2302,3
"""
HANDED_IN = {"2301": "correct_reference", "2302": "mistake_ascending",
             "2311": "mistake_typed_in"}  # 2303 hands nothing in


@pytest.fixture(scope="module")
def autograded(tmp_path_factory):
    """Three ABC kit submissions through the teacher's commands: init --textbook-data (the
    data the kit's scores were worked out on, and where typed-in textbook numbers are right
    on the handed data), roster import, release, collect from an LMS zip, autograde; then
    report.  Returns (course, the report command's output)."""
    base = tmp_path_factory.mktemp("autograded")
    course = base / "course"
    invoke("init", course, "--textbook-data")
    (base / "roster.csv").write_text(GRADED_ROSTER, encoding="utf-8")
    invoke("roster", "import", base / "roster.csv", "--course", course)
    invoke("release", ASSIGNMENT, "--course", course)
    release = nbformat.read(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    specs = load_specs(ROOT / "autograder" / ASSIGNMENT / "submissions.toml")
    archive = write_zip(base / "lms.zip", [
        (f"{sid}_{ASSIGNMENT}.ipynb", nbformat.writes(build_submission(release, resolved(
            specs, kind))).encode(), DEADLINE) for sid, kind in HANDED_IN.items()])
    invoke("collect", ASSIGNMENT, "--from", archive, "--course", course)
    invoke("autograde", ASSIGNMENT, "--course", course)
    return course, invoke("report", ASSIGNMENT, "--course", course).output


def test_report_after_a_real_autograde(autograded):
    """Hand-worked from autograder/abc_tiering/expected_scores.csv (cells: step2 1+1,
    step3 2+2, step4 1+2, step5 1+2 points):

    correct_reference (2301, 物流2301·1): every cell full, passes steps 2-5;
    mistake_ascending (2302, 物流2301·1): step3 0+0 (sorted_ascending), steps 2, 4 and 5
        full, 4 and 5 right from its own ascending table (follow-through);
    mistake_typed_in (2311, 物流2302·3): every visible cell full, every hidden cell 0
        (typed in, steps 2-5): fails steps 2-5 and makes no ordinary mistake.

    Pass rates (3 graded): step2 2/3, step3 1/3, step4 2/3, step5 2/3; 物流2301 1, 1/2, 1, 1;
    物流2302 0 in each step.  Mean shares: step2 (1+1+1/2)/3 = 5/6, step3 (1+0+1/2)/3 = 1/2,
    steps 4 and 5 (1+1+1/3)/3 = 7/9.  Mistakes: only step 3 sorted low to high, 1 student
    (物流2301, group 1); the typed-in answers are not among them."""
    course, output = autograded
    assert "abc_tiering：已评分 3 人，未交 1 人，评分记录无法读取 0 份。" in output
    assert "各步骤通过率：第 2 步 67%，第 3 步 33%，第 4 步 67%，第 5 步 67%\n" in output
    assert "下节课要讲：第 3 步：按从低到高排序（1 人）\n" in output
    assert "手填答案（没有跟着数据变）：1 人，见 report.html。\n" in output
    folder = course / "reports" / ASSIGNMENT

    book = load_workbook(folder / "report.xlsx")
    overview = [list(r) for r in book["总览"].iter_rows(values_only=True)]
    assert overview[0][2:5] == ["物流2301 通过率", "物流2302 通过率", "全部 通过率"]
    assert [r[0] for r in overview[1:]] == ["第 2 步", "第 3 步", "第 4 步", "第 5 步"]
    # points, pass rate 物流2301 / 物流2302 / all, mean share, follow-through, typed in
    expected = [[2, 1, 0, 2 / 3, 5 / 6, 0, 1], [4, 1 / 2, 0, 1 / 3, 1 / 2, 0, 1],
                [3, 1, 0, 2 / 3, 7 / 9, 1, 1], [3, 1, 0, 2 / 3, 7 / 9, 1, 1]]
    for got, want in zip(overview[1:], expected):
        assert got[1:] == pytest.approx(want)
    mistakes = [list(r) for r in book["错误"].iter_rows(values_only=True)]
    assert mistakes[0][:8] == ["步骤", "错误", "人数", "物流2301", "物流2302", "物流2301 小组 1",
                               "物流2301 小组 2", "物流2302 小组 3"]
    assert len(mistakes) == 2  # one mistake; the typed-in answers have no rows
    assert mistakes[1][:8] == ["第 3 步", "按从低到高排序", 1, 1, 0, 1, 0, 0]
    assert mistakes[1][-1] == "checks.sorted_ascending"
    students = {r[0]: r for r in book["学生"].iter_rows(min_row=2, values_only=True)}
    assert {sid: list(r[5:9]) for sid, r in students.items()} == {
        "2301": [2, 4, 3, 3], "2302": [2, 0, 3, 3], "2303": [None] * 4, "2311": [1, 2, 1, 1]}
    assert students["2302"][10] == "第 4 步，第 5 步"  # right from its own table
    assert students["2311"][11] == "第 2 步，第 3 步，第 4 步，第 5 步"
    (passes,) = book["总览"]._charts
    assert len(passes.series) == 2  # one per class
    (counts,) = book["错误"]._charts[0].series
    assert counts.val.numRef.f == "'错误'!$C$2"  # the one mistake's count

    raw = (folder / "report.html").read_text(encoding="utf-8")
    page = Page(raw)
    assert len(page.images) == 3
    review = raw[raw.index("<h2>下节课要讲的</h2>"):raw.index("<h2>各步骤通过率</h2>")]
    assert review.count("<li>") == 1 and "第 3 步“按从低到高排序”：1 人。" in review
    frequent = raw[raw.index("<h2>常见错误</h2>"):raw.index("<h2>手填答案的学生</h2>")]
    assert frequent.count("<tr>") == 2 and "手工写入" not in frequent
    typed_in = raw[raw.index("<h2>手填答案的学生</h2>"):raw.index("<h2>班级与小组</h2>")]
    assert "以下 1 名学生" in typed_in
    assert ('<td class="t">2311</td><td class="t">赵六</td><td class="t">物流2302</td>'
            '<td class="t">3</td><td class="t">第 2 步，第 3 步，第 4 步，第 5 步</td>') in typed_in
