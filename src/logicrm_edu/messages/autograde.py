"""Messages of the batch autograder (``logicrm autograde``): notes on results and errors."""

MESSAGES = {
    "autograde.progress": {"zh": "自动评分", "en": "autograding"},
    "autograde.unit": {"zh": "份", "en": " submissions"},
    "autograde.skipped": {
        "zh": "这份提交已经评过分且没有改变，已跳过（加 --force 重新评分）",
        "en": "already autograded for this submission; skipped (add --force to regrade)",
    },
    "autograde.cell_timeout": {
        "zh": "单元格 {cell} 运行超过 {seconds} 秒，已被中断",
        "en": "cell {cell} ran longer than {seconds} s and was interrupted",
    },
    "autograde.cell_memory": {
        "zh": "单元格 {cell} 超出了内存限制",
        "en": "cell {cell} ran out of its memory limit",
    },
    "autograde.kernel_died": {
        "zh": "运行单元格 {cell} 时内核退出（程序崩溃或内存耗尽）；之后的单元格没有运行，记 0 分",
        "en": "the kernel died while running cell {cell} (a crash or out of memory); "
              "later cells were not run and score 0",
    },
    "autograde.was_interrupted": {
        "zh": "上次评分在评这份作业时被中断，这次已重新评分",
        "en": "the last run was stopped while grading this submission; graded again now",
    },
    "autograde.interrupted": {
        "zh": "评分已停止：{students} 的作业没有评完。再次运行 logicrm autograde 会接着评（已评好的不会重复评）。",
        "en": "grading stopped: {students} were not finished. Run logicrm autograde again to go on "
              "(what is graded is not graded twice).",
    },
    "autograde.notebook_too_big": {
        "zh": "Notebook 文件太大（{size} MB，上限 {limit} MB），没有评分",
        "en": "the notebook file is too big ({size} MB, the limit is {limit} MB); not graded",
    },
    "autograde.out_of_time": {
        "zh": "所有单元格的运行时间用完了，从单元格 {cell} 起没有再运行",
        "en": "the notebook used up its running time; cells from {cell} on were not run",
    },
    "autograde.kernel_died.output": {
        "zh": "内核在运行这个单元格时退出（程序崩溃或内存耗尽）",
        "en": "the kernel died while running this cell (a crash or out of memory)",
    },
    "autograde.not_run.output": {
        "zh": "没有运行：内核已在前面的单元格退出",
        "en": "not run: the kernel died in an earlier cell",
    },
    "autograde.failed": {
        "zh": "评分失败，自动评分的单元格记 0 分：{reason}",
        "en": "grading failed; the autograded cells score 0: {reason}",
    },
    "autograde.failed.deadline": {
        "zh": "评分超过 {seconds} 秒仍未结束，已被终止",
        "en": "grading did not finish within {seconds} s and was stopped",
    },
    "autograde.failed.worker_died": {
        "zh": "评分进程意外退出（退出码 {code}）",
        "en": "the grading process died unexpectedly (exit code {code})",
    },
    "autograde.failed.no_worker": {
        "zh": "评分进程无法启动（原因见上面的错误信息），没有评分，成绩册未改动",
        "en": "the grading process could not start (see the errors above); not graded, "
              "the gradebook is unchanged",
    },
    "autograde.failed.nbgrader": {
        "zh": "nbgrader 报错：{error}",
        "en": "nbgrader reported an error: {error}",
    },
    "autograde.no_assignment": {
        "zh": "成绩册中没有作业“{assignment}”：请先运行 nbgrader generate_assignment {assignment}",
        "en": "the gradebook has no assignment '{assignment}': run nbgrader generate_assignment "
              "{assignment} first",
    },
    "autograde.unknown_students": {
        "zh": "这些学生没有提交作业“{assignment}”：{students}",
        "en": "these students have no submission of '{assignment}': {students}",
    },
}
