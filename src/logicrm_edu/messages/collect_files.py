"""Messages of collect_files: what ``logicrm collect`` did with each file of an LMS
download (see the package docstring).  ``collect.status.*`` and ``collect.why.*`` keys
are also stored in ``<course>/.logicrm/collect/<assignment>.json``."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # what happened to a file ------------------------------------------------------------
    "collect.status.collected": {"zh": "已收", "en": "collected"},
    "collect.status.exchange": {"zh": "已收（在线作业区）", "en": "collected (exchange)"},
    "collect.status.kept_existing": {"zh": "保留已有的较新作业", "en": "newer existing kept"},
    "collect.status.duplicate": {"zh": "重复（用了较新的）", "en": "duplicate (newer used)"},
    "collect.status.unmatched": {"zh": "未匹配", "en": "unmatched"},
    "collect.status.corrupt": {"zh": "文件损坏，未使用", "en": "damaged, not used"},
    "collect.status.attached": {"zh": "随作业保存", "en": "kept with the work"},
    "collect.status.not_notebook": {"zh": "已交，但不是 Notebook", "en": "handed in, but not a notebook"},
    "collect.status.unpacked": {"zh": "已解压", "en": "unpacked"},
    "collect.status.skipped": {"zh": "跳过", "en": "skipped"},
    # why (the 说明 column) ----------------------------------------------------------------
    "collect.why.nobody": {
        "zh": "文件名中没有花名册里的学号或姓名（文件夹名中也没有）。请看看是谁的，把学号加到文件名里，再收一次。",
        "en": "no roster id or name in the file or folder name. Find out whose it is, put the id "
              "in the file name and collect again.",
    },
    "collect.why.ambiguous": {
        "zh": "可能属于多名学生（文件名中有几个学号，或重名）。请把文件名改成只含一名学生的学号，再收一次。",
        "en": "could belong to several students (several ids, or a shared name). Rename it to "
              "carry one student's id and collect again.",
    },
    "collect.why.conflict": {
        "zh": "文件名中的学号和姓名不是同一名学生。请核对后把文件名改正，再收一次。",
        "en": "the id and the name in the file name are different students. Check, correct the "
              "file name and collect again.",
    },
    "collect.why.which_notebook": {
        "zh": "看不出是本作业的哪个 Notebook。请按发布的文件名重命名，再收一次。",
        "en": "cannot tell which notebook of the assignment it is. Rename it like the released "
              "notebook and collect again.",
    },
    "collect.why.replaced": {"zh": "替换了较旧的作业（旧作业已另存）",
                             "en": "replaced an older submission (kept aside)"},
    "collect.why.existing": {
        "zh": "课程中已有该学生更新（或同样新）的作业，没有替换",
        "en": "the student's submission in the course is as new or newer; not replaced",
    },
    "collect.why.newer": {"zh": "该学生较新的文件是：{newer}", "en": "the student's newer file is: {newer}"},
    "collect.why.same_name": {
        "zh": "该学生已有同名文件“{name}”随作业保存，这一份另存",
        "en": "a file called '{name}' is already kept with the student's work; this one is set aside",
    },
    "collect.why.beside": {"zh": "保存在作业文件夹中，不参与评分", "en": "kept in the submission folder; not graded"},
    "collect.why.empty": {
        "zh": "文件是空的（0 字节），可能上传失败。请让学生重新上传 .ipynb 文件。",
        "en": "the file is empty (0 bytes), probably a failed upload. Ask the student to upload "
              "the .ipynb file again.",
    },
    "collect.why.not_utf8": {
        "zh": "文件内容不是 Notebook 的文本格式（可能是改了扩展名的其他文件）。请让学生在 Jupyter 中"
              "保存后重新上传 .ipynb 文件。",
        "en": "the content is not notebook text (another file renamed to .ipynb?). Ask the student "
              "to save it in Jupyter and upload the .ipynb file again.",
    },
    "collect.why.not_json": {
        "zh": "文件不完整或不是 Notebook 格式（可能上传中断，或改了扩展名）。请让学生在 Jupyter 中"
              "保存后重新上传 .ipynb 文件。",
        "en": "the file is incomplete or not in notebook format (an interrupted upload, or a "
              "renamed file?). Ask the student to save it in Jupyter and upload the .ipynb again.",
    },
    "collect.why.not_notebook_format": {
        "zh": "文件内容不是有效的 Jupyter Notebook（可能被其他软件改动过）。请让学生在 Jupyter 中"
              "打开并保存后重新上传。",
        "en": "the content is not a valid Jupyter notebook (edited by another program?). Ask the "
              "student to open and save it in Jupyter, then upload it again.",
    },
    "collect.why.bad_zip": {
        "zh": "压缩包无法打开（损坏、加密、解压后过大，或不是 zip 格式）。已原样保存；"
              "请自己解压看看，或让学生重新上传。",
        "en": "the archive cannot be opened (damaged, encrypted, too large unpacked, or not a "
              "zip). It is kept as it is; unpack it yourself, or ask the student to upload again.",
    },
    "collect.why.unreadable": {
        "zh": "无法从下载包中读出这个文件（下载包可能不完整或加密）。请重新从教学平台下载，再收一次。",
        "en": "this file cannot be read from the download (incomplete or encrypted?). Download "
              "it from the LMS again and collect again.",
    },
    "collect.why.unpacked": {"zh": "学生的压缩包，其中 {count} 个文件逐个列在下面",
                             "en": "a student's zip; its {count} files are listed one by one"},
    "collect.why.script": {
        "zh": "这是 Python 脚本（.py），不是 Notebook，不能自动评分。请让学生上传 .ipynb 文件。",
        "en": "a Python script (.py), not a notebook, so it cannot be autograded. Ask the "
              "student to upload the .ipynb file.",
    },
    "collect.why.html": {
        "zh": "这是导出的网页（.html），不是 Notebook，不能自动评分。请让学生上传 .ipynb 文件。",
        "en": "an exported web page (.html), not a notebook, so it cannot be autograded. Ask the "
              "student to upload the .ipynb file.",
    },
    "collect.why.document": {
        "zh": "这是文档（{suffix}），不是 Notebook，不能自动评分。请让学生上传 .ipynb 文件，或人工评分。",
        "en": "a document ({suffix}), not a notebook, so it cannot be autograded. Ask the student "
              "to upload the .ipynb file, or grade it by hand.",
    },
    "collect.why.data_only": {
        "zh": "这是数据文件（{suffix}），但该学生没有交 Notebook。请让学生上传 .ipynb 文件。",
        "en": "a data file ({suffix}), but the student handed in no notebook. Ask the student "
              "to upload the .ipynb file.",
    },
    "collect.why.archive": {
        "zh": "这是 {suffix} 压缩包，无法自动解压。请解压后把其中的 .ipynb 放进下载文件夹，再收一次。",
        "en": "a {suffix} archive, which cannot be unpacked here. Unpack it, put the .ipynb inside "
              "into the download folder and collect again.",
    },
    "collect.why.other_file": {
        "zh": "不是 Notebook（{suffix}），不能自动评分。请让学生上传 .ipynb 文件。",
        "en": "not a notebook ({suffix}), so it cannot be autograded. Ask the student to upload "
              "the .ipynb file.",
    },
    "collect.why.system": {"zh": "系统生成的文件（如 __MACOSX、.DS_Store），不是作业",
                           "en": "a file made by the computer (like __MACOSX, .DS_Store), not work"},
    "collect.why.link": {"zh": "快捷方式（链接），不是文件本身，没有读取",
                         "en": "a link (shortcut), not a file; not read"},
    "collect.why.checkpoint": {"zh": "Jupyter 自动保存的备份，不作为作业",
                               "en": "a Jupyter autosave copy; not used as the submission"},
    # the student's state, for students without a gradable submission ----------------------
    "collect.state.not_notebook": {"zh": "已交，但不是 Notebook", "en": "handed in, but not a notebook"},
    "collect.state.damaged": {"zh": "已交，但文件损坏", "en": "handed in, but the file is damaged"},
    "collect.state.not_used": {"zh": "已交，但未能使用", "en": "handed in, but not usable"},
    # column -----------------------------------------------------------------------------------
    "collect.col.kept": {"zh": "保存位置", "en": "kept in"},
}
