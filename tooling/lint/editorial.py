"""ED — editorial rules (ISO house style; GB/T 1.1-2020 7.2, 7.5)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes

from ..directives import nodes as stdnodes
from .context import DocContext, container_roles, visible_text
from .references import report_span
from .registry import Example, rule

__all__ = ["CJK"]

#: Chinese characters (CJK unified ideographs, extension A, compatibility ideographs).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|「[^」]*」|‘[^’]*’")
_EXEMPT_ROLES = ("bibliography", "normative-references")


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


# --------------------------------------------------------------------------- ED001

_ED001_EN = re.compile(r"\b[Tt]his\s+(?:(?:International|national|National|European)\s+)?(?:[Ss]tandard|"
                       r"[Ss]pecification)\b(?!s)(?!\s+(?:deviation|error|uncertainty|conditions?|atmosphere|"
                       r"temperature|pressure|solution|sample|value|library|format|input|output)s?\b)"
                       r"|\b[Tt]his\s+part\s+of\s+(?:ISO/IEC|ISO|IEC)\b")
_ED001_ZH = re.compile(r"本(?:标准|部分|规范|规程)")
_ED001_ZH_NOT = re.compile(r"(?:标准(?:化|差|件|值|品|物|器|溶液|曲线|样|型|库)|规范化)")


def _zh_word_start(text: str, offset: int) -> bool:
    """True when 本 at ``offset`` begins a word of its own (not 样本, 文本, 基本, 日本 …)."""
    from .classifier import _jieba

    start = max(0, offset - 12)
    position = start
    for word in _jieba().cut(text[start:offset + 6], HMM=False):
        if position == offset:
            return word == "本" or word.startswith(("本标准", "本部分", "本规范", "本规程"))
        if position > offset:
            return False
        position += len(word)
    return False


def _engineering(ctx: DocContext) -> bool:
    """A national engineering-construction standard (GB 50xxx), whose drafting rules keep 本标准/本规范."""
    d = ctx.meta.designation
    return d.family == "gb" and d.prefix.startswith("GB") and d.number.isdigit() and 50000 <= int(d.number) < 60000


@rule(code="ED001", title="Refer to the document itself as 'this document' / 本文件",
      source="ISO/IEC Directives Part 2 (since 2016: 'this document'); GB/T 1.1-2020 (本文件)", severity="warning",
      message="'{found}': refer to the document itself as '{use}'", message_zh="“{found}”：文件自称应使用“{use}”",
      examples=(Example("en", "This standard specifies …", "This document specifies …"),
                Example("zh", "本标准规定了……", "本文件规定了……")),
      conservative="Quoted text (“…”), cited titles (《…》), the bibliography and the normative references are "
                   "exempt, and so are 'this standard deviation', 'this standard error' and similar terms; in "
                   "Chinese 本 must start a word (样本标准差, 文本, 日本标准 are not reported), 本标准化…/本标准差 "
                   "are not the document, and engineering-construction standards (GB 50xxx) keep their own "
                   "本标准/本规范.")
def ed001(ctx: DocContext) -> None:
    """What it checks: "this standard", "this International Standard", "this specification", "this part of
    ISO …"; 本标准, 本部分, 本规范, 本规程.

    Why: since 2016 the ISO/IEC Directives Part 2 use "this document" for every deliverable, and GB/T 1.1-2020
    uses 本文件, so that the wording does not change with the document type or a split into parts.
    """
    zh = ctx.lang == "zh"
    if zh and _engineering(ctx):
        return
    for unit in ctx.units():
        if any(role in unit.roles for role in _EXEMPT_ROLES):
            continue
        quoted = _quoted(unit.text)
        for m in (_ED001_ZH if zh else _ED001_EN).finditer(unit.text):
            if _inside(quoted, m.start()):
                continue
            if zh and (_ED001_ZH_NOT.match(unit.text, m.start() + 1) or not _zh_word_start(unit.text, m.start())):
                continue
            report_span(ctx, "ED001", unit.node, m.start(), m.end(), found=m.group(0),
                        use="本文件" if zh else "this document")


# --------------------------------------------------------------------------- ED002

_HEADING_END = ".。:：;；,，、"
_CAPTION_END = ":：;；,，、"  # a final . or 。 in a table or figure title is TF002's


def _title_text(node: nodes.Node) -> str:
    return " ".join(node.astext().split())


def _sibling_groups(ctx) -> Iterator[list[tuple[str, nodes.section]]]:
    """Groups of sibling sections as (docname, section): each section's subsections, then the top-level clauses
    of the whole standard (each document holds one or more of them)."""
    top: list[tuple[str, nodes.section]] = []
    for docname, doctree in ctx.documents():
        for section in doctree.findall(nodes.section):
            parent = section.parent
            while parent is not None and not isinstance(parent, nodes.section):
                parent = parent.parent
            if parent is None:
                top.append((docname, section))
            children = [c for c in section.children if isinstance(c, nodes.section)]
            if children:
                yield [(docname, c) for c in children]
    yield top


@rule(code="ED002", title="Headings and captions take no end punctuation; sibling headings differ",
      source="ISO house style (headings); GB/T 1.1-2020 7.2≈", severity="warning", scope="standard",
      message="{problem}", message_zh="{problem_zh}",
      examples=(Example("en", "## Tests.", "## Tests"), Example("zh", "## 试验。", "## 试验")),
      conservative="A title ending in '?' or ')' is accepted; a table or figure title ending in '.'/'。' is "
                   "left to TF002; titles of titled blocks (run-in labels such as 'Rationale:') are not "
                   "checked. Titles are compared case-insensitively; untitled clauses are not compared.")
def ed002(ctx) -> None:
    """What it checks: a clause heading ending with . 。 : ： ; ； , ， 、; a table or figure title ending with
    : ; , 、; two sibling clauses with the same title.

    Why: headings and captions are titles, not sentences (ISO house style; GB/T 1.1-2020 7.2), and each
    subdivision is identified by its own title.
    """
    for docname, doctree in ctx.documents():
        for title in doctree.findall(nodes.title):
            parent = title.parent
            text = _title_text(title)
            if not text:
                continue
            if isinstance(parent, nodes.section):
                ends = _HEADING_END
                what, what_zh = "heading", "标题"
            elif isinstance(parent, nodes.table):
                ends = _CAPTION_END
                what, what_zh = "table title", "表题"
            else:
                continue
            if text[-1] in ends:
                ctx.report("ED002", docname, title, text[-min(len(text), 8):],
                           problem=f"the {what} '{text}' ends with '{text[-1]}': a title takes no end punctuation",
                           problem_zh=f"{what_zh}“{text}”以“{text[-1]}”结尾：标题末尾不加标点")
        for caption in doctree.findall(nodes.caption):
            text = _title_text(caption)
            if text and text[-1] in _CAPTION_END:
                ctx.report("ED002", docname, caption, text[-min(len(text), 8):],
                           problem=f"the figure title '{text}' ends with '{text[-1]}': "
                                   "a title takes no end punctuation",
                           problem_zh=f"图题“{text}”以“{text[-1]}”结尾：标题末尾不加标点")
    for group in _sibling_groups(ctx):
        seen: set[str] = set()
        for docname, section in group:
            if not len(section) or not isinstance(section[0], nodes.title):
                continue
            text = _title_text(section[0])
            if not text:
                continue
            key = text.casefold()
            if key in seen:
                ctx.report("ED002", docname, section[0], text,
                           problem=f"the heading '{text}' repeats the title of a sibling clause",
                           problem_zh=f"标题“{text}”与同级的另一条标题相同")
            seen.add(key)


# --------------------------------------------------------------------------- ED003

_LISTS = (nodes.bullet_list, nodes.enumerated_list)
_URL_END = re.compile(r"(?:https?://|www\.)\S+$|\.(?:html?|pdf|org|com|net)/?$")


def _para_text(node: nodes.Node) -> str:
    return visible_text(node).strip() if isinstance(node, nodes.Element) else ""


def _lead_in(lst: nodes.Element) -> nodes.Node | None:
    """The paragraph (or block title) right before a list, or ``None``."""
    parent = lst.parent
    index = parent.index(lst)
    previous = None
    for sibling in reversed(parent.children[:index]):
        if isinstance(sibling, (nodes.target, nodes.comment, nodes.system_message)):
            continue
        previous = sibling
        break
    if isinstance(previous, (nodes.paragraph, nodes.rubric)):
        return previous
    return None


def _item_words(item: nodes.list_item) -> int:
    text = " ".join(_para_text(p) for p in item.children if isinstance(p, nodes.paragraph))
    return len(text.split())


def _starts_lower(text: str) -> bool:
    """Starts with a lower-case letter, or with an acronym (metanorma: 'all-caps word is agnostic')."""
    return bool(re.match(r"^[^A-Za-z]*[a-z]", text) or re.match(r"^[^A-Za-z]*[A-Z][A-Z0-9]+(?![a-z])", text))


def _skip_list(lst: nodes.Element) -> bool:
    node = lst
    while node is not None:
        if "boilerplate" in node.get("classes", ()):
            return True
        node = node.parent
    roles = container_roles(lst)
    if any(r in roles for r in (*_EXEMPT_ROLES, "table")):
        return True
    section = lst.parent
    if isinstance(section, nodes.section) and stdnodes.section_role(section) == "terms":
        return True  # the terms clause's boilerplate (ISO Online browsing platform …)
    return False


@rule(code="ED003", title="Lists: a lead-in ending with a colon; items punctuated per language",
      source="ISO/IEC Directives Part 2, 23; ISO house style (lists, as metanorma checks it); GB/T 1.1-2020 7.5≈",
      severity="warning", message="{problem}", message_zh="{problem_zh}",
      examples=(Example("en", "Tests — Drop test — Heat test", "The tests are: — drop test; — heat test."),
                Example("zh", "试验 ——跌落试验 ——高温试验", "试验包括：——跌落试验；——高温试验。")),
      conservative="Lists in tables, in the bibliography, the normative references and the terms boilerplate "
                   "are skipped, and so are English lists whose items have at most two words (metanorma). Items "
                   "that are only a link or a citation (a list of references), that end with a web address, or "
                   "that end with a colon (they introduce what follows) need no punctuation. Chinese items that "
                   "are all complete sentences may each end with 。. A lead-in without end punctuation (a "
                   "sentence the items complete) is accepted. One finding per list, at the first item concerned, "
                   "naming each kind of problem and how many items have it.")
def ed003(ctx: DocContext) -> None:
    """What it checks: every list follows a lead-in (a paragraph or block title) that ends with a colon, or is
    the first part of a sentence the items complete. English (ISO house style, as metanorma validates it):
    items completing the lead-in start lower-case, end with ";" and the last with "."; items that are
    sentences start upper-case and end with ".". Chinese: items end with "；", the last with "。"; an item
    introducing a nested list ends with "：".

    Why: ISO/IEC Directives Part 2, Clause 23 and GB/T 1.1-2020 7.5 make a list one sentence, introduced by
    its lead-in; the punctuation shows where it continues and where it ends.
    """
    zh = ctx.lang == "zh"
    for lst in ctx.document.findall(lambda n: isinstance(n, _LISTS)):
        if isinstance(lst.parent, nodes.list_item) or _skip_list(lst):
            continue
        _check_lead_in(ctx, lst, zh)
        items = [i for i in lst.children if isinstance(i, nodes.list_item)]
        if not items:
            continue
        problems: list[tuple[nodes.Element, str, str]] = []
        if zh:
            _check_zh(ctx, lst, True, problems)
        elif not all(_item_words(i) <= 2 for i in items):
            lead = _lead_in(lst)
            lead_text = _para_text(lead) if lead is not None else ""
            firsts = [p for p in (next(iter(i.findall(nodes.paragraph)), None) for i in items) if p is not None]
            first = next((p.astext().strip() for p in firsts if not _exempt_item(p, "x")), "")
            sentences = lead_text.endswith(".") or bool(first) and not _starts_lower(first)
            _check_en(ctx, lst, True, sentences, problems)
        if problems:
            counts: dict[str, list] = {}
            for _node, en, zh_text in problems:
                counts.setdefault(en, [zh_text, 0])[1] += 1
            node = problems[0][0]
            label = " ".join(node.astext().split())[:30]
            en = "; ".join(k + (f" ({n} items)" if n > 1 else "") for k, (_z, n) in counts.items())
            zh_text = "；".join(z + (f"（{n}项）" if n > 1 else "") for z, n in counts.values())
            ctx.report("ED003", node, node.astext().strip()[:8], problem=f"list from '{label}': {en}",
                       problem_zh=f"列项（“{label}”起）：{zh_text}")


def _check_lead_in(ctx: DocContext, lst: nodes.Element, zh: bool) -> None:
    lead = _lead_in(lst)
    item = next(iter(lst.findall(nodes.paragraph)), lst)
    if lead is None:
        if isinstance(lst.parent, nodes.list_item):
            return
        ctx.report("ED003", item, problem="the list has no lead-in: introduce it with a sentence ending with ':'",
                   problem_zh="列项前没有引语：应以冒号结尾的引语引出列项")
        return
    text = _para_text(lead)
    if not text:
        return
    last = text[-1]
    ok = ":：" if zh else ":."
    if last in ok or re.match(rf"[A-Za-z0-9{CJK}）)”’\"'*_`]", last):
        return
    report_span(ctx, "ED003", lead, len(text) - 1, len(text),
                problem=f"the lead-in of the list ends with '{last}': end it with ':'",
                problem_zh=f"列项的引语以“{last}”结尾，应以“：”结尾")


def _item_parts(item: nodes.list_item) -> tuple[nodes.paragraph | None, nodes.Element | None]:
    """The item's last paragraph, and its nested list when the item ends with one."""
    last = None
    for child in item.children:
        if isinstance(child, (nodes.target, nodes.comment)):
            continue
        last = child
    if isinstance(last, _LISTS):
        return None, last
    return (last if isinstance(last, nodes.paragraph) else None), None


