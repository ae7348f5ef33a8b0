"""NM — numbering (ISO/IEC Directives Part 2, 22–29; GB/T 1.1-2020 7, 9).

The build numbers clauses, annexes, term entries, tables, figures, formulas,
notes, examples and footnotes, so its own numbering is right by construction.
These rules look at what editors *type*: numbers and labels written into
titles, captions, notes and footnotes, hand-typed references to numbers that do
not exist, typed list markers and references to unnumbered list items.
Titled blocks (``{block}``) keep the numbering of their source by design and
are not checked.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

from ..directives import nodes as stdnodes
from ..directives.nodes import ancestors
from .context import DocContext, container_roles
from .registry import Example, rule
from .units import unit_after

__all__ = ["CITATION_MARK", "in_block", "of_other_document", "plain_text", "sections_with_role", "typed_number"]

_KINDS_ZH = {"clause": "条", "term": "术语条目", "table": "表", "figure": "图", "formula": "公式", "annex": "附录"}


# -- helpers shared by the NM, TD and TF modules --------------------------------------------------


def in_block(node: nodes.Node) -> bool:
    """Inside a titled block (``{block}``), which keeps its source's numbering and labels."""
    return any(isinstance(a, stdnodes.titled_block) for a in ancestors(node))


def _skip_text(node: nodes.Node, xrefs: bool) -> bool:
    if isinstance(node, (nodes.literal, nodes.literal_block, nodes.math, nodes.math_block, nodes.raw,
                         stdnodes.std_cite, nodes.comment, nodes.footnote_reference, nodes.target,
                         nodes.system_message)):
        return True
    return xrefs and isinstance(node, (addnodes.pending_xref, nodes.reference))


def plain_text(node: nodes.Node, xrefs: bool = False, mark_citations: bool = False) -> str:
    """The text of ``node`` with literals, formulas and citations blanked (same length);
    with ``xrefs``, cross-references and links are blanked too; with ``mark_citations``, a
    citation is written as U+E000 characters instead of spaces (same length), so that what
    follows a citation can be told apart."""
    parts: list[str] = []

    def walk(n: nodes.Node) -> None:
        if isinstance(n, nodes.Text):
            parts.append(str(n))
        elif mark_citations and isinstance(n, stdnodes.std_cite):
            parts.append(CITATION_MARK * len(n.astext()))
        elif _skip_text(n, xrefs):
            parts.append(" " * len(n.astext()))
        elif isinstance(n, nodes.Element):
            for child in n.children:
                walk(child)

    walk(node)
    return "".join(parts)


def sections_with_role(document: nodes.Node, role: str) -> list[nodes.section]:
    return [s for s in document.findall(nodes.section) if stdnodes.section_role(s) == role]


def _section_depth(section: nodes.Element) -> int:
    return 1 + sum(1 for a in ancestors(section) if isinstance(a, (nodes.section, stdnodes.term_entry)))


#: What :func:`plain_text` writes for each character of a citation with ``mark_citations``.
CITATION_MARK = "\uE000"
#: A citation right before a typed "第5章" / "Clause 5" / "表2" (``{cite}`ISO 1234`, Clause 5``,
#: ``{cite}`GB/T 5`的表2``): a part of the cited document.
_CITATION_BEFORE = re.compile(r"\uE000[ \t\u00a0\u3000]*(?:[,，][ \t\u00a0\u3000]*|的)?$")
#: "Clause 5 of {cite}`ISO 1234`": a part of the cited document.
_CITATION_AFTER = re.compile(r"^\s*(?:of|in|from)\s+(?:the\s+)?\uE000")
#: A designation (or a bibliography reference) just before a typed "Table 2": a table of another document.
_OTHER_DOC_BEFORE = re.compile(r"(?:\b(?:ISO|IEC|GB|EN|IEEE|ITU|ASTM|NIST|DIN|JIS|BS|ANSI|RFC|SP)\b|[A-Z]{2,}/[TZ]"
                               r"|\[\d+\]|第\s*\d+\s*部分|\bPart\s+\d+)[^。；;]{0,40}$")
_OTHER_DOC_AFTER = re.compile(r"^\s*(?:of|in|from)\s+(?:the\s+)?(?:ISO|IEC|GB|EN|IEEE|ITU|ASTM|NIST|RFC|\[|[A-Z]{2,}/"
                              r"|Part\s+\d)")


def of_other_document(text: str, start: int, end: int) -> bool:
    """Whether the typed reference ``text[start:end]`` names a part of another document: it follows a
    citation (``text`` from :func:`plain_text` with ``mark_citations``) or a typed designation, or is
    followed by "of ISO …" / "of {cite}`…`"."""
    before, after = text[max(0, start - 60):start], text[end:end + 30]
    return bool(_CITATION_BEFORE.search(before) or _OTHER_DOC_BEFORE.search(before)
                or _CITATION_AFTER.match(after) or _OTHER_DOC_AFTER.match(after))


# -- NM001 -----------------------------------------------------------------------------------------

