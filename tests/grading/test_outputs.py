"""grading.outputs: what a student's kernel may leave in the graded notebook.

Pictures are real PNG/JPEG files drawn with matplotlib; every other output is what a
hostile kernel could send.  Sizes in the cap tests are worked out by hand.
"""
import base64
import io

import matplotlib.pyplot as plt
import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_notebook

from logicrm_edu.grading.outputs import OutputGuard, plain_error

NOTE_ZH = "……（输出太长，以下省略）"
NOTE_EN = "... (output too long, the rest is left out)"
COURSE = "/srv/classes/logistics-2026"
WORK = "/srv/classes/logistics-2026/autograded/s001/abc_tiering"


def picture(fmt: str) -> bytes:
    fig, ax = plt.subplots(figsize=(1, 1), dpi=20)
    ax.bar([0, 1], [740, 590])
    out = io.BytesIO()
    fig.savefig(out, format=fmt)
    plt.close(fig)
    return out.getvalue()


PNG = picture("png")
JPEG = picture("jpeg")
PNG64 = base64.b64encode(PNG).decode()
JPEG64 = base64.b64encode(JPEG).decode()


def out(**fields) -> NotebookNode:
    return NotebookNode(fields)


def stream(text, name="stdout") -> NotebookNode:
    return out(output_type="stream", name=name, text=text)


def display(data, metadata=None) -> NotebookNode:
    return out(output_type="display_data", data=data, metadata=metadata or {})


def is_note(output) -> bool:
    return (output is not None and output["output_type"] == "stream"
            and NOTE_ZH in output["text"] and NOTE_EN in output["text"])


def valid_outputs(outputs) -> None:
    """The outputs make a valid nbformat 4 notebook (what nbgrader will save)."""
    nb = new_notebook(cells=[new_code_cell("x", outputs=list(outputs))])
    nbformat.validate(nb)


def test_pictures_are_real():
    assert PNG.startswith(b"\x89PNG\r\n\x1a\n") and JPEG.startswith(b"\xff\xd8\xff")


# -- text --------------------------------------------------------------------------------------

def test_stream_text_is_kept():
    guard = OutputGuard()
    assert guard.admit(stream("客户数: 14\n"), 0) == stream("客户数: 14\n")
    assert guard.admit(stream("warning\n", "stderr"), 0) == stream("warning\n", "stderr")


@pytest.mark.parametrize("name", ["stdin", "", None, 3, "<script>"])
def test_stream_with_another_name_becomes_stdout(name):
    assert OutputGuard().admit(stream("x", name), 0)["name"] == "stdout"


def test_execute_result_keeps_only_plain_text():
    result = out(output_type="execute_result", execution_count=7, metadata={"isolated": True},
                 data={"text/plain": "   客户  营业收入\n0   4   740",
                       "text/html": "<table><script>alert(1)</script></table>"})
    assert OutputGuard().admit(result, 3) == out(
        output_type="execute_result", execution_count=7, metadata={},
        data={"text/plain": "   客户  营业收入\n0   4   740"})


@pytest.mark.parametrize("count", ["7", 7.0, None, [7]])
def test_execution_count_that_is_not_an_int(count):
    result = out(output_type="execute_result", execution_count=count, metadata={},
                 data={"text/plain": "1"})
    assert OutputGuard().admit(result, 0)["execution_count"] is None


@pytest.mark.parametrize("mime, value", [
    ("text/html", "<b>hi</b><script>alert(1)</script>"),
    ("text/markdown", "[click](javascript:alert(1))"),
    ("image/svg+xml", '<svg onload="alert(1)"></svg>'),
    ("application/javascript", "alert(1)"),
    ("text/javascript", "alert(1)"),
    ("text/latex", r"$\href{javascript:alert(1)}{x}$"),
    ("application/vnd.jupyter.widget-view+json", {"model_id": "abc", "version_major": 2}),
    ("application/json", {"a": 1}),
    ("application/pdf", base64.b64encode(b"%PDF-1.4").decode()),
    ("image/gif", base64.b64encode(b"GIF89a").decode()),
    ("application/x-anything", "x"),
])
def test_active_or_unknown_types_are_dropped(mime, value):
    guard = OutputGuard()
    assert guard.admit(display({mime: value}), 0) is None
    kept = guard.admit(display({mime: value, "text/plain": "<IPython.display.HTML>"}), 0)
    assert kept == display({"text/plain": "<IPython.display.HTML>"})


