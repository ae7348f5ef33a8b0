"""The clause tree of an imported standard, from the event stream of its source.

Hand-typed numbers decide the hierarchy when the source has them (real sources
mix heading levels and skip parent headings): ``4.1.2`` is a child of ``4.1``
whatever its heading level. Numbers missing in the source (a parent heading that
was deleted, a gap in a sequence) get a visible placeholder clause, so that the
numbers our build computes equal the numbers typed in the source; every
placeholder is reported. A source without numbers (kramdown-rfc, plain Markdown)
is structured by its heading levels.

Before clause 1, headings titled like a foreword or an introduction (or the first
heading of a chapter file of a folder source) become front-matter clauses; the
heading right before clause 1 (or the first empty heading) is the document's
title; everything else there (editorial notes, taglines) is kept as an editorial
block and reported. After clause 1, an unnumbered heading is a titled block
(``{block}``) of the clause it is in, so the numbering stays as in the source;
bibliography, index and annex headings start their own top-level clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Messages
from .numbers import HeadingNumber, parse_heading_number, parse_paragraph_number, title_role
from .parse import Chunk, Heading, ParsedSource

__all__ = ["Block", "Clause", "Document", "TermEntry", "build_document"]

#: Editorial notes before the text (OpenChain: "### Note 1: this document is designed …").
_EDITORIAL_NOTE = re.compile(r"^(?P<label>(?:note|注|注意|注释|註|註釋)[ \t]*\d*)[ \t\u3000]*[:：][ \t\u3000]*(?P<rest>.*)$",
                             re.I | re.S)
_ANNEX_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class Block:
    """A titled block that is not a clause (``{block}``): ``Rationale:``, an editorial note …"""

    title: str
    file: Path
    line: int
    items: list = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    plain: str = ""


@dataclass
class TermEntry:
    """What a terms subclause became: a term entry (``{term}``)."""

    preferred: str
    admitted: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)
    source: str = ""
    modified: str | None = None  # None: not modified; "" modified without explanation
    body: list = field(default_factory=list)  # definition, notes to entry, examples
    after: list = field(default_factory=list)  # content that follows the entry in its clause
    #: equivalents in the other language (``{"en": "component record"}``), from an aligned translation
    equivalents: dict[str, str] = field(default_factory=dict)
    admitted_equivalents: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Clause:
    """A clause, subclause, front-matter clause or annex of the imported standard.

    Attributes:
        title: the title as inline Markdown, without its hand-typed number ("" when untitled).
        plain: the title as plain text.
        file, line: where its heading (or first paragraph) is in the source.
        level: its heading level in the source (0 for placeholders and untitled subclauses).
        role: ``foreword``, ``introduction``, ``scope`` … ``annex`` or ``None``.
        obligation: ``normative``/``informative`` for an annex.
        parts: the hand-typed number (``(4, 1, 2)``, ``("A",)``, ``("A", 1)``); empty when unnumbered.
        prefix: a letter typed before the number (``V`` of ``V1.1``).
        anchor: the source's own anchor, or ``None``.
        children, body: subclauses; content (:class:`~tooling.importer.parse.Chunk` and :class:`Block`).
        placeholder: inserted for a number the source skips.
        untitled: an untitled subclause (``{clause}``).
        term: set when the subclause became a term entry.
        id: its stable ID (assigned after the tree is built).
    """

    title: str
    plain: str
    file: Path
    line: int
    level: int = 0
    role: str | None = None
    obligation: str | None = None
    parts: tuple = ()
    prefix: str = ""
    anchor: str | None = None
    children: list[Clause] = field(default_factory=list)
    body: list = field(default_factory=list)
    placeholder: bool = False
    untitled: bool = False
    term: TermEntry | None = None
    id: str = ""
    parent: Clause | None = field(default=None, repr=False)

    @property
    def number(self) -> str:
        """The hand-typed number as our build writes it (``4.1.2``, ``A``, ``A.1``), or ``""``."""
        return ".".join(str(p) for p in self.parts)

    def walk(self):
        """This clause and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def add(self, child: Clause) -> Clause:
        """Append ``child`` as the last subclause; returns it."""
        child.parent = self
        self.children.append(child)
        return child