_TYPED_NUMBER = re.compile(
    r"^\s*(?P<num>(?:[A-Z]|\d{1,3})(?:\.\d{1,3})+|\d{1,3})"
    r"(?P<sep>\.?[ \t\u3000\u2002\u2003\u00a0]+|、|\s*[—–]\s*|\.(?=[^\d\s]))(?=\S)")
_TYPED_LABEL = re.compile(
    r"^\s*(?P<num>第\s*[\d一二三四五六七八九十]+\s*[章节]|Clause\s+\d+\b|(?:Annex|Appendix)\s+[A-Z]\b"
    r"(?:\s*[(（](?:normative|informative)[)）])?|附录\s*[A-Z](?![A-Za-z])(?:\s*[(（](?:规范性|资料性)[)）])?)")


def typed_number(text: str, depth: int, computed: str) -> str | None:
    """The hand-typed number or label at the start of a title, or ``None``.

    A bare number counts only when it cannot be the start of a real title: it
    equals the computed number, has as many parts as the clause has levels
    (``4.2`` at level 2), or is followed by a full-width space, ``、`` or ``.``.
    """
    m = _TYPED_LABEL.match(text)
    if m:
        return m.group("num").strip()
    m = _TYPED_NUMBER.match(text)
    if not m:
        return None
    num, sep = m.group("num"), m.group("sep")
    parts = num.split(".")
    confident_sep = sep.strip(" \t\u00a0") in ("\u3000", ".", "、") or sep.startswith(".")
    if num == computed or confident_sep:
        return num
    if len(parts) > 1 and (len(parts) == depth or parts[0].isalpha()):
        return num
    return None


_TYPED_CLAUSE_REF = {
    "en": re.compile(r"\b(?P<label>(?P<word>Clause|Annex)\s+(?P<num>\d{1,2}|[A-Z])\b)(?!\.\d)"),
    "zh": re.compile(r"(?P<label>(?:第\s*(?P<num>\d{1,2})\s*章)|(?P<word>附录)\s*(?P<num2>[A-Z])(?![A-Za-z]))"),
}
#: A subclause number typed after a word that refers to it: "see 5.3", "as specified in A.2", 见5.3, 按照5.3.1.
_TYPED_SUBCLAUSE_REF = {
    "en": re.compile(r"\b(?:see(?:\s+also)?|in accordance with|according to|(?:specified|given|described|defined|"
                     r"set out|listed|shown|stated|required) in|compl(?:y|ies|ying) with|conform(?:s|ing)? to)\s+"
                     r"(?P<num>(?-i:[1-9]\d?|[A-Z])(?:\.\d{1,3}){1,5})(?![\d.,]?\d)", re.I),
    "zh": re.compile(r"(?:(?<=见)|(?<=按)|(?<=按照)|(?<=依照)|(?<=参照)|(?<=依据)|(?<=根据)|(?<=符合)|(?<=满足)"
                     r"|(?<=遵守)|(?<=遵循))\s*"
                     r"(?P<num>(?:[1-9]\d?|[A-Z])(?:\.\d{1,3}){1,5})(?![\d.]?\d)"),
}
#: After a typed number: a version, a grade or a multiple, not a subclause (符合2.1版, see 1.5 times).
_NOT_SUBCLAUSE_AFTER = re.compile(r"\s*(?:版|级|倍|代|型|times\b|version\b|release\b|[%‰°℃])", re.I)
_ENTRY_NUMBER = re.compile(r"[(（]\s*(?P<num>\d{1,2}(?:\.\d{1,3})+)\s*[)）]")


def _title_problem(typed: str, kind: str, number: str) -> tuple[str, str]:
    number = number or "(none)"
    article = "an" if kind[0] in "aeiou" else "a"
    return (f"'{typed}' is a hand-typed number in {article} {kind} title; the build numbers this {kind} {number}: "
            "remove the typed number",
            f"{_KINDS_ZH[kind]}标题中手写了编号“{typed}”；编号由构建生成（本{_KINDS_ZH[kind]}编号为{number}），应删除手写编号")


@rule(code="NM001", title="Clause and entry numbers are computed, never typed",
      source="ISO/IEC Directives Part 2, 22.3; GB/T 1.1-2020 7.2–7.3", severity="error", scope="standard",
      message="{problem}", message_zh="{problem_zh}",
      examples=(Example("en", "## 4.2 Ratings", "## Ratings"),
                Example("zh", "## 4.2 额定值", "## 额定值")),
      conservative="A title starting with a number is reported only when the number equals the computed one, "
                   "has as many parts as the clause has levels (4.2 at level 2), is an annex number (A.1), or is "
                   "followed by a full-width space, '、' or '.'; titles such as '802.11 security' or "
                   "'5G networks' are not reported. Typed references are reported only when they cannot be "
                   "right: 'Clause 7' or 附录D that does not exist, a subclause number that does not exist after "
                   "'see', 'in accordance with', 'specified in' … or 见, 按, 按照, 依据, 符合 … ('see 5.3', 见5.3; not "
                   "with a unit, 版 or 倍 after it: 'see 5.3 mm'), or a defined term followed by a parenthesized "
                   "number other than its entry's ('open source software (2.7)'). References next to another "
                   "document's designation, right after a citation ({cite}`GB/T 8170—2008`第4章, {cite}`ISO 1234`, "
                   "Clause 5) or followed by 'of {cite}`…`' are not checked: they name a part of that document, "
                   "which belongs inside the citation ({cite}`GB/T 8170—2008, 第4章`). "
                   "Titled blocks keep their source numbering.")