def _exempt_item(para: nodes.paragraph, text: str) -> bool:
    """Items that need no punctuation: a lone link or citation, a web address at the end, a final colon."""
    if not text or _URL_END.search(text) or text[-1] in ":：":
        return True
    meaningful = [c for c in para.children if not (isinstance(c, nodes.Text) and not str(c).strip())]
    return len(meaningful) == 1 and isinstance(meaningful[0], (nodes.reference, stdnodes.std_cite))


def _check_zh(ctx: DocContext, lst: nodes.Element, final: bool, problems: list) -> None:
    items = [i for i in lst.children if isinstance(i, nodes.list_item)]
    leaves = [_item_parts(i)[0] for i in items]
    texts = [_para_text(p) if p is not None else "" for p in leaves]
    sentences = all(t.endswith("。") for t in texts if t) and len([t for t in texts if t]) > 1
    for index, item in enumerate(items):
        para, nested = _item_parts(item)
        last_item = final and index == len(items) - 1
        if nested is not None:
            _check_lead_in(ctx, nested, zh=True)
            _check_zh(ctx, nested, last_item, problems)
            continue
        if para is None:
            continue
        text = _para_text(para)
        if _exempt_item(para, text):
            continue
        want = "。" if last_item or sentences else "；"
        if text[-1] != want:
            where = "the last item" if last_item else "items before the last"
            where_zh = "最后一项" if last_item else "最后一项之前的各项"
            problems.append((para, f"{where} end with '{want}'", f"{where_zh}应以“{want}”结尾"))


