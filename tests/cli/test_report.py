"""`logicrm report`: the class report end to end, on the hand-made course of
tests/test_class_report.py (its roster imported with `logicrm roster import`, its
verdict files written by hand); the expected numbers are worked out there."""
import base64
import csv
import io
import shutil
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook
from PIL import Image

from test_class_report import A, ASSIGNMENT, B, STUDENTS, TRICKY_NAME, write_verdicts

from .conftest import invoke


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
    assert [_png(image) for image in page.images] == [("PNG", 880), ("PNG", 880)]
    assert [image["alt"] for image in page.images] == ["各步骤、各班的通过率柱形图",
                                                       "最常见错误的人数条形图"]
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
    assert page.lang == "en" and len(page.images) == 2
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
