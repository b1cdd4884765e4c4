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
}
