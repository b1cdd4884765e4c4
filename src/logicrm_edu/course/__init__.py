"""The teacher's workflow, in one home: a course folder from the template to the grade sheet.

``template`` (``logicrm init``), ``config`` (the one reader of ``course.toml``),
``roster`` (the class list), ``release`` (handouts and per-student data),
``collect`` (exchange and LMS uploads), ``export`` (grade sheets), ``status``,
``demo_class`` (a simulated class), ``nbgrader_app`` (the one way into nbgrader's
API and gradebook), ``safe_files`` (writes that never leave half a file).
Nothing here is imported by ``import logicrm_edu``: students do not need it.
"""
