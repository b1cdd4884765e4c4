import matplotlib

from logicrm_edu import fonts


def test_a_cjk_family_is_installed_and_used():
    family = fonts.use_chinese_font()
    assert family in fonts.CJK_FAMILIES
    assert "SimHei" not in matplotlib.rcParams["font.family"]
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", family]


def test_idempotent():
    assert fonts.use_chinese_font() == fonts.use_chinese_font()


def test_module_check_reports_font(capsys):
    assert fonts.main() == 0
    assert capsys.readouterr().out.strip() in fonts.CJK_FAMILIES
