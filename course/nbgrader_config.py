"""nbgrader configuration of the LogiCRM Edu course (物流客户服务).

Every path is inside this folder, so the course can be copied anywhere and
run headless, without JupyterHub.
"""
import os

c = get_config()  # noqa: F821  (provided by nbgrader)

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "logistics-crm"
c.CourseDirectory.root = HERE
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db")
c.Exchange.root = os.path.join(HERE, "exchange")
c.Exchange.path_includes_course = True

# A student's cell may run this long before it is interrupted (infinite loops).
# The reference solution runs in well under a second per cell.
c.Execute.timeout = 10
c.Execute.interrupt_on_timeout = True

# Autograde normally copies the source folder's files over the student's. Each
# student keeps their own data file instead: with per-student data it is theirs,
# and the hidden tests check against the grader's trusted data either way.
c.Autograde.exclude_overwriting = {"abc_tiering": ["customers.xlsx"]}

# Data files (e.g. customers.xlsx) travel with the notebooks; checkpoints do not.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# Feedback must never show hidden tests or the teacher's mark scheme.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
