"""RF — references (ISO/IEC Directives Part 2, 10, 15; GB/T 1.1-2020 8.6, 9.5).

The normative references clause is the section with the class
``normative-references``; its entries are the paragraphs after the lead-in, each
``{cite}`DESIGNATION` Title`` (or a designation typed as text). RF003 and RF004
(citations resolving to the list, dated references) belong to the cross-reference
checks and are not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docutils import nodes

from ..directives import nodes as stdnodes
from ..model.designation import Designation, DesignationError, parse_designation
from .context import DocContext
from .registry import Example, rule

__all__ = ["LEAD_IN", "NONE_SENTENCE", "Entry", "designation_spans", "entries", "report_span", "sections_with_role"]

#: The lead-in of the normative references clause (GB/T 1.1-2020 8.6.2; ISO/IEC Directives Part 2, 15.5.2).
LEAD_IN = {
    "zh": "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，仅该日期对应的"
          "版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。",
    "en": "The following documents are referred to in the text in such a way that some or all of their content "
          "constitutes requirements of this document. For dated references, only the edition cited applies. "
          "For undated references, the latest edition of the referenced document (including any amendments) "
          "applies.",
}
#: The sentence of a normative references clause without references.
NONE_SENTENCE = {"zh": "本文件没有规范性引用文件。", "en": "There are no normative references in this document."}

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\uff0d"
_ISO_STAGES = "PWI|NP|AWI|WD|CD|DIS|FDIS|PRF|TS|TR|PAS|IWA|Guide"
#: A designation typed as text (not through the cite role), GB or ISO family.
_GB_TEXT = re.compile(
    rf"(?<![A-Za-z0-9/])(?P<prefix>GB(?:/[TZ])?|[A-Z]{{2}}/[TZ]|DB\d{{2}}(?:/T)?|T/[A-Z0-9]+)[ \u00a0\u3000]?"
    rf"(?P<number>\d+(?:\.\d+)*)(?:(?P<sep>[ \u3000]*[{_DASHES}:：][ \u3000]*)(?P<year>\d{{4}})(?!\d))?")
_ISO_TEXT = re.compile(
    rf"(?<![A-Za-z0-9/])(?P<prefix>(?:ISO|IEC)(?:/(?:ISO|IEC|IEEE|ASTM))*)(?:[ \u00a0](?:{_ISO_STAGES}))*[ \u00a0]"
    rf"(?P<number>\d+)(?P<parts>(?:-\d+)*)"
    rf"(?:(?P<sep>[ \u3000]*[:：{_DASHES}][ \u3000]*)(?P<year>\d{{4}}|\d{{2,3}}[Xx]{{1,2}}|[Xx]{{4}}|[{_DASHES}]))?")
_ENTRY_START = re.compile(
    rf"^\s*(?P<d>(?:ISO|IEC|ITU|IEEE)(?:/(?:ISO|IEC|IEEE|ASTM))*(?:\s+(?:{_ISO_STAGES}))*\s+\d+(?:-\d+)*"
    rf"(?:\s*:\s*(?:\d{{4}}|[{_DASHES}]))?"
    rf"|(?:GB(?:/[TZ])?|[A-Z]{{2}}/[TZ]|DB\d{{2}}(?:/T)?|T/[A-Z0-9]+)\s*\d+(?:\.\d+)*(?:\s*[{_DASHES}]\s*\d{{4}})?)")
_HAND_NUMBER = re.compile(r"^\s*(?:\[\d+\]|\d+[.)、]|[a-z]\)|[-–—•·])\s*")
_ALL_PARTS = re.compile(r"^\s*(?:\(all parts\)|（所有部分）)", re.I)
_END_PUNCT = ".。;；,，:：、"


def sections_with_role(document: nodes.Node, role: str) -> Iterator[nodes.section]:
    """The sections of ``document`` with the role class ``role`` (``normative-references`` …)."""
    for section in document.findall(nodes.section):
        if stdnodes.section_role(section) == role:
            yield section


def body_of(section: nodes.section) -> list[nodes.Node]:
    """The section's own body: its children other than its title and its subsections."""
    return [child for child in section.children
            if not isinstance(child, (nodes.title, nodes.section, nodes.target, nodes.comment, nodes.system_message))]


