"""ST — structure and front matter (ISO/IEC Directives Part 2, 6, 12–22; GB/T 1.1-2020 7, 8).

The rules read the structure the markup gives: a clause's role comes from its
heading class (``{.scope}``, ``{.annex .normative}`` …, see
:func:`~tooling.directives.nodes.section_role`), never from its title, and its
number from the model's outline. Only ST014 reads titles: it checks the fixed
titles of the clauses whose role is normative references or terms.

Rules that need the whole standard (order and presence of elements, annex
letters and citations, lone subclauses, the foreword's fixed elements, cover
metadata) run once per standard (``scope="standard"``); rules about one clause
and its children run on each document as it is read.

Document types: an amendment or a technical corrigendum consists of changes to
another document; it has no scope, normative references or terms clause of its
own, and the GB foreword items (GB/T 1.1-2020 8.3) do not apply to it (case C12).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from docutils import nodes
from sphinx import addnodes

from ..directives import nodes as stdnodes
from ..directives.nodes import ancestors
from ..model.designation import Designation, DesignationError, parse_designation
from .classifier import classify
from .context import DocContext, container_roles, split_sentences
from .registry import Example, rule

__all__: list[str] = []

#: Position of each top-level element in a document (ISO/IEC Directives Part 2, Table 2 and 6;
#: GB/T 1.1-2020 Table 3). ``None`` is a technical clause.
_RANK: dict[str | None, int] = {"foreword": 0, "introduction": 1, "scope": 2, "normative-references": 3,
                                "terms": 4, "symbols": 5, None: 6, "annex": 7, "bibliography": 8, "index": 9}
_NAMES: dict[str | None, tuple[str, str]] = {
    "foreword": ("Foreword", "前言"),
    "introduction": ("Introduction", "引言"),
    "scope": ("Scope", "范围"),
    "normative-references": ("Normative references", "规范性引用文件"),
    "terms": ("Terms and definitions", "术语和定义"),
    "symbols": ("Symbols and abbreviated terms", "符号和缩略语"),
    None: ("a technical clause", "技术要素"),
    "annex": ("an annex", "附录"),
    "bibliography": ("Bibliography", "参考文献"),
    "index": ("Index", "索引"),
}
#: Elements every document of a type has (the rest are optional or conditional).
_REQUIRED = ("foreword", "scope", "normative-references", "terms")
#: Elements a standard has at most once.
_SINGLE = ("foreword", "introduction", "scope", "normative-references", "terms", "symbols", "bibliography", "index")
#: Document types made of changes to another document: no scope, references or terms of their own.
_CHANGE_DOCTYPES = ("amendment", "technical-corrigendum")
#: Nodes that are not content: markup left in the tree for targets, comments and the like.
_INVISIBLE = (nodes.target, nodes.comment, nodes.substitution_definition, nodes.system_message, nodes.pending,
              nodes.footnote, nodes.transition, nodes.title, addnodes.index)


# -- the structure as the rules see it ---------------------------------------------------------------
def _name(role: str | None) -> dict[str, str]:
    en, zh = _NAMES[role]
    return {"element": en, "element_zh": zh}


def _parent_section(node: nodes.Node) -> nodes.section | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    return parent


def _top_sections(document: nodes.document) -> list[nodes.section]:
    return [s for s in document.findall(nodes.section) if _parent_section(s) is None]


def _children(section: nodes.Element) -> list[nodes.section]:
    return [child for child in section.children if isinstance(child, nodes.section)]


def _depth(section: nodes.section) -> int:
    depth, parent = 1, _parent_section(section)
    while parent is not None:
        depth, parent = depth + 1, _parent_section(parent)
    return depth


def _untitled(section: nodes.section) -> bool:
    return "untitled" in section.get("classes", ())


def _title(section: nodes.section) -> str:
    if section.children and isinstance(section[0], nodes.title):
        return " ".join(section[0].astext().split())
    return ""


def _label(section: nodes.section, lang: str) -> str:
    """How a message names a clause when its number is unknown: its title, or its first words."""
    title = _title(section)
    if title:
        return title
    text = " ".join(section.astext().split())
    return (text[:12] if lang == "zh" else " ".join(text.split()[:5])) + "…"


def _with_line(node: nodes.Node) -> nodes.Node:
    """The node to report ``node`` at: a table at its title (the directive's line), else ``node`` itself when
    it records its line, else its first descendant that does."""
    if isinstance(node, nodes.table) and node.children and isinstance(node[0], nodes.title) and node[0].line:
        return node[0]
    if getattr(node, "line", None):
        return node
    for child in node.findall(nodes.Element):
        if child.line:
            return child
    return node


def _paragraphs(node: nodes.Node) -> list[nodes.paragraph]:
    """The paragraphs of ``node`` in order, without those of system messages and term entry heads."""
    return [p for p in node.findall(nodes.paragraph)
            if not isinstance(p, (stdnodes.term_head, stdnodes.term_line, stdnodes.term_source))
            and not any(isinstance(a, nodes.system_message) for a in ancestors(p))]



def _settings(config: dict, code: str) -> dict:
    value = config.get(code) if isinstance(config, dict) else None
    return value if isinstance(value, dict) else {}


@dataclass
class _Clause:
    """A clause of the standard with what the model knows about it."""

    docname: str
    node: nodes.section
    role: str | None
    number: str

    @property
    def title(self) -> str:
        return _title(self.node)


class _Structure:
    """The clauses of a standard (read-phase doctrees) with their computed numbers.

    Built once per standard context (see :meth:`of`) and shared by the standard rules.
    """

    _cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, ctx) -> _Structure:
        structure = cls._cache.get(ctx)
        if structure is None:
            structure = cls._cache[ctx] = cls(ctx)
        return structure

    def __init__(self, ctx) -> None:
        self.lang = ctx.lang  # no reference to ctx: it is the key of the cache
        numbers = {(n.docname, n.node_id): n for n in ctx.numbered() if n.kind == "clause"}
        self.top: list[_Clause] = []
        self.clauses: dict[tuple[str, str], _Clause] = {}
        self.parents: dict[tuple[str, str], tuple[str, str] | None] = {}
        self._children: dict[tuple[str, str], list[_Clause]] = {}
        for docname, doctree in ctx.documents():
            for section in doctree.findall(nodes.section):
                numbered = next((numbers[(docname, i)] for i in section["ids"] if (docname, i) in numbers), None)
                clause = _Clause(docname, section, stdnodes.section_role(section),
                                 numbered.number if numbered else "")
                key = (docname, section["ids"][0] if section["ids"] else str(id(section)))
                self.clauses[key] = clause
                parent = _parent_section(section)
                self.parents[key] = (docname, parent["ids"][0]) if parent is not None and parent["ids"] else None
                if parent is None:
                    self.top.append(clause)
                else:
                    self._children.setdefault(self.parents[key], []).append(clause)

    def children(self, key: tuple[str, str]) -> list[_Clause]:
        return self._children.get(key, [])

    def element(self, clause: _Clause) -> dict[str, str]:
        """Message arguments naming a top-level element: its role, or for clauses and annexes the clause."""
        if clause.role in (None, "annex"):
            return dict.fromkeys(("element", "element_zh"), self.name(clause))
        return _name(clause.role)

    def name(self, clause: _Clause) -> str:
        """The clause as a message names it: ``Clause 5 'Tests'``, ``5.1 'General'``, ``Annex A 'Title'``
        (``第5章“试验”``, ``附录A“…”``), or its title when it has no number."""
        zh = self.lang == "zh"
        number = clause.number
        if number and clause.role == "annex":
            number = ("附录" if zh else "Annex ") + number
        elif number and "." not in number:
            number = f"第{number}章" if zh else f"Clause {number}"
        label = _label(clause.node, self.lang)
        if not number:
            return label
        if not clause.title:
            return number
        return f"{number}“{label}”" if zh else f"{number} '{label}'"


def _quote_zh(name: str) -> str:
    """A clause name inside a Chinese message: quoted, unless it carries its quoted title already
    (``第1章“范围”``, not ``“第1章“范围””``)."""
    return name if "“" in name else f"“{name}”"


# -- ST001–ST002, ST013: elements and their order --------------------------------------------------
@rule(code="ST001", title="The foreword, scope, normative references and terms clauses are present, each once",
      source="ISO/IEC Directives Part 2, 12, 14–16; GB/T 1.1-2020 8.3, 8.5–8.7 (Table 3)",
      severity="error", scope="standard",
      message="{element}: {problem}", message_zh="{element_zh}：{problem_zh}",
      examples=(Example("en", "1 Scope, 2 Terms and definitions",
                        "1 Scope, 2 Normative references, 3 Terms and definitions"),
                Example("zh", "1 范围 2 术语和定义", "1 范围 2 规范性引用文件 3 术语和定义")),
      conservative="Amendments and technical corrigenda are not checked for required elements (they hold "
                   "changes to another document). Elements are recognised by their heading class only, so a "
                   "clause titled 'Scope' without the class {.scope} counts as missing.")
def st001(ctx) -> None:
    """What it checks: a standard has a foreword (``{.foreword}``) and the clauses scope
    (``{.scope}``), normative references (``{.normative-references}``) and terms and
    definitions (``{.terms}``), and has each of these, the introduction, the symbols
    clause, the bibliography and the index at most once. A missing element is reported at
    the heading of the element that comes where it belongs.

    Why: these elements are mandatory (ISO/IEC Directives Part 2, 12, 14–16; GB/T 1.1-2020
    8.3, 8.5–8.7): the clause headings "Normative references" and "Terms and definitions"
    are kept even when the clause only says there is nothing to list.
    """
    structure = _Structure.of(ctx)
    seen: dict[str, _Clause] = {}
    for clause in structure.top:
        if clause.role in _SINGLE and clause.role in seen:
            ctx.report("ST001", clause.docname, clause.node, **_name(clause.role),
                       problem="a standard has only one; this is a second one",
                       problem_zh="文件中只能有一个，此处重复出现")
        seen.setdefault(clause.role, clause)
    if ctx.meta.doctype in _CHANGE_DOCTYPES:
        return
    for role in _REQUIRED:
        if role in seen:
            continue
        after = next((c for c in structure.top if _RANK[c.role] > _RANK[role]), None)
        if after is not None:
            where = structure.name(after)
            ctx.report("ST001", after.docname, after.node, **_name(role),
                       problem=f"missing (it belongs before {where})", problem_zh=f"缺失（应位于{_quote_zh(where)}之前）")
        else:
            last = structure.top[-1] if structure.top else None
            docname = last.docname if last else f"{ctx.slug}/index"
            ctx.report("ST001", docname, last.node if last else None, line=None if last else 1,
                       **_name(role), problem="missing", problem_zh="缺失")


@rule(code="ST002", title="Elements follow the order foreword, introduction, scope, references, terms, symbols, "
                          "technical clauses, annexes, bibliography, index",
      source="ISO/IEC Directives Part 2, 6 (Table 2), 15; GB/T 1.1-2020 Table 3",
      severity="error", scope="standard",
      message="{element}{problem}", message_zh="{element_zh}{problem_zh}",
      examples=(Example("en", "1 Terms and definitions, 2 Scope", "1 Scope, 2 Normative references, "
                        "3 Terms and definitions"),
                Example("zh", "附录A在第5章之前", "第5章在附录A之前")),
      conservative="What follows the bibliography or the index is ST013's; role classes inside a clause are "
                   "reported when they cannot be nested there (terms and symbols may nest in each other; "
                   "annex contents are ST011's, the introduction ST009's).")
def st002(ctx) -> None:
    """What it checks: top-level elements in the order foreword → introduction → scope →
    normative references → terms and definitions → symbols and abbreviated terms → technical
    clauses → annexes (→ bibliography → index, ST013); and that the elements with a role are
    top-level clauses, not subclauses.

    Why: the order of elements is fixed (ISO/IEC Directives Part 2, Table 2; GB/T 1.1-2020,
    Table 3), so readers find each element where they expect it and clause numbers are
    comparable across documents.
    """
    structure = _Structure.of(ctx)
    highest: _Clause | None = None
    for clause in structure.top:
        if clause.role in ("bibliography", "index"):
            break  # what follows is ST013's
        if highest is not None and _RANK[clause.role] < _RANK[highest.role]:
            where = structure.name(highest)
            ctx.report("ST002", clause.docname, clause.node, **structure.element(clause),
                       problem=f" is out of order: it belongs before {where} (the order of elements is fixed)",
                       problem_zh=f"位置不正确：应位于{_quote_zh(where)}之前（要素的顺序是固定的）")
        elif highest is None or _RANK[clause.role] > _RANK[highest.role]:
            highest = clause
    for key, clause in structure.clauses.items():
        parent = structure.clauses.get(structure.parents[key]) if structure.parents[key] else None
        if clause.role in (None, "introduction", "annex") or parent is None:
            continue  # the introduction is ST009's, annexes ST011's
        if clause.role in ("terms", "symbols") and parent.role in ("terms", "symbols"):
            continue
        if clause.role in ("scope", "normative-references", "terms") and _in_annex(clause.node):
            continue  # ST011
        where = structure.name(parent)
        ctx.report("ST002", clause.docname, clause.node, **_name(clause.role),
                   problem=f" is a subclause of {where}: it is a top-level element",
                   problem_zh=f"是{_quote_zh(where)}的条：应为独立的要素")


def _in_role(section: nodes.section, role: str) -> bool:
    """True when ``section`` lies inside a clause with ``role``."""
    return any(isinstance(a, nodes.section) and stdnodes.section_role(a) == role for a in ancestors(section))


def _in_annex(section: nodes.section) -> bool:
    return _in_role(section, "annex")


@rule(code="ST013", title="Only the index may follow the bibliography",
      source="ISO/IEC Directives Part 2, 21; GB/T 1.1-2020 8.13, 8.14", severity="error", scope="standard",
      message="{element} follows the {previous}: only the index may follow the bibliography, and nothing may "
              "follow the index",
      message_zh="{element_zh}位于{previous_zh}之后：参考文献之后只能是索引，索引之后不应再有要素",
      examples=(Example("en", "Bibliography, then Annex C", "Annex C, then Bibliography"),
                Example("zh", "参考文献后接附录C", "附录C在参考文献之前")))
def st013(ctx) -> None:
    """What it checks: top-level elements after the bibliography other than the index, and any
    element after the index.

    Why: the bibliography and the index close the document (ISO/IEC Directives Part 2, 21;
    GB/T 1.1-2020 8.13–8.14); an annex after them is not found where readers look for it.
    """
    structure = _Structure.of(ctx)
    back: str | None = None
    for clause in structure.top:
        if back is not None and not (back == "bibliography" and clause.role in ("index", "bibliography")):
            ctx.report("ST013", clause.docname, clause.node, **structure.element(clause), previous=_NAMES[back][0],
                       previous_zh=_NAMES[back][1])
        if clause.role in ("bibliography", "index") and back != "index":
            back = clause.role


# -- ST003–ST007: subdivision ------------------------------------------------------------------------
def _hanging(section: nodes.section) -> nodes.Node | None:
    """The first content node between ``section``'s title and its first subclause, or ``None``."""
    if not _children(section):
        return None
    for child in section.children:
        if isinstance(child, nodes.section):
            return None
        if isinstance(child, _INVISIBLE):
            continue
        if "editorial" in child.get("classes", ()):
            continue  # an editorial note kept by the importer is not text of the clause
        return child
    return None


@rule(code="ST003", title="No hanging paragraphs: a subdivided clause has no text before its first subclause",
      source="ISO/IEC Directives Part 2, 22.3.3; GB/T 1.1-2020 7.4 (悬置段)",
      severity="error", severity_by={"gb": "warning"},
      message="text between the title of '{clause}' and its first subclause is a hanging paragraph: "
              "put it into a subclause (e.g. 'General')",
      message_zh="“{clause}”的标题与其第一个条之间的段落为悬置段：应将其放入一个条（如“总则”）",
      examples=(Example("en", "5 Tests / paragraph / 5.1 Apparatus", "5 Tests / 5.1 General / paragraph / "
                                                                      "5.2 Apparatus"),
                Example("zh", "5 试验 / 段 / 5.1 仪器", "5 试验 / 5.1 总则 / 段 / 5.2 仪器")),
      conservative="The lead-in of the terms and the symbols clauses is exempt (their entries are not "
                   "subclauses), and so is the foreword (ST008). Introductory text of an annex is reported; "
                   "set std_lint = {'ST003': {'allow_annex_intro': True}} to accept it, as some schemas do.")
def st003(ctx: DocContext) -> None:
    """What it checks: a clause or subclause that has subclauses and also text (paragraphs,
    lists, tables, notes …) between its title and its first subclause.

    Why: such a hanging paragraph cannot be referred to unambiguously: "see 5" would mean
    the paragraph and all of 5.1, 5.2 … (ISO/IEC Directives Part 2, 22.3.3; GB/T 1.1-2020 7.4).
    """
    allow_annex = bool(_settings(ctx.config, "ST003").get("allow_annex_intro"))
    for section in ctx.document.findall(nodes.section):
        role = stdnodes.section_role(section)
        if role in ("terms", "symbols", "foreword") or _in_role(section, "foreword"):
            continue
        if role == "annex" and allow_annex:
            continue
        node = _hanging(section)
        if node is not None:
            ctx.report("ST003", _with_line(node), clause=_label(section, ctx.lang))


@rule(code="ST004", title="A clause is not subdivided into a single subclause",
      source="ISO/IEC Directives Part 2, 22.3.2; GB/T 1.1-2020 7.3.2", severity="error", scope="standard",
      message="{clause} is the only subclause of {parent}: a clause is divided into two or more subclauses, "
              "or not at all",
      message_zh="{clause}是{parent}唯一的条：章或条应分为两个或两个以上的条，或者不分条",
      examples=(Example("en", "5.1 with no 5.2", "merge 5.1 into Clause 5, or add 5.2"),
                Example("zh", "只有10.1无10.2", "取消10.1，或增加10.2")),
      conservative="The foreword is left to ST008 (it has no subclauses at all).")
def st004(ctx) -> None:
    """What it checks: a clause, subclause, annex or introduction with exactly one subclause
    (titled or untitled).

    Why: a subclause is created only when there are at least two at that level (ISO/IEC
    Directives Part 2, 22.3.2; GB/T 1.1-2020 7.3.2): a lone "5.1" is just Clause 5.
    """
    structure = _Structure.of(ctx)
    for key, clause in structure.clauses.items():
        if clause.role == "foreword" or _in_role(clause.node, "foreword"):
            continue  # ST008
        children = structure.children(key)
        if len(children) == 1:
            child = children[0]
            ctx.report("ST004", child.docname, child.node, clause=structure.name(child),
                       parent=structure.name(clause))


@rule(code="ST005", title="At most five levels of subclauses",
      source="ISO/IEC Directives Part 2, 22.3.1; GB/T 1.1-2020 7.3", severity="error",
      message="'{clause}' is at level {level}: a clause has at most five levels of subclauses (e.g. 5.1.1.1.1.1)",
      message_zh="“{clause}”位于第{level}层：条的层次不应超过五层（如5.1.1.1.1.1）",
      examples=(Example("en", "4.1.1.1.1.1.1", "restructure into fewer levels"),
                Example("zh", "4.1.1.1.1.1.1", "调整层次")))
def st005(ctx: DocContext) -> None:
    """What it checks: subclauses deeper than five levels below a clause (a number of more
    than six components, such as 4.1.1.1.1.1.1); the first level too deep is reported.

    Why: the Directives (22.3.1) and GB/T 1.1-2020 (7.3) allow subclauses down to the fifth
    level; deeper structures are unreadable and are split into clauses instead.
    """
    for section in ctx.document.findall(nodes.section):
        level = _depth(section)
        if level == 7 and not _in_role(section, "foreword"):
            ctx.report("ST005", section, clause=_label(section, ctx.lang), level=str(level))


@rule(code="ST006", title="Subclauses of one level are all titled or all untitled; first-level subclauses "
                          "have titles",
      source="ISO/IEC Directives Part 2, 22.2; GB/T 1.1-2020 7.3.3", severity="error",
      message="untitled subclause {problem}", message_zh="无标题的条{problem_zh}",
      examples=(Example("en", "5.1 General next to an untitled 5.2", "give 5.2 a title"),
                Example("zh", "4.1 现场条件 与无标题的 4.2 并列", "给4.2加标题")),
      conservative="Untitled first-level subclauses whose siblings are untitled too are warnings, as the "
                   "standards say 'should'.")
def st006(ctx: DocContext) -> None:
    """What it checks: untitled subclauses (``{clause}``) next to titled ones at the same level
    (error); untitled first-level subclauses such as 5.1 (warning); untitled clauses (error).

    Why: within a clause, subclauses of one level are either all titled or all untitled, and
    first-level subclauses should have titles (ISO/IEC Directives Part 2, 22.2; GB/T 1.1-2020
    7.3.3); a clause always has a title.
    """
    parents: list[nodes.Element] = [ctx.document, *ctx.document.findall(nodes.section)]
    for parent in parents:
        if isinstance(parent, nodes.section) and (stdnodes.section_role(parent) == "foreword"
                                                  or _in_role(parent, "foreword")):
            continue  # ST008
        children = _children(parent) if isinstance(parent, nodes.section) else _top_sections(ctx.document)
        untitled = [c for c in children if _untitled(c)]
        if not untitled:
            continue
        top = not isinstance(parent, nodes.section)
        mixed = len(untitled) < len(children)
        for child in untitled:
            if top:
                ctx.report("ST006", child, problem="used as a clause: a clause has a title",
                           problem_zh="用作章：章应有标题")
            elif mixed:
                ctx.report("ST006", child, problem="next to titled ones: subclauses of one level are all "
                                                   "titled or all untitled",
                           problem_zh="与有标题的条并列：同一层次的条应都有或都没有标题")
            elif _parent_section(parent) is None:
                ctx.report("ST006", child, severity="warning",
                           problem="at the first level: first-level subclauses should have titles",
                           problem_zh="位于第一层次：第一层次的条宜有标题")


@rule(code="ST007", title="An untitled subclause is not subdivided", source="GB/T 1.1-2020 7.3.4",
      severity="error", profiles=("gb",),
      message="the untitled subclause '{clause}' has subclauses: give it a title or do not subdivide it",
      message_zh="无标题的条“{clause}”下又分了条：应给出条标题，或者不再分条",
      examples=(Example("zh", "无标题的5.2再分为5.2.1、5.2.2", "给5.2加标题，或不再分条"),
                Example("en", "untitled 5.2 split into 5.2.1 and 5.2.2", "give 5.2 a title")))
def st007(ctx: DocContext) -> None:
    """What it checks: an untitled subclause (``{clause}``) that holds subclauses.

    Why: GB/T 1.1-2020 7.3.4: an untitled subclause is not subdivided further; its
    subclauses could not be told apart in a table of contents or a reference.
    """
    for section in ctx.document.findall(nodes.section):
        if _untitled(section) and _children(section) and not _in_role(section, "foreword"):
            ctx.report("ST007", section, clause=_label(section, ctx.lang))


# -- ST008–ST010: foreword, introduction, scope ------------------------------------------------------
_FOREWORD_OBJECTS = {nodes.section: ("a subclause", "条"), nodes.table: ("a table", "表"),
                     nodes.figure: ("a figure", "图"), nodes.math_block: ("a formula", "公式")}


@rule(code="ST008", title="The foreword has no subclauses, tables, figures or formulas",
      source="ISO/IEC Directives Part 2, 12.4; GB/T 1.1-2020 8.3", severity="error",
      message="the foreword contains {what}: it is not numbered, subdivided or illustrated",
      message_zh="前言中有{what_zh}：前言不编号、不分条，也不包含表、图或公式",
      examples=(Example("en", "Foreword / 0.1 History", "plain paragraphs"),
                Example("zh", "前言下设“1 概述”", "不编号、不分条")))
def st008(ctx: DocContext) -> None:
    """What it checks: subclauses, tables, figures and formulas inside the foreword.

    Why: the foreword is not numbered and contains no subclauses, tables, figures or
    formulas (ISO/IEC Directives Part 2, 12.4; GB/T 1.1-2020 8.3).
    """
    for section in ctx.document.findall(nodes.section):
        if stdnodes.section_role(section) != "foreword":
            continue
        for child in _children(section):
            ctx.report("ST008", child, what="a subclause", what_zh="条")
        for node in section.findall(lambda n: isinstance(n, (nodes.table, nodes.figure, nodes.math_block))):
            what, what_zh = next(v for k, v in _FOREWORD_OBJECTS.items() if isinstance(node, k))
            ctx.report("ST008", _with_line(node), what=what, what_zh=what_zh)


_TYPED_NUMBER = re.compile(r"^\s*(\d{1,2})(?:\.\d{1,2})*[\s\u3000]")


@rule(code="ST009", title="The introduction is not numbered; its subclauses are 0.1, 0.2 …",
      source="ISO/IEC Directives Part 2, 13; GB/T 1.1-2020 8.4", severity="warning",
      message="the introduction {problem}", message_zh="引言{problem_zh}",
      examples=(Example("en", "1 Introduction", "Introduction (unnumbered; subclauses 0.1, 0.2)"),
                Example("zh", "1 引言", "引言（不编号；分条时编为0.1、0.2）")),
      conservative="Numbers are computed from markup, so only an introduction nested in a clause and clause "
                   "numbers typed into the titles (other than 0.n) are reported.")
def st009(ctx: DocContext) -> None:
    """What it checks: an introduction (``{.introduction}``) that is a subclause of another
    clause (it would be numbered like one), and clause numbers typed into the title of the
    introduction or of its subclauses (``1 Introduction``, ``1.1 General``).

    Why: the introduction is not numbered; when it is subdivided its subclauses are numbered
    0.1, 0.2 … (ISO/IEC Directives Part 2, 13; GB/T 1.1-2020 8.4).
    """
    for section in ctx.document.findall(nodes.section):
        if stdnodes.section_role(section) != "introduction":
            continue
        if _parent_section(section) is not None:
            ctx.report("ST009", section, problem="is a subclause of another clause, so it is numbered as one",
                       problem_zh="是另一章的条，因而被编了号")
            continue
        m = _TYPED_NUMBER.match(_title(section))
        if m:
            ctx.report("ST009", section, problem=f"has a clause number in its title ('{m.group(0).strip()}')",
                       problem_zh=f"标题中有章编号（“{m.group(0).strip()}”）")
        for sub in section.findall(nodes.section):
            m = _TYPED_NUMBER.match(_title(sub))
            if sub is not section and m and m.group(1) != "0":
                ctx.report("ST009", sub, problem=f"has a subclause numbered as a clause ('{m.group(0).strip()}'); "
                                                 "its subclauses are 0.1, 0.2 …",
                           problem_zh=f"中的条按章编号（“{m.group(0).strip()}”）；引言的条应编为0.1、0.2……")


_SCOPE_START = {
    "en": re.compile(r"^This document (?:specifies|establishes|gives|defines|describes|provides|presents|sets out|"
                     r"lays down|lists)\b"),
    "zh": re.compile(r"^本文件(?:规定|确立|给出|描述|界定|提供|提出)了?"),
}
_SCOPE_EXPECTED = {"en": "This document specifies / establishes / gives / defines / describes …",
                   "zh": "本文件规定了/确立了/给出了/描述了/界定了……"}


def _compact(text: str, lang: str) -> str:
    """Text with line breaks and spacing normalised: no whitespace at all in Chinese, single spaces in English."""
    if lang == "zh":
        return re.sub(r"[\s\u3000]+", "", text)
    return " ".join(text.split())


@rule(code="ST010", title="The scope is one succinct, unsubdivided statement: 'This document specifies …'",
      source="ISO/IEC Directives Part 2, 14; GB/T 1.1-2020 8.5", severity="warning",
      message="the scope {problem}", message_zh="范围{problem_zh}",
      examples=(Example("en", "The aim is to …", "This document specifies …"),
                Example("zh", "为了规范……", "本文件规定了……")),
      conservative="Only the first sentence of the scope's first paragraph is checked, against the verbs the "
                   "standards list and a few common equivalents (provides, presents; 提供, 提出). The "
                   "statement of applicability is not required.")
def st010(ctx: DocContext) -> None:
    """What it checks: subclauses in the scope, and a scope whose first sentence does not begin
    "This document specifies/establishes/gives/defines/describes …" (本文件规定了/确立了/
    给出了/描述了/界定了……).

    Why: the scope states succinctly what the document covers, in the forms the standards
    give (ISO/IEC Directives Part 2, 14.3–14.4; GB/T 1.1-2020 8.5), and is not subdivided.
    """
    for section in ctx.document.findall(nodes.section):
        if stdnodes.section_role(section) != "scope":
            continue
        for child in _children(section):
            ctx.report("ST010", child, problem="is subdivided: it is a succinct statement without subclauses",
                       problem_zh="分了条：范围应简洁，不分条")
        first = next((p for p in _paragraphs(section)
                      if _parent_section(p) is section and container_roles(p)[:1] == ("scope",)), None)
        if first is None:
            continue
        text = _compact(first.astext(), ctx.lang)
        if not _SCOPE_START[ctx.lang].match(text):
            words = text[:10] if ctx.lang == "zh" else " ".join(text.split()[:4])
            ctx.report("ST010", first, problem=f"begins '{words}…': use '{_SCOPE_EXPECTED[ctx.lang]}'",
                       problem_zh=f"以“{words}……”开头：应使用“{_SCOPE_EXPECTED[ctx.lang]}”")


# -- ST011–ST012: annexes ----------------------------------------------------------------------------
_TYPED_ANNEX = re.compile(r"^\s*(?:(?:Annex|Appendix|ANNEX|APPENDIX)\s+[A-Z](?![A-Za-z])|附\s*录\s*[A-Z])|"
                          r"^\s*[(（]\s*(?:normative|informative|规范性|资料性)\s*[)）]")


@rule(code="ST011", title="Annexes are designated normative or informative and hold no scope, references or terms",
      source="ISO/IEC Directives Part 2, 20; GB/T 1.1-2020 9.6", severity="error", scope="standard",
      message="{clause}: {problem}", message_zh="{clause}：{problem_zh}",
      examples=(Example("en", "{.annex} # Annex A Test rig", "{.annex .normative} # Test rig"),
                Example("zh", "{.annex} # 附录A 试验装置", "{.annex .normative} # 试验装置")),
      conservative="Annex letters are computed from the order of the annexes, so they always run A, B, C; a "
                   "letter or status typed into the title is reported because it repeats (or contradicts) "
                   "the generated one.")
def st011(ctx) -> None:
    """What it checks: an annex (``{.annex}``) without exactly one of the classes ``normative``
    and ``informative``; an annex label typed into the title ("Annex A", "附录A", "(normative)"),
    which the build generates; an annex that is a subclause; a scope, normative references or
    terms clause inside an annex.

    Why: each annex is designated "Annex A (normative)" or "(informative)" — 附录A（规范性）/
    （资料性） — with letters in the order of the annexes (ISO/IEC Directives Part 2, 20;
    GB/T 1.1-2020 9.6); scope, references and terms are elements of the document, not of an
    annex.
    """
    structure = _Structure.of(ctx)
    for clause in structure.clauses.values():
        name = structure.name(clause)
        if clause.role == "annex":
            if _parent_section(clause.node) is not None:
                ctx.report("ST011", clause.docname, clause.node, clause=clause.title,
                           problem="an annex is a top-level element, not a subclause",
                           problem_zh="附录应为独立的要素，不应是条")
                continue
            classes = clause.node.get("classes", ())
            status = [c for c in ("normative", "informative") if c in classes]
            if len(status) != 1:
                ctx.report("ST011", clause.docname, clause.node, clause=name,
                           problem="state whether the annex is normative or informative (exactly one of the "
                                   "classes .normative and .informative)",
                           problem_zh="应指明附录是规范性还是资料性的（.normative与.informative二者之一）")
            m = _TYPED_ANNEX.match(clause.title)
            if m:
                ctx.report("ST011", clause.docname, clause.node, clause=name,
                           problem=f"the title repeats the annex label ('{m.group(0).strip()}'), which is "
                                   "generated: write only the title",
                           problem_zh=f"标题中写了附录编号或性质（“{m.group(0).strip()}”），这些是自动生成的，"
                                      "只写标题")
        elif clause.role in ("scope", "normative-references", "terms") and _in_annex(clause.node):
            element, element_zh = _NAMES[clause.role]
            ctx.report("ST011", clause.docname, clause.node, clause=name,
                       problem=f"an annex holds no {element} clause", problem_zh=f"附录中不应有{element_zh}")


_SEE = {"en": re.compile(r"(?:\bsee(?:\s+also)?|\be\.g\.,?|\bfor example,?)\s*$", re.I),
        "zh": re.compile(r"(?:参见|见|例如)\s*$")}
_ANNEX_TEXT = {"en": re.compile(r"\bAnnex\s+([A-Z])\b"), "zh": re.compile(r"附\s*录\s*([A-Z])(?![A-Za-z])")}


@dataclass
class _Citation:
    """A citation of an annex: where it is and how it reads."""

    letter: str
    docname: str
    node: nodes.paragraph
    needle: str
    order: tuple[int, int, int]
    informative_text: bool  # in a note, example, footnote or other informative container
    see: bool  # introduced by "see" / 见 / 参见
    requirement: bool  # the sentence states a requirement


def _text_with_refs(paragraph: nodes.Element) -> tuple[str, list[tuple[int, int, str]]]:
    """The paragraph's text and the spans of its cross-references (start, end, target)."""
    parts: list[str] = []
    refs: list[tuple[int, int, str]] = []
    length = 0

    def walk(node: nodes.Node) -> None:
        nonlocal length
        if isinstance(node, nodes.Text):
            parts.append(str(node))
            length += len(node)
        elif isinstance(node, (nodes.literal, nodes.math, stdnodes.std_cite, nodes.footnote_reference)):
            text = " " * len(node.astext())
            parts.append(text)
            length += len(text)
        elif isinstance(node, nodes.Element):
            start = length
            for child in node.children:
                walk(child)
            if node.tagname == "pending_xref" and node.get("reftarget"):
                refs.append((start, length, str(node["reftarget"])))

    walk(paragraph)
    return "".join(parts), refs


def _annex_citations(ctx, structure: _Structure) -> list[_Citation]:
    """Every citation of an annex outside the annex itself and outside the foreword, in document order."""
    annexes = [c for c in structure.top if c.role == "annex" and c.number]
    by_target: dict[str, _Clause] = {}
    for annex in annexes:
        for name in (*annex.node.get("ids", ()), *annex.node.get("names", ())):
            by_target[name.split(":", 1)[-1].lower()] = annex
    by_letter = {a.number: a for a in annexes}
    citations: list[_Citation] = []
    for doc_index, (docname, doctree) in enumerate(ctx.documents()):
        for para_index, paragraph in enumerate(_paragraphs(doctree)):
            roles = container_roles(paragraph)
            if "foreword" in roles or "bibliography" in roles:
                continue
            text, refs = _text_with_refs(paragraph)
            found = []
            for start, _, target in refs:
                target = target.lstrip("#").split(":", 1)[-1]
                found.append((start, by_target.get(target.lower()), target))
            found += [(m.start(), by_letter.get(m.group(1)), m.group(0))
                      for m in _ANNEX_TEXT[ctx.lang].finditer(text)
                      if not any(a <= m.start() < b for a, b, _ in refs)]  # a link's own text "Annex A"
            for offset, annex, needle in sorted(found, key=lambda f: f[0]):
                if annex is None or _inside(paragraph, annex.node):
                    continue
                sentence, start = _sentence_at(text, offset, ctx.lang)
                before = sentence[:offset - start]
                forms = classify(sentence, ctx.lang)
                informative = any(r in ("note", "example", "footnote", "introduction", "scope",
                                        "informative-annex") for r in roles)
                citations.append(_Citation(
                    annex.number, docname, paragraph, needle, (doc_index, para_index, offset), informative,
                    bool(_SEE[ctx.lang].search(before)),
                    any(f.kind == "requirement" and not f.forbidden for f in forms)))
    return citations


def _inside(node: nodes.Node, ancestor: nodes.Node) -> bool:
    return node is ancestor or any(a is ancestor for a in ancestors(node))


def _sentence_at(text: str, offset: int, lang: str) -> tuple[str, int]:
    """The sentence of ``text`` that holds ``offset``, and its start."""
    found = ("", offset)
    for start, sentence in split_sentences(text, lang):
        if start <= offset:
            found = (sentence, start)
    return found


@rule(code="ST012", title="Annexes are lettered in the order they are cited, and cited as what they are",
      source="ISO/IEC Directives Part 2, 20; GB/T 1.1-2020 9.6", severity="warning", scope="standard",
      message="{annex}{problem}", message_zh="{annex}{problem_zh}",
      examples=(Example("en", "see Annex A (a normative annex)", "shall be tested in accordance with Annex A"),
                Example("zh", "见附录A（规范性附录）", "应按附录A的规定试验")),
      conservative="A normative annex is reported only when every citation of it is introduced by 'see'/见/参见 "
                   "(without a requirement in the sentence) or sits in informative text; an informative annex "
                   "only when a citation not introduced by 'see' sits in a sentence stating a requirement. "
                   "Citations in the foreword (lists of changes) do not count for the order.")
def st012(ctx) -> None:
    """What it checks: annexes whose letters do not follow the order in which the text first
    cites them; a normative annex cited only informatively ("see Annex A", 见附录A, or from a
    note); an informative annex cited in a requirement ("shall … Annex B", 应……附录B).

    Why: annexes appear in the order they are cited (ISO/IEC Directives Part 2, 20); how the
    text cites an annex is what makes it normative: a normative annex is cited as a
    requirement ("in accordance with Annex A", 按附录A的规定), an informative one for
    information ("see Annex B", 参见附录B).
    """
    structure = _Structure.of(ctx)
    annexes = {c.number: c for c in structure.top if c.role == "annex" and c.number}
    citations = _annex_citations(ctx, structure)
    first: dict[str, _Citation] = {}
    for citation in citations:
        first.setdefault(citation.letter, citation)
    latest: _Citation | None = None
    for letter, annex in annexes.items():
        cited = first.get(letter)
        if cited is None:
            continue
        if latest is not None and cited.order < latest.order:
            ctx.report("ST012", cited.docname, cited.node, cited.needle, annex=structure.name(annex),
                       problem=f" is cited before {structure.name(annexes[latest.letter])}: annexes are lettered "
                               "in the order they are first cited",
                       problem_zh=f"在{structure.name(annexes[latest.letter])}之前被引用：附录应按其在正文中"
                                  "首次被提及的顺序编排")
        elif latest is None or cited.order > latest.order:
            latest = cited
    for letter, annex in annexes.items():
        own = [c for c in citations if c.letter == letter]
        status = stdnodes.annex_obligation(annex.node)
        if status == "normative" and own and all(c.informative_text or (c.see and not c.requirement) for c in own):
            c = own[0]
            ctx.report("ST012", c.docname, c.node, c.needle, annex=structure.name(annex),
                       problem=" is normative but cited only for information: cite it as a requirement "
                               "('… in accordance with Annex X')",
                       problem_zh="是规范性附录，却仅以资料性方式提及：应以要求的方式引用（“应按附录X的规定……”）")
        elif status == "informative":
            for c in own:
                if c.requirement and not c.see and not c.informative_text:
                    ctx.report("ST012", c.docname, c.node, c.needle, annex=structure.name(annex),
                               problem=" is informative but cited in a requirement: make the annex normative, "
                                       "or cite it with 'see'",
                               problem_zh="是资料性附录，却在要求中被引用：应改为规范性附录，或以“参见”提及")


# -- ST014: fixed titles -----------------------------------------------------------------------------
_FIXED_TITLES = {
    "normative-references": {"en": ("Normative references",), "zh": ("规范性引用文件",)},
    "terms": {"en": ("Terms and definitions", "Terms, definitions and abbreviated terms",
                     "Terms, definitions and symbols", "Terms, definitions, symbols and abbreviated terms",
                     "Terms, definitions, abbreviated terms and symbols"),
              "zh": ("术语和定义", "术语、定义和缩略语", "术语、定义和符号", "术语、定义、符号和缩略语",
                     "术语、定义、缩略语和符号")},
}


@rule(code="ST014", title="The normative references and terms clauses have their fixed titles",
      source="ISO/IEC Directives Part 2, 15, 16; GB/T 1.1-2020 8.6, 8.7", severity="error",
      message="the {element} clause is titled '{title}': its title is '{expected}'",
      message_zh="{element_zh}一章的标题为“{title}”，应为“{expected_zh}”",
      examples=(Example("en", "2 References", "2 Normative references"),
                Example("zh", "2 引用文件", "2 规范性引用文件")),
      conservative="The terms clause accepts the combined titles with symbols and abbreviated terms "
                   "('Terms, definitions and abbreviated terms', 术语、定义和缩略语 …).")
def st014(ctx: DocContext) -> None:
    """What it checks: the title of each clause with the class ``normative-references`` or
    ``terms`` against the fixed titles: "Normative references" / 规范性引用文件; "Terms and
    definitions" / 术语和定义 (or a combined title with symbols and abbreviated terms).

    Why: these titles are fixed (ISO/IEC Directives Part 2, 15.1, 16.1; GB/T 1.1-2020 8.6,
    8.7) so that readers recognise the elements in every document.
    """
    for section in ctx.document.findall(nodes.section):
        role = stdnodes.section_role(section)
        if role not in _FIXED_TITLES:
            continue
        allowed = _FIXED_TITLES[role][ctx.lang]
        title = _title(section)
        if _compact(title, ctx.lang) not in {_compact(t, ctx.lang) for t in allowed}:
            ctx.report("ST014", section, **_name(role), title=title, expected=allowed[0], expected_zh=allowed[0])


# -- ST020–ST021: the foreword's fixed elements ------------------------------------------------------
def _foreword(ctx) -> tuple[str, nodes.section] | None:
    for docname, doctree in ctx.documents():
        for section in _top_sections(doctree):
            if stdnodes.section_role(section) == "foreword":
                return docname, section
    return None


def _blocks(section: nodes.section) -> list[nodes.paragraph]:
    """The foreword's paragraphs (list items included), in order, boilerplate included."""
    return _paragraphs(section)


def _mentions(text: str, designation: Designation) -> bool:
    """True when ``text`` (whitespace removed) names ``designation`` (any year, any dash)."""
    number = re.escape(designation.number) + "".join(rf"[.\-]{re.escape(p)}" for p in designation.part)
    prefix = re.escape(designation.prefix.replace(" ", ""))
    return re.search(rf"{prefix}(?:[A-Z]+)?{number}(?![\d])(?!\.\d)", re.sub(r"\s+", "", text)) is not None


def _items_after(paragraph: nodes.paragraph) -> list[nodes.Element]:
    """The list that follows a lead-in paragraph: a list node, or paragraphs typed as dash items."""
    parent = paragraph.parent
    index = parent.index(paragraph)
    items: list[nodes.Element] = []
    for sibling in parent.children[index + 1:]:
        if isinstance(sibling, (nodes.bullet_list, nodes.enumerated_list)):
            return [item for item in sibling.children if isinstance(item, nodes.list_item)]
        if isinstance(sibling, nodes.paragraph) and re.match(r"^\s*(?:——|—|[a-z]\))", sibling.astext()):
            items.append(sibling)
            continue
        if isinstance(sibling, _INVISIBLE):
            continue
        break
    return items


@dataclass
class _Element:
    """One of the foreword's elements (GB/T 1.1-2020 8.3 a)–h))."""

    letter: str
    name: str
    name_zh: str
    pattern: re.Pattern
    required: bool


_GB_DRAFTING_ZH = re.compile(r"本文件按照GB/T1\.1[—–\-－]2020《标准化工作导则第1部分[：:]标准化文件的结构和起草规则》"
                             r"的规定起草")
_GB_DRAFTING_EN = re.compile(r"This document (?:is|was|has been) drafted in accordance with (?:the rules "
                             r"(?:given|provided|specified) in )?GB/T ?1\.1[—–\-:]2020\b")
_GB_PATENT_ZH = re.compile(r"请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。?")
_GB_PATENT_EN = re.compile(r"Attention is drawn to the possibility that some (?:of the )?(?:elements|contents?) of "
                           r"this document may (?:be the subject of|involve) patents?(?: rights)?\. .*not (?:be held )?"
                           r"responsible for identifying")
_CHANGE_ITEM = {"zh": re.compile(r"[（(]见[^（）()]+[）)][；;。.]?$"),
                "en": re.compile(r"\(see [^()]+\)[;.]?$", re.I)}


def _gb_elements(ctx) -> list[tuple[_Element, re.Pattern | None]]:
    """The foreword elements that apply to this document, each with the pattern of a deviating form."""
    meta, zh = ctx.meta, ctx.lang == "zh"
    designation = meta.designation
    part = designation.part[-1] if designation.part else None
    degree = (meta.adoption or {}).get("degree")
    adoption_zh = {"IDT": r"等同采用", "MOD": r"修改采用", "NEQ": r"非等效|参考.*(?:起草|编制)"}.get(degree, r"等同采用|修改采用")
    adoption_en = {"IDT": r"identical|IDT", "MOD": r"modif|MOD", "NEQ": r"not equivalent|non-equivalent|NEQ"}.get(
        degree, r"identical|modif|equivalent")
    mandatory = designation.prefix == "GB"
    elements = [
        (_Element("a", "the drafting statement (GB/T 1.1—2020)", "起草规则的说明",
                  _GB_DRAFTING_ZH if zh else _GB_DRAFTING_EN, True),
         re.compile(r"本文件按照|按照GB/T1\.1" if zh else r"drafted in accordance with", re.I)),
        (_Element("b", "the statement of the part within its series", "文件与其他部分的关系",
                  re.compile(r"本文件是.*的第\d+部分" if zh else r"This document is (?:the )?Part \d+ of", re.I),
                  part is not None), None),
        (_Element("c", "the statement of the replaced document, with its list of technical changes",
                  "与代替文件的关系及主要技术变化",
                  re.compile(r"本文件代替.*除(?:结构调整和)?编辑性改动外，?主要技术变化如下" if zh
                             else r"This document replaces .*(?:main|major|significant) technical changes", re.I),
                  bool(meta.replaces)),
         re.compile(r"本文件代替|主要技术变化" if zh else r"This document replaces|technical changes", re.I)),
        (_Element("d", "the statement of adoption", "与国际文件的一致性程度",
                  re.compile(rf"本文件(?:{adoption_zh})" if zh else rf"This document (?:is )?(?:{adoption_en})",
                             re.I), bool(meta.adoption)),
         re.compile(r"等同采用|修改采用|非等效" if zh else r"identical to|modifies|modified|not equivalent", re.I)),
        (_Element("e", "the patent notice", "专利的说明", _GB_PATENT_ZH if zh else _GB_PATENT_EN, True),
         re.compile(r"专利" if zh else r"patent", re.I)),
        (_Element("f", "the statement of the responsible committee (归口)", "归口信息",
                  re.compile(r"本文件由.+归口" if zh else r"under the jurisdiction of|technically (?:administered|"
                             r"managed) by|centrali[sz]ed by|administered by", re.I), True), None),
        (_Element("g", "the statement of the drafting organisations", "起草单位的说明",
                  re.compile(r"本文件(?:主要)?起草单位[：:]" if zh else r"drafting organi[sz]ations?|drafted by",
                             re.I), not mandatory), None),
        (_Element("g", "the statement of the principal drafters", "主要起草人的说明",
                  re.compile(r"本文件主要起草人[：:]" if zh else r"(?:main|principal|chief) drafters?", re.I),
                  not mandatory), None),
        (_Element("h", "the publication history of the document and those it replaces",
                  "所代替文件的历次版本发布情况",
                  re.compile(r"历次版本发布情况" if zh else r"previous editions|editions? (?:of|history)", re.I),
                  bool(meta.replaces or meta.raw.get("history"))), None),
    ]
    # optional 提出 belongs to f): it is found but never required
    elements.insert(5, (_Element("f", "the statement of the proposer", "提出信息",
                                 re.compile(r"本文件由.+提出" if zh else r"proposed by", re.I), False), None))
    return elements


@rule(code="ST020", title="The GB foreword gives its fixed elements in order",
      source="GB/T 1.1-2020 8.3", severity="error", scope="standard", profiles=("gb",),
      message="foreword: {element}{problem}", message_zh="前言：{element_zh}{problem_zh}",
      examples=(Example("zh", "前言中没有“本文件由……归口。”", "本文件由全国××标准化技术委员会（SAC/TC ××）归口。"),
                Example("en", "no drafting statement", "This document was drafted in accordance with the rules given "
                                                       "in GB/T 1.1—2020 …")),
      conservative="Elements are recognised by their fixed phrases; the drafting statement and the patent notice "
                   "must match GB/T 1.1-2020 8.3 exactly (whitespace aside). The drafting organisations and "
                   "drafters are not required of mandatory national standards (GB), and a first edition need not "
                   "state that it is first published. Amendments are not checked.")
def st020(ctx) -> None:
    """What it checks: the foreword of a GB document gives, in this order: a) the drafting
    statement "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》
    的规定起草。"; b) for a part, "本文件是GB/T X《…》的第N部分"; c) with ``replaces`` in the
    metadata, "本文件代替GB/T X—Y《…》，与GB/T X—Y相比，除结构调整和编辑性改动外，主要技术变化
    如下：" and a list whose items end "（见x.y）"; d) with ``adoption``, "本文件等同采用/修改采用
    ISO …" matching the metadata; e) the patent notice "请注意本文件的某些内容可能涉及专利。本文件
    的发布机构不承担识别专利的责任。"; f) "本文件由……提出" (optional) and "本文件由……归口";
    g) "本文件起草单位：……" and "本文件主要起草人：……"; h) with ``replaces`` or ``history``,
    "本文件及其所代替文件的历次版本发布情况为：……".

    Why: GB/T 1.1-2020 8.3 fixes the content and order of the foreword, so that every
    national standard states its drafting rules, history, relation to international
    documents, patents and responsible bodies the same way.
    """
    if ctx.meta.doctype in _CHANGE_DOCTYPES:
        return
    found = _foreword(ctx)
    if found is None:
        return  # ST001
    docname, section = found
    lang = ctx.lang
    blocks = _blocks(section)
    texts = [_compact(p.astext(), lang) for p in blocks]
    positions: list[tuple[int, _Element]] = []
    missing_g: list[_Element] = []
    for element, deviation in _gb_elements(ctx):
        index = next((i for i, text in enumerate(texts) if element.pattern.search(text)), None)
        near = next((i for i, text in enumerate(texts) if deviation and deviation.search(text)), None)
        if element.letter in ("c", "d") and not element.required:
            if index is not None or near is not None:
                field = "replaces" if element.letter == "c" else "adoption"
                ctx.report("ST020", docname, blocks[index if index is not None else near], element=element.name,
                           element_zh=element.name_zh, problem=f" is given, but the metadata has no '{field}'",
                           problem_zh=f"已给出，但元数据中没有{field}")
            continue
        if index is None:
            if near is not None:
                ctx.report("ST020", docname, blocks[near], element=element.name, element_zh=element.name_zh,
                           problem=" does not use the fixed wording of GB/T 1.1-2020 8.3",
                           problem_zh="未使用GB/T 1.1—2020 8.3规定的表述")
            elif element.required and element.letter == "g":
                missing_g.append(element)
            elif element.required:
                ctx.report("ST020", docname, section, element=element.name, element_zh=element.name_zh,
                           problem=" is missing", problem_zh="缺失")
            continue
        positions.append((index, element))
        if element.letter == "c":
            _check_changes(ctx, docname, blocks[index], element)
        elif element.letter == "d":
            _check_adoption(ctx, docname, blocks[index], texts[index], element)
        elif element.letter == "b":
            m = re.search(r"第(\d+)部分|Part (\d+)", texts[index])
            part = ctx.meta.designation.part[-1]
            if m and (m.group(1) or m.group(2)) != part:
                ctx.report("ST020", docname, blocks[index], element=element.name, element_zh=element.name_zh,
                           problem=f" names part {m.group(1) or m.group(2)}, but the designation is part {part}",
                           problem_zh=f"写的是第{m.group(1) or m.group(2)}部分，而文件编号为第{part}部分")
    if len(missing_g) == 2:  # item g) left out as a whole: one finding, not one per statement
        ctx.report("ST020", docname, section,
                   element="item g), the statement of the drafting organisations and principal drafters",
                   element_zh="g)项“本文件起草单位：……”“本文件主要起草人：……”", problem=" is missing",
                   problem_zh="缺失")
    elif missing_g:
        ctx.report("ST020", docname, section, element=missing_g[0].name, element_zh=missing_g[0].name_zh,
                   problem=" is missing", problem_zh="缺失")
    latest, latest_letter = -1, ""
    for index, element in positions:
        if index < latest and element.letter != latest_letter:
            ctx.report("ST020", docname, blocks[index], element=element.name, element_zh=element.name_zh,
                       problem=f" is out of order: item {element.letter}) comes after item {latest_letter})",
                       problem_zh=f"顺序不正确：{element.letter})项应位于{latest_letter})项之后")
        elif index >= latest:
            latest, latest_letter = index, element.letter


def _check_changes(ctx, docname: str, lead_in: nodes.paragraph, element: _Element) -> None:
    """The replaced documents are named, and each listed change says where it is (（见x.y）)."""
    text = lead_in.astext()
    for replaced in ctx.meta.replaces:
        if not _mentions(text, replaced):
            ctx.report("ST020", docname, lead_in, element=element.name, element_zh=element.name_zh,
                       problem=f" does not name {replaced.format('gb')}, which the metadata says it replaces",
                       problem_zh=f"未提及元数据中所代替的{replaced.format('gb')}")
    items = _items_after(lead_in)
    if not items:
        ctx.report("ST020", docname, lead_in, element=element.name, element_zh=element.name_zh,
                   problem=" has no list of changes after it", problem_zh="之后没有列出技术变化")
    for item in items:
        if not _CHANGE_ITEM[ctx.lang].search(_compact(item.astext(), ctx.lang).rstrip()):
            ctx.report("ST020", docname, _with_line(item), element="a technical change",
                       element_zh="技术变化",
                       problem=" does not end with where it is ('(see 4.2)', '(see 4.2 of the 2009 edition)')",
                       problem_zh="未以所在位置结尾（“（见4.2）”“（见2009年版的4.2）”）")


def _check_adoption(ctx, docname: str, block: nodes.paragraph, text: str, element: _Element) -> None:
    document = (ctx.meta.adoption or {}).get("document", "")
    try:
        adopted = parse_designation(document)
    except DesignationError:
        return
    if not _mentions(text, adopted):
        ctx.report("ST020", docname, block, element=element.name, element_zh=element.name_zh,
                   problem=f" does not name {document}, the adopted document of the metadata",
                   problem_zh=f"未提及元数据中所采用的{document}")


_ISO_PREPARED = re.compile(r"This document was prepared by\b")
_ISO_REPLACES = re.compile(r"cancels and replaces\b")
_ISO_REVISED = re.compile(r"which ha(?:s|ve) been (?:technically|editorially) revised|"
                          r"constitutes? a (?:minor|technical) revision")
_ISO_CHANGES = re.compile(r"The main changes(?: compared (?:to|with) the previous edition)? are as follows:")
_ISO_PARTS = re.compile(r"A list of all parts in the .+ series can be found on the")


@rule(code="ST021", title="The ISO foreword names the committee, the replaced edition and its changes, and the series",
      source="ISO/IEC Directives Part 2, 12 and the ISO foreword template", severity="warning", scope="standard",
      profiles=("iso",), languages=("en",),
      message="foreword: {problem}", message_zh="前言：{problem_zh}",
      examples=(Example("en", "Replaces ISO 1:2010.", "This second edition cancels and replaces the first edition "
                                                      "(ISO 1:2010), which has been technically revised."),),
      conservative="Sentences are recognised by their template wording; the committee sentence is required, "
                   "the revision sentences only when the metadata has 'replaces', the series sentence only for a "
                   "part. Amendments need no revision sentences.")
def st021(ctx) -> None:
    """What it checks: the foreword of an ISO document (English) says "This document was
    prepared by Technical Committee ISO/TC …"; with ``replaces`` in the metadata, "This …
    edition cancels and replaces the … edition (ISO …), which has been technically revised."
    and "The main changes are as follows:" with a list; for a part, "A list of all parts in
    the ISO … series can be found on the ISO website."

    Why: the foreword follows the ISO template (ISO/IEC Directives Part 2, 12): readers find
    the responsible committee, the relation to the previous edition and the other parts of
    the series in the same sentences in every document.
    """
    found = _foreword(ctx)
    if found is None:
        return  # ST001
    docname, section = found
    blocks = _blocks(section)
    texts = [" ".join(p.astext().split()) for p in blocks]

    def find(pattern: re.Pattern) -> int | None:
        return next((i for i, text in enumerate(texts) if pattern.search(text)), None)

    def missing(problem: str, problem_zh: str) -> None:
        ctx.report("ST021", docname, section, problem=problem, problem_zh=problem_zh)

    if find(_ISO_PREPARED) is None:
        missing("the committee sentence 'This document was prepared by Technical Committee ISO/TC …' is missing",
                "缺少“This document was prepared by Technical Committee ISO/TC …”")
    replaces = find(_ISO_REPLACES)
    if ctx.meta.replaces and ctx.meta.doctype not in _CHANGE_DOCTYPES:
        if replaces is None:
            missing("the metadata says this edition replaces "
                    + ", ".join(d.format() for d in ctx.meta.replaces)
                    + ", but the foreword has no '… cancels and replaces the … edition (…), which has been "
                      "technically revised.'",
                    "元数据中有所代替的文件，但前言中没有“… cancels and replaces …”")
        else:
            for replaced in ctx.meta.replaces:
                if not _mentions(texts[replaces], replaced):
                    ctx.report("ST021", docname, blocks[replaces],
                               problem=f"the replacement sentence does not name {replaced.format()}",
                               problem_zh=f"代替说明未提及{replaced.format()}")
            if not _ISO_REVISED.search(texts[replaces]):
                ctx.report("ST021", docname, blocks[replaces],
                           problem="say how the replaced edition was revised ('which has been technically revised')",
                           problem_zh="应说明修订性质（“which has been technically revised”）")
            changes = find(_ISO_CHANGES)
            if changes is None:
                missing("'The main changes are as follows:' and the list of changes are missing",
                        "缺少“The main changes are as follows:”及变化列表")
            elif not _items_after(blocks[changes]):
                ctx.report("ST021", docname, blocks[changes], problem="the list of main changes is empty",
                           problem_zh="主要变化列表为空")
    elif replaces is not None and not ctx.meta.replaces:
        ctx.report("ST021", docname, blocks[replaces],
                   problem="the foreword says this edition replaces another, but the metadata has no 'replaces'",
                   problem_zh="前言说明了代替关系，但元数据中没有replaces")
    if ctx.meta.designation.part and find(_ISO_PARTS) is None:
        missing("the series sentence 'A list of all parts in the ISO … series can be found on the ISO website.' "
                "is missing", "缺少系列文件的说明（“A list of all parts in the … series …”）")


# -- ST022: cover metadata ---------------------------------------------------------------------------
def _kind_of(designation: Designation) -> str:
    """``national``, ``sector``, ``local`` or ``group`` for a Chinese designation."""
    prefix = designation.prefix
    if prefix.startswith("GB"):
        return "national"
    if prefix.startswith("DB"):
        return "local"
    if prefix.startswith("T/"):
        return "group"
    return "sector"


@rule(code="ST022", title="The GB cover metadata is complete and well formed",
      source="GB/T 1.1-2020 8.1, 10.3.1", severity="error", scope="standard", profiles=("gb",),
      message="cover metadata '{field}': {problem}", message_zh="封面元数据“{field}”：{problem_zh}",
      examples=(Example("en", "title: {zh: …} (no English title)", "title: {zh: …, en: …}"),
                Example("zh", "ics: 1.120 / ccs: A00 缺失", "ics: 01.120 / ccs: A 00")),
      conservative="Formats the metadata schema already enforces (ICS, CCS, dates, implementation after issue, "
                   "the completion date of a draft) stop the build before linting and are not repeated here. "
                   "Issue and implementation dates and the filing number are required only of published "
                   "documents; the English title of national and sector standards only.")
def st022(ctx) -> None:
    """What it checks: the front matter of a GB document has what its cover shows (field names
    of the metadata schema): ``ics``, ``ccs``, ``title`` in Chinese and (national and sector
    standards) in English, ``issuer``; for a published document ``issued`` and ``implemented``,
    a real ``designation`` (no XXXX placeholder) whose year is the year of ``issued``, and for a
    sector or local standard ``record_no`` (备案号); ``replaces`` and ``adoption.document`` are
    dated designations (代替 GB/T 1.1—2009; (ISO 9001:2015, IDT)).

    Why: GB/T 1.1-2020 8.1 lists the cover's elements; a cover built from incomplete
    metadata shows gaps or placeholders in a published standard.
    """
    meta = ctx.meta
    docname = f"{ctx.slug}/index"
    lines = meta.lines

    def report(field: str, problem: str, problem_zh: str, path: tuple = ()) -> None:
        at = lines.get(path or (field,)) or lines.get((field,)) or lines.get((), 1)
        ctx.report("ST022", docname, line=at, snippet=f"{field}: {problem}", field=field, problem=problem,
                   problem_zh=problem_zh)

    kind = _kind_of(meta.designation)
    published = not meta.is_draft
    if not meta.ics:
        report("ics", "missing: the cover gives the ICS number (e.g. 35.240.01)", "缺失：封面应给出ICS号（如35.240.01）")
    if not meta.ccs:
        report("ccs", "missing: the cover gives the CCS code (e.g. L 70)", "缺失：封面应给出CCS号（如L 70）")
    if "zh" not in meta.title:
        report("title", "no Chinese title (title.zh)", "没有中文名称（title.zh）")
    if "en" not in meta.title and kind in ("national", "sector"):
        report("title", "no English title (title.en): national and sector standards carry one",
               "没有英文名称（title.en）：国家标准和行业标准应有英文译名")
    if not meta.texts("issuer"):
        report("issuer", "missing: the cover names the issuing bodies", "缺失：封面应给出发布机构")
    if published:
        if meta.designation.is_placeholder or not meta.designation.dated:
            report("designation", f"'{meta.display_designation()}' is not a final designation: a published "
                                  "document has its number and year", "不是正式编号：已发布的文件应有顺序号和年代号")
        elif meta.issued and str(meta.issued.year) != meta.designation.year:
            report("designation", f"the year {meta.designation.year} is not the year of issue {meta.issued.year}",
                   f"年代号{meta.designation.year}与发布年份{meta.issued.year}不一致")
        for name, en, zh in (("issued", "issue", "发布日期"), ("implemented", "implementation", "实施日期")):
            if getattr(meta, name) is None:
                report(name, f"missing: a published document has its {en} date", f"缺失：已发布的文件应有{zh}")
        if kind in ("sector", "local") and not meta.record_no:
            report("record_no", "missing: a published sector or local standard has its filing number (备案号)",
                   "缺失：已发布的行业标准、地方标准应有备案号")
    raw_replaces = meta.raw.get("replaces")
    for index, replaced in enumerate(meta.replaces):
        path = ("replaces", index) if isinstance(raw_replaces, list) else ("replaces",)
        if not replaced.dated:
            report("replaces", f"'{replaced.format('gb')}' has no year: name the replaced edition "
                               "(代替 GB/T 1.1—2009)", f"“{replaced.format('gb')}”没有年代号：应写明所代替的版本", path)
    if meta.adoption:
        try:
            adopted = parse_designation(meta.adoption.get("document", ""))
        except DesignationError:
            adopted = None
        if adopted is not None and not adopted.dated:
            report("adoption", f"'{adopted.format()}' has no year: the consistency marker names the edition "
                               "adopted, (ISO 9001:2015, IDT)",
                   f"“{adopted.format()}”没有年代号：一致性程度标识应写明所采用的版本，如（ISO 9001:2015，IDT）",
                   ("adoption", "document"))
