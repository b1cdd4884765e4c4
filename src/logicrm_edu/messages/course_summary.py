"""The course as a whole: each student's printable page and the class's skills."""

MESSAGES = {
    "course_summary.student": {"zh": "课程成绩单：{name}（{id}）", "en": "Course report: {name} ({id})"},
    "course_summary.state": {"zh": "（成绩{state}）", "en": " (grade {state})"},
    "course_summary.assignments": {"zh": "作业", "en": "Assignments"},
    "course_summary.presentations": {"zh": "小组展示", "en": "Presentations"},
    "course_summary.what": {"zh": "作业与步骤", "en": "assignment and step"},
    "course_summary.score": {"zh": "得分", "en": "score"},
    "course_summary.step": {"zh": "第 {n} 步 {title}", "en": "step {n} {title}"},
    "course_summary.skills_sheet": {"zh": "各步掌握情况", "en": "skills"},
    "course_summary.col.assignment": {"zh": "作业", "en": "assignment"},
    "course_summary.col.step": {"zh": "步骤", "en": "step"},
    "course_summary.col.skill": {"zh": "内容", "en": "skill"},
    "course_summary.col.points": {"zh": "分值", "en": "points"},
    "course_summary.col.graded": {"zh": "已评人数", "en": "graded"},
    "course_summary.col.pending": {"zh": "待批改人数", "en": "pending"},
    "course_summary.col.mean_pct": {"zh": "全班平均得分率(%)", "en": "class mean (%)"},
    "course_summary.col.full_pct": {"zh": "满分人数比例(%)", "en": "full marks (% of graded)"},
    "course_summary.col.level": {"zh": "掌握情况", "en": "level"},
    "course_summary.level.mastered": {"zh": "已掌握", "en": "mastered"},
    "course_summary.level.partly": {"zh": "部分掌握", "en": "partly mastered"},
    "course_summary.level.weak": {"zh": "薄弱，需要再讲", "en": "weak: teach again"},
    "course_summary.level.pending": {"zh": "尚未评分", "en": "not graded yet"},
    "course_summary.skills_rule": {
        "zh": "掌握情况：全班平均得分率 ≥ {mastered}% 为已掌握，< {weak}% 为薄弱，其余为部分掌握；待批改的步骤不计入平均。",
        "en": "Level: a class mean of at least {mastered}% is mastered, below {weak}% weak, else partly "
              "mastered; steps still to be graded by hand are left out of the mean."},
}
