"""What stops grading because of the teacher's own notebook or course.toml is said in the
teacher's language (it reaches them through ``logicrm collect`` / ``autograde``)."""
import pytest
from nbgrader.api import MissingEntry

from logicrm_edu.grading.context import TeacherSetupError, settings_source, task_from_source
from logicrm_edu.i18n import set_language


@pytest.mark.parametrize("source,zh,en", [
    ("task = Colour()\n", "不是已知的作业类型", "is not a known assignment type"),
    ("task = AbcTiering(colour='red')\n", "task 的设置不对", "the task's settings are wrong"),
    ("task = \n", "教师设置单元格写得不对", "the teacher-settings cell is not written correctly"),
])
def test_a_wrong_settings_cell_in_both_languages(source, zh, en):
    for lang, words in (("zh", zh), ("en", en)):
        set_language(lang)
        with pytest.raises(TeacherSetupError) as raised:
            task_from_source(source)
        assert str(raised.value).startswith("teacher_settings: ") and words in str(raised.value)
    assert "is none of" not in str(raised.value)


class _NoCells:
    def find_source_cell(self, *args):
        raise MissingEntry()


def test_a_notebook_without_its_settings_cell():
    set_language("zh")
    with pytest.raises(TeacherSetupError) as raised:
        settings_source(_NoCells(), "abc_tiering", "abc_tiering")
    assert "abc_tiering/abc_tiering.ipynb 中没有锁定的教师设置单元格“teacher_settings”" in str(raised.value)
    assert "logicrm release abc_tiering" in str(raised.value)
