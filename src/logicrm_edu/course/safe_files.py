"""Writing course files without ever leaving a half-written one behind.

Every file the instructor commands write goes through here: the content is
written to a temporary file in the same folder and then renamed over the
target (atomic on the same file system), so a crash, a full disk or Ctrl-C
leaves either the old file or the new one, never a mixture.  A finished file gets
the mode any new file gets (0666 less the umask, e.g. 0644; the temporary file is
created 0600), unless ``mode`` says otherwise (``course.toml`` holds a secret).  Folders are
assembled beside their destination and swapped in the same way; a folder that
is replaced is first moved aside (:func:`keep_aside`), never deleted.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: set it straight back
    os.umask(mask)
    return mask


def _finish(tmp, path: Path, mode: int | None) -> None:
    os.chmod(tmp, 0o666 & ~_umask() if mode is None else mode)
    os.replace(tmp, path)


def write_bytes(path, data: bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` atomically (temp file + rename); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _finish(tmp, path, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path, text: str, encoding: str = "utf-8", *, mode: int | None = None) -> Path:
    """Write ``text`` to ``path`` atomically."""
    return write_bytes(path, text.encode(encoding), mode=mode)


def write_with(path, writer, *, mode: int | None = None) -> Path:
    """Let ``writer(tmp_path)`` produce the file (e.g. ``df.to_excel``), then rename it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        writer(Path(tmp))
        _finish(tmp, path, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def staging_dir(dest) -> Path:
    """A fresh, hidden folder beside ``dest`` to assemble its new content in."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))


def keep_aside(folder, archive_root) -> Path:
    """Move ``folder`` into ``archive_root/<time>/`` (never delete it); returns where it went."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(archive_root) / stamp
    target.mkdir(parents=True, exist_ok=True)
    moved = target / Path(folder).name
    shutil.move(str(folder), str(moved))
    return moved


def swap_in(staged, dest, archive_root=None) -> Path | None:
    """Put the ``staged`` folder at ``dest``.  An existing ``dest`` is moved to
    ``archive_root`` (returned) or, when ``archive_root`` is None, removed (only for
    folders that are regenerated from the course, like handouts)."""
    dest = Path(dest)
    old = None
    if dest.exists():
        if archive_root is None:
            trash = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".old", dir=dest.parent))
            os.replace(dest, trash / dest.name)
            shutil.rmtree(trash, ignore_errors=True)
        else:
            old = keep_aside(dest, archive_root)
    os.replace(staged, dest)
    return old
