"""TD — terms and definitions (ISO/IEC Directives Part 2, 16; GB/T 1.1-2020 8.7).

Term entries are ``{term}`` directives (:class:`~tooling.directives.nodes.term_entry`):
the preferred term is the argument, admitted and deprecated terms, equivalents in
the other language, the symbol and the source are options, and the content is the
definition followed by examples and notes to entry. The terms clause is the
section with the class ``terms``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from sphinx import addnodes

from ..directives import nodes as stdnodes
from .classifier import classify
from .context import DocContext, TextUnit
from ..directives.nodes import ancestors
from .numbering import plain_text, sections_with_role
from .registry import Example, rule

# -- helpers ---------------------------------------------------------------------------------------

_BODY_SKIP = (stdnodes.term_head, stdnodes.term_line, stdnodes.term_source, nodes.target, nodes.comment,
              nodes.system_message)


def _content(entry: stdnodes.term_entry) -> list[nodes.Node]:
    """The entry's own content: definition, examples and notes (not the generated head, lines and source)."""
    return [c for c in entry.children if isinstance(c, nodes.Element) and not isinstance(c, _BODY_SKIP)]


def _kind(node: nodes.Node) -> str:
    if isinstance(node, nodes.note):
        return "note"
    if isinstance(node, stdnodes.example):
        return "example"
    return "definition"


def definition_units(ctx: DocContext) -> Iterator[tuple[stdnodes.term_entry, list[TextUnit]]]:
    """Each term entry with the text units of its definition (paragraphs not inside notes or examples)."""
    by_entry: dict[int, list[TextUnit]] = {}
    for unit in ctx.units():
        if unit.roles[:1] == ("term",):
            entry = next(a for a in ancestors(unit.node) if isinstance(a, stdnodes.term_entry))
            by_entry.setdefault(id(entry), []).append(unit)
    for entry in ctx.document.findall(stdnodes.term_entry):
        yield entry, by_entry.get(id(entry), [])


def _head(entry: stdnodes.term_entry) -> nodes.Node:
    return next(iter(entry.findall(stdnodes.term_head)), entry)


def _in_terms_clause(node: nodes.Node) -> bool:
    return any(isinstance(a, nodes.section) and stdnodes.section_role(a) == "terms" for a in ancestors(node))


# -- TD001 -----------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
_LEADIN = {
    "en": [
        (re.compile(r"^For the purposes of this document, the following terms and definitions apply\.$"), "following"),
        (re.compile(r"^For the purposes of this document, the terms and definitions given in .+ and the following "
                    r"apply\.$"), "following"),
        (re.compile(r"^For the purposes of this document, the terms and definitions given in .+ apply\.$"), "given"),
        (re.compile(r"^No terms and definitions are listed in this document\.$"), "none"),
    ],
    "zh": [
        (re.compile(r"^下列术语和定义适用于本文件。$"), "following"),
        (re.compile(r"^.+界定的以及下列术语和定义适用于本文件。$"), "following"),
        (re.compile(r"^.+界定的术语和定义适用于本文件。$"), "given"),
        (re.compile(r"^本文件没有需要界定的术语和定义。$"), "none"),
    ],
}
_OBP = re.compile(r"^ISO and IEC maintain terminolog(?:y|ical) databases for use in standardization at the "
                  r"following addresses:?$|^ISO\s*和\s*IEC.{0,30}术语数据库")
_GOOD_LEADIN = {"en": "For the purposes of this document, the following terms and definitions apply.",
                "zh": "下列术语和定义适用于本文件。"}


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().replace(" ，", "，").replace(" 和", "和").replace(" 界定", "界定")


@rule(code="TD001", title="The terms clause opens with the standard lead-in",
      source="ISO/IEC Directives Part 2, 16.5; GB/T 1.1-2020 8.7.2", severity="error",
      message="terms clause: {problem}",
      message_zh="术语和定义：{problem_zh}",
      examples=(Example("en", "Definitions used:",
                        "For the purposes of this document, the following terms and definitions apply."),
                Example("zh", "本文件采用下列定义：", "下列术语和定义适用于本文件。")),
      conservative="Only the text before the first entry is the lead-in; the ISO/IEC terminology-database "
                   "paragraph and its list are accepted anywhere in the clause (ISO profile).")
