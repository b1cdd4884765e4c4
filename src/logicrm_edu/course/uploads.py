"""Reading an LMS download: every file of a zip or folder, students' own zips unpacked.

Students often zip their folder before uploading, so a download can hold zips,
which can hold a folder or another zip.  Every entry becomes one :class:`Upload`
so that the collect report accounts for each of them; entries that are not
student work (macOS metadata, Office lock files, links) are marked as such and
never written anywhere.

Paths in a download come from students' computers: :func:`safe_relative` turns
one into a relative path without ``..``, a root or a drive, so that a file can
only ever be written inside the folder it is meant for (no "zip slip").
"""
from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

MAX_DEPTH = 3
"""Zips inside zips are unpacked this deep; deeper ones are kept as they are."""
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""A student's zip that would unpack to more than this is kept as it is (a zip bomb guard)."""
SYSTEM_NAMES = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini")
_UNSAFE_CHARACTERS = re.compile(r'[<>:"|?*\x00-\x1f]')


@dataclass
class Upload:
    """One file of the LMS download."""

    path: str
    """Its path inside the download, as shown in the report; a file inside a student's
    zip is ``that.zip/inner/path``."""
    data: bytes
    time: datetime
    """When it was uploaded (aware): the zip entry time or the file's modification time."""
    kind: str = "file"
    """``file``; ``archive`` (a zip that was unpacked, its files follow it); ``bad_archive``
    (a zip that cannot be opened, kept as it is); ``checkpoint`` (a Jupyter autosave);
    ``system`` (made by the computer, not read); ``link`` (not read); ``unreadable``
    (cannot be read from the download)."""
    count: int = 0
    """For an ``archive``: how many files it held."""

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix.lower()


def safe_relative(path: str) -> str:
    """``path`` as a relative POSIX path that cannot leave the folder it is joined to:
    no root, drive, ``..`` or ``.``, no characters Windows forbids in names."""
    parts = [p for p in re.split(r"[/\\]+", path) if p not in ("", ".", "..")]
    parts = [_UNSAFE_CHARACTERS.sub("_", p).rstrip(" .") or "_" for p in parts]
    return "/".join(parts) or "_"


def read_uploads(source) -> list[Upload]:
    """Every file of a zip or folder, in order; a zip among them is followed by its files.

    Raises ``zipfile.BadZipFile`` when ``source`` itself is not a readable zip.
    """
    source = Path(source)
    if source.is_dir():
        found = _folder_uploads(source)
    else:
        with zipfile.ZipFile(source) as zf:
            found = _zip_uploads(zf, "")
    return _unpacked(found, depth=1)


def _folder_uploads(folder: Path) -> list[Upload]:
    uploads = []
    for root, dirs, files in os.walk(folder):  # links to folders are not followed
        for name in files + [d for d in dirs if Path(root, d).is_symlink()]:
            item = Path(root, name)
            path = item.relative_to(folder).as_posix()
            when = datetime.fromtimestamp(item.lstat().st_mtime).astimezone()
            kind = _kind_by_name(path)
            if item.is_symlink():
                uploads.append(Upload(path, b"", when, "link"))
            elif kind == "system":
                uploads.append(Upload(path, b"", when, kind))
            else:
                uploads.append(Upload(path, item.read_bytes(), when, kind))
    return sorted(uploads, key=lambda u: u.path)


def _zip_uploads(zf: zipfile.ZipFile, prefix: str) -> list[Upload]:
    """The files of ``zf``; their paths start with ``prefix``."""
    uploads = []
    for info in zf.infolist():
        if info.is_dir():
            continue
        path = prefix + _zip_name(info)
        when = datetime(*info.date_time).astimezone()
        kind = _kind_by_name(path)
        if stat.S_ISLNK(info.external_attr >> 16):
            kind = "link"
        if kind in ("system", "link"):
            uploads.append(Upload(path, b"", when, kind))
            continue
        try:
            uploads.append(Upload(path, zf.read(info), when, kind))
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError):
            # a damaged or encrypted entry: reported, the rest is collected
            uploads.append(Upload(path, b"", when, "unreadable"))
    return uploads


def _unpacked(uploads: list[Upload], depth: int) -> list[Upload]:
    """``uploads`` with the files of each zip among them inserted after it."""
    result = []
    for upload in uploads:
        result.append(upload)
        if upload.kind != "file" or upload.suffix != ".zip" or depth > MAX_DEPTH:
            continue
        inner = _open_zip(upload.data)
        if inner is None:
            upload.kind = "bad_archive"
            continue
        with inner:
            files = _zip_uploads(inner, upload.path + "/")
        if any(f.kind == "unreadable" for f in files):
            upload.kind = "bad_archive"  # kept whole rather than in pieces
            continue
        upload.kind, upload.count = "archive", len(files)
        result.extend(_unpacked(files, depth + 1))
    return result


def _open_zip(data: bytes) -> zipfile.ZipFile | None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    if sum(i.file_size for i in zf.infolist()) > MAX_UNPACKED_BYTES:
        zf.close()
        return None
    return zf


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Entry name with ``/`` between folders; Windows zip tools store Chinese names in GBK
    without the UTF-8 flag, some with ``\\`` between folders."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name.replace("\\", "/")


def _kind_by_name(path: str) -> str:
    parts = PurePosixPath(path).parts
    if any(p in SYSTEM_NAMES or p.startswith("~$") or p.startswith("._") for p in parts):
        return "system"
    if ".ipynb_checkpoints" in parts:
        return "checkpoint"
    return "file"