def nm001(ctx) -> None:
    """What it checks: clause, annex and term-entry titles (and the first line of untitled
    clauses) that start with a hand-typed number (``4.2 Ratings``, ``第5章``, ``Annex A``,
    ``附录A（规范性）``); hand-typed references to clauses, subclauses and annexes that do not exist
    ("Clause 7", 第7章, "Annex D", "see 5.3", 见5.3); a defined term followed by a typed entry number
    that is not its number ("open source software (2.7)" where the entry is 3.7).

    Why: clauses are numbered consecutively, with no gaps or duplicates, each child the
    parent's number plus ".n", and term entries take the numbers of subclauses (Directives
    Part 2, 22.3; GB/T 1.1-2020 7.2, 7.3). The build computes these numbers, so its numbering
    is consistent by construction; typed numbers duplicate the computed ones and go stale
    when clauses and entries move.
    """
    numbers = ctx.domain.numbers
    lang = "zh" if ctx.lang == "zh" else "en"
    clauses = {n.number for n in ctx.numbered() if n.kind == "clause" and n.parent is None and n.number}
    subclauses = {n.number for n in ctx.numbered() if n.kind in ("clause", "term") and n.number}
    terms: dict[str, str] = {}
    for docname, doctree in ctx.documents():
        for entry in doctree.findall(stdnodes.term_entry):
            numbered = numbers.get(entry.get("std_key", ""))
            if numbered is not None and numbered.number:
                for term in (entry.get("preferred", ""), *entry.get("admitted", ())):
                    term = term.strip().lower()
                    if term:
                        forms = {term, term + "s", term + "es"} | ({term[:-1] + "ies"} if term.endswith("y") else set())
                        terms.update(dict.fromkeys(forms, numbered.number))
    term_end = None
    if terms:
        alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        term_end = re.compile(rf"(?<![\w-])(?P<term>{alternatives})\s*$", re.I)
    for docname, doctree in ctx.documents():
        # titles
        for section in doctree.findall(nodes.section):
            if in_block(section):
                continue
            numbered = numbers.get(section.get("std_key", ""))
            computed = numbered.number if numbered else ""
            title = section[0] if section.children and isinstance(section[0], nodes.title) else None
            target = title
            if "untitled" in section.get("classes", ()):
                target = next((c for c in section.children if isinstance(c, nodes.paragraph)), None)
            if target is None:
                continue
            typed = typed_number(target.astext(), _section_depth(section), computed)
            if typed:
                kind = "annex" if stdnodes.section_role(section) == "annex" else "clause"
                problem, problem_zh = _title_problem(typed, kind, computed)
                ctx.report("NM001", docname, target, typed, problem=problem, problem_zh=problem_zh)
        for entry in doctree.findall(stdnodes.term_entry):
            numbered = numbers.get(entry.get("std_key", ""))
            m = re.match(r"^\s*(\d{1,3}(?:\.\d{1,3})+)(?=[\s\u3000])", entry.get("preferred", ""))
            if m:
                head = next(iter(entry.findall(stdnodes.term_head)), entry)
                problem, problem_zh = _title_problem(m.group(1), "term", numbered.number if numbered else "")
                ctx.report("NM001", docname, head, m.group(1), problem=problem, problem_zh=problem_zh)
        # typed references in running text
        for para in doctree.findall(nodes.paragraph):
            if in_block(para) or isinstance(para, (stdnodes.term_head, stdnodes.term_line, stdnodes.term_source)):
                continue
            roles = container_roles(para)
            if "bibliography" in roles or "normative-references" in roles:
                continue
            text = plain_text(para, xrefs=True, mark_citations=True)
            for m in _TYPED_SUBCLAUSE_REF[lang].finditer(text):
                number = m.group("num")
                if number in subclauses or of_other_document(text, m.start(), m.end()) or \
                        unit_after(text, m.end()) or _NOT_SUBCLAUSE_AFTER.match(text, m.end()):
                    continue
                ctx.report("NM001", docname, para, number,
                           problem=f"'{number}' is typed by hand and this standard has no such subclause: refer "
                                   "to it by its ID ([](#id)) so the build writes its number",
                           problem_zh=f"手写了“{number}”，而本文件没有该条：应以稳定标识引用（[](#id)），由构建生成编号")
            for m in _TYPED_CLAUSE_REF[lang].finditer(text):
                if of_other_document(text, m.start(), m.end()):
                    continue
                if lang == "zh" and m.group("num2"):
                    number, kind = m.group("num2"), "annex"
                elif lang == "en" and m.group("word") == "Annex":
                    number, kind = m.group("num"), "annex"
                else:
                    number, kind = m.group("num"), "clause"
                exists = number in clauses if kind == "clause" else any(
                    n.kind == "clause" and n.role == "annex" and n.number == number for n in ctx.numbered())
                if not exists:
                    label = m.group("label")
                    ctx.report("NM001", docname, para, label,
                               problem=f"'{label}' is typed by hand and this standard has no such {kind}: refer to "
                                       "it by its ID ([](#id)) so the build writes its number",
                               problem_zh=f"手写了“{label}”，而本文件没有该{_KINDS_ZH[kind]}：应以稳定标识引用"
                                          "（[](#id)），由构建生成编号")
            if term_end is None:
                continue
            for m in _ENTRY_NUMBER.finditer(text):
                before = text[max(0, m.start() - 120):m.start()]
                t = term_end.search(before)
                if not t:
                    continue
                expected = terms[t.group("term").lower()]
                if m.group("num") != expected:
                    typed = before[t.start():] + m.group(0)
                    ctx.report("NM001", docname, para, m.group(0),
                               problem=f"'{typed}': the term's entry is numbered {expected}; refer to it with "
                                       "[](#id) so the build writes its number",
                               problem_zh=f"“{typed}”：该术语条目的编号为{expected}，应以[](#id)引用，由构建生成编号")