def td001(ctx: DocContext) -> None:
    """What it checks: the first paragraph of the terms clause is one of the lead-ins of the
    Directives / GB/T 1.1-2020; a clause with entries does not say there are none, a clause
    without entries does not announce "the following"; the terminology-database paragraph
    (OBP, Electropedia) appears in ISO documents only.

    Why: the lead-in is fixed text (GB/T 1.1-2020 8.7.2; Directives Part 2, 16.5): "下列术语和
    定义适用于本文件。", "X界定的以及下列术语和定义适用于本文件。", "本文件没有需要界定的术语和定义。";
    "For the purposes of this document, the following terms and definitions apply." …
    """
    lang = "zh" if ctx.lang == "zh" else "en"
    for section in sections_with_role(ctx.document, "terms"):
        if any(isinstance(a, nodes.section) and stdnodes.section_role(a) == "terms" for a in ancestors(section)):
            continue
        has_entries = any(True for _ in section.findall(stdnodes.term_entry))
        leadin: list[nodes.paragraph] = []
        for child in section.children[1:]:
            if isinstance(child, (stdnodes.term_entry, nodes.section)):
                break
            if isinstance(child, nodes.paragraph):
                leadin.append(child)
        title = section[0]
        if not leadin:
            ctx.report("TD001", title, problem=f"the lead-in is missing: start with '{_GOOD_LEADIN[lang]}'",
                       problem_zh=f"缺少导语，应以“{_GOOD_LEADIN['zh']}”开头")
            continue
        first = leadin[0]
        text = _norm(first.astext())
        kind = next((k for pattern, k in _LEADIN[lang] if pattern.match(text)), None)
        if kind is None and _OBP.match(text):
            kind = "obp"
        if kind is None or kind == "obp":
            ctx.report("TD001", first, problem=f"'{text[:60]}' is not a lead-in of the rules: "
                                               f"use '{_GOOD_LEADIN[lang]}' or a variant",
                       problem_zh=f"“{text[:40]}”不是规定的导语，应使用“{_GOOD_LEADIN['zh']}”等规定形式")
        elif kind == "none" and has_entries:
            ctx.report("TD001", first, problem="the lead-in says there are no terms, but the clause has entries",
                       problem_zh="导语说明没有需要界定的术语，但本章有术语条目")
        elif kind == "given" and has_entries:
            ctx.report("TD001", first, problem="the clause has its own entries: the lead-in reads '… given in X "
                                               "and the following apply.'",
                       problem_zh="本章有术语条目，导语应为“……界定的以及下列术语和定义适用于本文件。”")
        elif kind == "following" and not has_entries:
            ctx.report("TD001", first, problem="the lead-in announces the following terms, but the clause has no "
                                               "entries",
                       problem_zh="导语引出下列术语，但本章没有术语条目")
        for para in leadin[1:]:
            other = _norm(para.astext())
            if _OBP.match(other):
                continue
            ctx.report("TD001", para, problem=f"'{other[:60]}' between the lead-in and the entries is not part of "
                                              "the lead-in",
                       problem_zh=f"导语与术语条目之间的“{other[:40]}”不属于导语")
        if ctx.profile == "gb":
            for para in section.findall(nodes.paragraph):
                if _OBP.match(_norm(para.astext())):
                    ctx.report("TD001", para, problem="the ISO/IEC terminology databases paragraph belongs to ISO "
                                                      "documents only",
                               problem_zh="ISO/IEC术语数据库的说明仅用于ISO文件")


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# -- TD002 -----------------------------------------------------------------------------------------

@rule(code="TD002", title="Term entry structure: definition, examples, notes; GB entries give the English equivalent",
      source="ISO/IEC Directives Part 2, 16.5; GB/T 1.1-2020 8.7.3", severity="error",
      message="term entry '{term}': {problem}",
      message_zh="术语条目“{term}”：{problem_zh}",
      examples=(Example("en", "a note to entry placed before the definition", "the definition first, then the note"),
                Example("zh", "3.1 门禁（无英文对应词）", ":::{term} 门禁\n:en: access control")),
      conservative="The order of number, terms, symbol and source is generated by the build; only the order "
                   "of the content (definition, examples, notes) and the English equivalent are checked. A "
                   "preferred term written in Latin script (CVE, SBOM) needs no English equivalent.")
