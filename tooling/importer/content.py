"""Content of imported clauses as MyST Markdown.

Source blocks are copied verbatim except where the import maps them:

- ``NOTE``/``Note:``/``注：`` paragraphs become ``{note}``, ``EXAMPLE``/``示例`` ones ``{example}``
  (the label goes: the build writes it);
- a requirement number in the first cell of a table row (ASVS ``| **1.1.1** | … |``)
  becomes an inline span with a stable ID: ``[**1.1.1**]{#v1-1-1}``;
- images inside the source folder are copied beside the output; others are
  replaced by a visible text and reported;
- text that MyST would read as its own syntax (``$…$`` math, ``{{substitutions}}``,
  ``(target)=`` and ``{attrs}`` lines, ``%`` comments, ``:::`` fences) is escaped,
  so it reads as it did in plain Markdown;
- kramdown-rfc cross-references ``{{anchor}}`` become ``[](#anchor)`` and
  ``{{!RFC4648}}`` citations ``{cite-normative}`RFC 4648```.

Raw HTML is kept (the build shows it as text) and reported; thematic breaks are
dropped and reported (docutils allows no transition at the end of a section).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Messages
from .ids import IdRegistry, requirement_id
from .numbers import split_example_label, split_note_label
from .parse import Chunk
from .structure import Block

__all__ = ["RenderContext", "SourceLine", "escape_myst", "render_items", "rewrite_table", "source_line"]

_PROTECT = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)|<[A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*>")
_DOLLAR = re.compile(r"(?<!\\)\$")
_SUBST = re.compile(r"(?<!\\)\{\{")
_ROLE = re.compile(r"(?<!\\)\{([\w:.+-]+)\}$")  # a role name right before a code span
_LINE_START = [
    (re.compile(r"^( {0,3})(\((?:[^()\n]*)\)=[ \t]*)$"), r"\1\\\2"),
    (re.compile(r"^( {0,3})(\{[^\n]*\}[ \t]*)$"), r"\1\\\2"),
    (re.compile(r"^( {0,3})(:::)"), r"\1\\\2"),
    (re.compile(r"^( {0,3})(%)"), r"\1\\\2"),
    (re.compile(r"^( {0,3})(\+\+\+)"), r"\1\\\2"),
]
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<dest><[^>\n]*>|[^)\s]+)(?P<title>\s+\"[^\"]*\"|\s+'[^']*')?\s*\)")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")
_KRAMDOWN_REF = re.compile(r"\{\{(?P<kind>[!?])?(?P<name>[^{}\s]+?)\}\}")
_RFC = re.compile(r"^(RFC|BCP|STD)0*(\d+)$", re.I)
_IAL = re.compile(r"^\s*\{:[^}]*\}\s*$")
_REQUIREMENT = re.compile(r"^(?P<b>\*\*|__)?(?P<num>[A-Za-z]?\d+(?:\.\d+)+|[A-Z]\.\d+(?:\.\d+)*)(?P=b)?$")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$", re.S)


class SourceLine(str):
    """A written line that remembers the source line it came from (``src``: ``(file, line)``).

    It is an ordinary string for everything else; :func:`source_line` reads the origin
    back, so an import can tell where each written line came from (the bilingual
    alignment reports ``file:line`` of the source, not of the written MyST).
    """

    __slots__ = ("src",)


def source_line(line: str, file, number: int) -> SourceLine:
    """``line`` marked as coming from ``file`` at ``number`` (an existing mark is kept)."""
    if isinstance(line, SourceLine):
        return line
    tagged = SourceLine(line)
    tagged.src = (file, number)
    return tagged


def _tag(lines: list[str], file, first: int) -> list[str]:
    return [source_line(line, file, first + offset) for offset, line in enumerate(lines)]


@dataclass
class RenderContext:
    """What rendering needs besides the content.

    Attributes:
        messages: the import's messages.
        ids: the standard's IDs (row IDs are claimed here).
        source_root: images are copied only from inside this folder.
        out: the folder the standard is written to (images are copied into it).
        anchors: source anchors → IDs (kramdown-rfc cross-references).
        kramdown: the source is kramdown-rfc.
    """

    messages: Messages
    ids: IdRegistry
    source_root: Path
    out: Path
    anchors: dict[str, str] = field(default_factory=dict)
    kramdown: bool = False
    copied: dict[Path, str] = field(default_factory=dict)
    row_ids: int = 0


def _map_text(text: str, fn) -> str:
    """Apply ``fn`` to the parts of ``text`` outside code spans and autolinks.

    ``fn(part, before_code)`` also learns whether a code span follows the part directly.
    """
    out = []
    pos = 0
    for m in _PROTECT.finditer(text):
        out.append(fn(text[pos:m.start()], m.group().startswith("`")))
        out.append(m.group())
        pos = m.end()
    out.append(fn(text[pos:], False))
    return "".join(out)


def escape_myst(text: str) -> str:
    """Escape what MyST (with this repository's extensions) would read differently from plain Markdown.

    ``$`` (dollarmath), ``{{`` (substitutions), ``{role}``` `` (roles), and lines that
    are ``(label)=`` targets, ``{…}`` attribute lines, ``%`` comments, ``:::`` fences or
    ``+++`` breaks. Code spans and autolinks are left alone.
    """
    def plain(part: str, before_code: bool) -> str:
        part = _DOLLAR.sub(r"\\$", part)
        part = _SUBST.sub(r"\\{{", part)
        return _ROLE.sub(r"\\{\1}", part) if before_code else part

    text = _map_text(text, plain)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        for pattern, repl in _LINE_START:
            line = pattern.sub(repl, line)
        lines[index] = line
    return "\n".join(lines)


def _image(m: re.Match, chunk: Chunk, ctx: RenderContext) -> str:
    alt, dest = m["alt"], m["dest"].strip("<>")
    where = f"image {dest!r}"
    if _URL.match(dest):
        ctx.messages.add(chunk.file, chunk.line, f"{where} is not a file (network images are not fetched); "
                                                 "replaced by its description")
        return f"\\[image not imported: {alt or dest} ({dest})\\]"
    path = (chunk.file.parent / dest).resolve()
    try:
        relative = path.relative_to(ctx.source_root)
    except ValueError:
        relative = None
    if relative is None or not path.is_file():
        reason = "does not exist" if relative is not None else "lies outside the source folder"
        ctx.messages.add(chunk.file, chunk.line, f"{where} {reason}; not copied, replaced by its description")
        return f"\\[image not imported: {alt or dest} ({dest})\\]"
    name = relative.as_posix()
    if path not in ctx.copied:
        out = ctx.out / name
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)
        ctx.copied[path] = name
    return m.group().replace(m["dest"], name, 1)


def _kramdown_ref(m: re.Match, chunk: Chunk, ctx: RenderContext) -> str:
    name = m["name"]
    rfc = _RFC.match(name)
    if rfc:
        role = {"!": "cite-normative", "?": "cite-informative"}.get(m["kind"] or "", "cite")
        return f"{{{role}}}`{rfc[1].upper()} {int(rfc[2])}`"
    target = ctx.anchors.get(name)
    if target:
        return f"[](#{target})"
    ctx.messages.add(chunk.file, chunk.line, f"kramdown-rfc reference {{{{{name}}}}} has no target in the document; "
                                             f"kept as text [{name}]")
    return f"\\[{name}\\]"


def _text(text: str, chunk: Chunk, ctx: RenderContext) -> str:
    generated: list[str] = []  # markup the import writes (roles, references): kept out of the escaping

    def keep(value: str) -> str:
        generated.append(value)
        return f"\ue000{len(generated) - 1}\ue001"

    def fix(part: str, _before_code: bool) -> str:
        part = _IMAGE.sub(lambda m: _image(m, chunk, ctx), part)
        if ctx.kramdown:
            part = _KRAMDOWN_REF.sub(lambda m: keep(_kramdown_ref(m, chunk, ctx)), part)
        return part

    text = escape_myst(_map_text(text, fix))
    return re.sub("\ue000(\\d+)\ue001", lambda m: generated[int(m[1])], text)


def _split_first_cell(line: str) -> tuple[str, str, str] | None:
    lead = re.match(r"^\s*\|?", line).end()
    j = lead
    in_code = False
    while j < len(line):
        c = line[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            return line[:lead], line[lead:j], line[j:]
        j += 1
    return None


def rewrite_table(lines: list[str], prefix: str, ids: IdRegistry, messages: Messages,
                  where: Chunk) -> tuple[list[str], int]:
    """Give every requirement row of a table a stable ID in its first cell.

    Args:
        lines: the table's source lines (header, delimiter row, body rows).
        prefix: the letter typed before the clause numbers (``V``), used for IDs of plain numbers.
        ids: the standard's IDs (each row ID is claimed; a duplicate is made unique and reported).
        messages: for duplicates.
        where: the table chunk (file and line for messages).

    Returns:
        ``(lines, count)``: the rows with ``[**1.1.1**]{#v1-1-1}`` as first cell where the
        first cell is a requirement number (only when at least half of the rows have
        one), and how many rows got an ID.
    """
    rows = []
    for index, line in enumerate(lines[2:], 2):
        split = _split_first_cell(line)
        if split is None:
            continue
        cell = split[1].strip()
        m = _REQUIREMENT.match(cell)
        if m:
            rows.append((index, split, cell, m["num"]))
    body = len(lines) - 2
    if not rows or len(rows) * 2 < body:
        return lines, 0
    out = list(lines)
    for index, (lead, _cell, rest), cell, number in rows:
        wanted = requirement_id(number, prefix if number[0].isdigit() else "")
        rid = ids.claim(wanted)
        if rid != wanted:
            messages.add(where.file, where.line + index,
                         f"requirement {number} appears more than once; this row's ID is {rid!r}")
        out[index] = f"{lead} [{cell}]{{#{rid}}} {rest}"
    return out, len(rows)


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[^\s`{}]+)?(?P<rest>.*)$")


def _known_lexer(name: str) -> bool:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(name)
        return True
    except ClassNotFound:
        return False


def _fence(chunk: Chunk, ctx: RenderContext) -> list[str]:
    """A fenced code block; a language Pygments does not know is written as ``text`` (reported)."""
    lines = list(chunk.lines)
    m = _FENCE.match(lines[0]) if lines else None
    if m and m["lang"] and not _known_lexer(m["lang"]):
        ctx.messages.add(chunk.file, chunk.line,
                         f"code block language {m['lang']!r} is not known to the highlighter; written as text")
        lines[0] = f"{m['indent']}{m['fence']}text"
    return lines


def _render_chunk(chunk: Chunk, ctx: RenderContext, prefix: str) -> list[str]:
    kind = chunk.kind
    if kind == "fence":
        return _fence(chunk, ctx)
    if kind == "code_block":
        return list(chunk.lines)
    if kind == "hr":
        ctx.messages.add(chunk.file, chunk.line, "thematic break (horizontal rule) dropped")
        return []
    if kind == "html_block":
        text = "\n".join(chunk.lines)
        if not _COMMENT.match(text):
            ctx.messages.add(chunk.file, chunk.line, "raw HTML kept as it is; the build shows it as text")
        return list(chunk.lines)
    lines = list(chunk.lines)
    if ctx.kramdown:
        kept = [line for line in lines if not _IAL.match(line)]
        if len(kept) != len(lines):
            ctx.messages.add(chunk.file, chunk.line, "kramdown attribute list {: …} dropped")
        lines = kept
        if not lines:
            return []
    if kind == "raw":
        return lines
    if kind == "paragraph":
        lines = chunk.inline.split("\n") if chunk.inline else lines
    if kind == "table":
        lines, count = rewrite_table(lines, prefix, ctx.ids, ctx.messages, chunk)
        ctx.row_ids += count
    return _text("\n".join(lines), chunk, ctx).split("\n")


def _directive(name: str, argument: str, options: list[str], inner: list[str], inner_depth: int) -> list[str]:
    fence = ":" * (3 + inner_depth)
    head = f"{fence}{{{name}}}" + (f" {argument}" if argument else "")
    return [head, *options, "", *inner, fence]


def render_items(items: list, ctx: RenderContext, prefix: str = "", labels: bool = True) -> tuple[list[str], int]:
    """MyST lines for a clause's (or block's, or term's) content.

    Args:
        items: :class:`~tooling.importer.parse.Chunk` and :class:`~tooling.importer.structure.Block` items.
        ctx: the render context.
        prefix: the clause's number prefix (``V``), for requirement row IDs.
        labels: read note and example labels (off inside a note or example).

    Returns:
        ``(lines, depth)``: the lines (blocks separated by blank lines) and the
        deepest nesting of colon-fence directives in them (so a container can
        choose a longer fence).
    """
    blocks: list[list[str]] = []
    depth = 0
    index = 0
    while index < len(items):
        item = items[index]
        index += 1
        if isinstance(item, Block):
            inner, inner_depth = render_items(item.items, ctx, prefix)
            options = [f":class: {' '.join(item.classes)}"] if item.classes else []
            title = escape_myst(item.title.replace("\n", " "))
            block = _directive("block", title, options, inner, inner_depth)
            block[0] = source_line(block[0], item.file, item.line)
            blocks.append(block)
            depth = max(depth, inner_depth + 1)
            continue
        if item.kind == "paragraph" and labels:
            text = item.inline.strip()
            found = ("note", split_note_label(text))
            if found[1] is None:
                found = ("example", split_example_label(text))
            if found[1] is not None:
                kind, (_label, rest) = found
                content: list = []
                if rest.strip():
                    content.append(Chunk("paragraph", rest.split("\n"), item.file, item.line, rest, item.segment))
                elif index < len(items) and isinstance(items[index], Chunk):
                    content.append(items[index])
                    index += 1
                else:
                    ctx.messages.add(item.file, item.line, f"{kind} label without content kept as text")
                    blocks.append(_render_chunk(item, ctx, prefix))
                    continue
                inner, inner_depth = render_items(content, ctx, prefix, labels=False)
                block = _directive(kind, "", [], inner, inner_depth)
                block[0] = source_line(block[0], item.file, item.line)
                blocks.append(block)
                depth = max(depth, inner_depth + 1)
                continue
        rendered = _render_chunk(item, ctx, prefix)
        if rendered:
            blocks.append(_tag(rendered, item.file, item.line))
    lines: list[str] = []
    for block in blocks:
        if lines:
            lines.append("")
        lines.extend(block)
    return lines, depth
