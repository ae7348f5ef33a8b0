"""Typed doctree nodes for the elements of a standard.

Each node subclasses a generic docutils node, so every Sphinx builder renders it
(Sphinx dispatches visitors along the class hierarchy) and our own translators
only specialise what the layout needs. The element type therefore always comes
from markup (a directive, a role or a heading class), never from wording.
"""

from __future__ import annotations

from collections.abc import Iterator

from docutils import nodes

__all__ = [
    "ROLE_CLASSES",
    "ancestors",
    "container_kind",
    "std_cite",
    "example",
    "formula_where",
    "std_catalogue",
    "std_index",
    "term_entry",
    "term_head",
    "term_line",
    "term_source",
    "titled_block",
    "section_role",
]

#: Heading classes that give a clause its role (``{.scope}`` before ``# Scope``).
ROLE_CLASSES = (
    "foreword",
    "introduction",
    "scope",
    "normative-references",
    "terms",
    "symbols",
    "annex",
    "bibliography",
    "index",
)
#: Roles that are not numbered as clauses.
UNNUMBERED_ROLES = ("foreword", "introduction", "bibliography", "index")


def ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    """The node's parents, nearest first, up to the document."""
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def section_role(section: nodes.Element) -> str | None:
    """The role of a section from its classes (``scope``, ``annex`` …), or ``None`` for a plain clause."""
    for cls in section.get("classes", ()):
        if cls in ROLE_CLASSES:
            return cls
    return None


def annex_obligation(section: nodes.Element) -> str | None:
    """``normative`` or ``informative`` for an annex section, else ``None``."""
    classes = section.get("classes", ())
    for value in ("normative", "informative"):
        if value in classes:
            return value
    return None


class term_entry(nodes.container):
    """A term entry (GB/T 1.1-2020 8.7.3; ISO/IEC Directives Part 2 16.5).

    Attributes: ``preferred`` (str), ``admitted``/``deprecated`` (lists of str),
    ``equivalents`` (dict lang → str), ``symbol``, ``source``, ``modified``.
    Children: a :class:`term_head`, :class:`term_line` items, the definition
    paragraphs, examples, notes to entry and a :class:`term_source`.
    """


class term_head(nodes.paragraph):
    """The first line of a term entry: number, preferred term, equivalent in the other language."""


class term_line(nodes.paragraph):
    """An admitted term, deprecated term or symbol line of a term entry (``classes`` say which)."""


class term_source(nodes.paragraph):
    """The source of a term entry: ``[来源：…]`` / ``[SOURCE: …]``; text filled in at render time."""


class example(nodes.container):
    """An example (示例 / EXAMPLE), informative (GB/T 1.1-2020 9.10; DIR 2 25)."""


class titled_block(nodes.container):
    """A block with a title that is not a numbered clause (e.g. ``Rationale:``)."""


class formula_where(nodes.container):
    """The "where" (式中：) list explaining a formula's symbols (GB/T 1.1-2020 9.9.3; DIR 2 27)."""


class std_cite(nodes.inline):
    """A citation of another document (``{cite}`GB/T 20000.1—2014, 5.2```).

    Attributes: ``designation`` (as written), ``target`` (an ID or a number, or
    empty), ``normative`` (``True``, ``False`` or ``None`` when not stated).
    The text is rendered per profile and language by a post-transform.
    """


class std_catalogue(nodes.General, nodes.Element):
    """Placeholder for the list of standards in the repository (home page)."""


class std_rules(nodes.General, nodes.Element):
    """Placeholder for the reference of drafting rules (generated from the rule registry)."""


class std_index(nodes.General, nodes.Element):
    """Placeholder for a standard's index of terms (索引)."""


#: Elements that hold text of their own kind (notes, examples …), as named in lint and alignment.
_CONTAINER_KINDS = ((nodes.note, "note"), (example, "example"), (nodes.footnote, "footnote"), (nodes.table, "table"),
                    (nodes.figure, "figure"), (term_entry, "term"), (formula_where, "where"))


def container_kind(node: nodes.Node) -> str | None:
    """``note``, ``example``, ``footnote``, ``table``, ``figure``, ``term`` or ``where`` for such an element, else None."""
    return next((kind for cls, kind in _CONTAINER_KINDS if isinstance(node, cls)), None)