def td002(ctx: DocContext) -> None:
    """What it checks: each term entry's content starts with the definition, followed by
    examples and then notes to entry; in the GB profile, a Chinese entry gives the English
    equivalent of its preferred term (``:en:``).

    Why: an entry is number, preferred term, admitted and deprecated terms, symbol,
    definition, examples, notes to entry and source, in this order (Directives Part 2,
    16.5; GB/T 1.1-2020 8.7.3, where the English equivalent is mandatory).
    """
    for entry in ctx.document.findall(stdnodes.term_entry):
        term = entry.get("preferred", "")
        head = _head(entry)
        kinds = [(_kind(c), c) for c in _content(entry)]
        order = {"definition": 0, "example": 1, "note": 2}
        if not kinds or kinds[0][0] != "definition":
            ctx.report("TD002", kinds[0][1] if kinds else head, term=term,
                       problem="the definition is missing or does not come first",
                       problem_zh="缺少定义，或定义不在最前")
        else:
            highest = 0
            for kind, child in kinds:
                if order[kind] < highest:
                    problem = ("examples come before notes to entry" if kind == "example"
                               else "text after the examples or notes: the definition comes first (or make it a "
                                    "note to entry)")
                    problem_zh = ("示例应在注之前" if kind == "example"
                                  else "示例或注之后又有正文：定义应在最前（或改为注）")
                    ctx.report("TD002", child, term=term, problem=problem, problem_zh=problem_zh)
                    break
                highest = max(highest, order[kind])
        if ctx.profile == "gb" and ctx.lang == "zh" and not entry.get("equivalents", {}).get("en") \
                and _CJK.search(term):
            ctx.report("TD002", head, term, term=term,
                       problem="the English equivalent of the preferred term is missing (:en:)",
                       problem_zh="缺少优选术语的英文对应词（:en:）")


# -- TD003 -----------------------------------------------------------------------------------------

_ARTICLE = re.compile(r"^\s*(?P<w>a|an|the)\s", re.I)
_ABBREVIATION_END = re.compile(r"\b(?:etc|e\.g|i\.e|al|cf|vs)\.$", re.I)
_ZH_SENTENCE_START = re.compile(r"^\s*(?P<w>是指|系指|指的是|是一种|是一个|是一类|这是|它是|其是|此为|是(?!否))")


@rule(code="TD003", title="A definition is a phrase that can replace the term: no article, no final full stop (en)",
      source="ISO/IEC Directives Part 2, 16.5.6; GB/T 1.1-2020 8.7.3", severity="error",
      severity_by={"zh": "warning"},
      message="definition of '{term}': {problem}",
      message_zh="“{term}”的定义：{problem_zh}",
      examples=(Example("en", "a device that opens a valve.", "device that opens a valve"),
                Example("zh", "是一种开阀装置", "开启阀门的装置。")),
      conservative="English definitions ending with an abbreviation (etc., e.g.) are not reported. Chinese "
                   "definitions end with '。' in GB practice, so only a sentence opening (是, 是指, 这是 …) is "
                   "reported, as a warning.")
def td003(ctx: DocContext) -> None:
    """What it checks: English definitions that start with an article (a, an, the) or end with a
    full stop; Chinese definitions written as a sentence about the term (是……, 是指……, 这是……).

    Why: a definition has the form of a phrase that can replace the term in context: it
    starts without an article and has no final full stop (Directives Part 2, 16.5.6).
    GB/T 1.1-2020 definitions end with "。", but are equally substitutable phrases, not
    sentences about the term.
    """
    for entry, units in definition_units(ctx):
        if not units:
            continue
        term = entry.get("preferred", "")
        first = units[0]
        text = first.text
        if ctx.lang == "zh":
            m = _ZH_SENTENCE_START.match(text)
            if m:
                ctx.report("TD003", first.node, m.group("w"), term=term,
                           problem=f"starts with '{m.group('w')}': write a phrase that can replace the term",
                           problem_zh=f"以“{m.group('w')}”开头：定义应为能替换术语的短语")
            continue
        m = _ARTICLE.match(text)
        if m:
            ctx.report("TD003", first.node, m.group("w"), term=term,
                       problem=f"starts with the article '{m.group('w')}'",
                       problem_zh=f"以冠词“{m.group('w')}”开头")
        stripped = text.rstrip()
        if stripped.endswith(".") and not _ABBREVIATION_END.search(stripped):
            ctx.report("TD003", first.node, ".", stripped.count(".") - 1, term=term,
                       problem="ends with a full stop", problem_zh="以句点结尾")


# -- TD004 -----------------------------------------------------------------------------------------