# -- NM002 -----------------------------------------------------------------------------------------

_CAPTION = {
    "en": re.compile(r"^\s*(?P<label>(?P<word>Table|Figure|Fig\.)\s*(?P<num>(?:[A-Z]\.)?\d+(?:\.\d+)*))"
                     r"(?=$|[\s:.—–-])", re.I),
    "zh": re.compile(r"^\s*(?P<label>(?P<word>表|图)\s*(?P<num>(?:[A-Z]\.?)?\d+(?:\.\d+)*))(?![\d.])"),
}
_REF = {
    "en": re.compile(r"\b(?P<label>(?P<word>Table|Figure|Formula|Equation)\s+(?P<num>\(?(?:[A-Z]\.)?\d+(?:\.\d+)*\)?))"
                     r"(?![\w.]*\d)"),
    "zh": re.compile(r"(?P<label>(?P<word>表|图|公式)\s*(?P<num>[（(]?(?:[A-Z]\.?)?\d+(?:\.\d+)*[)）]?))(?![\d.])"),
}
_WORD_KIND = {"table": "table", "figure": "figure", "fig.": "figure", "formula": "formula", "equation": "formula",
              "表": "table", "图": "figure", "公式": "formula"}
_ZH_BEFORE_OK = set("见按在和与及或中由据照如于从的至到、，。；：（( \u3000“")


def _norm_number(text: str) -> str:
    return text.strip("()（）").replace(" ", "")


def _kind_numbers(ctx) -> dict[str, set[str]]:
    numbers: dict[str, set[str]] = {"table": set(), "figure": set(), "formula": set()}
    for item in ctx.numbered():
        if item.kind in numbers:
            numbers[item.kind].add(item.number)
    return numbers


def _label(lang: str, kind: str, number: str) -> str:
    from ..model.labels import label

    return label(lang, kind, number)


@rule(code="NM002", title="Tables, figures and formulas are numbered in document order; typed labels agree",
      source="ISO/IEC Directives Part 2, 27.3, 28.3, 29.3; GB/T 1.1-2020 9.7.2, 9.8.2, 9.9", severity="error",
      scope="standard",
      message="'{typed}' is typed by hand: {problem}",
      message_zh="手写了“{typed}”：{problem_zh}",
      examples=(Example("en", "Table 3 follows Table 1 (caption typed 'Table 3 — Limits')",
                        "Caption 'Limits'; the build numbers it Table 2"),
                Example("zh", "表2后接表4（题名手写为“表4 限值”）", "题名“限值”，由构建编号为表3")),
      conservative="Typed references are reported only when no such number exists in the standard (or an "
                   "explicit link text names another number than its target); references next to another "
                   "document's designation or right after a citation ('Table 2 of ISO 1234', 'GB/T 5的表2', "
                   "{cite}`GB/T 5—2020`的表2) are not checked.")