def plain_text(node: nodes.Node) -> str:
    """The text of ``node`` as written, without footnote references."""
    parts: list[str] = []

    def walk(n: nodes.Node) -> None:
        if isinstance(n, nodes.Text):
            parts.append(str(n))
        elif isinstance(n, (nodes.footnote_reference, nodes.comment, nodes.target)):
            return
        elif isinstance(n, nodes.Element):
            for child in n.children:
                walk(child)

    walk(node)
    return "".join(parts)


def squash(text: str, lang: str) -> str:
    """Text compared with boilerplate: no whitespace in Chinese, single spaces in English, straight quotes."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", "", text) if lang == "zh" else " ".join(text.split())


def report_span(ctx: DocContext, code: str, node: nodes.Node, start: int, end: int,
                severity: str | None = None, **args: str) -> None:
    """Report the text ``node.astext()[start:end]`` (offsets of a :class:`TextUnit`'s text) at its exact place."""
    full = node.astext()
    needle = full[start:end].split("\n")[0].strip() or full[start:end].strip()
    if not needle:
        ctx.report(code, node, severity=severity, **args)
        return
    offset = full.find(needle, start)
    occurrence = full[:max(offset, 0)].count(needle) + _earlier_in_line(node, needle)
    ctx.report(code, node, needle, occurrence, severity=severity, **args)


def _line_of(node: nodes.Node) -> int | None:
    while node is not None:
        if getattr(node, "line", None):
            return node.line
        node = node.parent
    return None


def _earlier_in_line(node: nodes.Node, needle: str) -> int:
    """Occurrences of ``needle`` in the table cells before ``node`` that locate from the same source line.

    Cells of a pipe table share their row's line (inside a directive, the table's): a needle repeated in
    an earlier cell of that line would otherwise be found first.
    """
    table = node.parent
    while table is not None and not isinstance(table, nodes.table):
        table = table.parent
    if table is None:
        return 0
    line, count = _line_of(node), 0
    for paragraph in table.findall(nodes.paragraph):
        if paragraph is node:
            break
        if _line_of(paragraph) == line:
            count += paragraph.astext().count(needle)
    return count


def inline_spans(node: nodes.Element) -> list[tuple[int, int, nodes.Node]]:
    """(start, end, node) of each citation and footnote reference inside a paragraph, in text offsets."""
    spans: list[tuple[int, int, nodes.Node]] = []
    position = 0

    def walk(n: nodes.Node) -> None:
        nonlocal position
        if isinstance(n, nodes.Text):
            position += len(n)
        elif isinstance(n, (stdnodes.std_cite, nodes.footnote_reference)):
            length = len(n.astext())
            spans.append((position, position + length, n))
            position += length
        elif isinstance(n, nodes.Element):
            for child in n.children:
                walk(child)

    walk(node)
    return spans


def designation_spans(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of designations typed as text (GB and ISO families) in ``text``."""
    for pattern in (_GB_TEXT, _ISO_TEXT):
        for m in pattern.finditer(text):
            yield m.start(), m.end()


# --------------------------------------------------------------------------- normative references entries


@dataclass
class Entry:
    """One entry of the normative references list.

    Attributes:
        node: its paragraph; text: the text as written (citations give their designation).
        designation: the parsed designation, or ``None`` for a document without one.
        written: the designation as written; rest: the text after it.
    """

    node: nodes.paragraph
    text: str
    designation: Designation | None
    written: str
    rest: str


def _entry(paragraph: nodes.paragraph) -> Entry:
    text = plain_text(paragraph)
    first = next((c for c in paragraph.children
                  if not (isinstance(c, nodes.Text) and not str(c).strip())
                  and not isinstance(c, (nodes.target, nodes.comment))), None)
    written, rest = "", text
    if isinstance(first, stdnodes.std_cite):
        written = first["designation"]
        rest = text[text.find(first.astext()) + len(first.astext()):]
    else:
        m = _ENTRY_START.match(text)
        if m:
            written, rest = m["d"], text[m.end():]
    designation = None
    if written:
        try:
            designation = parse_designation(written)
        except DesignationError:
            designation = None
    return Entry(paragraph, text, designation, written, rest)


def _classify_first(paragraph: nodes.paragraph, lang: str) -> str:
    """``lead-in``, ``none`` or ``other`` for the first paragraph of the clause."""
    text = squash(plain_text(paragraph), lang)
    if text == squash(LEAD_IN[lang], lang):
        return "lead-in"
    if text == squash(NONE_SENTENCE[lang], lang):
        return "none"
    return "other"


def entries(section: nodes.section) -> list[Entry]:
    """The entries of a normative references clause, in order (paragraphs, also inside lists)."""
    found = []
    for child in body_of(section):
        paragraphs = [child] if isinstance(child, nodes.paragraph) else (
            [p for p in child.findall(nodes.paragraph)] if isinstance(child, (nodes.bullet_list, nodes.enumerated_list))
            else [])
        for paragraph in paragraphs:
            if "boilerplate" in paragraph.get("classes", ()):
                continue
            found.append(paragraph)
    result = []
    for index, paragraph in enumerate(found):
        kind = "other"
        for lang in ("zh", "en"):
            kind = _classify_first(paragraph, lang)
            if kind != "other":
                break
        if kind == "other" and not (index == 0 and _lead_in_like(paragraph)):
            result.append(_entry(paragraph))
    return result


_LEAD_WORDS = re.compile(r"下列|以下|引用|規範性|规范性|following|referred|normative|reference", re.I)


def _lead_in_like(paragraph: nodes.paragraph) -> bool:
    """A first paragraph that is a lead-in in other words (RF001 reports it), not an entry."""
    if _entry_like(paragraph):
        return False
    text = plain_text(paragraph).strip()
    return bool(text) and (text[-1] in ":：" or bool(_LEAD_WORDS.search(text)))


# --------------------------------------------------------------------------- RF001


_RF001_PROBLEMS = {
    "empty": ("the clause is empty: state '{none}'", "本章为空，应写明“{none}”"),
    "no-lead-in": ("the list of references has no lead-in: start with the required lead-in ('{lead}…')",
                   "引用文件清单前没有导语，应使用规定的导语（“{lead}……”）"),
    "paraphrase": ("the lead-in is not the required text ('{lead}…') nor '{none}'",
                   "导语不是规定的文字（“{lead}……”），也不是“{none}”"),
    "both": ("the clause has both the lead-in and the sentence '{none}'", "本章同时有导语和“{none}”"),
    "none-with-entries": ("the clause says '{none}' but lists references", "本章写明“{none}”却列出了引用文件"),
}


@rule(code="RF001", title="The normative references clause starts with the required lead-in (or says there are none)",
      source="ISO/IEC Directives Part 2, 15.5.2; GB/T 1.1-2020 8.6.2", severity="error",
      message="normative references: {problem}", message_zh="规范性引用文件：{problem_zh}",
      examples=(Example("en", "The following standards are used:", LEAD_IN["en"]),
                Example("zh", "本文件引用下列标准：", LEAD_IN["zh"])),
      conservative="The comparison ignores whitespace and the form of quotation marks; the lead-in of the "
                   "document's language is expected.")
def rf001(ctx: DocContext) -> None:
    """What it checks: the normative references clause opens with the fixed lead-in, or consists of the sentence
    "There are no normative references in this document." / 本文件没有规范性引用文件。 — never both, never a
    list without the lead-in, never a paraphrase.

    Why: the lead-in states how dated and undated references apply (GB/T 1.1-2020 8.6.2; ISO/IEC Directives
    Part 2, 15.5.2); the wording is fixed so that it means the same in every document.
    """
    lang = ctx.lang
    lead, none = LEAD_IN[lang], NONE_SENTENCE[lang]
    short = lead[:17] if lang == "zh" else " ".join(lead.split()[:6])
    for section in sections_with_role(ctx.document, "normative-references"):
        body = [n for n in body_of(section) if not isinstance(n, nodes.paragraph) or plain_text(n).strip()]

        def report(node: nodes.Node, problem: str) -> None:
            en, zh = _RF001_PROBLEMS[problem]
            ctx.report("RF001", node, problem=en.format(none=none, lead=short),
                       problem_zh=zh.format(none=none, lead=short))

        if not body:
            report(section[0] if len(section) else section, "empty")
            continue
        first = body[0]
        kinds = [_classify_first(n, lang) if isinstance(n, nodes.paragraph) else "other" for n in body]
        if kinds[0] == "lead-in":
            if "none" in kinds:
                report(body[kinds.index("none")], "both")
        elif kinds[0] == "none":
            others = [n for n, k in zip(body, kinds) if k == "other"]
            if others:
                report(others[0], "none-with-entries")
        elif isinstance(first, (nodes.bullet_list, nodes.enumerated_list)) or _entry_like(first):
            report(first, "no-lead-in")
        else:
            report(first, "paraphrase")


def _entry_like(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.paragraph):
        return False
    entry = _entry(node)
    return entry.designation is not None or bool(_HAND_NUMBER.match(entry.text))


# --------------------------------------------------------------------------- RF002


@rule(code="RF002", title="Normative references are listed as 'designation title', without numbers or end punctuation",
      source="ISO/IEC Directives Part 2, 15.5; GB/T 1.1-2020 8.6.3", severity="error",
      message="normative references: {problem}", message_zh="规范性引用文件：{problem_zh}",
      examples=(Example("en", "1. ISO 7000.", "ISO 7000, Graphical symbols for use on equipment — Registered symbols"),
                Example("zh", "[1] GB/T 191。", "GB/T 191　包装储运图示标志")),
      conservative="Entries that do not start with a designation (documents without one, cited by title) are "
                   "checked for numbering and end punctuation only. The separator after the designation is "
                   "checked per profile: a comma in the ISO profile, a space in the GB profile.")
def rf002(ctx: DocContext) -> None:
    """What it checks: the normative references clause has no subclauses and no bulleted or numbered list; each
    entry is the designation (dated or not, "(all parts)"/（所有部分） allowed), then the title — after a comma
    in the ISO profile ("ISO 7000, Graphical symbols …"), after a space in the GB profile
    ("GB/T 191　包装储运图示标志") — with no punctuation at the end.

    Why: ISO/IEC Directives Part 2, 15.5 and GB/T 1.1-2020 8.6.3 fix the form of the list; numbering
    belongs to the bibliography.
    """
    iso = ctx.profile == "iso"
    for section in sections_with_role(ctx.document, "normative-references"):
        for sub in section.children:
            if isinstance(sub, nodes.section):
                title = sub[0] if len(sub) and isinstance(sub[0], nodes.title) else sub
                ctx.report("RF002", title, title.astext().strip()[:40],
                           problem="the clause has subclauses: list all references in the clause itself",
                           problem_zh="本章不应分条，引用文件直接列在本章中")
        for entry in entries(section):
            text = entry.text.strip()
            if not text:
                continue
            problems: list[tuple[str, str]] = []
            if isinstance(entry.node.parent, nodes.list_item):
                problems.append(("no bullets or numbers", "不加项目符号或编号"))
            m = _HAND_NUMBER.match(entry.text)
            if m and not entry.written:
                problems.append((f"no typed number ('{m.group(0).strip()}')", f"不加编号（“{m.group(0).strip()}”）"))
                m2 = _ENTRY_START.match(entry.text[m.end():])
                if m2:
                    stripped = entry.text[m.end():]
                    entry = Entry(entry.node, stripped, _safe_parse(m2["d"]), m2["d"], stripped[m2.end():])
            if entry.written:
                rest = _ALL_PARTS.sub("", entry.rest).lstrip(" \u3000\u00a0")
                title = rest.lstrip(",，").strip().rstrip(_END_PUNCT).strip()
                if not title:
                    problems.append(("give the title after the designation", "在文件编号后写出文件名称"))
                elif iso and not rest.startswith((",", "，")):
                    problems.append(("separate the title from the designation with a comma",
                                     "文件编号与名称之间以逗号分隔"))
                elif not iso and rest.startswith((",", "，")):
                    problems.append(("separate the title from the designation with a space, not a comma",
                                     "文件编号与名称之间空一字，不用逗号"))
            if text[-1] in _END_PUNCT:
                problems.append((f"no punctuation at the end ('{text[-1]}')", f"末尾不加标点（“{text[-1]}”）"))
            if problems:
                ctx.report("RF002", entry.node, (entry.written or text[:20]).split("\n")[0],
                           problem=f"entry '{text[:40]}': " + "; ".join(p[0] for p in problems),
                           problem_zh=f"条目“{text[:40]}”：" + "；".join(p[1] for p in problems))


def _safe_parse(text: str) -> Designation | None:
    try:
        return parse_designation(text)
    except DesignationError:
        return None


# --------------------------------------------------------------------------- RF005


def _number_key(designation: Designation) -> tuple:
    numbers = [designation.number, *designation.part]
    return tuple(int(n) if n.isdigit() else 10 ** 9 for n in numbers)


def _article_free(text: str) -> str:
    text = text.strip().lower()
    return re.sub(r"^(?:the|a|an)\s+", "", text)


def order_key(entry: Entry, profile: str) -> tuple:
    """Where an entry belongs in the list (RULES.md RF005)."""
    d = entry.designation
    if profile == "gb":
        if d is None:
            return (8,)
        prefix = d.prefix.upper()
        if d.family == "gb":
            if prefix.startswith("GB"):
                return (0, _number_key(d))
            if prefix.startswith("DB"):
                return (2, prefix, _number_key(d))
            if prefix.startswith("T/"):
                return (3, prefix, _number_key(d))
            return (1, prefix.split("/")[0], _number_key(d))
        if d.family == "iso":
            group = {"ISO": 4, "ISO/IEC": 5, "IEC": 6}.get(prefix)
            if group is not None:
                return (group, _number_key(d))
        return (7,)
    if d is not None and d.family == "iso":
        group = {"ISO": 0, "ISO/IEC": 1, "IEC": 2}.get(d.prefix.upper())
        if group is not None:
            return (group, _number_key(d))
    title = _article_free(entry.written or entry.text)
    if not re.match(r"[a-z0-9]", title):
        return (9,)  # not in Latin script: no alphabetical order to check
    return (3, title)


@rule(code="RF005", title="Normative references are listed in the profile's order",
      source="GB/T 1.1-2020 8.6.3; ISO house style (normative references)", severity="warning",
      message="'{entry}' should come before '{previous}' ({order})",
      message_zh="“{entry}”应排在“{previous}”之前（{order_zh}）",
      examples=(Example("en", "IEC 60068-2-1, … / ISO 7000, …", "ISO 7000, … / IEC 60068-2-1, …"),
                Example("zh", "ISO 7000　… / GB/T 191　…", "GB/T 191　… / ISO 7000　…")),
      conservative="GB documents without a national, sector, local or group designation are not ordered among "
                   "themselves; in the ISO profile documents without an ISO/IEC designation are ordered "
                   "alphabetically, ignoring a leading article, and only when their titles are in Latin script.")
def rf005(ctx: DocContext) -> None:
    """What it checks: the order of the normative references. GB profile: GB (GB, GB/T, GB/Z by number), then
    sector standards (by code and number), local (DB), group (T/), then ISO, ISO/IEC, IEC (each by number),
    then other documents. ISO profile: ISO, ISO/IEC, IEC (each by number), then the others alphabetically.

    Why: GB/T 1.1-2020 8.6.3 and ISO house style fix the order, so that readers find an entry quickly.
    """
    gb = ctx.profile == "gb"
    order = ("GB, sector, DB, T/, ISO, ISO/IEC, IEC, others" if gb else
             "ISO, ISO/IEC, IEC by number, then others alphabetically")
    order_zh = ("国家标准、行业标准、地方标准、团体标准、ISO、ISO/IEC、IEC、其他文件" if gb else
                "ISO、ISO/IEC、IEC按编号，其他文件按字母顺序")
    for section in sections_with_role(ctx.document, "normative-references"):
        best: tuple | None = None
        best_entry: Entry | None = None
        for entry in entries(section):
            key = order_key(entry, ctx.profile)
            if (key[0] in (7, 8) and gb) or key[0] == 9:
                continue
            if best is not None and key < best:
                name = lambda e: (e.written or e.text.strip()[:30])  # noqa: E731
                ctx.report("RF005", entry.node, name(entry)[:30], entry=name(entry), previous=name(best_entry),
                           order=order, order_zh=order_zh)
                continue
            best, best_entry = key, entry


# --------------------------------------------------------------------------- RF006


def _expected_separator(ctx: DocContext) -> tuple[str, ...]:
    """Separators accepted before a GB year in this document's text."""
    if ctx.lang == "zh" or ctx.profile == "gb":
        return ("\u2014",)
    return (":", "\u2014")


@rule(code="RF006", title="Designations are written in their proper form (GB/T 1.1—2020, ISO 9001:2015, ISO 1234:—)",
      source="GB/T 1.1-2020 9.5.4.2 and Annex D (designations); ISO/IEC Directives Part 2, 10.4, 26.4 example",
      severity="warning",
      message="'{written}' is not the form of the designation: write '{expected}'",
      message_zh="文件编号“{written}”写法不正确，应写为“{expected}”",
      examples=(Example("en", "ISO 1234:202X", "ISO 1234:— ¹⁾ (footnote: Under preparation. Stage at the time of "
                        "publication: ISO/DIS 1234:2024.)"),
                Example("zh", "GB/T 1.1-2020", "GB/T 1.1—2020")),
      conservative="Only designations typed as text with a year are checked (a {cite} renders itself in the "
                   "profile's form); a hyphen before four digits after an ISO number is read as a year only "
                   "when the digits are 19xx or 20xx. In English text of the ISO profile a GB designation may "
                   "take an em dash or a colon.")
def rf006(ctx: DocContext) -> None:
    """What it checks: GB designations with a hyphen, en dash or colon before the year in Chinese text or in a
    GB-profile document (GB/T 1.1—2020 takes an em dash, 一字线); ISO/IEC designations with a dash before the
    year (ISO 9001:2015 takes a colon); a year still to come written as 202X (ISO 1234:— with a footnote);
    ":—" without the footnote "Under preparation …".

    Why: the designation identifies the document; GB/T 1.1-2020 (Annex D) and the ISO/IEC Directives
    Part 2 fix its written form.
    """
    accepted = _expected_separator(ctx)
    for unit in ctx.units():
        text = unit.text
        spans = inline_spans(unit.node)
        for m in _GB_TEXT.finditer(text):
            if not m["year"]:
                continue
            if m["sep"] in accepted:
                continue
            d = _safe_parse(f"{m['prefix']} {m['number']}-{m['year']}")
            if d is None:
                continue
            expected = d.format("gb" if accepted == ("\u2014",) else "iso")
            report_span(ctx, "RF006", unit.node, m.start(), m.end(), written=m.group(0), expected=expected)
        for m in _ISO_TEXT.finditer(text):
            written, year, sep, parts = m.group(0), m["year"], m["sep"], m["parts"]
            head = written[:len(written) - len(sep or "") - len(year or "")]
            if not year:
                last = parts.rsplit("-", 1)[-1] if parts else ""
                if re.fullmatch(r"(?:19|20)\d\d", last):
                    expected = head[:len(head) - len(last) - 1] + ":" + last
                    report_span(ctx, "RF006", unit.node, m.start(), m.end(), written=written, expected=expected)
                continue
            if year in "-\u2010\u2011\u2012\u2013\u2014\u2015\uff0d":
                if sep.strip() in (":",) and year == "\u2014" and not sep.strip(" :"):
                    if not _footnote_follows(spans, m.end(), text):
                        report_span(ctx, "RF006", unit.node, m.start(), m.end(), written=written,
                                    expected=head + ":\u2014 ¹⁾ (footnote: Under preparation. …)")
                    continue
                report_span(ctx, "RF006", unit.node, m.start(), m.end(), written=written, expected=head + ":\u2014")
                continue
            if not year.isdigit():
                report_span(ctx, "RF006", unit.node, m.start(), m.end(), written=written,
                            expected=head + ":\u2014 ¹⁾ (footnote: Under preparation. …)")
                continue
            if sep != ":":
                report_span(ctx, "RF006", unit.node, m.start(), m.end(), written=written, expected=head + ":" + year)
        # citations of documents under preparation need their footnote
        for start, end, node in spans:
            if not isinstance(node, stdnodes.std_cite):
                continue
            d = _safe_parse(node.get("designation", ""))
            if d is not None and d.family == "iso" and d.year in ("-", "\u2013", "\u2014") \
                    and not _footnote_follows(spans, end, text):
                ctx.report("RF006", unit.node, node.get("designation", ""), written=node.get("designation", ""),
                           expected=d.format() + " ¹⁾ (footnote: Under preparation. …)")


def _footnote_follows(spans: list[tuple[int, int, nodes.Node]], end: int, text: str) -> bool:
    for start, _stop, node in spans:
        if isinstance(node, nodes.footnote_reference) and start >= end and not text[end:start].strip():
            return True
    return False


# --------------------------------------------------------------------------- RF007

_RF007_EN = [
    (re.compile(r"(?<![-\w])(?:sections?|chapters?)\s+(?:V?\d+(?:\.\d+)*|[IVX]+)\b(?!\s+of\b)(?![.,]\d)", re.I),
     "Clause N / N.N"),
    (re.compile(r"\b(?:tables?|figures?|diagrams?|formulae?|formulas?|equations?)\s+(?:below|above)\b", re.I),
     "Table N / Figure N"),
    (re.compile(r"\b(?:the\s+)?(?:above|below|preceding|following)(?:-mentioned)?\s+"
                r"(?:tables?|figures?|diagrams?|formulae?|formulas?|equations?)\b", re.I), "Table N / Figure N"),
    (re.compile(r"\bsee\s+(?:above|below)\b|\b(?:mentioned|described|stated|specified|defined|listed|given|shown|"
                r"noted|outlined|explained|discussed)\s+above\b", re.I), "the clause, table or figure by number"),
]
_RF007_ZH = [
    (re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+(?:\.\d+)*\s*节"), "第N章 / N.N"),
    (re.compile(r"(?:(?<=[见如按据照依在从由与和及同参看阅查列对])|^|(?<=[\s，。；：、（(“]))[上下](?:表|图|式)"
                r"(?![述达单层彰扬面明现示片标纸书像形案格样])"), "表N / 图N / 公式（N）"),
    (re.compile(r"(?:(?<=[见如按据照依参])|^|(?<=[\s，。；：、（(“]))[上下]文(?![件字本化明])"), "第N章 / N.N"),
]
#: A designation or citation right before "section 5" / 第5节: the division of another document.
_CITED_BEFORE = re.compile(r"(?:[A-Z]{2,}[ /-]?\d[\w.:-]*(?:[ -][A-Za-z]{1,2})?|\uE000+)[,，\s]*(?:的)?$")


def _cite_marked(node: nodes.Element) -> str:
    """The unit text with citations replaced by U+E000 (same offsets)."""
    parts: list[str] = []

    def walk(n: nodes.Node) -> None:
        if isinstance(n, nodes.Text):
            parts.append(str(n))
        elif isinstance(n, stdnodes.std_cite):
            parts.append("\uE000" * len(n.astext()))
        elif isinstance(n, nodes.Element):
            for child in n.children:
                walk(child)

    walk(node)
    return "".join(parts)


def _in_external_link(paragraph: nodes.Element, offset: int) -> bool:
    """True when ``offset`` of the paragraph's text lies inside a link to another site."""
    position = 0

    def walk(n: nodes.Node, external: bool) -> bool:
        nonlocal position
        if isinstance(n, nodes.Text):
            if external and position <= offset < position + len(n):
                return True
            position += len(n)
            return False
        if isinstance(n, nodes.Element):
            inside = external or (isinstance(n, nodes.reference) and "://" in n.get("refuri", ""))
            return any(walk(child, inside) for child in n.children)
        return False

    return walk(paragraph, False)


@rule(code="RF007", title="Refer to clauses, tables and figures by number, not by position",
      source="ISO/IEC Directives Part 2, 10.5, 23.4, 28.4, 29.4; GB/T 1.1-2020 9.5.3", severity="warning",
      message="'{found}' refers by position or by an improper name: use {use}",
      message_zh="“{found}”按位置或用不当的名称指称，应使用{use_zh}",
      examples=(Example("en", "see section 5; the table below", "see Clause 5; Table 3"),
                Example("zh", "见下表；第5节", "见表3；第5章")),
      conservative="'section N of …' and a section after a designation or citation (another document's own "
                   "division) are not reported; 上/下 count only before 表, 图, 式 or 文 at the start of a phrase "
                   "or after 见, 如, 按 … (以下表述, 上表达 are not references). The bibliography and the "
                   "normative references are not checked.")
def rf007(ctx: DocContext) -> None:
    """What it checks: positional or ad-hoc references — "section 5", "chapter 3", "the table below", "see
    above"; 第5节, 上表, 下图, 见下表, 如下式.

    Why: the Directives Part 2 (10.5, 28.4, 29.4) and GB/T 1.1-2020 9.5.3 refer to "Clause 5", "5.2",
    "Table 1", 第5章, 表1: positions change with layout, numbers do not.
    """
    patterns = _RF007_ZH if ctx.lang == "zh" else _RF007_EN
    uses_zh = {"Clause N / N.N": "“第N章”或“N.N”", "Table N / Figure N": "“表N”或“图N”",
               "the clause, table or figure by number": "章、条、表或图的编号", "第N章 / N.N": "“第N章”或“N.N”",
               "表N / 图N / 公式（N）": "“表N”“图N”或“公式（N）”"}
    for unit in ctx.units():
        if "bibliography" in unit.roles or "normative-references" in unit.roles:
            continue
        marked = _cite_marked(unit.node)
        for pattern, use in patterns:
            for m in pattern.finditer(unit.text):
                if use in ("Clause N / N.N", "第N章 / N.N") and (
                        _CITED_BEFORE.search(marked[:m.start()]) or _in_external_link(unit.node, m.start())):
                    continue
                report_span(ctx, "RF007", unit.node, m.start(), m.end(), found=m.group(0), use=use,
                            use_zh=uses_zh.get(use, use))

