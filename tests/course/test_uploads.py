"""Reading an LMS download: students' zips unpacked, system files and links marked, paths
made safe."""
import io
import stat
import zipfile
from datetime import datetime

from logicrm_edu.course.uploads import read_uploads, safe_relative

WHEN = datetime(2025, 3, 10, 9, 0)


def zip_bytes(entries) -> bytes:
    """entries: (name, bytes) or a ready ZipInfo with its bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            info = name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name, WHEN.timetuple()[:6])
            info.flag_bits |= 0x800
            zf.writestr(info, data)
    return buf.getvalue()


def damaged(data: bytes, content: bytes) -> bytes:
    """``data`` (a zip) with the stored ``content`` of one entry changed: its checksum fails."""
    assert data.count(content) == 1
    return data.replace(content, content.upper())


def test_safe_relative_cannot_leave_its_folder():
    assert safe_relative("../../../x.ipynb") == "x.ipynb"
    assert safe_relative("/etc/cron.d/x.ipynb") == "etc/cron.d/x.ipynb"
    assert safe_relative("C:\\Users\\张三\\..\\作业.ipynb") == "C_/Users/张三/作业.ipynb"
    assert safe_relative("a/./b/../c.ipynb") == "a/b/c.ipynb"
    assert safe_relative("..") == "_"
    assert safe_relative('what?.ipynb') == "what_.ipynb"
    assert safe_relative("作业. ") == "作业"  # Windows drops trailing dots and spaces


def test_a_students_zip_with_a_folder_inside_is_unpacked(tmp_path):
    inner = zip_bytes([("2301_张三/abc.ipynb", b"nb"), ("2301_张三/customers.xlsx", b"data")])
    (tmp_path / "lms.zip").write_bytes(zip_bytes([("2301_张三.zip", inner), ("b.ipynb", b"b")]))
    uploads = read_uploads(tmp_path / "lms.zip")
    assert [(u.path, u.kind) for u in uploads] == [
        ("2301_张三.zip", "archive"), ("2301_张三.zip/2301_张三/abc.ipynb", "file"),
        ("2301_张三.zip/2301_张三/customers.xlsx", "file"), ("b.ipynb", "file")]
    assert uploads[0].count == 2
    assert uploads[1].data == b"nb" and uploads[2].data == b"data"


def test_zips_are_unpacked_three_deep_and_deeper_ones_kept_whole(tmp_path):
    data = zip_bytes([("a.ipynb", b"nb")])
    for name in ("z4.zip", "z3.zip", "z2.zip"):
        data = zip_bytes([(name, data)])
    (tmp_path / "lms.zip").write_bytes(zip_bytes([("z1.zip", data)]))
    kinds = [(u.path, u.kind) for u in read_uploads(tmp_path / "lms.zip")]
    assert kinds == [("z1.zip", "archive"), ("z1.zip/z2.zip", "archive"),
                     ("z1.zip/z2.zip/z3.zip", "archive"), ("z1.zip/z2.zip/z3.zip/z4.zip", "file")]


def test_system_files_links_checkpoints_and_damage_are_marked(tmp_path):
    link = zipfile.ZipInfo("2301_张三/abc.ipynb", WHEN.timetuple()[:6])
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    entries = [("__MACOSX/._2301.ipynb", b"x"), ("a/.DS_Store", b"x"), ("~$报告.docx", b"x"),
               ("a/.ipynb_checkpoints/abc-checkpoint.ipynb", b"cp"), (link, b"/etc/passwd"),
               ("2302_李四.ipynb", b"damaged in the download"), ("2303_王五.zip", b"PK but not a zip"), ("2303\\abc.ipynb", b"nb")]
    (tmp_path / "lms.zip").write_bytes(damaged(zip_bytes(entries), b"damaged in the download"))
    found = [(u.path, u.kind, u.data) for u in read_uploads(tmp_path / "lms.zip")]
    assert found == [("__MACOSX/._2301.ipynb", "system", b""), ("a/.DS_Store", "system", b""),
                     ("~$报告.docx", "system", b""),
                     ("a/.ipynb_checkpoints/abc-checkpoint.ipynb", "checkpoint", b"cp"),
                     ("2301_张三/abc.ipynb", "link", b""), ("2302_李四.ipynb", "unreadable", b""),
                     ("2303_王五.zip", "bad_archive", b"PK but not a zip"),
                     ("2303/abc.ipynb", "file", b"nb")]


def test_a_students_zip_with_an_unreadable_file_is_kept_whole(tmp_path):
    inner = damaged(zip_bytes([("abc.ipynb", b"half a notebook"), ("customers.xlsx", b"data")]),
                    b"half a notebook")
    (tmp_path / "lms.zip").write_bytes(zip_bytes([("2301.zip", inner)]))
    [upload] = read_uploads(tmp_path / "lms.zip")
    assert upload.kind == "bad_archive" and upload.data == inner


def test_a_folder_download_does_not_follow_links(tmp_path):
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "secret.txt").write_text("not the student's")
    (outside / "deep" / "x.ipynb").write_text("{}")
    folder = tmp_path / "download"
    (folder / "2301_张三").mkdir(parents=True)
    (folder / "2301_张三" / "abc.ipynb").write_bytes(b"nb")
    (folder / "2301_张三" / "data.txt").symlink_to(outside / "secret.txt")
    (folder / "linked").symlink_to(outside / "deep", target_is_directory=True)
    found = [(u.path, u.kind, u.data) for u in read_uploads(folder)]
    assert found == [("2301_张三/abc.ipynb", "file", b"nb"), ("2301_张三/data.txt", "link", b""),
                     ("linked", "link", b"")]
