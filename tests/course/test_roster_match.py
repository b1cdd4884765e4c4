"""Which student an uploaded file belongs to."""
from logicrm_edu.course.roster_match import RosterMatcher


def test_matcher_rules():
    m = RosterMatcher([("2301", "张三"), ("2302", "李四"), ("2303", "张三丰"), ("2304", "王五"),
                       ("2305", "王五")])
    assert m.match("20250314/2301_张三_abc_tiering.ipynb") == ("2301", "")
    assert m.match("张三丰的作业.ipynb") == ("2303", "")  # the longest name wins
    assert m.match("李四/abc_tiering.ipynb") == ("2302", "")
    assert m.match("2301_李四.ipynb") == (None, "conflict")
    assert m.match("王五.ipynb") == (None, "ambiguous")  # two students called 王五
    assert m.match("2305_王五.ipynb") == ("2305", "")
    assert m.match("abc_tiering.ipynb") == (None, "nobody")


def test_a_file_in_a_students_zip_belongs_to_them():
    m = RosterMatcher([("2301", "张三"), ("2302", "李四")])
    assert m.match("2302_李四.zip/作业/abc_tiering.ipynb") == ("2302", "")
    assert m.match("李四.zip/customers.xlsx") == ("2302", "")
