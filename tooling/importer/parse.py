"""Markdown source → a flat stream of headings and content chunks with their source lines.

markdown-it-py (CommonMark plus GFM tables, the parser MyST builds on) finds the
block structure; each top-level block is kept as its exact source lines, so the
import rewrites only what it maps and copies everything else verbatim. Lines that
markdown-it consumes without a token (link reference definitions) are kept as
``raw`` chunks, so nothing is lost.

kramdown-rfc sources (a YAML header, then ``--- abstract``, ``--- note_…``,
``--- middle``, ``--- back``) are split at those markers; every event carries the
name of the part it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .source import SourceFile

__all__ = ["Chunk", "Heading", "ParsedSource", "inline_text", "parse_files"]

_ANCHOR = re.compile(r"[ \t]*\{:?[ \t]*#(?P<id>[A-Za-z][\w:.-]*)(?P<rest>[^}]*)\}[ \t]*$")
_KRAMDOWN_MARK = re.compile(r"^---[ \t]+(?P<name>abstract|middle|back|note_\S+)[ \t]*$")


@dataclass
class Chunk:
    """A top-level block of content.

    Attributes:
        kind: ``paragraph``, ``bullet_list``, ``ordered_list``, ``table``, ``fence``,
            ``code_block``, ``blockquote``, ``html_block``, ``hr`` or ``raw`` (lines without a token).
        lines: the block's source lines.
        file: the source file; line: its first line (1-based).
        inline: for a paragraph, its inline Markdown (lines joined by ``\\n``).
        segment: the kramdown-rfc part (``abstract``, ``middle`` …) or ``""``.
    """

    kind: str
    lines: list[str]
    file: Path
    line: int
    inline: str = ""
    segment: str = ""


@dataclass
class Heading:
    """A top-level heading.

    Attributes:
        level: 1–6.
        raw: the heading's inline Markdown without a trailing ``{#anchor}``.
        plain: its text without markup.
        anchor: the source's own anchor (``{#anchor}``), or ``None``.
        file, line: where it is.
        file_first: the first heading of its file.
        body_empty: no content between this heading and the next one.
        segment: the kramdown-rfc part or ``""``.
    """

    level: int
    raw: str
    plain: str
    anchor: str | None
    file: Path
    line: int
    file_first: bool = False
    body_empty: bool = True
    segment: str = ""


@dataclass
class ParsedSource:
    """The event stream of all source files, plus what their headers said."""

    events: list = field(default_factory=list)
    header: dict = field(default_factory=dict)  # YAML front matter of the first file (kramdown-rfc, Jekyll)
    header_file: Path | None = None
    kramdown: bool = False
    skipped_headers: list[Path] = field(default_factory=list)  # YAML headers not read (invalid, or later files)


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def inline_text(token: Token | None) -> str:
    """The plain text of an inline token (emphasis and links dropped, code and image alt kept)."""
    if token is None or not token.children:
        return token.content if token is not None else ""
    out = []
    for child in token.children:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(inline_text(child))
    return "".join(out)


def _split_header(lines: list[str]) -> tuple[str | None, int]:
    """YAML front matter at the top: ``(yaml_text, index of the first line after it)``."""
    if not lines or lines[0].rstrip() != "---":
        return None, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "...") or _KRAMDOWN_MARK.match(lines[index]):
            if _KRAMDOWN_MARK.match(lines[index]):
                return "\n".join(lines[1:index]), index
            return "\n".join(lines[1:index]), index + 1
    return None, 0


def _events(md: MarkdownIt, lines: list[str], offset: int, file: Path, segment: str) -> list:
    """Events of ``lines`` (file lines ``offset`` … ``offset+len-1``, 0-based)."""
    text = "\n".join(lines)
    tokens = md.parse(text)
    events: list = []
    pos = 0

    def gap(until: int) -> None:
        nonlocal pos
        block: list[str] = []
        start = pos
        for i in range(pos, until):
            if lines[i].strip():
                if not block:
                    start = i
                block.append(lines[i])
            elif block:
                events.append(Chunk("raw", block, file, offset + start + 1, segment=segment))
                block = []
        if block:
            events.append(Chunk("raw", block, file, offset + start + 1, segment=segment))
        pos = max(pos, until)

    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.map is None or tok.nesting == -1:
            continue
        start, end = tok.map
        gap(start)
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            raw = inline.content.replace("\n", " ").strip()
            anchor = None
            m = _ANCHOR.search(raw)
            if m:
                anchor = m["id"]
                raw = raw[:m.start()].rstrip()
            plain = _ANCHOR.sub("", inline_text(inline)).strip()
            events.append(Heading(int(tok.tag[1]), raw, re.sub(r"\s+", " ", plain), anchor, file,
                                  offset + start + 1, segment=segment))
        else:
            kind = tok.type.removesuffix("_open")
            inline = tokens[i + 1].content if tok.type == "paragraph_open" else ""
            block = lines[start:end]
            while block and not block[-1].strip():
                block = block[:-1]
            events.append(Chunk(kind, block, file, offset + start + 1, inline, segment))
        pos = max(pos, end)
    gap(len(lines))
    return events


def parse_files(files: list[SourceFile]) -> ParsedSource:
    """Tokenize the source files into one event stream (:class:`Heading` and :class:`Chunk` items).

    A YAML header at the top of the first file is parsed into ``header``; YAML headers
    of the other files, and invalid ones, are skipped (``skipped_headers``): they are
    not content. A kramdown-rfc file is split at its ``--- abstract`` /
    ``--- middle`` / ``--- back`` / ``--- note_…`` markers.
    """
    md = _markdown()
    result = ParsedSource()
    for index, source in enumerate(files):
        lines = source.lines
        header, start = _split_header(lines)
        if header is not None:
            try:
                data = yaml.safe_load(header)
            except yaml.YAMLError:
                data = None
            if index == 0 and isinstance(data, dict):
                result.header = data
                result.header_file = source.path
            else:
                result.skipped_headers.append(source.path)
        # kramdown-rfc parts
        parts: list[tuple[str, int, int]] = []
        segment, seg_start = "", start
        for n in range(start, len(lines)):
            m = _KRAMDOWN_MARK.match(lines[n])
            if m and index == 0 and result.header:
                parts.append((segment, seg_start, n))
                segment, seg_start = m["name"], n + 1
                result.kramdown = True
        parts.append((segment, seg_start, len(lines)))
        file_events: list = []
        for name, begin, end in parts:
            if end > begin:
                file_events.extend(_events(md, lines[begin:end], begin, source.path, name))
        first = True
        for n, event in enumerate(file_events):
            if isinstance(event, Heading):
                event.file_first = first
                first = False
                following = file_events[n + 1] if n + 1 < len(file_events) else None
                event.body_empty = not isinstance(following, Chunk)
        result.events.extend(file_events)
    return result