def _check_en(ctx: DocContext, lst: nodes.Element, final: bool, sentences: bool, problems: list) -> None:
    items = [i for i in lst.children if isinstance(i, nodes.list_item)]
    for index, item in enumerate(items):
        para, nested = _item_parts(item)
        last_item = final and index == len(items) - 1
        first_para = next(iter(item.findall(nodes.paragraph)), None)
        if first_para is not None and first_para.parent is item and not _exempt_item(first_para, "x"):
            start = first_para.astext().strip()
            if start and not sentences and not _starts_lower(start):
                problems.append((first_para, "items that complete the lead-in start with a lower-case letter",
                                 "补全引语的各项应以小写字母开头"))
        if nested is not None:
            _check_lead_in(ctx, nested, zh=False)
            _check_en(ctx, nested, last_item, sentences, problems)
            continue
        if para is None:
            continue
        text = _para_text(para)
        if _exempt_item(para, text):
            continue
        if sentences and text[-1] != ".":
            problems.append((para, "items that start with a capital letter are sentences and end with '.' "
                                   "(items that complete the lead-in start lower-case)",
                             "以大写字母开头的各项是完整句子，应以“.”结尾（补全引语的各项以小写字母开头）"))
        elif not sentences and last_item and text[-1] != ".":
            problems.append((para, "the last item ends with '.'", "最后一项应以“.”结尾"))
        elif not sentences and not last_item and text[-1] != ";":
            problems.append((para, "items before the last end with ';'", "最后一项之前的各项应以“;”结尾"))


