"""Messages of grading outside the student's process (sandbox, answers, outputs)."""

MESSAGES = {
    "grading.output_truncated": {
        "zh": "……（输出太长，以下省略）",
        "en": "... (output too long, the rest is left out)",
    },
    "grading.out_of_time": {
        "zh": "没有运行：这份作业的所有单元格一共只能运行 {seconds} 秒，时间已经用完",
        "en": "not run: all cells of this notebook together may run {seconds} s, and the time is used up",
    },
    "grading.data.same": {"zh": "数据文件与发给该学生的相同", "en": "the data file is the one handed out"},
    "grading.data.missing": {
        "zh": "没有交数据文件（用发给该学生的数据评分）",
        "en": "no data file handed in (graded with the data handed out)",
    },
    "grading.data.changed": {
        "zh": "交回的数据文件与发给该学生的不同（评分用的是发给他的数据）",
        "en": "the data file handed in differs from the one handed out (grading used the data "
              "handed out)",
    },
    "grading.data.other_student": {
        "zh": "交回的数据文件是发给 {other} 的数据，疑似抄袭（评分用的是发给该学生本人的数据）",
        "en": "the data file handed in is the data handed to {other}: likely copied (grading used "
              "this student's own data)",
    },
    "grading.data.unreadable": {
        "zh": "交回的数据文件无法读取（{detail}）；评分用的是发给该学生的数据",
        "en": "the data file handed in cannot be read ({detail}); grading used the data handed out",
    },
    "grading.sandbox.ready": {
        "zh": "沙箱可用：学生的代码将在沙箱中评分。",
        "en": "sandbox ready: students' code will be graded in a sandbox.",
    },
    "grading.sandbox.missing": {
        "zh": "本机无法为学生的代码建立沙箱：{reason}。在 Debian/Ubuntu 上请以 root 运行 make setup（会安装 bubblewrap），"
              "或手动安装 bubblewrap；否则 logicrm autograde 会拒绝评分。",
        "en": "this machine cannot sandbox students' code: {reason}. On Debian/Ubuntu run make setup "
              "as root (it installs bubblewrap) or install bubblewrap yourself; otherwise logicrm "
              "autograde refuses to grade.",
    },
    "grading.same_as_above": {
        "zh": "与上面第 {step} 步的测试结果相同，见那里的说明。",
        "en": "same result as the step {step} test above; see the note there.",
    },
    "grading.kernel_died": {
        "zh": "没有取到这一步的答案：程序在前面的单元格中崩溃或退出了",
        "en": "this step's answers could not be taken: the program crashed or exited in an earlier cell",
    },
    "grading.kernel_died.hint": {
        "zh": "从上到下重新运行整个 Notebook，找到出错的单元格并改正（例如不要调用 os._exit 或占用过多内存）。",
        "en": "run the whole notebook from the top, find the cell that fails and correct it (e.g. "
              "do not call os._exit or use too much memory).",
    },
    "grading.answer_cell_failed": {
        "zh": "第 {step} 步的代码没有运行完（见上面单元格里的说明），所以这一步的答案缺失或不完整",
        "en": "the code of step {step} did not run to the end (see the note in the cell above), so "
              "this step's answers are missing or incomplete",
    },
    "grading.answer_cell_failed.hint": {
        "zh": "先改正那个单元格，让它从头到尾运行完，再看这一步的检查结果。",
        "en": "correct that cell first so that it runs to the end, then look at this step's check.",
    },
    "grading.answer_cell_failed.after": {
        "zh": "第 {step} 步的代码没有运行完，而前面第 {earlier} 步的代码就已经出错了",
        "en": "the code of step {step} did not run to the end, and the code of step {earlier} "
              "before it had already failed",
    },
    "grading.answer_cell_failed.after.hint": {
        "zh": "先改正第 {earlier} 步，再从上到下重新运行整个 Notebook。",
        "en": "correct step {earlier} first, then run the whole notebook again from the top.",
    },
    "grading.earlier_cell_failed": {
        "zh": "这一步的答案缺失：前面第 {earlier} 步的代码没有运行完",
        "en": "this step's answers are missing: the code of step {earlier} did not run to the end",
    },
    "grading.earlier_cell_failed.hint": {
        "zh": "先改正第 {earlier} 步，再从上到下重新运行整个 Notebook。",
        "en": "correct step {earlier} first, then run the whole notebook again from the top.",
    },
    "grading.second_run_stopped": {
        "zh": "用另一份同样格式的数据重新运行你的代码时，程序在这一步之前就停下了",
        "en": "when your code was run again on another dataset of the same shape, it stopped "
              "before this step",
    },
    "grading.second_run_stopped.hint": {
        "zh": "你的代码要对任何同样格式的数据都能运行：不要把数字、客户编号或文件内容直接写进代码，"
              "都从 DATA_FILE 读取并计算。",
        "en": "your code must run on any data of the same shape: do not type numbers, customer "
              "ids or file contents into it; read DATA_FILE and compute them.",
    },
}
