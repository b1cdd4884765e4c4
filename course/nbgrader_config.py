"""nbgrader configuration of the LogiCRM Edu course (物流客户服务).

Every path is inside this folder, so the course can be copied anywhere and
run headless, without JupyterHub.
"""
import os

from logicrm_edu.grading.feedback_page import TEMPLATE_DIRS

c = get_config()  # noqa: F821  (provided by nbgrader)

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "logistics-crm"
c.CourseDirectory.root = HERE
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db")
c.Exchange.root = os.path.join(HERE, "exchange")
c.Exchange.path_includes_course = True

# Students' code runs in a sandbox and the tests are judged outside it, whoever
# starts the grading (logicrm autograde, nbgrader autograde or the formgrader).
c.Autograde.autograde_preprocessors = [
    "logicrm_edu.grading.execute.SandboxedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
    # last: nbgrader compares answers with the release before, and formgrader shows this
    "logicrm_edu.grading.feedback.InertStudentMarkdown",
]
# The teacher's cells a student deleted (tests, settings) are put back and judged.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "logicrm_edu.grading.restore.RestoreMissingCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# A student's cell may run this long before it is interrupted (infinite loops),
# and all cells of a notebook together this long.  The reference solution runs
# in well under a second per cell.
c.SandboxedExecute.timeout = 10
c.SandboxedExecute.interrupt_on_timeout = True
c.SandboxedExecute.submission_timeout = 120
# What one student's kernel may use (see README, "Grading you can trust").
c.SandboxedExecute.memory_limit_mb = 1024
c.SandboxedExecute.processes = 64
c.SandboxedExecute.disk_mb = 256

# Data files (e.g. customers.xlsx) travel with the notebooks; checkpoints do not.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback"]

# Feedback must never show hidden tests, the teacher's mark scheme or the server's
# folders, and nothing a student wrote may run in it.  Hidden tests and mark schemes
# are cleared from the teacher's locked cells only, so a student's own "BEGIN HIDDEN
# TESTS" line cannot fail the page; students' markdown is rendered as inert HTML.
# Students' errors read as one plain sentence; the page is in Chinese first, and
# answers the teacher has not marked yet show as 待批改 (pending), not as 0 points.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "logicrm_edu.grading.feedback_page.FeedbackFrame",
    "logicrm_edu.grading.feedback.ClearTeacherHiddenTests",
    "logicrm_edu.grading.feedback.ClearTeacherMarkScheme",
    "logicrm_edu.grading.feedback.InertStudentMarkdown",
    "logicrm_edu.grading.plain_errors.PlainErrors",
    "logicrm_edu.grading.feedback.HideServerPaths",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
c.HTMLExporter.extra_template_basedirs = TEMPLATE_DIRS