# --------------------------------------------------------------------------- ED004

_HALF_ZH = re.compile(rf"(?<=[{CJK}])\s*([,;:!?])\s*(?=[{CJK}])|(?<=[{CJK}])\((?=[{CJK}])|(?<=[{CJK}])\)(?=\s*[{CJK}])")
_FULL_EN = re.compile(r"[，；：（）。！？、]")
_FULL_FOR = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "。": ".", "！": "!", "？": "?", "、": ","}
_HALF_FOR = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}


@rule(code="ED004", title="Full-width punctuation in Chinese text, half-width in English text",
      source="GB/T 15834-2011 (标点符号用法)≈; ISO house style", severity="warning",
      message="'{found}': use '{use}' ({why})", message_zh="“{found}”应改为“{use}”（{why_zh}）",
      examples=(Example("en", "dry，clean", "dry, clean"), Example("zh", "温度,湿度", "温度，湿度")),
      conservative="Chinese text: only half-width , ; : ! ? ( ) between two Chinese characters are reported "
                   "(Latin, digits and formulas keep their own punctuation). English text: full-width "
                   "punctuation is reported only when neither neighbour is a Chinese character.")
def ed004(ctx: DocContext) -> None:
    """What it checks: in Chinese text, half-width , ; : ! ? ( ) between Chinese characters (温度,湿度); in
    English text, full-width punctuation (dry，clean).

    Why: each script has its own punctuation (GB/T 15834 for Chinese); mixing them shows as uneven spacing
    and breaks search and translation memories.
    """
    zh = ctx.lang == "zh"
    for unit in ctx.units():
        text = unit.text
        if zh:
            for m in _HALF_ZH.finditer(text):
                char = m.group(0).strip()
                start = m.start() + m.group(0).index(char)
                report_span(ctx, "ED004", unit.node, max(0, start - 1), start + 2, found=char, use=_HALF_FOR[char],
                            why="Chinese text takes full-width punctuation", why_zh="中文文本使用全角标点")
            continue
        for m in _FULL_EN.finditer(text):
            before = text[:m.start()].rstrip()[-1:]
            after = text[m.end():].lstrip()[:1]
            if re.match(rf"[{CJK}《》]", before) or re.match(rf"[{CJK}《》]", after):
                continue
            report_span(ctx, "ED004", unit.node, max(0, m.start() - 1), m.end() + 1, found=m.group(0),
                        use=_FULL_FOR[m.group(0)], why="English text takes half-width punctuation",
                        why_zh="英文文本使用半角标点")


