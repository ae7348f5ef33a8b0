"""What a rule sees: the document (or standard), its metadata, its text units, and how to report a finding.

Text units (RULES.md §0) are paragraphs, list items and table entries, each with
the *container* it sits in (note, example, footnote, table, figure, term entry,
foreword, introduction, scope, informative annex …), split into sentences.
Literal text, formulas, titles of cited documents (《…》) and citations are left
out, and so are blocks marked ``boilerplate``.

Locations are exact (case C08): a node records only the line where it starts, so
the line and column of a match are computed from the source text, inside
multi-line paragraphs and inside directives alike.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes

from ..directives import nodes as stdnodes
from ..directives.nodes import ancestors
from ..model.metadata import StandardMetadata

__all__ = ["DocContext", "Finding", "TextUnit", "container_roles", "source_lines"]

#: Containers whose text is informative (RULES.md §0 and NE family).
INFORMATIVE_ROLES = ("note", "example", "footnote", "foreword", "introduction", "scope", "informative-annex")
_SENTENCE_ZH = re.compile(r"(?<=[。；！？])")
_SENTENCE_EN = re.compile(r"(?<=[.;:!?])\s+")
_QUOTED_TITLE = re.compile(r"《[^》]*》")


@dataclass
class Finding:
    """One deviation from a drafting rule.

    Attributes:
        code: rule code; severity: ``error``, ``warning`` or ``info``.
        message, message_zh: the rule's messages with the finding's details filled in.
        file: source path (absolute); line and column: 1-based, ``None`` when unknown.
        docname: Sphinx document; standard: the standard's slug.
        snippet: the text the finding is about (for people and for baseline fingerprints).
        suppressed: the recorded reason when the finding is suppressed in the source.
    """

    code: str
    severity: str
    message: str
    message_zh: str
    file: str
    line: int | None
    column: int | None
    docname: str
    standard: str | None
    snippet: str = ""
    suppressed: str | None = None

    @property
    def fingerprint(self) -> str:
        """Stable across edits elsewhere in the file: code, file name and the text concerned, not the line."""
        name = Path(self.file).name if self.file else ""
        key = f"{self.code}|{self.standard}|{name}|{' '.join(self.snippet.split())}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict:
        """The ``std lint --format json`` entry."""
        return {"code": self.code, "severity": self.severity, "file": self.file, "line": self.line,
                "column": self.column, "message": self.message, "message_zh": self.message_zh,
                "standard": self.standard}


@dataclass
class TextUnit:
    """A paragraph, list item or table entry: its text, sentences and containers.

    Attributes:
        node: the doctree node (paragraph).
        text: its text without literals, formulas, citations and quoted titles (same length as
            the visible text: left-out parts are blanked, so offsets stay valid).
        roles: the containers around it, innermost first (``note``, ``example``, ``footnote``,
            ``table``, ``figure``, ``term``, ``definition``, ``foreword``, ``introduction``,
            ``scope``, ``informative-annex``, ``normative-annex``, ``bibliography`` …).
    """

    node: nodes.Element
    text: str
    roles: tuple[str, ...]
    sentences: list[tuple[int, str]] = field(default_factory=list)

    @property
    def informative(self) -> str | None:
        """The innermost informative container, or ``None`` for normative text."""
        for role in self.roles:
            if role in ("table", "figure"):
                return None  # notes of tables and figures are table notes, checked as notes
            if role in INFORMATIVE_ROLES:
                return role
        return None


def container_roles(node: nodes.Node) -> tuple[str, ...]:
    """The containers around ``node``, innermost first (see :class:`TextUnit`)."""
    roles: list[str] = []
    parent = node.parent
    while parent is not None:
        if kind := stdnodes.container_kind(parent):
            roles.append(kind)
        elif isinstance(parent, nodes.section):
            role = stdnodes.section_role(parent)
            if role == "annex":
                role = f"{stdnodes.annex_obligation(parent) or 'normative'}-annex"
            if role:
                roles.append(role)
        parent = parent.parent
    return tuple(roles)


def _skip(node: nodes.Node) -> bool:
    return isinstance(node, (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw,
                             stdnodes.std_cite, nodes.comment, nodes.footnote_reference, nodes.target))


def visible_text(node: nodes.Element) -> str:
    """The text of ``node`` with left-out parts blanked (spaces of the same length)."""
    parts: list[str] = []

    def walk(n: nodes.Node) -> None:
        if isinstance(n, nodes.Text):
            parts.append(str(n))
        elif _skip(n):
            parts.append(" " * len(n.astext()))
        elif isinstance(n, nodes.Element):
            for child in n.children:
                walk(child)

    walk(node)
    text = "".join(parts)
    return _QUOTED_TITLE.sub(lambda m: " " * len(m.group(0)), text)


def split_sentences(text: str, lang: str) -> list[tuple[int, str]]:
    """Sentences of ``text`` with their start offsets (Chinese after 。；！？, English after . ; : ! ?)."""
    pattern = _SENTENCE_ZH if lang == "zh" else _SENTENCE_EN
    sentences, start = [], 0
    for m in pattern.finditer(text):
        piece = text[start:m.start()]
        if piece.strip():
            sentences.append((start, piece))
        start = m.end()
    if text[start:].strip():
        sentences.append((start, text[start:]))
    return sentences


@functools.lru_cache(maxsize=256)
def _read_lines(path: str, mtime: float) -> tuple[str, ...]:
    data = Path(path).read_bytes().decode("utf-8-sig", "replace")
    return tuple(data.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def source_lines(path: str) -> tuple[str, ...]:
    """The lines of a source file (cached while it is unchanged)."""
    try:
        return _read_lines(path, Path(path).stat().st_mtime)
    except OSError:
        return ()


def _node_line(node: nodes.Node) -> tuple[str | None, int | None]:
    while node is not None:
        if getattr(node, "line", None):
            return node.source, node.line
        node = node.parent
    return None, None


class DocContext:
    """A document as rules see it (read phase, one document)."""

    def __init__(self, document: nodes.document, docname: str, meta: StandardMetadata, config: dict) -> None:
        self.document = document
        self.docname = docname
        self.meta = meta
        self.profile = meta.profile
        self.lang = meta.language
        self.config = config
        self.findings: list[Finding] = []
        self._units: list[TextUnit] | None = None

    @property
    def source(self) -> str:
        return self.document.get("source", "")

    def units(self) -> list[TextUnit]:
        """Paragraphs in document order (list items and table entries hold paragraphs)."""
        if self._units is None:
            units = []
            for para in self.document.findall(nodes.paragraph):
                if isinstance(para, (stdnodes.term_head, stdnodes.term_line, stdnodes.term_source)):
                    continue
                if any(isinstance(a, nodes.system_message) for a in ancestors(para)):
                    continue  # docutils' own messages, not text of the standard
                if "boilerplate" in para.get("classes", ()) or any(
                        "boilerplate" in getattr(a, "get", lambda *_: ())("classes", ()) for a in ancestors(para)):
                    continue
                text = visible_text(para)
                if not text.strip():
                    continue
                unit = TextUnit(para, text, container_roles(para))
                unit.sentences = split_sentences(text, self.lang)
                units.append(unit)
            self._units = units
        return self._units

    def locate(self, node: nodes.Node, needle: str = "", occurrence: int = 0) -> tuple[str, int | None, int | None]:
        """File, line and column of ``needle`` (its ``occurrence``-th time) inside ``node``'s source.

        Falls back to the node's first line (column ``None``) when the needle is not found.
        """
        source, line = _node_line(node)
        source = source or self.source
        if not line or not needle:
            return source, line, None
        lines = source_lines(source)
        # a CJK soft break may fall inside the needle: also try its halves
        seen = 0
        for index in range(line - 1, min(len(lines), line - 1 + 400)):
            text = lines[index]
            start = 0
            while True:
                col = text.find(needle, start)
                if col < 0:
                    break
                if seen == occurrence:
                    return source, index + 1, col + 1
                seen += 1
                start = col + 1
        return source, line, None

    def report(self, code: str, node: nodes.Node, needle: str = "", occurrence: int = 0,
               snippet: str = "", severity: str | None = None, **args: str) -> Finding | None:
        """Record a finding of rule ``code`` at ``needle`` inside ``node`` (see :meth:`locate`)."""
        from .engine import make_finding

        file, line, column = self.locate(node, needle, occurrence)
        finding = make_finding(code, self.meta, self.config, file, line, column, self.docname,
                               snippet or needle or (node.astext()[:80] if node is not None else ""), args, severity)
        if finding is not None:
            finding.suppressed = suppression_reason(node, code)
            self.findings.append(finding)
        return finding



_DISABLE = re.compile(r"lint-disable(?P<file>-file)?\s+(?P<codes>[A-Z]{2}\d{3}[a-z]?(?:\s*,\s*[A-Z]{2}\d{3}[a-z]?)*)"
                      r"(?:\s+(?:reason:\s*)?(?P<reason>.*))?", re.S)


def suppression_reason(node: nodes.Node | None, code: str) -> str | None:
    """The recorded reason when ``code`` is suppressed for ``node``, else ``None``.

    Suppression in the source: a comment ``<!-- lint-disable VF001 reason: … -->``
    on the line before a block (it covers that block), ``<!-- lint-disable-file
    VF001 reason: … -->`` anywhere in the file (it covers the file), or the class
    ``allow-VF001`` on a block (``{.allow-VF001}`` before it).
    """
    if node is None:
        return None
    current = node
    while current is not None:
        if f"allow-{code}" in getattr(current, "get", lambda *_: ())("classes", ()):
            return f"class allow-{code}"
        parent = current.parent
        if parent is not None and isinstance(current, nodes.Element):
            index = parent.index(current)
            previous = parent[index - 1] if index > 0 else None
            while isinstance(previous, nodes.target) and index > 1:  # (id)= between comment and block
                index -= 1
                previous = parent[index - 1]
            if isinstance(previous, nodes.comment):
                reason = _comment_reason(previous.astext(), code, file_wide=False)
                if reason is not None:
                    return reason
        current = parent
    document = node.document
    if document is not None:
        for comment in document.findall(nodes.comment):
            reason = _comment_reason(comment.astext(), code, file_wide=True)
            if reason is not None:
                return reason
    return None


def _comment_reason(text: str, code: str, file_wide: bool) -> str | None:
    m = _DISABLE.search(text)
    if not m or bool(m.group("file")) != file_wide:
        return None
    codes = [c.strip() for c in m.group("codes").split(",")]
    if code not in codes:
        return None
    return (m.group("reason") or "").strip() or "no reason given"
