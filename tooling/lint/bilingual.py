"""BL — bilingual alignment of a master and its translation (the BL family of the rule catalogue).

A standard is drafted in one language (its master) and translated into the other
through a gettext catalog (``standards/<slug>/locales/<lang>/LC_MESSAGES/<slug>.po``,
:mod:`tooling.translate.catalogs`). The BL rules run on a master standard that has
such a catalog and compare each master message with its translation
(:func:`tooling.translate.pairs.segment_pairs`): structure (BL001), provisions
(BL002), numbers and quantities (BL003), citations and cross-references (BL004),
terms (BL005), titles (BL006), labels (BL007) and per-language conventions (BL008).

Untranslated and fuzzy (stale) messages are the translation status's business
(``std translate status``), not misalignment: only BL001 looks at a message left
empty, and only inside an otherwise translated stretch of text (a dropped or
merged segment), as info (it may be new text not translated yet). BL findings
gate the translated edition, never the master (:mod:`tooling.lint.report`). Every finding is reported at the master's file and line; the
message names the translation's location in the catalog (``….po:LINE``).

Messages are MyST source: citations (``{cite}`GB/T 8170—2008, 5.2```), references
(``[](#id)``), formulas (``$…$``) and literals are parsed or set aside before the
text is compared.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from docutils import nodes

from ..directives import nodes as stdnodes
from ..model.designation import DesignationError, parse_designation
from ..model.numbers import EN_CARDINALS, ZH_DIGITS, number_words, zh_numeral
from ..model.units import EN_NAMES, SYMBOLS, ZH_NAMES, ZH_NOT_BEFORE, longest_first
from ..translate.catalogs import other_language
from ..translate.pairs import Segment, segment_pairs
from .classifier import STRENGTH, classify, is_boilerplate
from .context import split_sentences
from .references import designation_spans
from .registry import Example, rule
from .units import protect

__all__ = ["Pairs", "clean_text", "numbers_in", "provision_kinds", "references_in"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


# -- the pairs of a standard ---------------------------------------------------------------------------------------

@dataclass
class Pairs:
    """The segments of a master standard and its catalog in the other language (built once per standard).

    Attributes:
        master, target: the master language and the translation's language.
        segments: every message of the master with its translation, in reading order.
        root: the repository root (for short catalog paths in messages).
        clause_numbers: the computed numbers of the standard's subclauses and term entries (``5.2``, ``A.1``).
        entries: the master's term entries.
    """

    master: str
    target: str
    segments: list[Segment]
    root: Path
    clause_numbers: set[str] = field(default_factory=set)
    entries: list[tuple[str, stdnodes.term_entry]] = field(default_factory=list)

    _cache = weakref.WeakKeyDictionary()

    @classmethod
    def of(cls, ctx) -> Pairs | None:
        """The pairs of ``ctx``'s standard, or ``None`` when it has no catalog in the other language."""
        if ctx in cls._cache:
            return cls._cache[ctx]
        pairs = None
        meta = ctx.meta
        if not meta.is_translation and meta.language in ("zh", "en"):
            target = other_language(meta.language)
            documents = list(ctx.documents())
            segments = segment_pairs(ctx.env, ctx.slug, target, documents)
            if segments:
                numbers = {n.number for n in ctx.numbered() if n.kind in ("clause", "term") and "." in n.number}
                entries = [(doc, e) for doc, tree in documents for e in tree.findall(stdnodes.term_entry)]
                pairs = cls(meta.language, target, segments, Path(ctx.env.config.std_root), numbers, entries)
        cls._cache[ctx] = pairs
        return pairs

    def where(self, seg: Segment) -> str:
        """The translation's location, ``standards/…/<slug>.po:LINE``."""
        path = Path(seg.po_file)
        try:
            path = path.relative_to(self.root)
        except ValueError:
            pass
        return f"{path.as_posix()}:{seg.po_line}" if seg.po_line else path.as_posix()

    def needs_translation(self, seg: Segment) -> bool:
        """Whether the master text holds words of the master language (``$n$``, ``GPU``, ``20 ℃``, formulas do not)."""
        if seg.kind in ("math_block", "literal_block", "raw", "doctest_block"):
            return False
        text = clean_text(seg.msgid)
        if self.master == "zh":
            return bool(_CJK.search(text))
        return bool(re.search(r"[a-z]{2,}", text))

    def done(self, seg: Segment) -> bool:
        """Translated, not fuzzy, and not the master text copied unchanged."""
        if not seg.translated:
            return False
        return not (seg.msgstr.strip() == seg.msgid.strip() and self.needs_translation(seg))

    def translated(self) -> list[Segment]:
        return [s for s in self.segments if self.done(s)]


def _report(ctx, pairs: Pairs, code: str, seg: Segment, needle: str = "", **args) -> None:
    if needle and needle not in seg.msgid:
        needle = ""
    snippet = " ".join(f"{seg.msgid[:80]} ⇄ {seg.msgstr[:80]}".split())
    ctx.report(code, seg.docname, node=seg.node, needle=needle, snippet=snippet, po=pairs.where(seg), **args)


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- MyST source: roles, references, formulas ------------------------------------------------------------------------