def nm002(ctx) -> None:
    """What it checks: captions of tables and figures that start with a typed label (``Table 3 —
    Limits``, ``表3 限值``); hand-typed references ("see Table 5", 见表5) to a table, figure or
    formula number that does not exist in the standard; explicit link texts
    (``[见表1](#limits)``) whose number differs from the number of their target.

    Why: tables, figures and formulas are numbered consecutively in document order,
    independently of clause numbers, with the annex letter in annexes (Table A.1)
    (Directives Part 2, 27–29; GB/T 1.1-2020 9.7–9.9). The build numbers marked-up
    elements consistently; typed labels and numbers drift when elements move.
    """
    lang = ctx.lang
    numbers = ctx.domain.numbers
    existing = _kind_numbers(ctx)
    caption_re = _CAPTION["zh" if lang == "zh" else "en"]
    ref_re = _REF["zh" if lang == "zh" else "en"]
    slug = ctx.slug
    for docname, doctree in ctx.documents():
        # captions
        for node in doctree.findall(lambda n: isinstance(n, (nodes.table, nodes.figure))):
            kind = "table" if isinstance(node, nodes.table) else "figure"
            caption = next((c for c in node.children if isinstance(c, (nodes.title, nodes.caption))), None)
            if caption is None:
                continue
            m = caption_re.match(caption.astext())
            if not m or _WORD_KIND[m.group("word").lower()] != kind:
                continue
            numbered = numbers.get(node.get("std_key", ""))
            number = numbered.number if numbered else "?"
            computed = _label(lang, kind, number)
            typed = m.group("label")
            if _norm_number(m.group("num")) != number:
                problem = f"the build numbers this {kind} {computed}; remove the typed label"
                problem_zh = f"构建将其编号为{_label('zh', kind, number)}，应删除手写的编号"
            else:
                problem = f"the build adds the label {computed} itself; remove the typed label"
                problem_zh = f"构建会自动加上{_label('zh', kind, number)}，应删除手写的编号"
            ctx.report("NM002", docname, caption, typed, typed=typed, problem=problem, problem_zh=problem_zh)
        # explicit link texts
        for xref in doctree.findall(addnodes.pending_xref):
            if not xref.get("refexplicit"):
                continue
            target = xref.get("reftarget", "").lstrip("#")
            numbered = numbers.get(target if ":" in target else f"{slug}:{target}")
            if numbered is None or numbered.kind not in existing:
                continue
            for m in ref_re.finditer(xref.astext()):
                kind = _WORD_KIND[m.group("word").lower()]
                if kind == numbered.kind and _norm_number(m.group("num")) != numbered.number:
                    ctx.report("NM002", docname, xref, m.group("label"), typed=m.group("label"),
                               problem=f"the link points to {_label(lang, kind, numbered.number)}; "
                                       "let the build write the reference ([](#id))",
                               problem_zh=f"链接目标为{_label('zh', kind, numbered.number)}，"
                                          "应由构建生成引用文字（[](#id)）")
        # typed references in running text
        for para in doctree.findall(nodes.paragraph):
            if in_block(para) or isinstance(para, (stdnodes.term_head, stdnodes.term_line, stdnodes.term_source)):
                continue
            roles = container_roles(para)
            if "bibliography" in roles or "normative-references" in roles:
                continue
            text = plain_text(para, xrefs=True, mark_citations=True)
            for m in ref_re.finditer(text):
                if lang == "zh":
                    before = text[m.start() - 1] if m.start() else " "
                    if "\u4e00" <= before <= "\u9fff" and before not in _ZH_BEFORE_OK:
                        continue
                if of_other_document(text, m.start(), m.end()):
                    continue
                kind = _WORD_KIND[m.group("word").lower()]
                number = _norm_number(m.group("num"))
                if number in existing[kind]:
                    continue
                if not text[:m.start()].replace(CITATION_MARK, " ").strip() and kind != "formula":
                    problem = (f"a caption typed as a paragraph, but this standard has no "
                               f"{_label(lang, kind, number)}: mark the {kind} up so the build numbers it")
                    problem_zh = (f"段落形式的手写题名，而本文件没有{_label('zh', kind, number)}：应使用"
                                  f"{'表' if kind == 'table' else '图'}的标记，由构建编号")
                else:
                    problem = (f"this standard has no {_label(lang, kind, number)}; refer to the element by its ID "
                               "([](#id)) so the build writes its number")
                    problem_zh = (f"本文件没有{_label('zh', kind, number)}，应以稳定标识引用（[](#id)），"
                                  "由构建生成编号")
                ctx.report("NM002", docname, para, m.group("label"), typed=m.group("label"), problem=problem,
                           problem_zh=problem_zh)


# -- NM003 / NM004 --------------------------------------------------------------------------------

_NOTE_LABEL = {
    "en": re.compile(r"^\s*(?P<label>NOTE(?:\s+(?P<n1>\d+))?(?:\s+to\s+entry)?(?=[\s:：—–-]|$)"
                     r"|Note\s+(?P<n2>\d+)(?:\s+to\s+entry)?(?=[\s:：])|Note\s*(?=[:：]))\s*[:：—–-]?"),
    "zh": re.compile(r"^\s*(?P<label>注\s*(?P<n1>\d*)(?P<n2>)\s*)[：:]"),
}
_EXAMPLE_LABEL = {
    "en": re.compile(r"^\s*(?P<label>EXAMPLE(?:\s+(?P<n1>\d+))?(?=[\s:：—–-]|$)|Example\s+(?P<n2>\d+)(?=[\s:：])"
                     r"|Example\s*(?=[:：]))\s*[:：—–-]?"),
    "zh": re.compile(r"^\s*(?P<label>示例\s*(?P<n1>\d*)(?P<n2>)\s*)[：:]"),
}