@rule(code="TD004", title="No requirements or recommendations in definitions",
      source="ISO/IEC Directives Part 2, 16.5.6; GB/T 1.1-2020 8.7.3", severity="error",
      message="definition of '{term}' contains a {kind} ('{form}'): state requirements in the body",
      message_zh="“{term}”的定义中含有{kind_zh}（“{form}”）：要求应在正文中规定",
      examples=(Example("en", "valve that shall close automatically", "valve that closes automatically"),
                Example("zh", "应能自动关闭的阀门", "能自动关闭的阀门。")),
      conservative="Permissions and possibilities (may, can, 可, 能) are descriptive and not reported; nor are "
                   "forms outside the tables (might, 需要), which VF004 covers in normative text.")
def td004(ctx: DocContext) -> None:
    """What it checks: verbal forms of requirements (shall, must, 应, 不得 …) and recommendations
    (should, 宜 …) in definitions (not in notes or examples to entry).

    Why: a definition describes a concept; it contains no requirements (Directives Part 2,
    16.5.6; GB/T 1.1-2020 8.7.3).
    """
    kinds_zh = {"requirement": "要求", "recommendation": "推荐"}
    for entry, units in definition_units(ctx):
        term = entry.get("preferred", "")
        for unit in units:
            for start, sentence in unit.sentences:
                for form in classify(sentence, ctx.lang):
                    if form.kind not in kinds_zh or form.forbidden in ("VF003", "VF004"):
                        continue
                    offset = start + form.start
                    ctx.report("TD004", unit.node, form.text, unit.text[:offset].count(form.text), term=term,
                               kind=form.kind, kind_zh=kinds_zh[form.kind], form=form.text)


# -- TD005 -----------------------------------------------------------------------------------------

_EN_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bcf)(?<!\bvs)(?<!\bNo)[.!?][\"”’)]?\s+(?=[A-Z])")
_ZH_SENTENCE_END = re.compile(r"[。！？](?=\s*\S)")


def term_pattern(term: str, lang: str) -> re.Pattern:
    """A pattern finding ``term`` in running text (English: word bounds, plural, spaces or hyphens)."""
    if lang == "zh" or re.search(r"[\u4e00-\u9fff]", term):
        return re.compile(re.escape(term))
    words = [re.escape(w) for w in re.split(r"[\s-]+", term.strip()) if w]
    if not words:
        return re.compile(r"(?!x)x")
    last = words[-1]
    plural = rf"{last[:-1]}(?:y|ies)" if last.endswith("y") and len(last) > 2 else rf"{last}(?:s|es|'s)?"
    body = r"[\s-]+".join([*words[:-1], plural])
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


#: Characters that may follow a Chinese term used as such (not as part of a longer name such as 开源软件促进会).
_ZH_AFTER_TERM = set("的和与或及等在中是为时之应宜可能不将被由对从以按所也都即，。；：、）)」』”！？ \u3000")


def _part_of_name(m: re.Match, text: str, term: str) -> bool:
    """The match is part of a proper name or a longer word, not a use of the term itself.

    English: a lower-case term matched in Title Case ("Open Source Software Initiative").
    Chinese: the term followed by more of a compound (开源软件定义, 开源软件促进会).
    """
    found = m.group(0)
    if re.search(r"[\u4e00-\u9fff]", term):
        after = text[m.end():m.end() + 1]
        return bool(after) and after not in _ZH_AFTER_TERM
    words = [w for w in re.split(r"[\s-]+", found) if w]
    if not all(w[:1].isupper() for w in words):
        return False
    # Title Case: a proper name when the term is lower case, or when the name goes on ("… Software Initiative")
    return term[:1].islower() or bool(re.match(r"\s+[A-Z]", text[m.end():]))


@rule(code="TD005", title="No circular definitions; one phrase only",
      source="ISO/IEC Directives Part 2, 16.5.6 (substitution rule)", severity="warning",
      message="definition of '{term}': {problem}",
      message_zh="“{term}”的定义：{problem_zh}",
      examples=(Example("en", "cable: cable for carrying current", "cable: insulated conductor for carrying current"),
                Example("zh", "电缆：用于输电的电缆", "电缆：用于输电的绝缘导体。")),
      conservative="Circularity is checked for the preferred term itself only: whole words in English, not "
                   "in Title Case names ('Open Source Software Initiative', 'Open Source Software Definition'); in Chinese not as part of a longer "
                   "compound or name (开源软件促进会). Sentences are counted after 。！？ (Chinese) or after . ! ? "
                   "followed by a capital letter (English).")
