"""Messages of a course set up so that it cannot be graded (the teacher's notebook or
course.toml); see the package docstring."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "setup.settings_cell": {
        "zh": "{cell}: 教师设置单元格写得不对（{detail}）。请对照课程模板中的这个单元格改正，"
              "再运行 logicrm release。",
        "en": "{cell}: the teacher-settings cell is not written correctly ({detail}). Compare it "
              "with the same cell of the course template, correct it and run logicrm release again.",
    },
    "setup.unknown_task": {
        "zh": "{cell}: task = {task}(...) 不是已知的作业类型；可用的有：{known}。",
        "en": "{cell}: task = {task}(...) is not a known assignment type; the known ones are: {known}.",
    },
    "setup.task_arguments": {
        "zh": "{cell}: task 的设置不对（{detail}）。请对照课程模板改正，再运行 logicrm release。",
        "en": "{cell}: the task's settings are wrong ({detail}). Compare them with the course "
              "template, correct them and run logicrm release again.",
    },
    "setup.no_settings_cell": {
        "zh": "{assignment}/{notebook}.ipynb 中没有锁定的教师设置单元格“{cell}”。请使用课程模板中的 "
              "notebook，再运行 logicrm release {assignment}。",
        "en": "{assignment}/{notebook}.ipynb has no locked teacher-settings cell '{cell}'. Use the "
              "notebook of the course template and run logicrm release {assignment} again.",
    },
    "setup.no_settings_notebook": {
        "zh": "作业 {assignment} 中没有一个 notebook 含有教师设置单元格“{cell}”。",
        "en": "no notebook of assignment {assignment} has the teacher-settings cell '{cell}'.",
    },
    "setup.test_cell": {
        "zh": "{notebook}.ipynb 的测试单元格 {cell} 只能包含 task.grade(...) 这样的评分行（{detail}）。",
        "en": "the test cell {cell} of {notebook}.ipynb may hold only task lines such as "
              "task.grade(...) ({detail}).",
    },
    "setup.unknown_step": {
        "zh": "{notebook}.ipynb 的测试单元格 {cell} 评的是 {step}，但这个作业只有这些步骤：{steps}。",
        "en": "the test cell {cell} of {notebook}.ipynb grades {step}, but this assignment's steps "
              "are only: {steps}.",
    },
    "setup.no_seed": {
        "zh": "course.toml 中没有 [course] seed，无法为每位学生重新生成数据。请使用 logicrm init 建立的 course.toml。",
        "en": "course.toml has no [course] seed, so each student's data cannot be made again. Use "
              "the course.toml that logicrm init wrote.",
    },
    # a student's feedback page that could not be made
    "setup.feedback_unreadable": {
        "zh": "autograded 文件夹中这名学生的 notebook 无法读取，文件已损坏（技术细节：{detail}）。",
        "en": "this student's notebook in the autograded folder cannot be read: the file is "
              "damaged (technical detail: {detail}).",
    },
    "setup.feedback_failed": {
        "zh": "生成反馈页面时出错（技术细节：{detail}）。",
        "en": "making the feedback page failed (technical detail: {detail}).",
    },
}