def _label_parent(node: nodes.Node) -> nodes.Node | None:
    for parent in ancestors(node):
        if isinstance(parent, (nodes.section, stdnodes.term_entry, nodes.table, nodes.figure, nodes.document)):
            return parent
    return None


def _typed_labels(ctx: DocContext, code: str, container: type, patterns: dict, what: str, what_zh: str) -> None:
    pattern = patterns["zh" if ctx.lang == "zh" else "en"]
    # 1. a typed label inside a marked-up note or example: the build adds its own
    for node in ctx.document.findall(container):
        if in_block(node):
            continue
        first = next((c for c in node.children if isinstance(c, nodes.paragraph)), None)
        if first is None:
            continue
        m = pattern.match(plain_text(first))
        if m:
            label = m.group(0).strip()
            ctx.report(code, first, m.group("label").strip(), typed=label, what=what, what_zh=what_zh,
                       problem=f"the build labels and numbers {what}s; remove the typed label",
                       problem_zh=f"{what_zh}的标签和编号由构建生成，应删除手写的标签")
    # 2. typed labels on plain paragraphs (NE008 asks for the directive): their numbering per parent
    groups: dict[int, list[tuple[nodes.paragraph, str, str]]] = {}
    for para in ctx.document.findall(nodes.paragraph):
        if in_block(para) or any(isinstance(a, (nodes.note, stdnodes.example)) for a in ancestors(para)):
            continue
        m = pattern.match(plain_text(para))
        if not m:
            continue
        parent = _label_parent(para)
        number = (m.group("n1") or m.group("n2") or "").strip()
        groups.setdefault(id(parent), []).append((para, m.group("label").strip(), number))
    for members in groups.values():
        count = len(members)
        for index, (para, label, number) in enumerate(members, 1):
            if count == 1 and number:
                problem = f"a lone {what} is not numbered"
                problem_zh = f"只有一个{what_zh}时不编号"
            elif count > 1 and number != str(index):
                problem = f"{count} {what}s in one subdivision are numbered 1 to {count}; this is {what} {index}"
                problem_zh = f"同一层次中有{count}个{what_zh}，应编号1至{count}，此处应为第{index}个"
            else:
                continue
            ctx.report(code, para, label, typed=label, what=what, what_zh=what_zh, problem=problem,
                       problem_zh=problem_zh)


@rule(code="NM003", title="Notes are numbered per parent by the build; labels are not typed",
      source="ISO/IEC Directives Part 2, 24.3; GB/T 1.1-2020 9.11", severity="error",
      message="'{typed}' typed by hand: {problem}",
      message_zh="手写了“{typed}”：{problem_zh}",
      examples=(Example("en", ":::{note}\nNOTE 1 Dry samples weigh less.\n:::",
                        ":::{note}\nDry samples weigh less.\n:::"),
                Example("zh", ":::{note}\n注1：干燥的试样较轻。\n:::", ":::{note}\n干燥的试样较轻。\n:::")),
      conservative="'Note that …' and 注意 are not labels. Typed labels on plain paragraphs are checked for "
                   "their numbering only (NE008 reports that they are not marked up).")
def nm003(ctx: DocContext) -> None:
    """What it checks: a note whose text starts with a typed label (注1：, NOTE 1, Note 1 to
    entry:); plain paragraphs typed as notes whose numbering is wrong (a lone "NOTE 1", two
    unnumbered "注：", numbers out of sequence).

    Why: a single note in a subdivision, table or figure is unnumbered; several are numbered
    1, 2 … restarting in each (Directives Part 2, 24.3; GB/T 1.1-2020 9.11). The build labels
    marked-up notes this way; a typed label is shown twice and numbered wrongly when notes
    are added or removed.
    """
    _typed_labels(ctx, "NM003", nodes.note, _NOTE_LABEL, "note", "注")


@rule(code="NM004", title="Examples are numbered per parent by the build; labels are not typed",
      source="ISO/IEC Directives Part 2, 25.3; GB/T 1.1-2020 9.10", severity="error",
      message="'{typed}' typed by hand: {problem}",
      message_zh="手写了“{typed}”：{problem_zh}",
      examples=(Example("en", ":::{example}\nEXAMPLE A label showing the date.\n:::",
                        ":::{example}\nA label showing the date.\n:::"),
                Example("zh", ":::{example}\n示例1：标签上印有日期。\n:::", ":::{example}\n标签上印有日期。\n:::")),
      conservative="Typed labels on plain paragraphs are checked for their numbering only (NE008 reports that "
                   "they are not marked up).")
