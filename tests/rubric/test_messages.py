"""Every catalogue key the rubric package asks for exists (literal and composed keys)."""
import re
from pathlib import Path

from logicrm_edu.messages import CATALOGUE
from logicrm_edu.rubric import grades, marks

PACKAGE = Path(marks.__file__).parent


def test_literal_keys_exist():
    used = set()
    for path in PACKAGE.glob("*.py"):
        used |= set(re.findall(r'"((?:rubric|data|where)\.[a-z_.]+[a-z_])"', path.read_text(encoding="utf-8")))
    used -= {"rubric.db", "rubric.group_rubric", "rubric.presentations", "rubric.member_rubric",
             "rubric.method",
             "rubric.penalty_kind", "rubric.non_submitter_penalty"}  # file names and course.toml keys
    assert used and not used - CATALOGUE.keys(), sorted(used - CATALOGUE.keys())


def test_composed_keys_exist():
    columns = (grades.FIXED + marks.MEMBER_COLUMNS
               + ["group", "teacher", "peer_mean", "peer_raters", "peers_used", "score", "note"])
    kinds = {"full_marks", "all_full_marks", "outlier_rater", "low_by_all", "stale_ratings"}
    keys = {f"rubric.col.{c}" for c in columns} | {f"rubric.flag.{k}" for k in kinds}
    keys |= {f"rubric.flag.scope.{s}" for s in ("members", "groups", "course")}
    keys |= {"rubric.cli.error", "rubric.cli.warning"}
    assert not keys - CATALOGUE.keys(), sorted(keys - CATALOGUE.keys())