@dataclass
class Document:
    """The imported standard before it is written.

    Attributes:
        clauses: the top-level clauses in reading order (front matter, body, annexes, bibliography).
        title: the title's plain text (``None`` when the source has none).
        title_where: ``(file, line)`` of the title heading or header.
        numbered: the hierarchy came from hand-typed numbers (else from heading levels).
    """

    clauses: list[Clause] = field(default_factory=list)
    title: str | None = None
    title_where: tuple[Path, int] | None = None
    numbered: bool = True

    def walk(self):
        """Every clause of the document (subclauses and term entries included), in document order."""
        for clause in self.clauses:
            yield from clause.walk()


def _placeholder_title(lang: str) -> str:
    return "（原文无此标题）" if lang == "zh" else "(no heading in the source)"


class _Builder:
    def __init__(self, parsed: ParsedSource, messages: Messages, lang: str, multi_file: bool) -> None:
        self.parsed = parsed
        self.messages = messages
        self.lang = lang
        self.multi_file = multi_file
        self.doc = Document()

    # -- helpers ----------------------------------------------------------------------------
    def report(self, where, message: str) -> None:
        self.messages.add(where.file, where.line, message)

    def _clause_from(self, h: Heading, number: HeadingNumber | None = None, **kw) -> Clause:
        title = h.raw
        plain = h.plain
        if number is not None and number.kind != "none":
            title = _strip_number(h.raw, h.plain, number)
            plain = number.title
        return Clause(title=title, plain=plain, file=h.file, line=h.line, level=h.level, anchor=h.anchor, **kw)

    # -- entry point ------------------------------------------------------------------------
    def build(self) -> Document:
        events = self.parsed.events
        headings = [e for e in events if isinstance(e, Heading)]
        numbers = {id(h): parse_heading_number(h.plain) for h in headings}
        numbered = sum(1 for h in headings if numbers[id(h)].kind in ("clause", "annex-sub")) >= 2
        if self.parsed.kramdown:
            numbered = False
        self.numbers = numbers
        self.doc.numbered = numbered
        header_title = self.parsed.header.get("title") if isinstance(self.parsed.header, dict) else None
        if isinstance(header_title, str) and header_title.strip():
            self.doc.title = header_title.strip()
            self.doc.title_where = (self.parsed.header_file, 2)
        if numbered:
            first = next(i for i, e in enumerate(events) if isinstance(e, Heading)
                         and numbers[id(e)].kind in ("clause", "annex", "annex-sub")
                         and not _introduction_subclause(numbers[id(e)]))
            front = self._front(events[:first])
            main = self._numbered(events[first:])
        else:
            front, main = self._levels(events)
        self.doc.clauses = front + main
        self._place_pending(front, main)
        return self.doc

    # -- front matter (before clause 1) -----------------------------------------------------------
    def _choose_title(self, front_events: list) -> Heading | None:
        """The document's title among the headings before clause 1.

        The heading right before clause 1 when it has no text of its own (OpenChain:
        ``## Information technology — …`` then ``### 1 Scope``); else the first heading
        of the source when it has no text of its own or no subheadings (ASVS's header
        page ``# Application Security Verification Standard 4.0.3``). Headings with a
        front-matter title (foreword, introduction) and editorial notes are never titles.
        """
        heads = [e for e in front_events if isinstance(e, Heading)]

        def eligible(h: Heading) -> bool:
            return bool(h.plain) and title_role(h.plain) is None and not _EDITORIAL_NOTE.match(h.plain)

        if heads and front_events[-1] is heads[-1] and heads[-1].body_empty and eligible(heads[-1]):
            return heads[-1]
        named = [h for h in heads if h.plain]
        if named and eligible(named[0]) and named[0].file == heads[0].file:
            first = named[0]
            following = heads[heads.index(first) + 1] if heads.index(first) + 1 < len(heads) else None
            no_subheadings = following is None or following.file != first.file or following.level <= first.level
            if first.body_empty or no_subheadings:
                return first
        return None

    def _front(self, events: list) -> list[Clause]:
        title_heading = None if self.doc.title else self._choose_title(events)
        if title_heading is not None:
            self.doc.title = title_heading.plain
            self.doc.title_where = (title_heading.file, title_heading.line)
            self.messages.add(title_heading.file, title_heading.line,
                              f"heading {title_heading.plain!r} taken as the title of the standard (front matter)")
        fronts: list[Clause] = []
        self.pending: list = []  # editorial items waiting for a front-matter clause
        current: Clause | None = None
        stack: list[Clause] = []
        sink: list | None = None
        for ev in events:
            if isinstance(ev, Chunk):
                if sink is None or sink is self.pending:
                    self.pending.append(ev)
                    self.report(ev, "text outside the clauses before clause 1 kept as editorial front matter")
                else:
                    sink.append(ev)
                continue
            h: Heading = ev
            if h is title_heading:
                if current is not None and h.level <= current.level:
                    current, stack = None, []
                sink = self.pending  # anything under the title heading is editorial
                continue
            number = self.numbers[id(h)]
            if _introduction_subclause(number) and current is not None and current.role == "introduction":
                parent = next((c for c in reversed(list(current.walk())) if c.parts == number.parts[:-1]), current)
                child = parent.add(self._clause_from(h, number, parts=number.parts))
                stack = [*stack[:1], child]
                sink = child.body
                continue
            role = title_role(h.plain)
            note = _EDITORIAL_NOTE.match(h.plain)
            chapter = self.multi_file and h.file_first and h.plain and not note
            if role in ("foreword", "introduction"):
                current = self._new_front(h, role, fronts)
            elif chapter:
                if role not in ("foreword", "introduction"):
                    self.report(h, f"chapter {h.plain!r} before clause 1 has no conventional front-matter title; "
                                   "imported as unnumbered front matter {.foreword}")
                current = self._new_front(h, role if role in ("foreword", "introduction") else "foreword", fronts)
            elif current is not None and h.level > current.level:
                while stack and stack[-1].level >= h.level:
                    stack.pop()
                parent = stack[-1] if stack else current
                child = parent.add(self._clause_from(h))
                stack.append(child)
                sink = child.body
                continue
            elif current is not None and h.plain and not h.body_empty and not note:
                self.report(h, f"heading {h.plain!r} before clause 1 has no conventional front-matter title; "
                               "imported as unnumbered front matter {.foreword}")
                current = self._new_front(h, "foreword", fronts)
            else:
                if current is not None and h.level <= current.level:
                    current, stack = None, []
                if not h.plain:
                    sink = self.pending
                    self.report(h, "empty heading before clause 1 dropped; its content is kept as front matter")
                    continue
                if note:
                    block = Block(note["label"].strip(), h.file, h.line, classes=["editorial", "editorial-note"])
                    if note["rest"].strip():
                        rest = _strip_label(h.raw, note["rest"])
                        block.items.append(Chunk("paragraph", [rest], h.file, h.line, rest))
                else:
                    block = Block(h.raw, h.file, h.line, classes=["editorial"], plain=h.plain)
                self.pending.append(block)
                sink = block.items
                continue
            stack = [current]
            sink = current.body
        return fronts

    def _new_front(self, h: Heading, role: str, fronts: list[Clause]) -> Clause:
        clause = self._clause_from(h, role=role)
        self._flush_pending(clause, at_start=True)
        fronts.append(clause)
        return clause

    def _flush_pending(self, clause: Clause, at_start: bool) -> None:
        if not getattr(self, "pending", None):
            return
        for item in self.pending:
            if isinstance(item, Block):
                self.messages.add(item.file, item.line,
                                  f"heading {item.title!r} before clause 1 is not a foreword, introduction or title; "
                                  f"kept as an editorial block in {clause.plain!r}")
        if at_start:
            clause.body[0:0] = self.pending
        else:
            clause.body.extend(self.pending)
        self.pending = []

    def _place_pending(self, front: list[Clause], main: list[Clause]) -> None:
        if not getattr(self, "pending", None):
            return
        if front:
            self._flush_pending(front[-1], at_start=False)
            return
        # no foreword or introduction: the first editorial heading with text of its own becomes
        # unnumbered front matter, so that this text does not land in clause 1
        promoted = next((b for b in self.pending if isinstance(b, Block) and b.items
                         and "editorial-note" not in b.classes), None)
        if promoted is not None:
            index = self.pending.index(promoted)
            clause = Clause(promoted.title, promoted.plain or promoted.title, promoted.file, promoted.line,
                            role="foreword")
            self.messages.add(promoted.file, promoted.line,
                              f"heading {clause.plain!r} before clause 1 has no conventional front-matter title "
                              "and the source has no foreword or introduction; imported as unnumbered front matter "
                              "{.foreword}")
            clause.body = promoted.items
            self.pending = self.pending[:index] + self.pending[index + 1:]
            self._flush_pending(clause, at_start=True)
            front.append(clause)
            self.doc.clauses.insert(0, clause)
        elif main:
            self._flush_pending(main[0], at_start=True)

    # -- numbered body -------------------------------------------------------------------------------
    def _numbered(self, events: list) -> list[Clause]:
        self.top: list[Clause] = []
        self.stack: list[Clause] = []
        self.top_level: int | None = None  # heading level of top-level clauses in the source
        self.after_annex = False
        sink: list | None = None
        for ev in events:
            if isinstance(ev, Chunk):
                untitled = self._untitled(ev) if ev.kind == "paragraph" else None
                if untitled is not None:
                    sink = untitled.body
                    continue
                if sink is None:  # cannot happen: the body starts with a heading
                    sink = self.top[-1].body if self.top else []
                sink.append(ev)
                continue
            h: Heading = ev
            number = self.numbers[id(h)]
            if number.kind == "clause":
                clause = self._place(number.parts, h, number)
                sink = clause.body
            elif number.kind == "annex":
                clause = self._annex(h, number)
                sink = clause.body
            elif number.kind == "annex-sub":
                clause = self._place(number.parts, h, number)
                sink = clause.body
            else:
                role = title_role(h.plain)
                top_level = self.top_level if self.top_level is not None else h.level
                if self.stack and self.stack[0].level:
                    top_level = self.stack[0].level  # the heading level of the current top-level clause
                if role in ("bibliography", "index", "foreword", "introduction") and h.level <= top_level:
                    clause = self._clause_from(h, role=role)
                    if role in ("foreword", "introduction"):
                        self.report(h, f"{role} {h.plain!r} after clause 1 kept where it is")
                    self.top.append(clause)
                    self.stack = [clause]
                    sink = clause.body
                    continue
                if not self.stack:
                    self.report(h, f"heading {h.plain!r} before any clause dropped")
                    continue
                current = self.stack[-1]
                if h.level <= (current.level or 99) and not current.untitled:
                    self.report(h, f"heading {h.plain!r} has no number but the level of clause "
                                   f"{_display(current)}; kept as a titled block at the end of {_display(current)}")
                block = Block(h.raw, h.file, h.line)
                current.body.append(block)
                sink = block.items
        return self.top

    def _numbered_children(self, parent: Clause | None) -> int:
        if parent is None:
            unnumbered = ("foreword", "introduction", "bibliography", "index", "annex")
            return sum(1 for c in self.top if c.role not in unnumbered)
        return len(parent.children)

    def _new_child(self, parent: Clause | None, parts: tuple, clause: Clause, where) -> Clause:
        """Append ``clause`` (number ``parts``) under ``parent``, filling gaps with placeholders."""
        last = parts[-1]
        if isinstance(last, int):
            expected = self._numbered_children(parent) + 1
            if parent is None and parts == (0,):
                expected = 0
            if parent is None and self.after_annex and parts[0] != 0:
                self.report(where, f"clause {_fmt(parts)} comes after an annex; the build numbers it as a clause "
                                   "before the annexes would be")
            while last > expected:
                missing = (*parts[:-1], expected)
                ph = Clause(_placeholder_title(self.lang), "", where.file, where.line, placeholder=True, parts=missing)
                self._append(parent, ph)
                self.report(where, f"the source has no clause {_fmt(missing)} before {_fmt(parts)}; a placeholder "
                                   f"clause {_fmt(missing)} was inserted so the numbers stay as typed")
                expected += 1
            if last < expected and not (parent is None and parts == (0,)):
                computed = _fmt((*parts[:-1], expected))
                self.report(where, f"clause number {_fmt(parts)} is out of sequence (expected {computed}); "
                                   f"the build numbers it {computed}")
        clause.parts = parts
        self._append(parent, clause)
        return clause

    def _append(self, parent: Clause | None, clause: Clause) -> None:
        if parent is None:
            self.top.append(clause)
        else:
            parent.add(clause)

    def _place(self, parts: tuple, h: Heading, number: HeadingNumber) -> Clause:
        """Put a numbered heading where its number says, creating missing parents."""
        depth = len(parts)
        for k in range(1, depth):
            want = parts[:k]
            if len(self.stack) >= k and self.stack[k - 1].parts == want:
                continue
            del self.stack[k - 1:]
            parent = self.stack[-1] if self.stack else None
            if k == 1 and isinstance(want[0], str):
                ph = self._annex_placeholder(want[0], h)
            else:
                ph = Clause(_placeholder_title(self.lang), "", h.file, h.line, placeholder=True)
                self.report(h, f"the source has no heading for clause {_fmt(want)} (parent of {_fmt(parts)}); "
                               f"a placeholder clause {_fmt(want)} was inserted")
                ph = self._new_child(parent, want, ph, h)
            self.stack.append(ph)
        del self.stack[depth - 1:]
        parent = self.stack[-1] if self.stack else None
        clause = self._clause_from(h, number)
        clause.prefix = number.prefix or (parent.prefix if parent is not None else "")
        if depth == 1:
            if parts == (0,):
                clause.role = "introduction"
            else:
                role = title_role(number.title)
                clause.role = role if role in ("scope", "normative-references", "terms", "symbols") else None
            self.top_level = h.level if self.top_level is None else min(self.top_level, h.level)
        self._new_child(parent, parts, clause, h)
        self.stack.append(clause)
        return clause

    def _annex(self, h: Heading, number: HeadingNumber) -> Clause:
        letter = number.parts[0]
        count = sum(1 for c in self.top if c.role == "annex")
        expected = _ANNEX_LETTERS[count] if count < len(_ANNEX_LETTERS) else "?"
        while letter > expected and expected != "?":
            self._annex_placeholder(expected, h)
            count += 1
            expected = _ANNEX_LETTERS[count] if count < len(_ANNEX_LETTERS) else "?"
        if letter < expected:
            self.report(h, f"annex {letter} is out of sequence; the build letters it {expected}")
        clause = self._clause_from(h, number, role="annex", obligation=number.obligation, parts=(letter,))
        if not clause.plain:
            self.report(h, f"annex {letter} has no title")
        if number.obligation is None:
            clause.obligation = "informative"
            self.report(h, f"annex {letter} does not say whether it is normative or informative; "
                           "imported as informative")
        self.top.append(clause)
        self.stack = [clause]
        self.after_annex = True
        self.top_level = h.level if self.top_level is None else min(self.top_level, h.level)
        return clause

    def _annex_placeholder(self, letter: str, where) -> Clause:
        ph = Clause(_placeholder_title(self.lang), "", where.file, where.line, placeholder=True, role="annex",
                    obligation="informative", parts=(letter,))
        self.top.append(ph)
        self.after_annex = True
        self.report(where, f"the source has no annex {letter}; a placeholder annex {letter} was inserted")
        return ph

    def _untitled(self, chunk: Chunk) -> Clause | None:
        """A paragraph that opens an untitled subclause (``5.1.1 text``), when its number is the next one."""
        found = parse_paragraph_number(chunk.inline)
        if found is None or not self.stack:
            return None
        parts, rest = found
        current = self.stack[-1]
        candidates = []
        if not current.untitled and not current.children and current.parts and isinstance(current.parts[-1], int):
            candidates.append((current, (*current.parts, 1)))
        if current.untitled and current.parent is not None:
            parent = current.parent
            candidates.append((parent, (*parent.parts, len(parent.children) + 1)))
        for parent, expected in candidates:
            if parts == expected:
                body_lines = [_strip_paragraph_number(chunk.lines[0]), *chunk.lines[1:]]
                text = Chunk("paragraph", body_lines, chunk.file, chunk.line, rest, chunk.segment)
                clause = Clause("", "", chunk.file, chunk.line, untitled=True, parts=parts, prefix=parent.prefix)
                clause.body.append(text)
                parent.add(clause)
                del self.stack[self.stack.index(parent) + 1:]
                self.stack.append(clause)
                return clause
        return None

    # -- heading levels (no hand-typed numbers) ------------------------------------------------------------
    def _levels(self, events: list) -> tuple[list[Clause], list[Clause]]:
        headings = [e for e in events if isinstance(e, Heading) and e.segment not in ("abstract",)
                    and not e.segment.startswith("note_")]
        front: list[Clause] = []
        main: list[Clause] = []
        self.pending = []
        title_heading = None
        if headings:
            base = min(h.level for h in headings)
            at_base = [h for h in headings if h.level == base]
            if len(at_base) == 1 and at_base[0] is headings[0] and len(headings) > 1 and not self.parsed.kramdown:
                title_heading = headings[0]
                base = min(h.level for h in headings[1:])
        else:
            base = 1
        if title_heading is not None and not self.doc.title:
            self.doc.title = title_heading.plain
            self.doc.title_where = (title_heading.file, title_heading.line)
            self.messages.add(title_heading.file, title_heading.line,
                              f"heading {title_heading.plain!r} taken as the title of the standard")
        stack: list[Clause] = []
        sink: list = self.pending
        abstract: Clause | None = None
        seen_body = False
        annexes = 0
        for ev in events:
            segment = ev.segment
            if segment == "abstract" or segment.startswith("note_"):
                if abstract is None:
                    abstract = Clause("Abstract", "Abstract", ev.file, ev.line - 1, role="foreword")
                    front.append(abstract)
                    self.report(ev, "kramdown-rfc abstract imported as unnumbered front matter {.foreword} "
                                    "titled 'Abstract'")
                if segment.startswith("note_"):
                    name = segment[len("note_"):].replace("_", " ")
                    block = next((b for b in abstract.body if isinstance(b, Block) and b.title == name), None)
                    if block is None:
                        block = Block(name, ev.file, ev.line, classes=["editorial"])
                        abstract.body.append(block)
                        self.report(ev, f"kramdown-rfc note {name!r} kept as an editorial block in the abstract")
                    target = block.items
                else:
                    target = abstract.body
                if isinstance(ev, Chunk):
                    target.append(ev)
                else:
                    target.append(Block(ev.raw, ev.file, ev.line))
                continue
            if isinstance(ev, Chunk):
                if sink is self.pending:
                    self.report(ev, "text before the first clause kept at the start of the first clause")
                sink.append(ev)
                continue
            h: Heading = ev
            if h is title_heading:
                continue
            depth = max(1, h.level - base + 1)
            if depth > len(stack) + 1:
                self.report(h, f"heading level {h.level} skips a level; imported as a subclause of depth "
                               f"{len(stack) + 1}")
                depth = len(stack) + 1
            del stack[depth - 1:]
            if depth == 1:
                number = parse_heading_number(h.plain)
                role = title_role(h.plain)
                if segment == "back" or number.kind == "annex":
                    annexes += 1
                    clause = self._clause_from(h, number if number.kind == "annex" else None, role="annex",
                                               obligation=number.obligation or "informative")
                    if number.kind != "annex":
                        self.report(h, f"back-matter section {h.plain!r} imported as an informative annex")
                    main.append(clause)
                elif role in ("foreword", "introduction") and not seen_body and not self.parsed.kramdown:
                    clause = self._clause_from(h, role=role)
                    front.append(clause)
                elif role in ("bibliography", "index"):
                    clause = self._clause_from(h, role=role)
                    main.append(clause)
                else:
                    seen_body = True
                    clause = self._clause_from(h, role=role if role in ("scope", "normative-references", "terms",
                                                                        "symbols") else None)
                    main.append(clause)
            else:
                clause = stack[-1].add(self._clause_from(h))
            stack.append(clause)
            sink = clause.body
        return front, main