# --------------------------------------------------------------------------- ED005

_ED005_EN = re.compile(r"\band/or\b|(?<=\w)\s+&\s+(?=\w)", re.I)
_ED005_ZH = re.compile(r"(?:和|与|及)/或|或/(?:和|与|及)")


@rule(code="ED005", title="No 'and/or', '&' or 和/或: say 'A or B, or both'",
      source="ISO house style (and/or); metanorma style_punct", severity="warning",
      message="'{found}' is ambiguous: write {use}", message_zh="“{found}”含义不明确，应写为{use_zh}",
      examples=(Example("en", "A and/or B", "A or B, or both"), Example("zh", "A和/或B", "A或B，或两者")),
      conservative="'&' counts only as a word between words (R&D, AT&T are names); the bibliography and the "
                   "normative references (titles) are exempt.")
def ed005(ctx: DocContext) -> None:
    """What it checks: "and/or" and a free-standing "&" in English text; 和/或, 或/和, 与/或 in Chinese text.

    Why: ISO house style avoids "and/or" (and the slash in general) because readers resolve it differently;
    "A or B, or both" says what is meant. "&" is not a word in running text.
    """
    zh = ctx.lang == "zh"
    for unit in ctx.units():
        if any(role in unit.roles for role in _EXEMPT_ROLES):
            continue
        for m in (_ED005_ZH if zh else _ED005_EN).finditer(unit.text):
            found = m.group(0).strip()
            amp = found == "&"
            report_span(ctx, "ED005", unit.node, m.start(), m.end(), found=found,
                        use="'and'" if amp else "'A or B, or both'", use_zh="“和”" if amp else "“A或B，或两者”")
