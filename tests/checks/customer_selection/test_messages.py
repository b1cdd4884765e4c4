"""Every mistake a selection check can name has a zh and an en hint with the same fields."""
import re
import string
from pathlib import Path

from logicrm_edu.checks.customer_selection import MISCONCEPTIONS
from logicrm_edu.messages import CATALOGUE
from logicrm_edu.messages.customer_selection import MESSAGES


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_at_least_eight_named_misconceptions_each_with_a_hint():
    assert len(MISCONCEPTIONS) >= 8
    for key in MISCONCEPTIONS:
        assert key in CATALOGUE and f"{key}.hint" in CATALOGUE


def test_every_key_is_prefixed_and_bilingual():
    for key, entry in MESSAGES.items():
        assert key.startswith("selection.")
        assert entry["zh"].strip() and entry["en"].strip()
        assert _fields(entry["zh"]) == _fields(entry["en"]), key


ROOT = Path(__file__).parents[3]
CODE = [*(ROOT / "src" / "logicrm_edu" / "checks" / "customer_selection").glob("*.py"),
        *(ROOT / "src" / "logicrm_edu" / name for name in
          ("scoring.py", "prospects.py", "assignments/customer_selection.py"))]


def test_keys_used_in_the_code_exist():
    used = set()
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\"(selection\.[a-z0-9_.]+)\"", text))
        for prefix in re.findall(r"f\"(selection\.[a-z_.]+)\.\{", text):
            assert any(k.startswith(prefix + ".") for k in MESSAGES), prefix
    assert sorted(k for k in used if k not in MESSAGES) == []


def test_every_mistake_has_a_hint_and_is_produced_by_some_test():
    mistakes = {k.removesuffix(".hint") for k in MESSAGES if k.endswith(".hint")}
    assert all(m in MESSAGES for m in mistakes)
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py")
                    if p.name != Path(__file__).name)
    assert sorted(m for m in mistakes if f'"{m}"' not in tests) == []