def td005(ctx: DocContext) -> None:
    """What it checks: a definition that contains the term it defines, or refers to its own
    entry; a definition of more than one sentence or paragraph.

    Why: a definition must be able to replace the term in context (Directives Part 2,
    16.5.6), which a definition using the term cannot; additional information belongs in
    notes to entry.
    """
    for entry, units in definition_units(ctx):
        if not units:
            continue
        term = entry.get("preferred", "")
        label = next((n for n in entry.get("names", ())), "")
        own = label.split(":")[-1] if label else None
        pattern = term_pattern(term, ctx.lang) if len(term) >= 2 else None
        for unit in units:
            m = next((m for m in pattern.finditer(unit.text) if not _part_of_name(m, unit.text, term)), None) \
                if pattern else None
            self_ref = next((x for x in unit.node.findall(addnodes.pending_xref)
                             if own and x.get("reftarget", "").lstrip("#").split(":")[-1] == own), None)
            if m or self_ref is not None:
                ctx.report("TD005", unit.node, m.group(0) if m else "", term=term,
                           problem="it uses the term itself (circular): define it with other words",
                           problem_zh="定义中使用了被定义的术语本身（循环定义），应换用其他词语")
                break
        sentences = 0
        first_extra = None
        for unit in units:
            text = unit.text.strip()
            splitter = _ZH_SENTENCE_END if ctx.lang == "zh" else _EN_SENTENCE_END
            ends = list(splitter.finditer(text))
            count = len(ends) + 1
            if first_extra is None and (sentences + count) > 1:
                first_extra = unit
            sentences += count
        if sentences > 1 and first_extra is not None:
            ctx.report("TD005", first_extra.node, term=term,
                       problem="more than one sentence: keep one phrase and move the rest to a note to entry",
                       problem_zh="定义多于一句：只保留一个短语，其余内容改为注")


# -- TD006 -----------------------------------------------------------------------------------------

_TYPED_SOURCE = re.compile(r"^\s*[\[［【]?\s*(?:SOURCE|Source|来源)\s*[:：]|[(（]\s*(?:from|source:|引自|摘自|来源[:：]?)\s*"
                           r"(?:ISO|IEC|GB|[A-Z]{2,})")


@rule(code="TD006", title="The source of a term entry is given as [SOURCE: …] / [来源：…] with a resolvable document",
      source="ISO/IEC Directives Part 2, 16.5.10; GB/T 1.1-2020 8.7.3", severity="warning",
      message="term entry '{term}': {problem}",
      message_zh="术语条目“{term}”：{problem_zh}",
      examples=(Example("en", "(from ISO 9000)", ":source: ISO 9000:2015, 3.1.1"),
                Example("zh", "（引自GB/T 1）", ":source: GB/T 11615—2010, 3.1")),
      conservative="The source is checked for form (a designation this tool can parse, dated when a location is "
                   "given), not for whether the cited entry exists.")
def td006(ctx: DocContext) -> None:
    """What it checks: a term entry's ``:source:`` starts with a designation (``GB/T 11615—2010,
    3.1``), dated when it cites a location in the document; ``:modified:`` without a source;
    sources typed into the entry's text ("(from ISO 9000)", "[来源：…]").

    Why: the source of a definition taken from another document is given as
    [SOURCE: ISO 9000:2015, 3.1.1, modified — …] / [来源：GB/T 11615—2010，3.1，有修改]
    (Directives Part 2, 16.5.10; GB/T 1.1-2020 8.7.3). The build writes this form from the
    ``:source:`` and ``:modified:`` options.
    """
    from ..model.designation import DesignationError, parse_designation

    for entry in ctx.document.findall(stdnodes.term_entry):
        term = entry.get("preferred", "")
        source = entry.get("source", "")
        if source:
            parts = re.split(r"[,，]", source, maxsplit=1)
            designation = parts[0].strip()
            location = parts[1].strip() if len(parts) > 1 else ""
            try:
                parsed = parse_designation(designation)
            except DesignationError:
                ctx.report("TD006", entry, designation, term=term,
                           problem=f"the source '{source}' does not start with a document designation",
                           problem_zh=f"来源“{source}”未以文件编号开头")
            else:
                if location and parsed.year is None:
                    ctx.report("TD006", entry, designation, term=term,
                               problem=f"the source cites a location in an undated document ('{designation}'): "
                                       "give the year",
                               problem_zh=f"来源引用了不注日期文件（“{designation}”）的具体条目，应注日期")
        elif entry.get("modified") is not None:
            ctx.report("TD006", entry, ":modified:", term=term, problem="':modified:' without ':source:'",
                       problem_zh="有“:modified:”而无“:source:”")
        for para in entry.findall(nodes.paragraph):
            if isinstance(para, _BODY_SKIP):
                continue
            m = _TYPED_SOURCE.search(plain_text(para))
            if m:
                ctx.report("TD006", para, m.group(0).strip(), term=term,
                           problem="the source is typed into the text: give it with the ':source:' option",
                           problem_zh="来源写在了正文中，应使用“:source:”选项给出")