def test_metadata_is_never_kept():
    shown = display({"image/png": PNG64}, metadata={"image/png": {"width": '1" onload="x'}})
    assert OutputGuard().admit(shown, 0)["metadata"] == {}


# -- pictures ----------------------------------------------------------------------------------

def test_png_and_jpeg_pictures_are_kept():
    guard = OutputGuard()
    assert guard.admit(display({"image/png": PNG64, "text/plain": "<Figure>"}), 0)["data"] == {
        "image/png": PNG64, "text/plain": "<Figure>"}
    assert guard.admit(display({"image/jpeg": JPEG64}), 1)["data"] == {"image/jpeg": JPEG64}


def test_base64_split_over_lines_is_still_a_picture():
    wrapped = "\n".join(PNG64[i:i + 76] for i in range(0, len(PNG64), 76)) + "\n"
    kept = OutputGuard().admit(display({"image/png": wrapped}), 0)
    assert kept is not None and base64.b64decode(kept["data"]["image/png"]) == PNG


def test_picture_sent_as_a_list_of_lines():
    lines = [PNG64[i:i + 76] + "\n" for i in range(0, len(PNG64), 76)]
    kept = OutputGuard().admit(display({"image/png": lines}), 0)
    assert kept is not None and base64.b64decode(kept["data"]["image/png"]) == PNG


@pytest.mark.parametrize("data", [
    {"image/png": JPEG64},                                            # a JPEG called PNG
    {"image/jpeg": PNG64},                                            # a PNG called JPEG
    {"image/png": base64.b64encode(b"<html><script>x</script>").decode()},
    {"image/png": "<script>alert(1)</script>"},
    {"image/png": "not base64 at all!"},
    {"image/png": ""},
    {"image/png": None},
    {"image/png": 1234},
    {"image/png": {"b64": PNG64}},
    {"image/png": base64.b64encode(b"\x89PN").decode()},               # a cut-off magic
])
def test_only_real_pictures_of_the_type_named(data):
    assert OutputGuard().admit(display(data), 0) is None


def test_picture_with_markup_after_the_base64_is_dropped():
    """The kept value must be base64 of the picture, not base64 followed by anything else."""
    for tail in ('"><script>alert(1)</script>', "<img src=x onerror=alert(1)>"):
        kept = OutputGuard().admit(display({"image/png": PNG64 + tail}), 0)
        assert kept is None or "script" not in str(kept) and "onerror" not in str(kept), tail


def test_picture_over_the_size_cap_is_dropped():
    size = len(PNG)
    assert OutputGuard(image_bytes=size).admit(display({"image/png": PNG64}), 0) is not None
    assert OutputGuard(image_bytes=size // 2).admit(display({"image/png": PNG64}), 0) is None
    huge = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(3 * 1024 * 1024)).decode()
    assert OutputGuard().admit(display({"image/png": huge}), 0) is None  # over the 2 MB default


# -- errors ------------------------------------------------------------------------------------

def test_error_is_kept_as_text():
    error = out(output_type="error", ename="KeyError", evalue="'营业收入'",
                traceback=["\x1b[31mKeyError\x1b[0m", "line 2"])
    assert OutputGuard().admit(error, 0) == error


def test_error_parts_are_bounded():
    error = out(output_type="error", ename="E" * 500, evalue="v" * 5000,
                traceback=[f"frame {i}" for i in range(100)])
    kept = OutputGuard().admit(error, 0)
    assert kept["ename"] == "E" * 200
    assert kept["evalue"] == "v" * 2000
    assert kept["traceback"] == [f"frame {i}" for i in range(40, 100)]


def test_plain_error_drops_colours():
    error = out(output_type="error", ename="\x1b[0;31mValueError\x1b[0m",
                evalue="\x1b[1m营业收入\x1b[0m 不是数字", traceback=[])
    assert plain_error(error) == "ValueError: 营业收入 不是数字"
    assert plain_error(out(output_type="error", ename="StepFailed", evalue="")) == "StepFailed"