def nm004(ctx: DocContext) -> None:
    """What it checks: an example whose text starts with a typed label (示例1：, EXAMPLE 2);
    plain paragraphs typed as examples whose numbering is wrong (two unnumbered "EXAMPLE"s,
    a lone "示例1：").

    Why: examples are numbered like notes: a lone one is unnumbered, several are numbered
    1, 2 … per subdivision (Directives Part 2, 25.3; GB/T 1.1-2020 9.10). The build labels
    marked-up examples this way.
    """
    _typed_labels(ctx, "NM004", stdnodes.example, _EXAMPLE_LABEL, "example", "示例")


# -- NM005 -----------------------------------------------------------------------------------------

#: A footnote mark typed as superscript digits with the superscript parenthesis (¹⁾); plain superscripts
#: (m², 10⁶) are exponents.
_SUPERSCRIPT_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾")
_TYPED_TABLE_FOOTNOTE = re.compile(r"^\s*(?P<mark>\d{1,2}\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾?)\s*\S")


@rule(code="NM005", title="Footnotes: text 1), 2) … through the document; tables and figures a, b, c per object",
      source="ISO/IEC Directives Part 2, 26.3, 28.5.5, 29.5.2; GB/T 1.1-2020 9.12", severity="error",
      message="{problem}",
      message_zh="{problem_zh}",
      examples=(Example("en", "table footnote typed as '1) Tolerance ±1 mm'", "table footnote 'a Tolerance ±1 mm'"),
                Example("zh", "表脚注手写为“1) 公差为±1 mm”", "表脚注“a 公差为±1 mm”")),
      conservative="Only unambiguous typed markers are reported: superscript digits (¹⁾) in running text, and "
                   "numbered marks (1), ¹⁾) at the start of a table's or figure's notes. Lettered table "
                   "footnotes typed by hand follow the rule and are not reported.")
def nm005(ctx: DocContext) -> None:
    """What it checks: footnotes referenced from inside a figure, or from a table and elsewhere too
    (the build numbers them with the text footnotes, 1), 2) …; a footnote referenced only inside
    one table is lettered a, b, c by the build and not reported); table and figure notes
    typed as numbered footnotes ("1) …", "¹⁾ …"); footnote marks typed as superscript digits
    (¹⁾, ²) in running text instead of ``[^id]`` footnotes.

    Why: text footnotes are numbered 1), 2) … continuously through the document; footnotes
    of a table or figure are lettered a, b, c …, restarting in each table or figure
    (Directives Part 2, 26.3, 28.5.5, 29.5.2; GB/T 1.1-2020 9.12). Typed marks are not
    numbered by the build and break the sequence.
    """
    for ref in ctx.document.findall(nodes.footnote_reference):
        holder = next((a for a in ancestors(ref) if isinstance(a, (nodes.table, nodes.figure))), None)
        if holder is None or in_block(ref):
            continue
        what = "table" if isinstance(holder, nodes.table) else "figure"
        ctx.report("NM005", ref.parent, f"[^{(ref.get('refname') or ref.get('refid', '')).split(':')[-1]}]",
                   problem=f"a footnote in a {what} is numbered with the text footnotes (1), 2) …); footnotes of a "
                           f"{what} are lettered a, b, c per {what}: write them as a {what} footnote",
                   problem_zh=f"{'表' if what == 'table' else '图'}中的脚注被按正文脚注编号（1)、2)……）；"
                              f"{'表' if what == 'table' else '图'}脚注应以a、b、c编号，在每个"
                              f"{'表' if what == 'table' else '图'}中重新编号")
    for entry in ctx.document.findall(nodes.entry):
        if "table-notes" not in entry.get("classes", ()) or in_block(entry):
            continue
        for child in entry.children:
            mark = None
            if isinstance(child, nodes.paragraph):
                m = _TYPED_TABLE_FOOTNOTE.match(plain_text(child))
                mark = m.group("mark") if m else None
            elif isinstance(child, nodes.enumerated_list) and child.get("suffix") == ")" and child.children:
                first = child[0]
                mark = f"{child.get('start', 1)})"
                child = first
            if mark:
                ctx.report("NM005", child, mark,
                           problem=f"table footnote typed as '{mark}': table footnotes are lettered a, b, c",
                           problem_zh=f"表脚注手写为“{mark}”：表脚注应以a、b、c编号")
    for unit in ctx.units():
        if in_block(unit.node) or "table-notes" in unit.node.parent.get("classes", ()):
            continue
        for m in _SUPERSCRIPT_MARK.finditer(unit.text):
            inside = "table" in unit.roles or "figure" in unit.roles
            ctx.report("NM005", unit.node, m.group(0), unit.text[:m.start()].count(m.group(0)),
                       problem=(f"footnote mark '{m.group(0)}' typed by hand: "
                                + ("footnotes of a table or figure are lettered a, b, c" if inside
                                   else "write a footnote ([^id]); the build numbers text footnotes")),
                       problem_zh=(f"手写了脚注标记“{m.group(0)}”："
                                   + ("表、图脚注应以a、b、c编号" if inside else "应使用脚注标记（[^id]），由构建编号")))


# -- NM006 -----------------------------------------------------------------------------------------