def _introduction_subclause(number: HeadingNumber) -> bool:
    """``0.1``, ``0.2`` …: a subclause of the introduction (ISO/IEC Directives Part 2, 13.2)."""
    return number.kind == "clause" and number.parts[0] == 0 and len(number.parts) > 1


def _display(clause: Clause) -> str:
    if clause.number:
        return clause.number
    return repr(clause.plain)


def _fmt(parts: tuple) -> str:
    return ".".join(str(p) for p in parts)


def _strip_number(raw: str, plain: str, number: HeadingNumber) -> str:
    """The heading's inline Markdown without its number; markup in the title is kept when it can be."""
    if raw.strip() == plain.strip() or not number.title:
        return number.title
    m = re.match(r"^(?P<lead>[*_]{0,3})(?P<body>.*)$", raw, re.S)
    parsed = parse_heading_number(m["body"])
    if parsed.kind == number.kind and parsed.parts == number.parts and parsed.title:
        title = m["lead"] + parsed.title
        if title.count("*") % 2 == 0 and title.count("`") % 2 == 0 and title.count("_") % 2 == 0:
            return title
    return number.title


def _strip_label(raw: str, rest: str) -> str:
    index = raw.find(rest[:10]) if rest else -1
    return raw[index:].strip() if index >= 0 else rest


def _strip_paragraph_number(line: str) -> str:
    m = re.match(r"^[ \t]*\d{1,3}(?:\.\d{1,3})+[\s\u3000]+", line)
    return line[m.end():] if m else line


def build_document(parsed: ParsedSource, messages: Messages, lang: str, multi_file: bool) -> Document:
    """Build the clause tree of the imported standard.

    Args:
        parsed: the source's event stream (:func:`~tooling.importer.parse.parse_files`).
        messages: where decisions and problems are reported (``file:line: message``).
        lang: the source's language (``zh``/``en``; placeholder titles follow it).
        multi_file: the source is a folder of chapter files.

    Returns:
        The :class:`Document` (IDs not yet assigned, term entries not yet read).
    """
    return _Builder(parsed, messages, lang, multi_file).build()