# -- the grader's folder names -----------------------------------------------------------------

def test_paths_are_hidden_everywhere_text_goes():
    guard = OutputGuard(paths={COURSE: "<course>", WORK: "."})
    assert guard.admit(stream(f"saved {WORK}/out.csv\n"), 0)["text"] == "saved ./out.csv\n"
    error = guard.admit(out(output_type="error", ename="FileNotFoundError",
                            evalue=f"No such file: '{COURSE}/source/answer.xlsx'",
                            traceback=[f'File "{WORK}/helper.py", line 3',
                                       f"  open('{COURSE}/gradebook.db')"]), 0)
    assert error["evalue"] == "No such file: '<course>/source/answer.xlsx'"
    assert error["traceback"] == ['File "./helper.py", line 3', "  open('<course>/gradebook.db')"]
    result = guard.admit(out(output_type="execute_result", execution_count=1, metadata={},
                             data={"text/plain": f"PosixPath('{WORK}')"}), 0)
    assert result["data"]["text/plain"] == "PosixPath('.')"
    assert COURSE not in str([error, result])


def test_the_longer_path_is_replaced_first():
    guard = OutputGuard(paths={COURSE: "<course>", WORK: "<work>"})
    assert guard.text(f"{WORK}/a.py {COURSE}/b.py") == "<work>/a.py <course>/b.py"


# -- caps --------------------------------------------------------------------------------------

def test_cell_cap_one_note_then_nothing_and_the_next_cell_starts_afresh():
    guard = OutputGuard(cell_bytes=100)
    forty = "x" * 40
    got = [guard.admit(stream(forty), 0) for _ in range(5)]
    assert got[:2] == [stream(forty), stream(forty)]        # 40 + 40 = 80 ≤ 100
    assert is_note(got[2])                                   # 120 > 100
    assert got[3:] == [None, None]
    assert guard.admit(stream(forty), 1) == stream(forty)
    assert is_note(guard.admit(display({"text/plain": "y" * 70}), 1))   # 40 + 70 > 100


def test_cell_cap_counts_every_kind_of_output():
    guard = OutputGuard(cell_bytes=len(PNG64) + 10)
    assert guard.admit(display({"image/png": PNG64}), 0) is not None
    assert guard.admit(stream("0123456789"), 0) == stream("0123456789")
    assert is_note(guard.admit(out(output_type="error", ename="E", evalue="v", traceback=[]), 0))


def test_exactly_one_note_per_cell():
    guard = OutputGuard(cell_bytes=50, notebook_bytes=120)
    notes: dict[int, int] = {}
    kept: dict[int, int] = {}
    for cell_index in range(6):
        for _ in range(10):
            got = guard.admit(stream("z" * 30), cell_index)
            if is_note(got):
                notes[cell_index] = notes.get(cell_index, 0) + 1
            elif got is not None:
                kept[cell_index] = kept.get(cell_index, 0) + len(got["text"])
    assert set(notes.values()) == {1} and set(notes) == set(range(6))
    assert all(size <= 50 for size in kept.values())
    assert sum(kept.values()) <= 120
    # by hand: cells 0–3 keep 30 each until 120 is used; 4 and 5 keep nothing
    assert kept == {0: 30, 1: 30, 2: 30, 3: 30}


def test_notebook_cap():
    guard = OutputGuard(cell_bytes=1000, notebook_bytes=100)
    assert guard.admit(stream("a" * 60), 0) == stream("a" * 60)
    assert is_note(guard.admit(stream("b" * 60), 1))        # 120 > 100
    assert guard.admit(stream("b"), 1) is None
    assert guard.admit(stream("c" * 40), 2) == stream("c" * 40)   # 100 ≤ 100
    assert is_note(guard.admit(stream("d"), 3))
    assert guard.used == 100


def test_caps_count_bytes_not_characters():
    """Chinese text is 3 bytes a character in the saved notebook (UTF-8)."""
    guard = OutputGuard(cell_bytes=3000)
    chinese = "营业收入" * 250                   # 1000 characters, 3000 bytes
    kept = [guard.admit(stream(chinese), 0) for _ in range(4)]
    kept_bytes = sum(len(o["text"].encode("utf-8")) for o in kept if o and not is_note(o))
    assert kept_bytes <= 3000