_LIST_MARK = re.compile(r"^\s*(?P<mark>[a-z]\)|\d{1,2}\)|[（(](?:[a-z]|\d{1,2})[)）]|——|—|–|·|•|▪|[ivx]{1,4}\))"
                        r"(?=\s|[^\s\d)）])")
_PARA_LIST_MARK = re.compile(r"^\s*(?P<mark>[a-z]\)|——|—|·|•|▪)\s*(?=\S)")
_UNNUMBERED_REF = {
    "en": re.compile(r"\b(?P<ref>(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|"
                     r"\d+(?:st|nd|rd|th))\s+(?:dash|bullet(?:\s+point)?|bulleted\s+item|indent|list\s+item|"
                     r"item\s+(?:of|in)\s+the\s+list|item\s+of\s+the\s+dashed\s+list))\b", re.I),
    "zh": re.compile(r"(?P<ref>(?:第[一二三四五六七八九十\d]+个?|最后一个?)(?:破折号|圆点|列项|项目符号|短横线)(?:项)?"
                     r"|(?:第[一二三四五六七八九十\d]+个?)(?:——|—)项)"),
}


def _list_depth(lst: nodes.Element) -> int:
    return 1 + sum(1 for a in ancestors(lst) if isinstance(a, (nodes.bullet_list, nodes.enumerated_list)))


@rule(code="NM006", title="Lists: markup, not typed markers; nesting depth; numbered items when referred to",
      source="ISO/IEC Directives Part 2, 23.3–23.4; GB/T 1.1-2020 7.5", severity="warning",
      message="{problem}",
      message_zh="{problem_zh}",
      examples=(Example("en", "see the third bullet", "see 4.2 c)"),
                Example("zh", "见第三个破折号项", "见4.2 c)")),
      conservative="Typed list markers are reported at the start of list items and paragraphs only (not in "
                   "tables, footnotes or titled blocks, which keep their source's numbering). References to "
                   "unnumbered items are found by wording ('the third dash', 第三个破折号).")
def nm006(ctx: DocContext) -> None:
    """What it checks: list items and paragraphs that start with a typed marker (a), 1), —, ——,
    ·) instead of list markup; lists nested deeper than GB/T 1.1-2020 allows (two levels) or
    ISO (four levels); references to unnumbered list items ("the third dash", 第三个破折号).

    Why: a list is marked a), b) then 1), 2) (numbered) or with dashes (Directives Part 2,
    23.3; GB/T 1.1-2020 7.5); the build writes these markers, so typed ones are shown twice.
    When list items are referred to, they must be numbered so each can be identified
    ("see 4.2 c)", Directives Part 2, 23.4).
    """
    max_depth = 2 if ctx.profile == "gb" else 4
    for lst in ctx.document.findall(lambda n: isinstance(n, (nodes.bullet_list, nodes.enumerated_list))):
        if in_block(lst) or any(isinstance(a, (nodes.table, nodes.footnote)) for a in ancestors(lst)):
            continue
        roles = container_roles(lst)
        if "bibliography" in roles or "normative-references" in roles:
            continue
        depth = _list_depth(lst)
        if depth == max_depth + 1 and lst.children:
            first = lst[0]
            ctx.report("NM006", first, problem=f"list nested {depth} levels deep; the {ctx.profile.upper()} "
                                               f"profile allows {max_depth}: restructure the list",
                       problem_zh=f"列项嵌套了{depth}层，超过{max_depth}层：应调整结构")
        for item in lst.children:
            first = item.children[0] if item.children else None
            if not isinstance(first, nodes.paragraph):
                continue
            m = _LIST_MARK.match(plain_text(first))
            if m:
                ctx.report("NM006", first, m.group("mark"), problem=f"list item starts with the typed marker "
                           f"'{m.group('mark')}': the build writes list markers",
                           problem_zh=f"列项以手写的标记“{m.group('mark')}”开头：列项标记由构建生成")
    for unit in ctx.units():
        para = unit.node
        if in_block(para) or any(r in unit.roles for r in ("table", "footnote", "bibliography",
                                                           "normative-references", "where")):
            continue
        if not isinstance(para.parent, nodes.list_item):
            m = _PARA_LIST_MARK.match(unit.text)
            if m:
                ctx.report("NM006", para, m.group("mark"), problem=f"paragraph typed as a list item "
                           f"('{m.group('mark')}'): use list markup",
                           problem_zh=f"段落以“{m.group('mark')}”开头，是手写的列项：应使用列项标记")
        for m in _UNNUMBERED_REF["zh" if ctx.lang == "zh" else "en"].finditer(unit.text):
            ref = m.group("ref")
            ctx.report("NM006", para, ref, unit.text[:m.start()].count(ref),
                       problem=f"'{ref}' refers to an unnumbered list item: number the list and refer to "
                               "the item as '4.2 c)'",
                       problem_zh=f"“{ref}”引用了未编号的列项：应对列项编号并以“4.2 c)”的形式引用")
