"""The checks' part of the zh/en catalogue: complete, and every key the code uses exists."""
import re
import string
from pathlib import Path

from logicrm_edu.messages import CATALOGUE
from logicrm_edu.messages.checks import MESSAGES

from .helpers import NAMES

SOURCE = Path(__file__).parents[2] / "src" / "logicrm_edu" / "checks"


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_part_is_in_the_catalogue():
    assert MESSAGES.keys() <= CATALOGUE.keys()
    assert all(key.startswith("checks.") for key in MESSAGES)


def test_both_languages_same_fields():
    for key, entry in MESSAGES.items():
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert _fields(entry["zh"]) == _fields(entry["en"]), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry["zh"]), key


def test_every_mistake_has_a_hint_and_every_hint_a_mistake():
    hints = {k[: -len(".hint")] for k in MESSAGES if k.endswith(".hint")}
    for mistake in hints:
        assert mistake in MESSAGES, mistake
    assert set(NAMES) <= hints  # every mistake the tests know has its hint


def test_keys_used_in_the_code_exist():
    used = set()
    for path in SOURCE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\"(checks\.[a-z0-9_.]+)\"", text))
        for prefix in re.findall(r"f\"(checks\.[a-z_.]+)\.\{", text):
            assert any(k.startswith(prefix + ".") for k in MESSAGES), prefix
    missing = sorted(k for k in used if k not in MESSAGES)
    assert not missing, missing


def test_every_mistake_key_is_tested():
    from logicrm_edu.checks import MISTAKES
    mistakes = {k[: -len(".hint")] for k in MESSAGES if k.endswith(".hint")}
    assert mistakes == set(NAMES) == set(MISTAKES), mistakes ^ set(NAMES)


def test_every_mistake_key_is_produced_by_some_test():
    tests = Path(__file__).parents[1]
    text = "".join(p.read_text(encoding="utf-8") for p in tests.rglob("test_*.py")
                   if p.name != Path(__file__).name)
    untested = sorted(k for k in NAMES if f'"{k}"' not in text)
    assert not untested, untested
