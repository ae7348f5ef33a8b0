"""Reading the source of an import: one Markdown file, or a folder of them in name order.

Input hygiene: a UTF-8 byte order mark is dropped, CRLF and lone CR line ends
become LF, and a file that is not valid UTF-8 is refused with its file and line.
Nothing in the source is ever written.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportError_

__all__ = ["SourceFile", "decode_source", "read_source", "source_date", "source_root"]


@dataclass
class SourceFile:
    """One source file, decoded.

    Attributes:
        path: the file, as reached from the SOURCE argument (relative when SOURCE was relative);
            messages name this path.
        text: the whole text with LF line ends and no byte order mark.
        lines: ``text`` split into lines (without line ends).
    """

    path: Path
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def decode_source(raw: bytes, name: str) -> str:
    """Decode the bytes of a source file.

    Args:
        raw: the file's bytes.
        name: the file name used in messages.

    Returns:
        The text without a UTF-8 byte order mark, with LF line ends.

    Raises:
        ImportError_: ``name:line: not valid UTF-8 (byte 0x..)`` at the first invalid byte.
    """
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise ImportError_(f"{name}:{line}: not valid UTF-8 (byte 0x{body[exc.start]:02x})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(source: Path) -> list[SourceFile]:
    """The files that make up the standard at ``source``.

    Args:
        source: a Markdown file, or a folder whose ``*.md`` files (not recursive,
            hidden files skipped) in name order make one standard.

    Returns:
        The decoded files in reading order.

    Raises:
        ImportError_: when ``source`` does not exist, is a folder without ``.md``
            files, cannot be read, or holds a file that is not valid UTF-8.
    """
    if not source.exists():
        raise ImportError_(f"{source}: no such file or folder")
    if source.is_dir():
        paths = sorted(p for p in source.iterdir() if p.suffix.lower() == ".md" and p.is_file()
                       and not p.name.startswith("."))
        if not paths:
            raise ImportError_(f"{source}: the folder holds no .md files")
    else:
        paths = [source]
    files = []
    for path in paths:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ImportError_(f"{path}: cannot read: {exc.strerror}") from None
        files.append(SourceFile(path, decode_source(raw, str(path))))
    return files


def source_root(source: Path) -> Path:
    """The source folder: ``source`` itself for a folder, its parent for a file.

    Images are copied only when they lie inside this folder.
    """
    return (source if source.is_dir() else source.parent).resolve()


def _git_date(paths: list[Path]) -> dt.date | None:
    folder = paths[0].resolve().parent
    try:
        inside = subprocess.run(["git", "-C", str(folder), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, timeout=20)
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return None
        log = subprocess.run(["git", "-C", str(folder), "log", "-1", "--format=%cs", "--",
                              *[str(p.resolve()) for p in paths]],
                             capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    value = log.stdout.strip()
    if log.returncode != 0 or not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def source_date(files: list[SourceFile]) -> tuple[dt.date, str]:
    """The date of the source, used as the draft date when none is given.

    The date of the last git commit that touched the source files when they lie
    in a git work tree (reproducible: the same commit gives the same date), else
    the newest modification time of the files, as a UTC calendar date.

    Returns:
        ``(date, how)`` where ``how`` is ``"git commit date"`` or ``"file modification date"``.
    """
    paths = [f.path for f in files]
    date = _git_date(paths)
    if date is not None:
        return date, "git commit date"
    newest = max(p.stat().st_mtime for p in paths)
    return dt.datetime.fromtimestamp(newest, tz=dt.timezone.utc).date(), "file modification date"