# -- TD007 -----------------------------------------------------------------------------------------

_TERM_HEADER = {"term": re.compile(r"\bterms?\b|术语|名词", re.I),
                "definition": re.compile(r"\bdefinitions?\b|定义|释义", re.I)}


@rule(code="TD007", title="No footnotes in term entries; entries are not built as a table",
      source="ISO/IEC Directives Part 2, 16.5, 26.5; GB/T 1.1-2020 8.7.3", severity="error",
      message="{problem}",
      message_zh="{problem_zh}",
      examples=(Example("en", "a footnote on a term", "Note 1 to entry"),
                Example("zh", "术语加脚注", "改为注")))
def td007(ctx: DocContext) -> None:
    """What it checks: footnote references inside term entries; tables in the terms clause
    whose header names terms and definitions (entries laid out as a table).

    Why: a term entry may carry examples and notes to entry but no footnotes; entries are
    numbered subclauses, not rows of a table (Directives Part 2, 16.5, 26.5; GB/T 1.1-2020
    8.7.3).
    """
    for entry in ctx.document.findall(stdnodes.term_entry):
        for ref in entry.findall(nodes.footnote_reference):
            ctx.report("TD007", ref.parent, "[^", term=entry.get("preferred", ""),
                       problem=f"footnote in the term entry '{entry.get('preferred', '')}': use a note to entry",
                       problem_zh=f"术语条目“{entry.get('preferred', '')}”中有脚注：应改为注")
    for section in sections_with_role(ctx.document, "terms"):
        for table in section.findall(nodes.table):
            if any(isinstance(a, stdnodes.term_entry) for a in ancestors(table)):
                continue
            head = next(iter(table.findall(nodes.thead)), None)
            text = head.astext() if head is not None else ""
            if _TERM_HEADER["term"].search(text) and _TERM_HEADER["definition"].search(text):
                ctx.report("TD007", table, problem="term entries laid out as a table: write each as a term entry",
                           problem_zh="术语条目被编排成表格：应逐条编写为术语条目")


# -- TD008 -----------------------------------------------------------------------------------------

_OUTSIDE_SKIP_ROLES = ("terms", "bibliography", "normative-references")


def _outside_text(doctree: nodes.document) -> str:
    """All text of a document outside the terms clause, the bibliography and the normative references."""
    parts: list[str] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, nodes.section) and stdnodes.section_role(node) in _OUTSIDE_SKIP_ROLES:
            return
        if isinstance(node, nodes.Text):
            parts.append(str(node))
            return
        if isinstance(node, nodes.Element):
            for child in node.children:
                walk(child)
            parts.append(" ")

    walk(doctree)
    return "".join(parts)


@rule(code="TD008", title="Every defined term is used in the document", scope="standard",
      source="ISO House Style; ISO/IEC Directives Part 2, 16.2", severity="warning",
      message="term '{term}' is defined but never used outside the terms clause: use it or delete the entry",
      message_zh="术语“{term}”已定义，但在术语和定义一章之外未使用：应使用该术语或删除该条目",
      examples=(Example("en", "define 'rack' but never use it", "delete the entry"),
                Example("zh", "定义“机架”但未使用", "删除该条目")),
      conservative="Any use counts: the preferred, admitted or deprecated term or the symbol anywhere outside "
                   "the terms clause, the normative references and the bibliography (English: whole words, "
                   "plurals), or a cross-reference to the entry.")
