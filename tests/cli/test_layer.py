"""The one command-line layer: click's own messages in the teacher's language, help
headings translated, Ctrl-C as one line, and a fast start."""
import subprocess
import sys

from click.testing import CliRunner

from logicrm_edu.cli import main
from logicrm_edu.cli.layer import command


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_usage_mistakes_in_chinese():
    missing = run("tier", "--lang", "zh")
    assert missing.exit_code == 2
    assert "错误：缺少 FILE。" in missing.output and "用 “logicrm tier --help” 查看说明。" in missing.output
    bad_number = run("tier", "a.xlsx", "--cuts", "八十", "95", "--lang", "zh")
    assert "错误：--cuts 的值不对：应是数字（例如 80 或 92.5）。" in bad_number.output
    bad_choice = run("tier", "a.xlsx", "--ties", "x", "--lang", "zh")
    assert "--ties 的值不对：只能是 same / order 之一" in bad_choice.output
    assert "没有命令 tierr（相近的：tier）" in run("tierr", "--lang", "zh").output
    assert "没有选项 --cut（相近的：--cuts" in run("tier", "a.xlsx", "--cut", "80", "--lang", "zh").output
    for result in (missing, bad_number, bad_choice):
        assert "Error" not in result.output and "Invalid value" not in result.output


def test_no_close_match_leaves_the_clause_out():
    # before: "没有选项 --zzz（相近的：-）"
    for lang, option, unknown in (("zh", "没有选项 --zzz。", "没有命令 qqq。"),
                                  ("en", "no option --zzz.", "no command qqq.")):
        out = run("tier", "a.xlsx", "--zzz", "--lang", lang).output
        assert option in out and "-）" not in out and "similar: -" not in out
        assert unknown in run("qqq", "--lang", lang).output


def test_usage_mistakes_in_english():
    result = run("--lang", "en", "tier", "a.xlsx", "--boundary", "q")
    assert "Error: wrong value for --boundary: it must be one of le / lt / cross." in result.output
    assert "Usage: logicrm tier [OPTIONS] FILE" in result.output


def test_help_headings_follow_the_language():
    zh, en = run("--lang", "zh", "--help").output, run("--lang", "en", "--help").output
    assert zh.startswith("用法：logicrm") and "选项" in zh and "命令" in zh
    assert "Show this message" not in zh
    assert en.startswith("Usage: logicrm") and "Options" in en and "Commands" in en
    assert "[默认：80, 95]" in run("tier", "--help", "--lang", "zh").output


def test_commands_listed_in_the_order_of_the_course():
    lines = run("--help", "--lang", "en").output.split("Commands:\n")[1].splitlines()
    names = [line.split()[0] for line in lines if line[:2] == "  " and line[2] != " "]
    order = [name for name in names if name in (
        "init", "roster", "release", "collect", "autograde", "feedback", "export")]
    assert order == ["init", "roster", "release", "collect", "autograde", "feedback", "export"]


def test_ctrl_c_is_one_line_in_the_teachers_language():
    group = type(main)("demo-group")

    @command("slow", "cli.status.help", course=False, parent=group)
    def slow():
        raise KeyboardInterrupt

    result = CliRunner().invoke(group, ["slow", "--lang", "zh"])
    assert result.exit_code == 1
    assert result.output.strip() == "已中止，没有做完的部分不会生效。"


def test_expected_mistakes_keep_their_message_with_a_translated_prefix(tmp_path):
    result = run("status", "--course", str(tmp_path), "--lang", "zh")
    assert result.exit_code == 1 and result.output.startswith("错误：")
    assert not (tmp_path / "gradebook.db").exists()


def test_help_loads_neither_pandas_nor_nbgrader():
    code = ("import sys\nfrom logicrm_edu.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('pandas', 'matplotlib', 'nbgrader', 'sqlalchemy', 'numpy')"
            " if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout


def test_without_the_teacher_part_logicrm_says_what_to_install():
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] == 'click':\n"
            "            raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "from logicrm_edu.cli import main\nmain()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"LOGICRM_LANG": "en", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 1
    assert 'pip install "logicrm-edu[teacher]"' in out.stderr and "Traceback" not in out.stderr


