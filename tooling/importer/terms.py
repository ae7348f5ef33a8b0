"""Term entries from the subclauses of a terms clause.

Two patterns of real sources are read:

- ISO style (OpenChain DIS, English): a heading with the number only (``#### 3.1``),
  then the preferred term in bold on its own line (``**component record**``),
  more bold lines for admitted terms (``**CVE**``), the definition, then
  ``Note 1 to entry:`` notes, ``EXAMPLE`` examples and ``[SOURCE: …]``;
- titled (OpenChain 1.1, Chinese): the term is the heading's title
  (``### 2.1 - 组件记录``), the definition follows. A trailing abbreviation in
  brackets (``软件物料清单（SBOM）``) becomes an admitted term.

What follows an entry and is none of those stays in the terms clause after the
entry, and is reported.
"""

from __future__ import annotations

import re

from .errors import Messages
from .numbers import split_example_label, split_note_label
from .parse import Chunk
from .structure import Block, Clause, Document, TermEntry

__all__ = ["read_terms", "term_from_clause"]

_BOLD = re.compile(r"^[ \t]*(\*\*|__)(?P<text>[^*_\n][^\n]*?)\1[ \t]*$")
_STATUS = re.compile(r"^(?P<status>admitted|deprecated|preferred)[ \t]*[:：][ \t]*(?P<term>.+)$", re.I)
_ABBREVIATION = re.compile(r"^(?P<term>.+?)[ \t]*[(（](?P<abbr>[A-Za-z][A-Za-z0-9 .&/+-]{0,15})[)）]$")
_SOURCE = re.compile(r"^\[(?:SOURCE|Source|来源)[ \t]*[:：][ \t]*(?P<text>.+)\][ \t]*$", re.S)
_MODIFIED = re.compile(r"^(?P<source>.+?),?[ \t]*(?:modified|有修改)(?:[ \t]*[—–-]+[ \t]*(?P<how>.*))?$", re.S)


def _paragraph(item) -> str | None:
    return item.inline.strip() if isinstance(item, Chunk) and item.kind == "paragraph" else None


def term_from_clause(clause: Clause, messages: Messages) -> TermEntry | None:
    """Read a term entry from a subclause of a terms clause.

    Args:
        clause: a subclause without subclauses of its own.
        messages: where content that is not part of the entry is reported.

    Returns:
        The :class:`TermEntry`, or ``None`` when the subclause does not follow a
        term pattern (a number-only heading without a bold term).
    """
    items = list(clause.body)
    entry: TermEntry | None = None
    if clause.plain:
        preferred = clause.plain.strip()
        admitted: list[str] = []
        m = _ABBREVIATION.match(preferred)
        if m:
            preferred, admitted = m["term"].strip(), [m["abbr"].strip()]
        entry = TermEntry(preferred, admitted)
    else:
        terms: list[str] = []
        deprecated: list[str] = []
        while items:
            text = _paragraph(items[0])
            m = _BOLD.match(text) if text is not None and "\n" not in text else None
            if not m:
                break
            word = m["text"].strip()
            status = _STATUS.match(word)
            if status and status["status"].lower() == "deprecated":
                deprecated.append(status["term"].strip())
            else:
                terms.append(status["term"].strip() if status else word)
            items.pop(0)
        if not terms:
            return None
        entry = TermEntry(terms[0], terms[1:], deprecated)
    definition_found = False
    while items:
        item = items[0]
        text = _paragraph(item)
        if text is None:
            break
        source = _SOURCE.match(text)
        if source:
            value = source["text"].strip()
            mod = _MODIFIED.match(value)
            entry.source = mod["source"].strip() if mod else value
            if mod:
                entry.modified = (mod["how"] or "").strip()
            items.pop(0)
            continue
        if split_note_label(text) or split_example_label(text):
            entry.body.append(items.pop(0))
            continue
        if definition_found:
            break
        entry.body.append(items.pop(0))
        definition_found = True
    if not definition_found:
        messages.add(clause.file, clause.line, f"term entry {entry.preferred!r} has no definition")
    for item in items:
        what = f"titled block {item.title!r}" if isinstance(item, Block) else "text"
        messages.add(item.file, item.line,
                     f"{what} after the definition of term {entry.preferred!r} is not part of a term entry; "
                     "kept in the terms clause after the entry")
    entry.after = items
    return entry


def _terms_in(clause: Clause, messages: Messages) -> int:
    if not clause.children:
        return 0
    count = 0
    if all(not child.children for child in clause.children):
        for child in clause.children:
            if child.untitled or child.placeholder:
                continue
            entry = term_from_clause(child, messages)
            if entry is None:
                messages.add(child.file, child.line,
                             f"subclause {child.number or repr(child.plain)} of the terms clause is not a term entry "
                             "(no term in bold after the number); kept as a subclause")
                continue
            child.term = entry
            count += 1
        return count
    for child in clause.children:
        count += _terms_in(child, messages)
    return count


def read_terms(doc: Document, messages: Messages) -> int:
    """Turn the subclauses of every terms clause into term entries where the pattern allows.

    A subclause becomes an entry when it and its siblings have no subclauses of
    their own (grouping subclauses such as ``3.1 General terms`` stay clauses and
    their children are read).

    Returns:
        The number of term entries.
    """
    return sum(_terms_in(clause, messages) for clause in doc.clauses if clause.role == "terms")
