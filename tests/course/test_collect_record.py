"""The per-file record of collect: appended run after run, a damaged one kept aside."""
import json
from datetime import datetime, timezone

from logicrm_edu.course.collect import Outcome
from logicrm_edu.course.collect_record import read_record, record_path, write_record

RUN = datetime(2025, 3, 16, 8, 0, tzinfo=timezone.utc)


def test_records_of_later_collects_are_appended(tmp_path):
    assert read_record(tmp_path, "hw") == []
    upload = datetime(2025, 3, 15, 9, 30, tzinfo=timezone.utc)
    write_record(tmp_path, "hw", [Outcome("a/2301.py", "not_notebook", "2301", upload, False,
                                          "collect.why.script", {"suffix": ".py"}, "lms_unmatched/x.py")], RUN)
    write_record(tmp_path, "hw", [Outcome(".DS_Store", "skipped", detail="collect.why.system")], RUN)
    assert read_record(tmp_path, "hw") == [
        {"file": "a/2301.py", "student": "2301", "status": "not_notebook", "detail": "collect.why.script",
         "kept": "lms_unmatched/x.py", "time": "2025-03-15T09:30:00+00:00", "late": False,
         "collected_at": RUN.astimezone().isoformat()},
        {"file": ".DS_Store", "student": None, "status": "skipped", "detail": "collect.why.system",
         "kept": None, "time": None, "late": False, "collected_at": RUN.astimezone().isoformat()}]


def test_a_damaged_record_is_kept_aside_not_overwritten(tmp_path):
    path = record_path(tmp_path, "hw")
    path.parent.mkdir(parents=True)
    path.write_text("[{edited by hand", encoding="utf-8")
    write_record(tmp_path, "hw", [Outcome("b.ipynb", "unmatched", detail="collect.why.nobody")], RUN)
    assert [row["file"] for row in json.loads(path.read_text(encoding="utf-8"))] == ["b.ipynb"]
    [aside] = path.parent.glob("hw.damaged-*.json")
    assert aside.read_text(encoding="utf-8") == "[{edited by hand"