_ROLE = re.compile(r"\{(?P<name>[\w:.-]+)\}(?P<tick>`+)(?P<content>.*?)(?P=tick)", re.S)
_LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>]+>")
_MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?=\S)[^$\n]+?(?<=\S)\$(?!\d)", re.S)
_LITERAL = re.compile(r"(?P<tick>`+).+?(?P=tick)", re.S)
_FOOTREF = re.compile(r"\[\^[^\]]+\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_QUOTED_TITLE = re.compile(r"《[^》]*》")
_HTML = re.compile(r"</?[A-Za-z][^>]*>")


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def clean_text(text: str, keep_link_text: bool = False) -> str:
    """The prose of a MyST message: roles, links, formulas, literals, footnote marks and comments blanked.

    Offsets are kept (blanked parts become spaces of the same length), except that
    ``keep_link_text`` keeps the text of ``[text](target)`` links in place.
    """
    text = _COMMENT.sub(_blank, text)
    text = _ROLE.sub(_blank, text)
    if keep_link_text:
        text = _LINK.sub(lambda m: " " + m.group("text") + " " * (len(m.group(0)) - len(m.group("text")) - 1), text)
    else:
        text = _LINK.sub(_blank, text)
    text = _AUTOLINK.sub(_blank, text)
    text = _MATH.sub(_blank, text)
    text = _LITERAL.sub(_blank, text)
    text = _FOOTREF.sub(_blank, text)
    text = _HTML.sub(_blank, text)
    return text


# -- BL001 skeleton ----------------------------------------------------------------------------------------------------

def _category(seg: Segment) -> tuple[str, str]:
    """What a segment is in the structure of its clause (English, Chinese)."""
    node = seg.node
    if seg.kind == "title":
        return "title", "标题"
    if seg.kind == "caption":
        return "caption", "题注"
    if isinstance(node.parent, nodes.list_item):
        return "list item", "列项"
    if isinstance(node.parent, (nodes.entry,)):
        return "table cell", "表格单元格"
    for role, names in (("note", ("note", "注")), ("example", ("example", "示例")),
                        ("footnote", ("footnote", "脚注"))):
        if role in seg.roles[:2]:
            return names
    if isinstance(node.parent, (nodes.definition, nodes.term)):
        return "list entry", "列表条目"
    if seg.roles[:1] == ("term",):
        return "definition", "定义"
    return "paragraph", "段"


def _list_parent(seg: Segment) -> nodes.Node | None:
    parent = seg.node.parent
    if isinstance(parent, nodes.list_item):
        return parent.parent
    return None


_MARKUP_START = re.compile(r"^(?:\s*(?:[-*+]\s|\d+[.)]\s|[a-z][.)]\s|#{1,6}\s|:::|```|~~~|\|.*\|\s*$|>\s))", re.M)


def _markup_lines(text: str) -> set[str]:
    kinds = set()
    for m in _MARKUP_START.finditer(text):
        token = m.group(0).strip()
        if token.startswith("#"):
            kinds.add("heading")
        elif token.startswith((":::", "```", "~~~")):
            kinds.add("directive")
        elif token.startswith("|"):
            kinds.add("table row")
        elif token.startswith(">"):
            kinds.add("block quote")
        else:
            kinds.add("list item")
    if re.search(r"\n[ \t]*\n", text.strip()):
        kinds.add("paragraph break")
    return kinds


@rule(code="BL001", title="The translation keeps the master's structure: no dropped, merged or added blocks",
      source="GB/T 1.1-2020 and ISO/IEC Directives Part 2 (a translation reproduces the document)",
      severity="error", scope="standard",
      message="{what}: {problem} (translation: {po})",
      message_zh="{what_zh}：{problem_zh}（译文：{po}）",
      examples=(Example("zh", "5.3 有2个注，英文译文中第2个注的 msgstr 为空（其余均已翻译）",
                        "翻译第2个注"),
                Example("en", "two list items; the translation of the first holds both, the second msgstr is empty",
                        "translate each item in its own msgstr")),
      conservative="With gettext the structure is shared by construction (every note, example, list item and "
                   "title is its own message), so the rule looks only for what a translator can break: a message "
                   "left empty while the messages before and after it (in reading order, across documents) are "
                   "translated, in a clause with other translated messages (a dropped or merged segment; the "
                   "edge of the translated text, untranslated clauses and fuzzy messages are the status's "
                   "business; the first or last message counts only when at least 90 % of the others, and at "
                   "least ten, are translated), messages whose master holds no words to translate "
                   "(formulas, symbols, numbers) are never expected, and a translation that adds block markup "
                   "(a blank line, a list marker, a heading, a directive fence) its master does not have.")
def bl001(ctx) -> None:
    """What it checks: per clause, the translation has the master's notes, examples, list
    items, table cells, titles and paragraphs, each translated in its own message: a message
    left empty inside a translated stretch of the clause (a dropped segment, or two list items
    merged into one message and the other left empty), and a translation that adds block
    structure (a paragraph break, a list marker, a heading or a directive fence) that would
    change the skeleton of the translated edition.

    Why: a translation reproduces the document element by element (section tree, annexes,
    notes, examples, list items). A dropped message silently shows the master
    text in the translated edition, and a merged one leaves the numbering of notes and items
    in the two languages out of step.

    A message left empty is reported as info: it may as well be new master text not
    translated yet, which is the translation status's business (``std translate status``,
    the publish threshold), so it never fails the lint; a message left in the master
    language, and added block markup, are errors.
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    segments = [s for s in pairs.segments if pairs.needs_translation(s)]
    by_clause: dict[str | None, list[Segment]] = {}
    for seg in segments:
        by_clause.setdefault(seg.section, []).append(seg)
    done = sum(1 for seg in segments if pairs.done(seg))
    for index, seg in enumerate(segments):
        if pairs.done(seg):
            added = _markup_lines(seg.msgstr) - _markup_lines(seg.msgid)
            if added:
                what, what_zh = _category(seg)
                kinds = ", ".join(sorted(added))
                _report(ctx, pairs, "BL001", seg, what=what, what_zh=what_zh,
                        problem=f"the translation adds block markup the master does not have ({kinds})",
                        problem_zh=f"译文添加了原文没有的块结构（{kinds}）")
            continue
        if seg.fuzzy or not seg.po_line:
            continue  # stale, or not in the catalog yet (run std translate update): the status's business
        if seg.msgstr and seg.msgstr.strip() != seg.msgid.strip():
            continue
        before = segments[index - 1] if index > 0 else None
        after = segments[index + 1] if index + 1 < len(segments) else None
        if (before is not None and not pairs.done(before)) or (after is not None and not pairs.done(after)):
            continue  # the edge of the translated text: the status's business
        if (before is None or after is None) and (done < 10 or done < 0.9 * (len(segments) - 1)):
            continue  # the first or last message of a translation still in progress
        clause = by_clause.get(seg.section, [])
        if not any(s is not seg and pairs.done(s) for s in clause):
            continue  # an untranslated clause: the status's business
        what, what_zh = _category(seg)
        same = [s for s in clause if _category(s)[0] == what]
        done_same = sum(1 for s in same if pairs.done(s))
        copied = bool(seg.msgstr)
        problem = ("left in the master language" if copied else "not translated") + \
            f" while the text around it is ({done_same} of {len(same)} {what}s of this clause translated)"
        problem_zh = ("仍为原文" if copied else "未翻译") + f"，而前后文字均已翻译（本条{len(same)}个{what_zh}中" \
            f"已译{done_same}个）"
        if before is not None and what == "list item" and _list_parent(before) is _list_parent(seg) \
                and _list_parent(seg) is not None:
            problem += "; merged into the previous item?"
            problem_zh += "；是否并入了前一列项？"
        # an empty message may be new text not translated yet (the translation status counts it): info only
        _report(ctx, pairs, "BL001", seg, what=what, what_zh=what_zh, problem=problem, problem_zh=problem_zh,
                severity=None if copied else "info")


# -- BL002 provisions --------------------------------------------------------------------------------------------------

_KIND_NAMES = {"requirement": ("requirement", "要求"), "recommendation": ("recommendation", "推荐"),
               "permission": ("permission", "允许"), "possibility": ("possibility", "可能性")}

#: Where the segmenter misreads Chinese verbal forms (see the classifier): 应有 "shall have" is kept whole
#: (应有的 "due" is an adjective), 委托方可 is cut 委托/方可 ("only then") instead of 委托方/可 "the client may".
_ZH_SPLIT = re.compile(r"(?<=应)(?=有(?!的))|(?<=[托甲乙供需双各对三买卖]方)(?=可)")
#: Nouns and adjectives that begin with a verbal form: 允许误差 "permissible error", 可用的 "available" …
_ZH_NOUNS = re.compile(r"允许(?=误差|偏差|公差|值|范围|极限|载荷|电流|电压|温度)|可能性|能力|可用(?=的|性)")
#: A form inside an attributive clause (应具有的职责 "the responsibilities [they] shall have"): a verb of one
#: or two characters, then 的.
_ZH_ATTRIBUTIVE = re.compile(rf"[{_CJK_CLASS}]{{1,2}}的")
#: English forms outside the tables that read as a requirement (the classifier files them under possibility).
_EN_NEED = re.compile(r"needs?\s+to", re.I)


def _provision_text(text: str, lang: str) -> str:
    text = _QUOTED_TITLE.sub(_blank, clean_text(text, keep_link_text=False))
    if lang == "zh":
        text = _ZH_NOUNS.sub(lambda m: "〇" * len(m.group(0)), text)
        text = _ZH_SPLIT.sub(" ", text)
    return text


@dataclass
class Provisions:
    """The provisions of a message: for each kind, its forms, and whether one of them is a firm one.

    A form is *weak* when it is outside the tables (需要, needs to, might, could; VF004) or, in
    Chinese, inside an attributive clause (应具有的职责): it matches a form of the other language
    but does not by itself make a difference.
    """

    forms: dict[str, list[str]] = field(default_factory=dict)
    firm: set[str] = field(default_factory=set)
    boilerplate: bool = False

    @property
    def kinds(self) -> set[str]:
        return set(self.forms)


def provision_kinds(text: str, lang: str) -> Provisions:
    """The provisions of a MyST message (the classifier on each sentence; boilerplate sentences set aside)."""
    found = Provisions()
    prose = _provision_text(text, lang)
    for start, sentence in split_sentences(prose, lang):
        if is_boilerplate(sentence):
            found.boilerplate = True
            continue
        for form in classify(sentence, lang):
            kind = form.kind
            if form.forbidden == "VF004" and lang == "en" and _EN_NEED.match(form.text):
                kind = "requirement"
            found.forms.setdefault(kind, []).append(form.text)
            after = sentence[form.start + len(form.text):]
            attributive = lang == "zh" and _ZH_ATTRIBUTIVE.match(after)
            if form.forbidden != "VF004" and not attributive:
                found.firm.add(kind)
    return found


def _describe(found: Provisions, lang: str) -> str:
    if not found.forms:
        return "no verbal form" if lang == "en" else "无能愿动词"
    parts = []
    for kind in sorted(found.forms, key=lambda k: -STRENGTH[k]):
        words = "/".join(dict.fromkeys(found.forms[kind]))
        name_en, name_zh = _KIND_NAMES[kind]
        parts.append(f"{name_en} ({words})" if lang == "en" else f"{name_zh}（{words}）")
    return ", ".join(parts) if lang == "en" else "、".join(parts)


@rule(code="BL002", title="Provisions keep their strength in translation (应 ↔ shall, 宜 ↔ should, 可 ↔ may …)",
      source="ISO/IEC Directives Part 2, 7 (Tables 3–7); GB/T 1.1-2020 Annex C",
      severity="warning", scope="standard",
      message="provisions differ: the master states {master}, the translation {translation} (translation: {po})",
      message_zh="条款类型不一致：原文为{master_zh}，译文为{translation_zh}（译文：{po}）",
      examples=(Example("zh", "“试样应干燥。” ↔ “The sample should be dry.”",
                        "“The sample shall be dry.”"),
                Example("en", "“Records shall be kept.” ↔ “宜保存记录。”", "“应保存记录。”")),
      conservative="Compared per message as the set of provision kinds (requirement, recommendation, "
                   "permission, possibility), not their counts, since translators split and merge sentences, "
                   "and not their polarity, since a negated predicate often carries it (应不超过 ↔ shall not "
                   "exceed ↔ shall be at most). Reported: a requirement or recommendation on one side only, and "
                   "one kind rendered as another (可 ↔ can, 可能 ↔ may); not reported: a permission or a "
                   "possibility with no verbal form on the other side (可 is often rendered 'allows', 'available', "
                   "能 by a construction). Forms outside the tables (需要, needs to, could) and Chinese forms in "
                   "attributive clauses (应具有的职责) match the other side but make no difference by themselves "
                   "(可以 ↔ could, 可以控制的 ↔ that can be controlled are not a substitution); "
                   "messages with recognised boilerplate (patent notice, lead-ins) and titles are not compared.")
def bl002(ctx) -> None:
    """What it checks: each translated message expresses the same kinds of provisions as its
    master: 应↔shall, 不应/不得↔shall not, 宜↔should, 不宜↔should not, 可↔may, 不必↔need not,
    能/可能↔can, 不能/不可能↔cannot (the verbal-form classifier on both sides; the per-clause
    counts of VF006 are the sum of these).

    Why: a requirement translated as a recommendation (or a permission translated as a
    possibility) changes what conformity means in one of the two languages (ISO/IEC
    Directives Part 2, Clause 7; GB/T 1.1-2020 Annex C).
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    for seg in pairs.translated():
        if seg.kind in ("title", "caption", "math_block", "literal_block"):
            continue
        master = provision_kinds(seg.msgid, pairs.master)
        trans = provision_kinds(seg.msgstr, pairs.target)
        if master.boilerplate or trans.boilerplate:
            continue
        only_master = master.kinds - trans.kinds
        only_trans = trans.kinds - master.kinds
        strong = {"requirement", "recommendation"}
        firm_master, firm_trans = only_master & master.firm, only_trans & trans.firm
        firm_only = firm_master | firm_trans
        # one kind rendered as another: a firm form on each side (a weak one makes no difference by itself)
        substituted = bool(firm_master and firm_trans) and not (only_master | only_trans) <= {"possibility"}
        if not (firm_only & strong) and not substituted:
            continue
        needle = next((form for kind in sorted(only_master, key=lambda k: -STRENGTH[k])
                       for form in master.forms[kind]), "")
        _report(ctx, pairs, "BL002", seg, needle=needle,
                master=_describe(master, "en"), translation=_describe(trans, "en"),
                master_zh=_describe(master, "zh"), translation_zh=_describe(trans, "zh"))


# -- BL003 numbers -----------------------------------------------------------------------------------------------------

_FULLWIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％＋－"}
_FULLWIDTH.update({0x2212: ord("-"), 0x00B5: 0x03BC, 0x3000: 32, 0x00A0: 32, 0x2009: 32, 0x202F: 32, 0x2007: 32,
                   0x2002: 32, 0x2003: 32, 0x2005: 32, 0x2006: 32, 0x2008: 32, 0x200A: 32})
#: Unit names read as the unit of a value, with the symbol they stand for, normalised (5 秒 = 5 seconds = 5 s).
_UNIT_WORDS = {word: symbol.replace("℃", "°C").replace("℉", "°F").replace("µ", "μ")
               for word, symbol in {"℃": "℃", "℉": "℉", **ZH_NAMES, **EN_NAMES}.items()}
_UNIT_AFTER = re.compile(
    r"\s?(?P<unit>"
    + "|".join(re.escape(w) + (f"(?![{ZH_NOT_BEFORE[w]}])" if w in ZH_NOT_BEFORE else "")
               for w in longest_first({*SYMBOLS, *_UNIT_WORDS}))
    + r")(?![A-Za-z0-9_μΩ°])")
_MAGNITUDE = {"万": 10_000, "亿": 100_000_000, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: A magnitude after a number: 10万, 50多亿 ("over 5 billion"), 1 000余万, 5 billion.
_MAGNITUDE_AFTER = re.compile(r"\s*[多余]?\s*([万亿])|\s+(thousand|million|billion)\b", re.I)
#: Labels that make the next number a clause, table, figure … number (not a value), in both languages.
_LABEL_NUMBER = re.compile(
    r"(?:\b(?:clauses?|subclauses?|tables?|figures?|formulae?|formulas|equations?|annex(?:es)?|notes?|examples?|"
    r"parts?|steps?|items?|levels?|phases?|stages?|editions?|versions?)\s+(?:[A-Z]\.)?\d+(?:\.\d+)*"
    r"(?:\s*(?:and|or|to|–|-)\s*(?:[A-Z]\.)?\d+(?:\.\d+)*(?!\s?(?:°|%|[A-Za-zμ])))*"
    r"|第\s*\d+\s*(?:章|条|部分|步|版|次印刷)|(?:表|图|注|示例|附录[A-Z]?)\s*(?:[A-Z]\.)?\d+(?:\.\d+)*"
    r"|公式\s*[（(]\s*(?:[A-Z]\.)?\d+\s*[）)]|\b[A-Z]\.\d+(?:\.\d+)*"
    r"|[（(]\s*(?:[A-Z]\.)?\d+(?:\.\d+)+\s*[)）]"  # open source software (2.7): a term or clause number
    r"|[\[［]\s*\d+(?:\s*[,，–~-]\s*\d+)*\s*[\]］](?!\())", re.I)  # [3]: an entry of the bibliography

#: Words that may stand for a number of the other language (lenient: they only account for a number, see
#: :func:`_word_values`); the cardinals are :data:`tooling.model.numbers.EN_CARDINALS`.
_EN_WORDS = {**EN_CARDINALS, "hundred": 100, "thousand": 1000, "million": 1_000_000, "first": 1, "second": 2,
             "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
             "once": 1, "twice": 2, "single": 1, "double": 2, "triple": 3, "half": 0.5, "quarter": 0.25, "both": 2,
             "pair": 2, "a": 1, "an": 1, "each": 1, "every": 1, "dozen": 12, "january": 1, "february": 2,
             "march": 3, "april": 4, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10,
             "november": 11, "december": 12, "decade": 10, "century": 100}


@dataclass
class Number:
    """A number of a text: as written, its possible values (canonical strings), its unit and its offset."""

    text: str
    values: frozenset[str]
    unit: str
    start: int
    word: bool = False  # written as words (两个, three): shown as written

    def show(self) -> str:
        if self.word:
            return self.text
        return f"{self.text} {self.unit}".strip() if self.unit and self.unit not in self.text else self.text


def _canonical(value: str) -> str:
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _readings(num: str, decimal_comma: bool) -> set[str]:
    """The values a number as written can have (``1,000`` in ISO English: 1 or 1000)."""
    if num.count(".") >= 2:
        return {num}  # 5.2.1: a clause number or a version, compared as written
    m = re.fullmatch(r"(\d{1,3}(?: \d{3})+)(?:[.,](\d+))?", num)
    if m:
        return {_canonical(m[1].replace(" ", "") + ("." + m[2] if m[2] else ""))}
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?", num)
    if m:
        grouped = _canonical(m[1].replace(",", "") + ("." + m[2] if m[2] else ""))
        if decimal_comma and num.count(",") == 1 and not m[2]:
            return {grouped, _canonical(num.replace(",", "."))}
        return {grouped}
    if re.fullmatch(r"\d+,\d+", num):
        return {_canonical(num.replace(",", "."))}
    if re.fullmatch(r"\d+(?:\.\d+)?", num):
        return {_canonical(num)}
    return {num}


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII, special spaces to spaces, µ to μ, ℃ to °C, ～ to a range."""
    text = unicodedata.normalize("NFC", text).translate(_FULLWIDTH)
    return text.replace("℃", "°C").replace("℉", "°F").replace("～", " ~ ").replace("〜", " ~ ")


_MASK = "\uE001"


def _pieces(raw: str) -> list[tuple[int, str]]:
    """Split a run of digits and separators into numbers: ``15 35`` → 15, 35; ``1 000`` stays; ``1,2,3`` → 1, 2, 3."""
    if re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?", raw):
        return [(0, raw)]
    pieces = []
    offset = 0
    for word in raw.split(" "):
        if word.count(",") > 1 and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", word):
            inner = 0
            for part in word.split(","):
                if part:
                    pieces.append((offset + inner, part))
                inner += len(part) + 1
        elif word:
            pieces.append((offset, word))
        offset += len(word) + 1
    return pieces


def numbers_in(text: str, lang: str, profile: str,
               clause_numbers: set[str] | frozenset[str] = frozenset()) -> tuple[list[Number], set[str]]:
    """The numbers of a MyST message that are values (not in roles, references, designations, identifiers, labels).

    Returns:
        ``(numbers, hidden)``: the values with their units, and the values of the numbers that
        were set aside (identifiers, clause numbers, quoted titles …), which may stand for a
        number of the other language.
    """
    text = normalise(clean_text(text, keep_link_text=True))
    hidden: set[str] = set()
    for title in _QUOTED_TITLE.finditer(text):  # 《OWASP Top 10 2017》: the other language may write the title bare
        for m in re.finditer(r"\d+(?:[.,]\d+)*", title.group(0)):
            hidden.add(_canonical(m.group(0)) if m.group(0).isdigit() else m.group(0))
            hidden.update(_canonical(p) for p in re.split(r"[.,]", m.group(0)) if p)
    text = _QUOTED_TITLE.sub(_blank, text)
    chars = list(protect(text))
    for m in _LABEL_NUMBER.finditer(text):
        for i in range(m.start(), m.end()):
            if text[i].isdigit() or (text[i] in ".," and 0 < i < len(text) - 1 and text[i + 1].isdigit()):
                chars[i] = _MASK  # the number only: what follows the label is text again
    protected = "".join(chars)
    aside = "".join(c if p == _MASK else " " for c, p in zip(text, protected))
    for m in re.finditer(r"\d+(?:[.,]\d+)*", aside):
        hidden.add(_canonical(m.group(0)) if m.group(0).isdigit() else m.group(0))
        hidden.update(_canonical(p) for p in re.split(r"[.,]", m.group(0)) if p)
    decimal_comma = lang == "en" and profile == "iso"
    found: list[Number] = []
    for m in re.finditer(r"\d+(?:[ ,.]\d+)*", protected):
        start = m.start()
        prev = protected[start - 1] if start else " "
        if prev == _MASK or (prev.isascii() and (prev.isalnum() or prev in "_.,")):
            continue
        negative = False
        if prev == "-":
            prev2 = protected[start - 2] if start >= 2 else " "
            if prev2 == _MASK or (prev2.isascii() and prev2.isalpha()):
                continue  # an identifier
            negative = not (prev2.isascii() and prev2.isdigit())  # 10-12 is a range
        for index, (offset, piece) in enumerate(_pieces(m.group(0))):
            begin = start + offset
            end = begin + len(piece)
            following = protected[end:end + 1]
            unit_match = _UNIT_AFTER.match(protected, end)
            if following.isascii() and following.isalpha() and not unit_match \
                    and not re.match(r"(?:st|nd|rd|th)(?![A-Za-z])", protected[end:end + 3]):
                continue  # 5G, 3D: a name
            values = _readings(piece, decimal_comma)
            unit = _UNIT_WORDS.get(unit_match.group("unit"), unit_match.group("unit")) if unit_match else ""
            magnitude = _MAGNITUDE_AFTER.match(protected, end)
            if magnitude:
                factor = _MAGNITUDE[(magnitude.group(1) or magnitude.group(2)).lower()]
                values = {_canonical(str(Decimal(v) * factor)) for v in values if re.fullmatch(r"\d+(?:\.\d+)?", v)}
            if negative and index == 0:
                values = {"-" + v for v in values}
            if not values:
                continue
            if "." in piece and not unit and piece in clause_numbers:
                hidden |= values  # 5.2: a clause typed in the text
                continue
            found.append(Number(("\u2212" if negative and index == 0 else "") + piece, frozenset(values), unit,
                                begin))
    for number in number_words(protected, lang):  # 两个, 十二次, 第三名, three labellers (tooling.model.numbers)
        if number.label:
            hidden.add(str(number.value))  # 第三章: a part of the text, as 第3章
            continue
        if number.value == 1:
            continue  # 一个, one: as often the indefinite article as a count
        unit_match = _UNIT_AFTER.match(protected, number.end)
        unit = _UNIT_WORDS.get(unit_match.group("unit"), unit_match.group("unit")) if unit_match else ""
        found.append(Number(number.written, frozenset({str(number.value)}), unit, number.start, word=True))
    found.sort(key=lambda n: n.start)
    return found, hidden


def _word_values(text: str, lang: str) -> Counter:
    """Numbers written as words (English) or Chinese numerals, which may stand for digits of the other language."""
    values: Counter = Counter()
    prose = normalise(clean_text(text, keep_link_text=True))
    if lang == "en":
        for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)?", prose):
            word = m.group(0).lower()
            parts = word.split("-")
            if word in _EN_WORDS:
                values[_canonical(str(_EN_WORDS[word]))] += 1
            elif len(parts) == 2 and all(p in _EN_WORDS for p in parts):
                values[_canonical(str(_EN_WORDS[parts[0]] + _EN_WORDS[parts[1]]))] += 1
            elif word.endswith("s") and word[:-1] in _EN_WORDS:  # hundreds, thousands, tens
                values[_canonical(str(_EN_WORDS[word[:-1]]))] += 1
            elif word.endswith("es") and word[:-2] in _EN_WORDS:  # zeroes
                values[_canonical(str(_EN_WORDS[word[:-2]]))] += 1
    else:
        for m in re.finditer(r"[零〇一二两三四五六七八九十百千万亿]+", prose):
            value = zh_numeral(m.group(0), strict=False)
            if value is not None:
                values[str(value)] += 1
                if value >= 10 and len(m.group(0)) > 1:
                    for char in m.group(0):  # 第三十 → also its parts, conservatively
                        if char in ZH_DIGITS:
                            values[str(ZH_DIGITS[char])] += 1
        for char, value in (("首", 1), ("单", 1), ("双", 2), ("半", "0.5"), ("每", 1), ("各", 1)):
            if char in prose:
                values[str(value)] += prose.count(char)
        if "百分" in prose:
            values["100"] += 1
    return values


def _match(master: list[Number], trans: list[Number]) -> tuple[list[Number], list[Number], list[tuple[Number, Number]]]:
    """Pair numbers with a common value; returns the unpaired of each side and the pairs."""
    left = list(master)
    right = list(trans)
    pairs: list[tuple[Number, Number]] = []
    for exact in (True, False):
        for number in list(left):
            for other in right:
                if (number.values == other.values) if exact else (number.values & other.values):
                    if exact and number.unit and other.unit and number.unit != other.unit:
                        continue
                    pairs.append((number, other))
                    left.remove(number)
                    right.remove(other)
                    break
    return left, right, pairs


def _absorb(numbers: list[Number], words: Counter, hidden: set[str]) -> list[Number]:
    """The numbers no word, numeral or set-aside number of the other text accounts for."""
    words = Counter(words)
    rest = []
    for number in numbers:
        value = next((v for v in number.values if words.get(v, 0) > 0), None)
        if value is not None:
            words[value] -= 1
            continue
        if number.values & hidden:
            continue
        rest.append(number)
    return rest


@rule(code="BL003", title="The translation has the master's numbers and quantities",
      source="ISO/IEC Directives Part 2, 9 (ISO 80000); GB/T 1.1-2020 9.13",
      severity="error", scope="standard",
      message="numbers differ: {problem} (translation: {po})",
      message_zh="数值不一致：{problem_zh}（译文：{po}）",
      examples=(Example("zh", "“温度宜为20 ℃。” ↔ “The temperature should be 25 °C.”",
                        "“The temperature should be 20 °C.”"),
                Example("en", "“at least 1 000 samples” ↔ “至少100个样本”", "“至少1 000个样本”")),
      conservative="Numbers are compared per message as multisets of values after normalisation (full-width "
                   "digits, ℃ and °C, µ and μ, special spaces, the decimal sign per profile with a comma in ISO "
                   "English, digit grouping 10 000 / 10,000 / 10000, 万); numbers in citations, references, "
                   "formulas, literals, designations, identifiers (SHA-256, V2.1), dates, clause, table and "
                   "figure numbers are set aside, and a number of one language may be written as a word or a "
                   "numeral in the other (two, third, 两, 第三). Numbers written as words are numbers where they "
                   "quantify (两个, 三次, 第三名, three labellers, twice; tooling.model.numbers): not in 一致, 统一, "
                   "之一, 第三方, 二次验证 (secondary), 五年多, one of the, no one, one another, nor a lone 一 or one "
                   "(as often the article as a count). Units are compared only when both sides write a unit after "
                   "the same value.")
def bl003(ctx) -> None:
    """What it checks: each translated message has the same numbers, and the same value+unit
    pairs, as its master, including the limits of ranges (15 ℃～35 ℃ ↔ 15 °C to 35 °C) and
    tolerances.

    Why: a value that changes in translation changes the requirement in one language only;
    this is the most common and the most harmful translation error in standards.
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    profile = ctx.meta.profile
    for seg in pairs.translated():
        if seg.kind in ("math_block", "literal_block"):
            continue
        master, master_hidden = numbers_in(seg.msgid, pairs.master, profile, pairs.clause_numbers)
        trans, trans_hidden = numbers_in(seg.msgstr, pairs.target, profile, pairs.clause_numbers)
        if not master and not trans:
            continue
        only_master, only_trans, matched = _match(master, trans)
        only_master = _absorb(only_master, _word_values(seg.msgstr, pairs.target), trans_hidden)
        only_trans = _absorb(only_trans, _word_values(seg.msgid, pairs.master), master_hidden)
        units = [(a, b) for a, b in matched if a.unit and b.unit and a.unit != b.unit]
        if not only_master and not only_trans and not units:
            continue
        problems_en, problems_zh = [], []
        if only_master:
            shown = ", ".join(n.show() for n in only_master)
            problems_en.append(f"the master has {shown}")
            problems_zh.append(f"原文有{shown}")
        if only_trans:
            shown = ", ".join(n.show() for n in only_trans)
            problems_en.append(f"the translation has {shown}")
            problems_zh.append(f"译文有{shown}")
        for a, b in units:
            problems_en.append(f"{a.show()} is {b.show()} in the translation")
            problems_zh.append(f"{a.show()}在译文中为{b.show()}")
        needle = (only_master[0].text if only_master else units[0][0].text if units else "")
        _report(ctx, pairs, "BL003", seg, needle=needle, problem="; ".join(problems_en),
                problem_zh="；".join(problems_zh))


# -- BL004 citations and references ----------------------------------------------------------------------------------

_CITE_CONTENT = re.compile(r"^(?P<designation>[^#,，]+?)\s*(?:#(?P<id>[\w.:-]+)|[,，]\s*(?P<loc>.+))?$")
_REF_ROLES = ("ref", "numref", "eq", "doc", "term", "std:ref", "any")
_LOC_KIND = [(re.compile(r"table|表", re.I), "table"), (re.compile(r"figure|图", re.I), "figure"),
             (re.compile(r"annex|附录", re.I), "annex"), (re.compile(r"formula|equation|公式|式", re.I), "formula"),
             (re.compile(r"note|注", re.I), "note"), (re.compile(r"example|示例", re.I), "example")]


def _designation(text: str) -> str:
    """A designation in its own family's form (GB/T 191—2008, ISO 9001:2015), whatever dash or colon was typed."""
    text = " ".join(normalise(text).split())
    for candidate in (text, re.sub(r"\s*[:：]\s*(\d{4})$", "\u2014\\1", text)):
        try:
            return parse_designation(candidate).format()
        except DesignationError:
            continue
    return text


def _location(loc: str) -> str:
    loc = normalise(loc or "").strip()
    if not loc:
        return ""
    kind = next((name for pattern, name in _LOC_KIND if pattern.search(loc)), "")
    number = re.findall(r"[A-Z](?:\.\d+)+|\d+(?:\.\d+)*|(?<![A-Za-z])[A-Z](?![A-Za-z])|[a-z]\)", loc)
    return f"{kind} {' '.join(number)}".strip()


_BIBLIOGRAPHY_REF = re.compile(r"[\[［]\s*(\d+(?:\s*[,，–~-]\s*\d+)*)\s*[\]］](?!\()")


def references_in(text: str) -> tuple[Counter, set[str]]:
    """Citations (designation as formatted, location or target) and internal reference targets of a message.

    Targets are stable IDs (``[](#id)``, reference roles) and entries of the bibliography typed as
    ``[3]`` (given as ``[3]``).
    """
    cites: Counter = Counter()
    targets: set[str] = set()
    for m in _BIBLIOGRAPHY_REF.finditer(normalise(clean_text(text))):
        for number in re.split(r"\s*[,，]\s*", m.group(1)):
            targets.add("[" + "".join(number.split()) + "]")
    for m in _ROLE.finditer(text):
        name, content = m.group("name"), " ".join(m.group("content").split())
        if name in ("cite", "cite-normative", "cite-informative"):
            c = _CITE_CONTENT.match(content)
            if c:
                where = f"#{c['id']}" if c["id"] else _location(c["loc"] or "")
                cites[(_designation(c["designation"]), where)] += 1
            else:
                cites[(content, "")] += 1
        elif name.split(":")[-1] in _REF_ROLES:
            target = re.search(r"<([^>]+)>\s*$", content)
            targets.add((target.group(1) if target else content).lstrip("#"))
    for m in _LINK.finditer(text):
        target = m.group("target")
        if target.startswith("#"):
            targets.add(target[1:])
        elif target and not re.match(r"[a-z]+:", target):
            targets.add(target)
    prose = clean_text(text)
    for start, end in designation_spans(prose):
        cites[(_designation(prose[start:end]), "")] += 1
    return cites, targets


def _show_target(target: str) -> str:
    return target if target.startswith("[") else f"#{target}"


def _show_cite(cite: tuple[str, str]) -> str:
    designation, where = cite
    return f"{designation}{where if where.startswith('#') else (', ' + where if where else '')}"


@rule(code="BL004", title="The translation cites the same documents (and dates) and refers to the same elements",
      source="ISO/IEC Directives Part 2, 10; GB/T 1.1-2020 9.5",
      severity="error", scope="standard",
      message="references differ: {problem} (translation: {po})",
      message_zh="引用不一致：{problem_zh}（译文：{po}）",
      examples=(Example("zh", "“见{cite}`GB/T 191—2008`。” ↔ “See {cite}`GB/T 191`.”",
                        "“See {cite}`GB/T 191—2008`.”"),
                Example("en", "“as given in [](#tbl-limits)” ↔ “见[](#tbl-methods)”", "“见[](#tbl-limits)”")),
      conservative="Designations are compared in their normalised form (parse_designation), so GB/T 191—2008, "
                   "GB/T 191-2008 and GB/T 191:2008 are the same; locations in a document are compared by kind "
                   "and number (表2 and Table 2 are the same). Citations are compared as multisets per message, "
                   "internal references as sets (a translator may repeat or merge a reference).")
def bl004(ctx) -> None:
    """What it checks: each translated message cites the same documents, with the same dating
    and the same location in them ({cite} roles and designations typed as text), and refers
    to the same elements of the standard ([](#id) and reference roles), as its master.

    Why: a dated reference that loses its year in translation, or a reference to another
    table, changes what applies (ISO/IEC Directives Part 2, 10.4; GB/T 1.1-2020 9.5).
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    for seg in pairs.translated():
        if seg.kind in ("math_block", "literal_block"):
            continue
        master_cites, master_targets = references_in(seg.msgid)
        trans_cites, trans_targets = references_in(seg.msgstr)
        missing = master_cites - trans_cites
        extra = trans_cites - master_cites
        missing_targets = master_targets - trans_targets
        extra_targets = trans_targets - master_targets
        if not (missing or extra or missing_targets or extra_targets):
            continue
        en, zh = [], []
        if missing:
            shown = ", ".join(sorted(_show_cite(c) for c in missing.elements()))
            en.append(f"the translation lacks {shown}")
            zh.append(f"译文缺少{shown}")
        if extra:
            shown = ", ".join(sorted(_show_cite(c) for c in extra.elements()))
            en.append(f"the translation cites {shown}")
            zh.append(f"译文引用了{shown}")
        if missing_targets:
            shown = ", ".join(_show_target(t) for t in sorted(missing_targets))
            en.append(f"the translation does not refer to {shown}")
            zh.append(f"译文未指向{shown}")
        if extra_targets:
            shown = ", ".join(_show_target(t) for t in sorted(extra_targets))
            en.append(f"the translation refers to {shown}")
            zh.append(f"译文指向{shown}")
        needle = ""
        if missing:
            designation = next(iter(missing))[0]
            needle = next((d for d in re.findall(r"`([^`#,，]+)", seg.msgid) if _designation(d) == designation), "")
        elif missing_targets:
            needle = _show_target(sorted(missing_targets)[0])
        _report(ctx, pairs, "BL004", seg, needle=needle, problem="; ".join(en), problem_zh="；".join(zh))


# -- BL005 terms -------------------------------------------------------------------------------------------------------

_IRREGULAR = {"datum": "data", "criterion": "criteria", "index": "indices", "matrix": "matrices",
              "analysis": "analyses", "basis": "bases", "medium": "media", "phenomenon": "phenomena",
              "child": "children", "person": "people", "vertex": "vertices", "appendix": "appendices"}


def _en_pattern(term: str) -> re.Pattern:
    """A term in English text: word-bounded, any case, with its plural and possessive."""
    term = re.sub(r"\s*\([^)]*\)\s*", " ", term).strip()
    words = term.split()
    parts = []
    for i, word in enumerate(words):
        escaped = re.escape(word)
        if i == len(words) - 1:
            lower = word.lower()
            singular = {v: k for k, v in _IRREGULAR.items()}
            if lower in _IRREGULAR:
                escaped = f"(?:{escaped}|{re.escape(_IRREGULAR[lower])})"
            elif lower in singular:
                escaped = f"(?:{escaped}|{re.escape(singular[lower])})"
            elif re.search(r"[^aeiou]ies$", lower):  # an equivalent given in the plural: its singular too
                escaped = f"(?:{escaped}|{re.escape(word[:-3])}y)"
            elif re.search(r"[^su]s$", lower):
                escaped = f"{re.escape(word[:-1])}(?:s|\\(s\\))?"
            elif re.search(r"[^aeiou]y$", lower):
                escaped = f"(?:{escaped}|{re.escape(word[:-1])}ies)"
            elif re.search(r"(?:s|x|z|ch|sh)$", lower):
                escaped = f"{escaped}(?:es)?"
            else:
                escaped = f"{escaped}(?:s|\\(s\\))?"
            escaped += r"(?:'s|')?"
        parts.append(escaped)
    return re.compile(r"(?<![A-Za-z0-9-])" + r"[\s\u00a0-]+".join(parts) + r"(?![A-Za-z0-9])", re.I)


@dataclass
class _Term:
    master: str  # the term in the master language
    renderings: tuple[str, ...]  # its equivalents in the other language
    ids: tuple[str, ...]  # the entry's stable IDs
    admitted: bool = False


_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9/&.+-]*[A-Z0-9]$")


def _terms(pairs: Pairs) -> list[_Term]:
    """The terms of the master's entries with their renderings in the translation's language.

    A term may be rendered by the equivalent of the entry's preferred term or of any of its
    admitted terms (all name the same concept); an abbreviation (SBOM, CVE) renders itself.
    """
    terms: list[_Term] = []
    for _, entry in pairs.entries:
        ids = tuple(entry.get("ids", ())) + tuple(entry.get("names", ()))
        main = (entry.get("equivalents", {}) or {}).get(pairs.target)
        if not main:
            continue
        admitted = list(entry.get("admitted", []) or [])
        admitted_eq = list((entry.get("admitted_equivalents", {}) or {}).get(pairs.target, []) or [])
        same_script = [a for a in admitted if _ACRONYM.match(a) or bool(_CJK.search(a)) == (pairs.target == "zh")]
        itself = [entry["preferred"]] if _ACRONYM.match(entry["preferred"]) else []  # CVE ↔ CVEs
        renderings = tuple(dict.fromkeys([main, *admitted_eq, *itself, *same_script]))
        terms.append(_Term(entry["preferred"], renderings, ids))
        for term in admitted:
            terms.append(_Term(term, renderings, ids, admitted=True))
    return terms


def _find_master(term: str, text: str, lang: str) -> list[tuple[int, int]]:
    if lang == "zh":
        if len(term) < 2:
            return []
        return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text)]
    return [(m.start(), m.end()) for m in _en_pattern(term).finditer(text)]


def _renders(rendering: str, text: str, lang: str) -> bool:
    if lang == "zh" and _CJK.search(rendering):
        # 提供的软件 is also written 所提供软件, 提供软件: 的 and a leading 所 come and go
        pattern = "所?" + "".join("的?" if c == "的" else re.escape(c) for c in re.sub(r"\s+", "", rendering))
        return bool(re.search(pattern, re.sub(r"\s+", "", text)))
    return bool(_en_pattern(rendering).search(text))


@rule(code="BL005", title="Terms are translated by their equivalent in the term entry",
      source="GB/T 1.1-2020 8.7.3 (English equivalent); ISO/IEC Directives Part 2, 16.5",
      severity="warning", scope="standard",
      message="term '{term}': {problem}", message_zh="术语“{term}”：{problem_zh}",
      examples=(Example("zh", "条目“门禁 access control”，正文 “门禁应…” ↔ “The entrance guard shall …”",
                        "“The access control shall …”"),
                Example("en", "entry 'test sample 测试样本'; 'Each test sample …' ↔ '每个测试用例……'",
                        "'每个测试样本……'")),
      conservative="A term counts where the master uses it as written (Chinese terms of two characters or more; "
                   "English terms as whole words, with their plural and possessive); a term found inside a "
                   "longer term of the standard counts as the longer one. The translation may use the "
                   "equivalent in its plural, the equivalent of an admitted term, or a reference to the entry. "
                   "An entry without an equivalent in the translation's language is reported for the ISO "
                   "profile only (for GB, TD002 and TD009 report it).")
def bl005(ctx) -> None:
    """What it checks: wherever a master message uses a defined term (the preferred term of a
    term entry, or an admitted term), its translation uses the term's equivalent in the other
    language as given in the entry (``:en:``/``:zh:``).

    Why: a term is defined once and used consistently (ISO/IEC Directives Part 2, 16.5;
    GB/T 1.1-2020 8.7.3 gives the English equivalent in the entry); another rendering in the
    translation reads as a different, undefined concept.
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    if ctx.profile == "iso":
        language = {"zh": ("Chinese", "中文"), "en": ("English", "英文")}[pairs.target]
        for docname, entry in pairs.entries:
            preferred = entry.get("preferred", "")
            if (entry.get("equivalents") or {}).get(pairs.target) or bool(_CJK.search(preferred)) == (pairs.target == "zh"):
                continue
            head = next(iter(entry.findall(stdnodes.term_head)), entry)
            option = f":{pairs.target}:"
            ctx.report("BL005", docname, node=head, needle=preferred, term=preferred,
                       problem=f"no {language[0]} equivalent ({option}): the translated edition shows the "
                               f"{'English' if pairs.target == 'zh' else 'Chinese'} term",
                       problem_zh=f"缺少{language[1]}对应词（{option}）：译文版本将显示原文术语")
    terms = sorted(_terms(pairs), key=lambda t: len(t.master), reverse=True)
    if not terms:
        return
    for seg in pairs.translated():
        master_text = normalise(clean_text(seg.msgid))
        trans_text = normalise(clean_text(seg.msgstr, keep_link_text=True))
        trans_refs = references_in(seg.msgstr)[1]
        taken: list[tuple[int, int]] = []
        reported: set[str] = set()
        for term in terms:
            spans = [s for s in _find_master(term.master, master_text, pairs.master)
                     if not any(a <= s[0] and s[1] <= b for a, b in taken)]
            if not spans:
                continue
            taken.extend(spans)
            if term.master in reported:
                continue
            if any(_renders(r, trans_text, pairs.target) for r in term.renderings):
                continue
            if trans_refs & set(term.ids):
                continue
            reported.add(term.master)
            where = pairs.where(seg)
            _report(ctx, pairs, "BL005", seg, needle=term.master, term=term.master,
                    problem=f"the translation does not use its equivalent '{term.renderings[0]}' (translation: "
                            f"{where})",
                    problem_zh=f"译文未使用其对应词“{term.renderings[0]}”（译文：{where}）")


# -- BL006 titles ------------------------------------------------------------------------------------------------------

_ELEMENTS = {"introductory": "引导元素", "main": "主体元素", "complementary": "补充元素"}
_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "for", "in", "on", "to", "by", "with", "from", "at", "as"}


@rule(code="BL006", title="The title is given in both languages with the same elements",
      source="GB/T 1.1-2020 6.2 and 8.1; ISO/IEC Directives Part 2, 11.5",
      severity="warning", scope="standard",
      message="title: {problem}", message_zh="名称：{problem_zh}",
      examples=(Example("zh", "title: {zh: {main: 人工智能, complementary: 试验}, en: {main: Artificial intelligence}}",
                        "title: {…, en: {main: Artificial intelligence, complementary: Tests}}"),
                Example("en", "title: {en: {main: Data sets}, zh: {main: 数据集}} with en main 'data sets'",
                        "en main 'Data sets'")),
      conservative="Runs only on a master with a catalog in the other language. Capitalisation is checked on "
                   "the first letter of each English element; the part prefix (第N部分：/Part N:) and the "
                   "separators ( — , full-width space) are generated and must not be typed.")
def bl006(ctx) -> None:
    """What it checks: a translated standard has its title in both languages in the metadata
    (``title.zh``, ``title.en``) with the same elements (introductory, main, complementary);
    each English element starts with a capital letter; no element holds the part prefix or the
    separator between elements, which the cover generates.

    Why: both titles appear on the cover of a GB standard and of a translated edition, and
    the elements correspond one to one (GB/T 1.1-2020 6.2; ISO/IEC Directives Part 2, 11.5).
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    meta = ctx.meta
    index = f"{ctx.slug}/index"
    lines = meta.lines

    def report(problem: str, problem_zh: str, path: tuple = ()) -> None:
        at = lines.get(("title", *path)) or lines.get(("title", *path[:1])) or lines.get(("title",)) or 1
        ctx.report("BL006", index, line=at, snippet=f"title: {problem}", problem=problem, problem_zh=problem_zh)

    for lang in ("zh", "en"):
        if not meta.title.get(lang):
            name = "English" if lang == "en" else "Chinese"
            report(f"no {name} title (title.{lang}): the standard is translated",
                   f"没有{'英文' if lang == 'en' else '中文'}名称（title.{lang}）：本文件有译文")
    zh, en = meta.title.get("zh") or {}, meta.title.get("en") or {}
    if zh and en:
        for element, name_zh in _ELEMENTS.items():
            if bool(zh.get(element)) != bool(en.get(element)):
                has, lacks = ("zh", "en") if zh.get(element) else ("en", "zh")
                report(f"the {element} element is given in {has} only",
                       f"{name_zh}仅有{'中文' if has == 'zh' else '英文'}", (lacks,))
    for element, text in en.items():
        text = str(text)
        first = next((c for c in text if c.isalpha()), "")
        if first and first.islower():
            report(f"the English {element} element '{_quote(text)}' does not start with a capital letter",
                   f"英文{_ELEMENTS.get(element, element)}“{_quote(text)}”首字母未大写", ("en", element))
        if re.search(r"\s[—–-]\s|^Part\s+\d+\s*:", text):
            report(f"the English {element} element '{_quote(text)}' holds a separator or a part prefix, which "
                   f"are generated", f"英文{_ELEMENTS.get(element, element)}含有分隔符或部分编号，应由系统生成",
                   ("en", element))
    for element, text in zh.items():
        if re.search(r"第\s*[\d一二三四五六七八九十]+\s*部分\s*[：:]|\u3000|——", str(text)):
            report(f"the Chinese {element} element '{_quote(str(text))}' holds a separator or a part prefix, which "
                   f"are generated", f"中文{_ELEMENTS.get(element, element)}含有分隔符或部分编号，应由系统生成",
                   ("zh", element))


# -- BL007 labels ------------------------------------------------------------------------------------------------------

_LABELS_EN = [
    ("note to entry", re.compile(r"^\s*Note\s+\d+\s+to\s+entry\s*[:：]?", re.I)),
    ("note", re.compile(r"^\s*(?:NOTE\b\s*\d*\s*[:：—–-]?|Note\s*\d*\s*[:：—–])")),
    ("example", re.compile(r"^\s*(?:EXAMPLE\b\s*\d*\s*[:：—–-]?|Example\s*\d*\s*[:：—–])")),
    ("source", re.compile(r"\[\s*SOURCE\s*[:：]", re.I)),
]
_LABELS_ZH = [
    ("note", re.compile(r"^\s*注\s*\d*\s*[：:]")),
    ("example", re.compile(r"^\s*示例\s*\d*\s*[：:]")),
    ("source", re.compile(r"[\[［【]\s*来源\s*[：:]")),
]
_TITLE_LABELS_EN = [
    ("table", re.compile(r"^\s*Table\s+[A-Z]?\.?\d+\b", re.I)),
    ("figure", re.compile(r"^\s*Figure\s+[A-Z]?\.?\d+\b", re.I)),
    ("annex", re.compile(r"^\s*Annex\s+[A-Z]\b")),
    ("number", re.compile(r"^\s*(?:Clause\s+)?(?:\d+|[A-Z])(?:\.\d+)+\s+\S|^\s*(?:Clause\s+)?\d+\s+[A-Z]")),
]
_TITLE_LABELS_ZH = [
    ("table", re.compile(r"^\s*表\s*[A-Z]?\.?\d+")),
    ("figure", re.compile(r"^\s*图\s*[A-Z]?\.?\d+")),
    ("annex", re.compile(r"^\s*附\s*录\s*[A-Z]\b")),
    ("number", re.compile(r"^\s*(?:第\s*\d+\s*章|(?:\d+|[A-Z])(?:\.\d+)+\s|\d+\s+[\u4e00-\u9fff])")),
]
_OBLIGATION = {"normative": re.compile(r"\bnormative\b|规范性", re.I),
               "informative": re.compile(r"\binformative\b|资料性", re.I)}
_LABEL_NAMES = {"note": ("note", "注"), "example": ("example", "示例"), "note to entry": ("note to entry", "注"),
                "source": ("source", "来源"), "table": ("table", "表"), "figure": ("figure", "图"),
                "annex": ("annex", "附录"), "number": ("number", "编号")}


def _typed(text: str, lang: str, title: bool) -> dict[str, str]:
    found = {}
    text = clean_text(text, keep_link_text=True)
    for name, pattern in (_LABELS_EN if lang == "en" else _LABELS_ZH):
        m = pattern.search(text)
        if m:
            found[name] = m.group(0).strip()
    if title:
        for name, pattern in (_TITLE_LABELS_EN if lang == "en" else _TITLE_LABELS_ZH):
            m = pattern.search(text)
            if m:
                found[name] = m.group(0).strip()
    return found


def _obligations(text: str) -> set[str]:
    text = clean_text(text)
    text = re.sub(r"规范性引用文件|normative\s+references?", "", text, flags=re.I)
    return {name for name, pattern in _OBLIGATION.items() if pattern.search(text)}


def _annex(seg: Segment) -> nodes.section | None:
    if seg.kind != "title" or not isinstance(seg.node.parent, nodes.section):
        return None
    section = seg.node.parent
    return section if stdnodes.section_role(section) == "annex" else None


@rule(code="BL007", title="The translation types no labels: notes, examples, annex status and numbers are generated",
      source="ISO/IEC Directives Part 2, 20, 24, 25, 28, 29; GB/T 1.1-2020 9.6–9.11",
      severity="error", scope="standard",
      message="{problem} (translation: {po})", message_zh="{problem_zh}（译文：{po}）",
      examples=(Example("zh", "附录B（资料性）的标题 ↔ “Annex B (normative) Test rig”", "“Test rig”"),
                Example("en", "a note 'Samples are dry.' ↔ '注：试样是干燥的。'", "'试样是干燥的。'")),
      conservative="Labels are looked for at the start of a message (NOTE, Note 1 to entry, EXAMPLE, 注：, 示例：), "
                   "in titles and captions (Table 1, 图1, Annex A, clause numbers), and as [SOURCE: …]/[来源：…]; "
                   "a label the master types as well is not reported unless it contradicts it. The words "
                   "normative/informative (规范性/资料性) are reported only where they contradict the master.")
def bl007(ctx) -> None:
    """What it checks: a translated message does not type a label the edition generates (NOTE,
    注：, EXAMPLE, 示例：, Note 1 to entry, [SOURCE: …], Table 1, 图2, Annex A (normative),
    clause numbers in titles), and does not contradict the master's labels: a note typed as
    an example, an informative annex called normative (附录B（资料性）↔ "Annex B (normative)"),
    规范性 ↔ informative in the text.

    Why: labels are generated from the markup in each language, so a typed label appears
    twice, and a contradicting one (NOTE ↔ 示例, normative ↔ 资料性) changes the status of
    the element in one language.
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    for seg in pairs.translated():
        title = seg.kind in ("title", "caption", "rubric")
        master = _typed(seg.msgid, pairs.master, title)
        trans = _typed(seg.msgstr, pairs.target, title)
        problems: list[tuple[str, str, str]] = []
        for name, written in trans.items():
            if name in master or (name == "note to entry" and "note" in master) or \
                    (name == "note" and "note to entry" in master):
                continue
            label_en, label_zh = _LABEL_NAMES[name]
            contradiction = ""
            if name in ("note", "example", "note to entry"):
                inside = "note" if "note" in seg.roles[:2] else "example" if "example" in seg.roles[:2] else None
                if inside and inside != name.replace(" to entry", ""):
                    contradiction = inside
            if contradiction:
                problems.append((written, f"the translation types '{written}' in an {contradiction}",
                                 f"译文在{_LABEL_NAMES[contradiction][1]}中写有“{written}”"))
            else:
                problems.append((written, f"the translation types the {label_en} label '{written}', which is "
                                          f"generated", f"译文写有{label_zh}标签“{written}”，该标签由系统生成"))
        master_ob, trans_ob = _obligations(seg.msgid), _obligations(seg.msgstr)
        annex = _annex(seg)
        if annex is not None:
            master_ob = master_ob or {stdnodes.annex_obligation(annex) or "normative"}
        if trans_ob and master_ob and not (trans_ob & master_ob):
            word = sorted(trans_ob)[0]
            problems.append(("", f"the translation says {word} where the master says {sorted(master_ob)[0]}",
                             f"译文为“{'规范性' if word == 'normative' else '资料性'}”，原文为"
                             f"“{'规范性' if sorted(master_ob)[0] == 'normative' else '资料性'}”"))
        elif annex is not None and trans_ob and not _obligations(seg.msgid):
            word = sorted(trans_ob)[0]
            problems.append(("", f"the translation types the annex status ({word}), which is generated",
                             "译文写有附录的性质（规范性/资料性），该标注由系统生成"))
        if problems:
            _report(ctx, pairs, "BL007", seg, problem="; ".join(p[1] for p in problems),
                    problem_zh="；".join(p[2] for p in problems))


# -- BL008 conventions -------------------------------------------------------------------------------------------------

_ZH_PUNCT_IN_EN = re.compile(r"[，。；：、（）！？【】《》]")
_EN_PUNCT_IN_ZH = re.compile(rf"(?<=[{_CJK_CLASS}])\s*[,;:!?](?=\s*[{_CJK_CLASS}])|(?<=[{_CJK_CLASS}])\.\s*$")


def _definition(seg: Segment) -> bool:
    """The first paragraph of a term entry's own content (its definition)."""
    node = seg.node
    parent = node.parent
    if not isinstance(parent, stdnodes.term_entry) or not isinstance(node, nodes.paragraph):
        return False
    for child in parent.children:
        if isinstance(child, (stdnodes.term_head, stdnodes.term_line, stdnodes.term_source)):
            continue
        if isinstance(child, nodes.paragraph):
            return child is node
    return False


@rule(code="BL008", title="Each language keeps its own conventions: definitions and punctuation",
      source="GB/T 1.1-2020 8.7.3 (definitions end with 。); ISO/IEC Directives Part 2, 16.5.6",
      severity="info", scope="standard",
      message="{problem} (translation: {po})", message_zh="{problem_zh}（译文：{po}）",
      examples=(Example("zh", "“开启阀门的装置。” ↔ “device that opens a valve.”", "“device that opens a valve”"),
                Example("en", "“device that opens a valve” ↔ “开启阀门的装置”", "“开启阀门的装置。”")),
      conservative="Info only. Punctuation is checked outside citations, references, formulas and literals: "
                   "full-width punctuation in English text, and ASCII , ; : ! ? between Chinese characters (or "
                   "a final ASCII period after one) in Chinese text.")
def bl008(ctx) -> None:
    """What it checks: the translation follows its own language's conventions rather than
    copying the master's: a Chinese definition ends with "。"; an English definition has no
    final period and does not start with an article (ISO style, also for English editions of
    GB standards); no full-width punctuation (，。；：（）) in English text and no ASCII
    punctuation between Chinese characters in Chinese text.

    Why: GB/T 1.1-2020 writes definitions as a sentence ending with "。"; ISO/IEC Directives
    Part 2, 16.5.6 writes them as a phrase that can replace the term, without article or
    final period. Punctuation copied across is a typical trace of machine-assisted translation.
    """
    pairs = Pairs.of(ctx)
    if pairs is None:
        return
    for seg in pairs.translated():
        text = clean_text(seg.msgstr).strip()
        if not text:
            continue
        en, zh = [], []
        needle = ""
        if _definition(seg):
            if pairs.target == "zh" and not text.endswith("。"):
                en.append("a Chinese definition ends with '。'")
                zh.append("中文定义应以“。”结尾")
            if pairs.target == "en":
                if text.endswith("."):
                    en.append("an English definition has no final period")
                    zh.append("英文定义末尾不加句点")
                m = re.match(r"(?:a|an|the)\b", text, re.I)
                if m:
                    en.append(f"an English definition does not start with an article ('{m.group(0)}')")
                    zh.append(f"英文定义不以冠词（“{m.group(0)}”）开头")
        prose = _QUOTED_TITLE.sub(_blank, text) if pairs.target == "en" else text
        if pairs.target == "en":
            found = sorted(set(_ZH_PUNCT_IN_EN.findall(prose)))
            if found:
                marks = " ".join(found)
                en.append(f"Chinese punctuation in the English text ({marks})")
                zh.append(f"英文译文中有中文标点（{marks}）")
        else:
            found = sorted({m.group(0).strip() for m in _EN_PUNCT_IN_ZH.finditer(prose)})
            if found:
                marks = " ".join(found)
                en.append(f"ASCII punctuation between Chinese characters ({marks})")
                zh.append(f"中文译文中汉字之间使用了半角标点（{marks}）")
        if en:
            _report(ctx, pairs, "BL008", seg, needle=needle, problem="; ".join(en), problem_zh="；".join(zh))