def td008(ctx) -> None:
    """What it checks: term entries whose preferred term, admitted terms, symbol and
    cross-references appear nowhere outside the terms clause (nor in the normative references
    and the bibliography).

    Why: only terms used in the document are defined (Directives Part 2, 16.2: "only terms
    that are used in the document"; ISO House Style). Uses inside other definitions do not
    count.
    """
    outside = []
    refs: set[str] = set()
    entries: list[tuple[str, stdnodes.term_entry]] = []
    for docname, doctree in ctx.documents():
        outside.append(_outside_text(doctree))
        for xref in doctree.findall(addnodes.pending_xref):
            if _in_terms_clause(xref):
                continue
            refs.add(xref.get("reftarget", "").lstrip("#").split(":")[-1])
        for ref in doctree.findall(nodes.reference):
            if not _in_terms_clause(ref):
                refs.add((ref.get("refid") or ref.get("refuri", "").partition("#")[2]).split(":")[-1])
        for entry in doctree.findall(stdnodes.term_entry):
            if _in_terms_clause(entry):
                entries.append((docname, entry))
    text = "\n".join(outside)
    for docname, entry in entries:
        names = {n.split(":")[-1] for n in entry.get("names", ())} | set(entry.get("ids", ()))
        if names & refs:
            continue
        words = [entry.get("preferred", ""), *entry.get("admitted", ()), *entry.get("deprecated", ()),
                 entry.get("symbol", "")]
        if any(w and term_pattern(w, ctx.lang).search(text) for w in words if len(w.strip()) >= 1):
            continue
        term = entry.get("preferred", "")
        ctx.report("TD008", docname, _head(entry), term, term=term)


# -- TD009 -----------------------------------------------------------------------------------------

@rule(code="TD009", title="Every term has both its Chinese and its English form (GB)",
      source="GB/T 1.1-2020 8.7.3 (metanorma-gb bilingual terms)", severity="error", profiles=("gb",),
      message="{which} term '{term}' has no {other} equivalent",
      message_zh="{which_zh}“{term}”缺少{other_zh}对应词",
      examples=(Example("en", ":admitted: rack (no :admitted-zh:)", ":admitted: rack\n:admitted-zh: 机柜"),
                Example("zh", ":admitted: 机柜（无 :admitted-en:）", ":admitted: 机柜\n:admitted-en: rack")),
      conservative="The preferred term of a Chinese entry is checked by TD002 (English equivalent), so it is "
                   "not reported twice here. A term already written in the other language's script (an "
                   "abbreviation such as SBOM in a Chinese entry) needs no equivalent.")
def td009(ctx: DocContext) -> None:
    """What it checks: in the GB profile, every admitted and deprecated term has an equivalent in
    the other language (``:admitted-en:``, ``:deprecated-en:``; ``…-zh:`` in English text), and
    the preferred term of an English entry has its Chinese form (``:zh:``).

    Why: GB term entries are bilingual (GB/T 1.1-2020 8.7.3): each term is given in Chinese
    with its English equivalent.
    """
    other = "en" if ctx.lang == "zh" else "zh"
    names = {"en": ("English", "英文"), "zh": ("Chinese", "中文")}
    labels = {"preferred": ("preferred", "优选术语"), "admitted": ("admitted", "许用术语"),
              "deprecated": ("deprecated", "拒用术语")}
    def written_in(term: str, lang: str) -> bool:
        """A term already written in ``lang``'s script (SBOM in a Chinese entry is already English)."""
        return bool(_CJK.search(term)) == (lang == "zh")

    for entry in ctx.document.findall(stdnodes.term_entry):
        if ctx.lang != "zh" and not entry.get("equivalents", {}).get(other) \
                and not written_in(entry.get("preferred", ""), other):
            ctx.report("TD009", _head(entry), entry.get("preferred", ""), term=entry.get("preferred", ""),
                       which=labels["preferred"][0], which_zh=labels["preferred"][1], other=names[other][0],
                       other_zh=names[other][1])
        for kind in ("admitted", "deprecated"):
            equivalents = entry.get(f"{kind}_equivalents", {}).get(other, [])
            for index, term in enumerate(entry.get(kind, ())):
                if index < len(equivalents) and equivalents[index].strip() or written_in(term, other):
                    continue
                line = next((n for n in entry.findall(stdnodes.term_line) if term in n.astext()), entry)
                ctx.report("TD009", line, term, term=term, which=labels[kind][0], which_zh=labels[kind][1],
                           other=names[other][0], other_zh=names[other][1])
