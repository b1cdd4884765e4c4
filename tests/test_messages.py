import string

from logicrm_edu.messages import CATALOGUE


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_in_both_languages_with_same_fields():
    for key, entry in CATALOGUE.items():
        assert set(entry) >= {"zh", "en"}, key
        assert entry["zh"].strip() and entry["en"].strip(), key
        assert _fields(entry["zh"]) == _fields(entry["en"]), key


def test_chinese_text_is_chinese():
    for key, entry in CATALOGUE.items():
        if key.startswith("where.") and key in ("where.sep", "where.colon"):
            continue
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry["zh"]), key
