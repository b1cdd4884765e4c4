"""The student library needs only pandas, matplotlib and openpyxl: ``import logicrm_edu``
and its public functions work in a kernel where the teacher-only packages (nbgrader,
click, SQLAlchemy) cannot be imported at all."""
import subprocess
import sys
import textwrap

BLOCKED = ("nbgrader", "click", "sqlalchemy")

STUDENT_SESSION = textwrap.dedent('''
    import sys

    BLOCKED = {blocked!r}

    class Blocker:
        """Any import of a teacher-only package fails, as where it is not installed."""

        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
            return None

    sys.meta_path.insert(0, Blocker())

    import matplotlib
    matplotlib.use("Agg")
    import logicrm_edu
    from logicrm_edu import (load_dataset, read_customers, share_table, straddling_ties,
                             tier_customers, tier_summary)

    path = {xlsx!r}
    load_dataset("changhai").to_excel(path, index=False)
    table = tier_customers(share_table(read_customers(path)), cuts=(80, 95))
    print("".join(table["类别"].astype(str)))
    straddling_ties(table)
    print(len(tier_summary(table)))
    for name in sorted(logicrm_edu._PUBLIC):
        getattr(logicrm_edu, name)  # every public name resolves
    print(sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED))
''')


def test_the_library_works_without_teacher_packages(tmp_path):
    from textbook import TIERS_80_95

    code = STUDENT_SESSION.format(blocked=BLOCKED, xlsx=str(tmp_path / "customers.xlsx"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    tiers, summary, loaded = done.stdout.splitlines()
    assert tiers == TIERS_80_95[("le", "same")]
    assert summary == "3" and loaded == "[]"  # A, B, C; no teacher package half-loaded


def test_the_blocker_really_blocks():
    code = STUDENT_SESSION.split("import matplotlib")[0].format(blocked=BLOCKED, xlsx="") + \
        "import click\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "No module named 'click'" in done.stderr
