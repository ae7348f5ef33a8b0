"""The outline of a standard and its numbering.

The outline is the ordered list of numbered elements (clauses and subclauses,
annexes, term entries, tables, figures, formulas) collected from each document
at read time. Numbers are never typed by hand: :func:`number_outline` computes
them per standard (GB/T 1.1-2020 7.2–7.3, 9.6–9.9; ISO/IEC Directives Part 2
20, 22, 27–29):

- clauses 1, 2 …; subclauses 5.1, 5.1.2 (the terms clause's entries take the
  subclause numbers 3.1, 3.2 …); the introduction's subclauses 0.1, 0.2;
- annexes A, B … with subclauses A.1, A.1.1;
- foreword, introduction, bibliography and index carry no number;
- tables, figures and formulas numbered 1, 2 … through the body, independently
  of clauses, and A.1, A.2 … inside annex A.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from docutils import nodes

from ..directives import nodes as stdnodes

__all__ = ["Numbered", "OutlineItem", "collect_outline", "number_outline", "stable_label"]

#: Kinds of numbered elements.
STRUCTURAL = ("clause", "term")
OBJECTS = ("table", "figure", "formula")


@dataclass
class OutlineItem:
    """A numbered element as found in one document.

    Attributes:
        kind: ``clause``, ``term``, ``table``, ``figure`` or ``formula``.
        key: the element's key within the project (``slug:label`` for an element
            with a stable ID, ``docname#node-id`` otherwise).
        node_id: the HTML anchor (docutils id) within its document.
        label: the stable ID as written in the source, or ``None``.
        level: depth below the document (1 = a clause) for clauses and terms; 0 otherwise.
        role: a clause's role (``scope``, ``annex`` … see ``ROLE_CLASSES``) or ``None``.
        obligation: ``normative``/``informative`` for an annex.
        title: the title text (term: the preferred term; may be empty).
        line: source line (1-based) or 0.
        untitled: an untitled subclause.
    """

    kind: str
    key: str
    node_id: str
    label: str | None
    level: int
    role: str | None
    obligation: str | None
    title: str
    line: int
    untitled: bool = False
    equivalents: dict = field(default_factory=dict)  # a term's equivalents by language


@dataclass
class Numbered:
    """An element with its computed number. ``number`` is ``""`` for unnumbered clauses."""

    kind: str
    number: str
    role: str | None
    obligation: str | None
    title: str
    docname: str
    node_id: str
    label: str | None
    line: int = 0
    parent: str | None = None  # key of the enclosing clause
    in_annex: str | None = None  # annex letter
    equivalents: dict = field(default_factory=dict)  # a term's equivalents by language

    def title_in(self, lang: str) -> str:
        """The title in ``lang``: a term's equivalent in that language when it has one."""
        return self.equivalents.get(lang) or self.title


def stable_label(document: nodes.document, node: nodes.Element) -> str | None:
    """The stable ID given to ``node`` in the source (an explicit target name), or ``None``."""
    for name in node.get("names", ()):
        if document.nametypes.get(name):
            return name
    return None


def _title_text(node: nodes.Element) -> str:
    for child in node.children:
        if isinstance(child, (nodes.title, nodes.caption)):
            return child.astext().strip()
    return ""


def _kind(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.section):
        return "clause"
    if isinstance(node, stdnodes.term_entry):
        return "term"
    if isinstance(node, nodes.table):
        return "table"
    if isinstance(node, nodes.figure):
        return "figure"
    if isinstance(node, nodes.math_block):
        return "formula"
    return None


