"""Stable IDs: derivation, and adding the missing ones to sources (``std ids``).

Every clause, annex, term entry, table, figure and formula has a stable ID, a
MyST target (``(scope)=``). IDs are ASCII, derived once from the title (Chinese
transliterated with pypinyin) or taken from the source's own anchor, made unique
within the standard, never derived from numbers and never changed afterwards:
translations, diffs and citations from other standards rely on them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin

__all__ = ["IdChange", "add_missing_ids", "derive_id", "is_valid_id", "scan_ids"]

_VALID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
_NUMBER_PREFIX = re.compile(r"^[\s#]*(?:[A-Z]\.)?\d+(?:\.\d+)*\s*[:：.\-–—]?\s*")
MAX_LENGTH = 48
#: Latin letters that do not decompose into ASCII.
_LATIN = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th"})


def is_valid_id(label: str) -> bool:
    """True for an ASCII ID: lowercase letters and digits in words joined by ``-``, ``_`` or ``.``."""
    return bool(_VALID.match(label))


def derive_id(title: str, taken: set[str], fallback: str = "element") -> str:
    """Derive a new stable ID from a title, and record it in ``taken``.

    Args:
        title: the element's title (a clause heading, a term, a caption). A
            hand-typed leading number is dropped first: IDs never come from numbers.
        taken: IDs already used in the standard; updated with the result.
        fallback: used when the title yields nothing (e.g. an untitled element).

    Returns:
        An ASCII ID such as ``test-methods`` or ``ji-qi-xue-xi-mo-xing``
        (机器学习模型), with ``-2``, ``-3`` … appended when needed for uniqueness.
    """
    text = _NUMBER_PREFIX.sub("", title or "")
    text = re.sub(r"[`*_~\[\]()<>{}]", " ", text)
    words: list[str] = []
    for chunk in re.findall(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+", text):
        if re.match(r"[\u3400-\u9fff]", chunk):
            words.extend(lazy_pinyin(chunk))
        else:
            ascii_text = unicodedata.normalize("NFKD", chunk.translate(_LATIN)).encode("ascii", "ignore").decode()
            words.extend(re.findall(r"[A-Za-z0-9]+", ascii_text))
    base = "-".join(w.lower() for w in words if w)
    if len(base) > MAX_LENGTH:
        base = base[:MAX_LENGTH].rsplit("-", 1)[0]
    base = base.strip("-") or fallback
    if base[0].isdigit():
        base = f"{fallback}-{base}"
    label, n = base, 2
    while label in taken:
        label, n = f"{base}-{n}", n + 1
    taken.add(label)
    return label


@dataclass
class IdChange:
    """An element without a stable ID, and the ID given (or proposed) to it.

    Attributes: path, line (1-based, of the element), kind (clause, term, table,
    figure, formula), label.
    """

    path: Path
    line: int
    kind: str
    label: str


_TARGET = re.compile(r"^\s*\(([^()\s]+)\)=\s*$")
_ATTRS = re.compile(r"^\s*\{[^{}]*\}\s*$")
_ATTR_ID = re.compile(r"#([\w.:-]+)")
_OPTION_NAME = re.compile(r"^\s*:(?:name|label):\s*(\S+)", re.M)
_DIRECTIVE = re.compile(r"^\{(term|table|list-table|csv-table|figure|math)\}\s*(.*)$")


def _parser():
    from myst_parser.config.main import MdParserConfig
    from myst_parser.mdit_to_docutils.base import DocutilsRenderer
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"attrs_block", "attrs_inline", "colon_fence", "deflist",
                                                "dollarmath", "fieldlist"})
    return create_md_parser(config, DocutilsRenderer)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


_BOM = "\ufeff"
_LINE_END = re.compile(r"(\r\n|\r|\n)")


def _lines_and_ends(path: Path) -> tuple[str, list[str], list[str]]:
    """A file as it is on disk: ``(bom, lines, ends)``, each line with its own line end (``""`` for the last).

    ``"\n".join(lines)`` is the text :func:`_read` gives; writing ``bom`` and each line
    followed by its end gives the file back byte for byte.
    """
    text = path.read_bytes().decode("utf-8")
    bom = _BOM if text.startswith(_BOM) else ""
    parts = _LINE_END.split(text[len(bom):])
    return bom, parts[0::2], [*parts[1::2], ""]


def _usual_end(ends: list[str]) -> str:
    """The line end most lines of a file have (``\n`` for a file of one line)."""
    used = [end for end in ends if end]
    return max(dict.fromkeys(used), key=used.count) if used else "\n"


def scan_ids(text: str) -> tuple[set[str], list[tuple[int, str, str, int]]]:
    """Find the IDs a Markdown text defines and the elements that lack one.

    Returns:
        ``(labels, missing)``: the labels defined, and for each element without
        an ID ``(line_index, kind, title, insert_at)`` with 0-based line indexes;
        ``insert_at`` is where a ``(label)=`` line goes (before the element's
        attribute lines), or ``-1`` for a formula, whose label follows its
        closing ``$$``.
    """
    lines = text.split("\n")
    labels: set[str] = set()
    missing: list[tuple[int, str, str, int]] = []
    clause_title = ""
    for token in _parser().parse(text):
        if token.type == "myst_target":
            labels.add(token.content.strip())
            continue
        if token.map is None:
            continue
        start = token.map[0]
        if token.type == "heading_open":
            kind = "clause"
            if "id" in token.attrs:
                labels.add(str(token.attrs["id"]))
                continue
            title = lines[start].lstrip("#").strip()
            clause_title = title
        elif token.type in ("colon_fence", "fence"):
            m = _DIRECTIVE.match(token.info.strip())
            if not m:
                continue
            kind = {"list-table": "table", "csv-table": "table", "math": "formula"}.get(m.group(1), m.group(1))
            named = _OPTION_NAME.search(token.content)
            if named:
                labels.add(named.group(1))
                continue
            title = m.group(2) or _first_text(token.content) or f"{clause_title} {kind}"
        elif token.type == "math_block_label":
            labels.add(token.info.strip())
            continue
        elif token.type == "math_block":
            missing.append((start, "formula", f"{clause_title} formula", -1 - (token.map[1] - 1)))
            continue
        elif token.type == "table_open":
            kind, title = "table", f"{clause_title} table"
        else:
            continue
        # an ID may stand above the element: (label)= or {#label}, with attribute lines between
        above, has_id, insert_at = start - 1, False, start
        while above >= 0 and (not lines[above].strip() or _ATTRS.match(lines[above])):
            if _ATTRS.match(lines[above]):
                ids = _ATTR_ID.findall(lines[above])
                labels.update(ids)
                has_id = has_id or bool(ids)
                insert_at = above
            above -= 1
        if above >= 0 and _TARGET.match(lines[above]):
            has_id = True
        if not has_id:
            missing.append((start, kind, title, insert_at))
    return labels, missing


def _first_text(content: str) -> str:
    for line in content.split("\n"):
        if line.strip() and not line.lstrip().startswith(":"):
            return line.strip()
    return ""


def add_missing_ids(files: Iterable[Path], write: bool = True,
                    unreadable: list[tuple[Path, str]] | None = None) -> list[IdChange]:
    """Give every clause, term entry, table, figure and formula without a stable ID one.

    Only ``(label)=`` lines are inserted (and `` (label)`` after a formula's
    closing ``$$``); nothing else in the files changes: a file keeps its BOM and its
    line ends (an inserted line ends as most lines of its file do). IDs are unique within
    each standard (the files under one ``standards/<slug>/``).

    Args:
        files: Markdown files.
        write: False to only report what lacks an ID.
        unreadable: receives ``(path, reason)`` for each file that is not UTF-8 text; such a
            file is left as it is and the others are still handled.

    Returns:
        The changes made (or that would be made), in file order.
    """
    files = [Path(f) for f in files]
    by_standard: dict[Path, list[Path]] = {}
    for path in files:
        root = next((p for p in path.resolve().parents if (p / "index.md").is_file() and p.parent.name == "standards"),
                    path.resolve().parent)
        by_standard.setdefault(root, []).append(path)
    changes: list[IdChange] = []
    for root, members in by_standard.items():
        taken: set[str] = set()
        scans = {}
        for path in sorted(set(root.glob("**/*.md")) | {p.resolve() for p in members}):
            try:
                text = _read(path)
            except UnicodeDecodeError as exc:
                if unreadable is not None and path in {p.resolve() for p in members}:
                    unreadable.append((path, f"not valid UTF-8 (byte {exc.object[exc.start]:#04x} at offset "
                                             f"{exc.start}): save the file as UTF-8"))
                continue
            labels, missing = scan_ids(text)
            taken |= labels
            scans[path] = (text, missing)
        for path in members:
            if path.resolve() not in scans:
                continue
            _, missing = scans[path.resolve()]
            if not missing:
                continue
            # the file's own line ends and BOM are kept: only the inserted text is new
            bom, lines, ends = _lines_and_ends(path)
            inserts: list[tuple[int, str]] = []
            for line, kind, title, insert_at in missing:
                label = derive_id(title, taken, fallback=kind)
                changes.append(IdChange(path, line + 1, kind, label))
                if insert_at >= 0:
                    inserts.append((insert_at, f"({label})="))
                else:
                    closing = -1 - insert_at
                    lines[closing] = lines[closing].rstrip() + f" ({label})"
            usual = _usual_end(ends)
            for index, line in sorted(inserts, reverse=True):
                lines.insert(index, line)
                ends.insert(index, usual)
            if write:
                from ..render.files import write_atomic

                write_atomic(path, (bom + "".join(line + end for line, end in zip(lines, ends))).encode("utf-8"))
    return changes