def test_one_huge_text_is_cut_with_a_note():
    """A cell whose only output is longer than the cell cap: the output is cut, and what
    is cut off is replaced by the note (the module's promise), not dropped silently."""
    guard = OutputGuard(cell_bytes=1000)
    kept = guard.admit(stream("x" * 10_000_000), 0)
    assert kept is not None
    assert len(kept["text"]) <= 1000 + len(NOTE_ZH) + len(NOTE_EN) + 10
    assert NOTE_ZH in kept["text"] and NOTE_EN in kept["text"]


# -- a hostile kernel --------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (None, ""),
    (42, "42"),
    (["a", "b\n", 3], "ab\n3"),
    ({"k": "v"}, "{'k': 'v'}"),
    ("", ""),
])
def test_stream_text_of_other_types(text, expected):
    kept = OutputGuard().admit(stream(text), 0)
    assert kept == stream(expected)


@pytest.mark.parametrize("output", [
    out(output_type="display_data", data=None, metadata={}),
    out(output_type="display_data", data="text/plain", metadata={}),
    out(output_type="display_data", data=["text/plain"], metadata={}),
    out(output_type="display_data", metadata={}),
    out(output_type="execute_result", data={}, metadata={}, execution_count=1),
    out(output_type="update_display_data", data={"text/plain": "x"}, metadata={}),
    out(output_type="clear_output", wait=False),
    out(output_type="input_request", prompt="password:"),
    out(output_type="anything", text="x"),
    out(output_type=None, text="x"),
    out(output_type=["stream"], text="x"),
    out(text="no type at all"),
    out(),
])
def test_outputs_with_nothing_to_keep(output):
    assert OutputGuard().admit(output, 0) is None


def test_error_with_odd_fields():
    kept = OutputGuard().admit(out(output_type="error", ename=None, evalue=["a", "b"],
                                   traceback="one line"), 0)
    assert kept == out(output_type="error", ename="", evalue="ab", traceback=["one line"])
    kept = OutputGuard().admit(out(output_type="error", traceback=None), 0)
    assert kept == out(output_type="error", ename="", evalue="", traceback=[])
    kept = OutputGuard().admit(out(output_type="error", ename=1, evalue=2, traceback=[3, None]), 0)
    assert kept == out(output_type="error", ename="1", evalue="2", traceback=["3", ""])


def test_huge_strings_everywhere_stay_within_the_caps():
    guard = OutputGuard(cell_bytes=10_000, notebook_bytes=50_000)
    huge = "h" * 5_000_000
    outputs = [stream(huge), display({"text/plain": huge}),
               out(output_type="error", ename=huge, evalue=huge, traceback=[huge] * 1000),
               out(output_type="execute_result", execution_count=1, metadata={},
                   data={"text/plain": [huge] * 3})]
    kept = [guard.admit(o, i) for i in range(10) for o in outputs]
    kept = [o for o in kept if o is not None]
    valid_outputs(kept)
    assert sum(len(str(o)) for o in kept if not is_note(o)) <= 50_000 + 2_000


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                 max_size=4),
    max_leaves=12)
fields = st.dictionaries(
    st.sampled_from(["output_type", "name", "text", "data", "metadata", "execution_count",
                     "ename", "evalue", "traceback"]),
    json_values, max_size=9)
kinds = st.sampled_from(["stream", "display_data", "execute_result", "error", "other"])
mimes = st.dictionaries(st.sampled_from(["text/plain", "image/png", "image/jpeg", "text/html"]),
                        json_values | st.just(PNG64) | st.just(JPEG64), max_size=4)


@settings(max_examples=300, deadline=None)
@given(fields=fields, kind=kinds, data=mimes)
def test_any_output_a_kernel_sends_never_raises(fields, kind, data):
    guard = OutputGuard(cell_bytes=2_000, paths={COURSE: "<course>"})
    output = NotebookNode({**fields, "output_type": kind})
    if kind in ("display_data", "execute_result") and "data" not in fields:
        output["data"] = data
    kept = guard.admit(output, 0)
    if kept is not None:
        valid_outputs([kept])
        assert "text/html" not in kept.get("data", {})