def collect_outline(document: nodes.document, docname: str, namespace: str | None) -> list[OutlineItem]:
    """Collect the numbered elements of one document, in document order.

    Every element found gets ``std_key`` (its :attr:`OutlineItem.key`) and
    ``std_kind`` attributes, and an id if it had none, so later transforms and
    builders can find its number.

    Args:
        document: the doctree (read phase, labels not yet namespaced or already
            namespaced with ``namespace + ":"``).
        docname: the Sphinx document name.
        namespace: the standard's slug, or ``None`` outside standards.
    """
    items: list[OutlineItem] = []
    prefix = f"{namespace}:" if namespace else ""

    def depth(node: nodes.Element) -> int:
        level = 0
        parent = node.parent
        while parent is not None:
            if isinstance(parent, (nodes.section, stdnodes.term_entry)):
                level += 1
            parent = parent.parent
        return level

    for node in document.findall(nodes.Element):
        kind = _kind(node)
        if kind is None:
            continue
        if kind == "formula" and "nonumber" in node.get("classes", ()):
            continue
        if not node["ids"]:
            document.set_id(node)
        label = stable_label(document, node)
        node_id = document.nameids.get(label) if label else None
        if kind == "formula" and node.get("label"):
            label = node["label"]
        if label and prefix and label.startswith(prefix):
            label = label[len(prefix):]
        node_id = node_id if node_id in node["ids"] else node["ids"][0]
        key = f"{prefix}{label}" if label and prefix else f"{docname}#{node['ids'][0]}"
        node["std_key"] = key
        node["std_kind"] = kind
        if kind == "clause":
            role = stdnodes.section_role(node)
            obligation = stdnodes.annex_obligation(node) if role == "annex" else None
            title = _title_text(node)
            level = depth(node) + 1
        elif kind == "term":
            role, obligation, title, level = None, None, node.get("preferred", ""), depth(node) + 1
        else:
            role, obligation, level = None, None, 0
            title = _title_text(node)
        items.append(OutlineItem(
            kind=kind, key=key, node_id=node_id, label=label, level=level, role=role,
            obligation=obligation, title=title, line=node.line or 0,
            untitled=kind == "clause" and "untitled" in node.get("classes", ()),
            equivalents=dict(node.get("equivalents", {})) if kind == "term" else {},
        ))
    return items


def _annex_letter(index: int) -> str:
    """1 → A … 26 → Z, then AA, AB … (letters I and O are used as GB/T 1.1-2020 permits)."""
    letters = string.ascii_uppercase
    result = ""
    while index:
        index, rem = divmod(index - 1, 26)
        result = letters[rem] + result
    return result


@dataclass
class _Frame:
    level: int
    number: str
    key: str
    children: int = 0
    role: str | None = None


def number_outline(docs: list[tuple[str, list[OutlineItem]]]) -> dict[str, Numbered]:
    """Number a standard's elements.

    Args:
        docs: ``(docname, items)`` for each document of the standard in reading
            order (the order of its toctree).

    Returns:
        ``key → Numbered`` for every element.
    """
    result: dict[str, Numbered] = {}
    stack: list[_Frame] = []
    clause_count = 0
    annex_count = 0
    annex: str | None = None
    objects = dict.fromkeys(OBJECTS, 0)

    for docname, items in docs:
        stack.clear()
        for item in items:
            if item.kind in STRUCTURAL:
                while stack and stack[-1].level >= item.level:
                    stack.pop()
                if not stack:
                    role = item.role
                    if role == "annex":
                        annex_count += 1
                        annex = number = _annex_letter(annex_count)
                        objects = dict.fromkeys(OBJECTS, 0)
                    elif role in stdnodes.UNNUMBERED_ROLES:
                        number = ""
                        if annex is not None and role in ("bibliography", "index"):
                            annex = None
                    else:
                        clause_count += 1
                        number = str(clause_count)
                        annex = None
                    frame = _Frame(item.level, "0" if role == "introduction" else number, item.key, role=role)
                    parent = None
                else:
                    top = stack[-1]
                    top.children += 1
                    number = f"{top.number}.{top.children}" if top.number else ""
                    frame = _Frame(item.level, number, item.key, role=top.role)
                    parent = top.key
                stack.append(frame)
                result[item.key] = Numbered(item.kind, number, item.role, item.obligation, item.title,
                                            docname, item.node_id, item.label, item.line, parent, annex,
                                            item.equivalents)
            else:
                objects[item.kind] += 1
                n = objects[item.kind]
                number = f"{annex}.{n}" if annex else str(n)
                result[item.key] = Numbered(item.kind, number, None, None, item.title, docname,
                                            item.node_id, item.label, item.line,
                                            stack[-1].key if stack else None, annex)
    return result
