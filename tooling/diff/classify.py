"""Technical or editorial: the class of each change (pipeline step: classify).

A block change is **technical** when, in normative text:

- a verbal form's strength or polarity changed — the verbal-form classifier
  (:func:`tooling.lint.classifier.classify`) runs on both sides; forms are
  paired by where they stand in the token alignment of the two texts (a form in
  unchanged text with its counterpart, the forms of a changed passage with each
  other) and compared by kind and polarity, so 应 → 应该 (the same provision) is
  editorial and 宜 → 应 is ``宜 → 应 (recommendation → requirement)`` wherever it
  stands among other forms; forms in quotation marks (the RFC 2119 key words
  quoted) are mentions, not provisions;
- a provision (requirement, recommendation, permission) was added or removed —
  the forms of an added or deleted block, or, for a list item, those of the
  lead-in it continues (``The organization shall:`` …);
- a number, its sign or its unit changed (``220 V → 230 V``, ``−30 °C → 30 °C``,
  ``401 MΩ → 401 kΩ``; units are read by :func:`tooling.lint.units.unit_after`) —
  numbers that are references or labels (``3.1.4.1``, ``see 5.3``, ``Table 2``) are
  renumbering, and codes written with digits (``0x20``, ``%x20``) are no numbers; a
  number written as words is a number where it quantifies (``两个 → 三个``, ``5次 → 三次``,
  ``two labellers → three labellers``: :mod:`tooling.model.numbers`; ``两个 → 2个`` is the
  same value), and a number that replaced a word or code is shown against it (``T → 1``);
- code or syntax changed: a literal block (ABNF, a message or syntax example) is normative
  content, so any change in it but white space is technical (``code or syntax changed``,
  ``… added``, ``… deleted``);
- a citation or its dating changed (``GB/T 1—2009 → GB/T 1—2020``, a cited
  document added or removed);
- a preferred term changed, or a term entry was added or removed;
- a normative annex was added or removed, or an annex changed obligation.

Code is not prose: a literal block is compared as code (above), never read for provisions or
values, and inline code (``jk=4``) inside a paragraph states no provision and no value.

Within a clause, what one block lost and another block of the same clause still holds
is no change (:func:`reconcile_clause`): a value that moved into a new list item, a
provision whose paragraph was rewritten into another paragraph with the same verbal form
(a requirement removed and a requirement of the same form added cancel out).

Everything else is **editorial**: wording, punctuation, case, renumbering,
structure (a clause moved), text added or deleted (a whole block that states no
provision), white space in code, translation (in an edition compared through its
catalogs, a segment that got or lost its translation: the text changed language,
wholly or, in a block holding several segments, in part — the build marks each
untranslated segment, :attr:`~tooling.diff.model.Block.untranslated`; verbal forms
are compared only between texts in the same language, so a translated segment against
its untranslated master text is never a provision added or removed). Changes in
informative elements (foreword, introduction, bibliography, notes, examples,
informative annexes) are editorial too: they carry no provisions.

Reasons are stored on each :class:`~tooling.diff.model.ChangeEntry` as text
(``reasons``) and as data (``details``: ``{"type", "old", "new"}``); a clause's
class is the strongest of its changes (``technical`` > ``editorial`` > ``none``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..lint.classifier import Form, classify
from ..lint.units import unit_after
from ..model.designation import DesignationError, parse_designation
from ..model.numbers import number_words
from .model import Block, ChangeEntry, Clause, ClauseDiff
from .tokens import diff_tokens, is_han, is_number, tokenize

__all__ = ["INFORMATIVE_ROLES", "citations", "classify_change", "classify_clause", "provisions", "quantities",
           "reconcile_clause"]

#: Clause roles whose content carries no provisions.
INFORMATIVE_ROLES = ("foreword", "introduction", "bibliography", "index")
_INFORMATIVE_BLOCKS = ("note", "example")
_PROVISIONS = ("requirement", "recommendation", "permission")
_QUOTES_OPEN = "“\"「『‘'"
_QUOTES_CLOSE = "”\"」』’'"

_CITATION = re.compile(
    r"(?<![A-Za-z0-9])(?:GB(?:/[TZ])?|[A-Z]{2}/[TZ]|DB\d{2}(?:/T)?|T/[A-Z0-9]+|ISO(?:/IEC)?(?:/IEEE)?|IEC|IEEE|ITU-T"
    r"|RFC|BCP|STD)"
    r"\s*(?:(?:DIS|FDIS|CD|WD|TS|TR|PAS)\s+)?"
    r"(?:\d+|X+)(?:[.\-](?:\d+|X+))*"
    r"(?:\s*(?:[-—–]|:)\s*(?:\d{4}|X{4}|—))?"
)
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:see|Clause|clause|Clauses|Subclause|subclause|Section|section|Sections|Table|Figure|Formula|Annex|"
    r"Note|Example|item|step)|§|见|第|按|表|图|公式|附录|条|款)\s*$")


def _norm(text: str) -> str:
    """``text`` compared as words: NFKC (℃ = °C), the minus sign as the hyphen-minus typed for it (−30 = -30)."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-")


#: Text that defines the verbal forms themselves (RFC 2119 / RFC 8174 key words, a verbal-form table):
#: it mentions the forms, it does not state provisions.
_KEY_WORDS = re.compile(
    r"^\W*(?:MUST|SHALL|SHOULD|MAY|REQUIRED|RECOMMENDED|OPTIONAL)(?:\s+NOT)?\W*\s+(?:This|the)\s+"
    r"(?:word|phrase|adjective)|\bkey\s*words\b.*\bare\s+to\s+be\s+interpreted\b|\bBCP\s*14\b"
    r"|\bRFC\s*2119\b.*\bRFC\s*8174\b", re.S)


def provisions(text: str, lang: str, *, with_possibility: bool = False) -> list[Form]:
    """The verbal forms of ``text`` that state provisions.

    Mentions are left out: forms in quotation marks (“MUST”), and text that defines the key
    words themselves (the RFC 2119 boilerplate).
    """
    if _KEY_WORDS.search(text):
        return []
    text = re.sub(r"\[→[^\]]*\]", lambda m: " " * len(m.group(0)), text)
    forms = []
    for form in classify(text, lang):
        if form.kind not in _PROVISIONS and not with_possibility:
            continue
        before = text[form.start - 1] if form.start else ""
        after_at = form.start + len(form.text)
        after = text[after_at] if after_at < len(text) else ""
        if before and after and before in _QUOTES_OPEN and after in _QUOTES_CLOSE:
            continue
        forms.append(form)
    return forms


def _label(form: Form) -> str:
    return form.kind + (" (negative)" if form.polarity == "-" else "")


def text_language(text: str, default: str) -> str:
    """``zh`` for text written mostly in Han characters (an untranslated segment of an English edition), else
    ``en`` for Latin text, else ``default``."""
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if han > latin:
        return "zh"
    return "en" if latin > han else default


def _form_changes(old: str, new: str, lang: str) -> list[dict]:
    """Verbal-form changes between two texts: strength or polarity changed, provision added or removed.

    Forms are paired by where they stand in the token alignment of the two texts
    (:func:`_form_groups`), then, within each group, by their order.
    """
    a = provisions(old, lang, with_possibility=True)
    b = provisions(new, lang, with_possibility=True)
    if [_label(f) for f in a] == [_label(f) for f in b]:
        return []
    details: list[dict] = []
    for olds, news in _form_groups(old, new, a, b):
        _pair_forms(olds, news, details)
    return details


def _form_groups(old: str, new: str, a: list[Form], b: list[Form]) -> list[tuple[list[Form], list[Form]]]:
    """The forms of both texts in groups that face each other, in reading order.

    The token diff of the two texts (:func:`~tooling.diff.tokens.diff_tokens`) cuts them into regions that are
    equal on both sides or changed (deleted text, inserted text, or both). A form belongs to the regions its
    span touches; regions that one form spans (应 equal, 该 inserted: 应 → 应该) make one group. A form in an
    equal region faces its counterpart in the other text; the forms of a changed region face each other.
    """
    if not a or not b:
        return [(a, b)]
    regions = _regions(old, new)

    def touched(form: Form, side: int) -> list[int]:
        start, end = form.start, form.start + len(form.text)
        found = [i for i, r in enumerate(regions) if r[2 * side] < end and start < r[2 * side + 1]]
        return found or [0]

    spans = [touched(f, 0) for f in a] + [touched(f, 1) for f in b]
    group = list(range(len(regions)))  # the first region of the group each region belongs to
    for span in sorted(spans):
        for i in range(span[0] + 1, span[-1] + 1):
            group[i] = group[span[0]]
    groups: dict[int, tuple[list[Form], list[Form]]] = {}
    for form, span in zip(a, spans[:len(a)]):
        groups.setdefault(group[span[0]], ([], []))[0].append(form)
    for form, span in zip(b, spans[len(a):]):
        groups.setdefault(group[span[0]], ([], []))[1].append(form)
    return [groups[key] for key in sorted(groups)]


def _pair_forms(a: list[Form], b: list[Form], details: list[dict]) -> None:
    """Pair two lists of forms that face each other by their order; append what changed to ``details``."""
    la, lb = [_label(f) for f in a], [_label(f) for f in b]
    matcher = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for x, y in zip(olds, news):
            if x.kind == y.kind and x.polarity == y.polarity:
                continue
            details.append({"type": "verbal-form", "old": x.text, "new": y.text,
                            "old_kind": _label(x), "new_kind": _label(y)})
        for x in olds[len(news):]:
            if x.kind in _PROVISIONS:
                details.append({"type": "requirement", "old": x.text, "new": "", "old_kind": _label(x), "new_kind": ""})
        for y in news[len(olds):]:
            if y.kind in _PROVISIONS:
                details.append({"type": "requirement", "old": "", "new": y.text, "old_kind": "", "new_kind": _label(y)})


def citations(text: str) -> list[tuple[str, str, str]]:
    """Citations written in ``text``: ``(key, year or "", as written)``."""
    found = []
    for m in _CITATION.finditer(text):
        written = m.group(0).strip()
        try:
            designation = parse_designation(written.replace("–", "-"))
            key, year = designation.key, designation.year or ""
        except DesignationError:
            key, year = re.sub(r"\s+", " ", written), ""
        found.append((key, "" if year in ("XXXX",) else year, written))
    return found


def _citation_changes(old: str, new: str) -> list[dict]:
    a, b = citations(old), citations(new)
    details: list[dict] = []
    years_a: dict[str, list[tuple[str, str]]] = {}
    years_b: dict[str, list[tuple[str, str]]] = {}
    for key, year, written in a:
        years_a.setdefault(key, []).append((year, written))
    for key, year, written in b:
        years_b.setdefault(key, []).append((year, written))
    for key in years_a.keys() | years_b.keys():
        ya, yb = years_a.get(key, []), years_b.get(key, [])
        if not ya:
            details.append({"type": "citation", "old": "", "new": yb[0][1]})
        elif not yb:
            details.append({"type": "citation", "old": ya[0][1], "new": ""})
        elif {y for y, _ in ya} != {y for y, _ in yb}:
            sa, sb = {y for y, _ in ya}, {y for y, _ in yb}
            old_w = next((w for y, w in ya if y not in sb), ya[0][1])
            new_w = next((w for y, w in yb if y not in sa), yb[0][1])
            details.append({"type": "citation-dating", "old": old_w, "new": new_w})
    return sorted(details, key=lambda d: (d["old"] or d["new"]))


@dataclass(frozen=True)
class _Quantity:
    """A number of a text with its unit: where it stands, as shown, as compared, whether it is a reference."""

    start: int
    end: int
    shown: str      # as written, with its unit: "220 V", "两个", "fifteen digits"
    key: str        # what is compared: the value (a number word's in digits) and the unit, "2|个"
    reference: bool
    word: int | None = None  # the value of a number written as words (None for digits)


def _quantities(text: str) -> list[_Quantity]:
    """The numbers of ``text`` (written in digits or as words that quantify) with their units, in reading order."""
    text = re.sub(r"\[→[^\]]*\]", lambda m: " " * len(m.group(0)), text)
    for m in _CITATION.finditer(text):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    found: list[_Quantity] = []

    def reference_at(start: int, end: int, token: str) -> bool:
        before, after = text[max(0, start - 12):start], text[end:end + 1]
        return (token.count(".") >= 2 or bool(_REFERENCE_BEFORE.search(before))
                or (before.endswith("[") and after == "]")                    # [2]: a bibliography entry
                or (token.count(".") == 1 and before.endswith(("(", "（")) and after in (")", "）")))  # (2.7)

    offset = 0
    for token in tokenize(text):
        start = offset
        offset += len(token)
        if not is_number(token):  # words, and codes written with digits (0x20, %x20)
            continue
        unit = unit_after(text, offset)  # 220 V, 401 MΩ, 10 Mbit/s, 677 次/s, 3 个月 (lint.units)
        space = " " if unit and unit[0] else ""
        found.append(_Quantity(start, offset, token + (space + unit[1] if unit else ""),
                               _same_value(token) + "|" + (unit[1] if unit else ""),
                               reference_at(start, offset, token)))
    for number in number_words(text):  # 两个, 十二次, 第三名, three labellers (tooling.model.numbers)
        unit = unit_after(text, number.end)
        if number.measure:
            shown = number.written
        else:
            shown = number.text + (" " + unit[1] if unit else "")
        found.append(_Quantity(number.start, number.end, shown, f"{number.value}|{unit[1] if unit else ''}",
                               number.label or reference_at(number.start, number.end, number.text),
                               word=number.value))
    return sorted(found, key=lambda q: q.start)


def quantities(text: str) -> list[tuple[str, bool]]:
    """Numbers of ``text`` with their unit: ``("220 V", is_reference)``.

    References and labels (``3.1.4.1``, ``see 5.3``, ``表2``, ``第三章``) are flagged; citations and
    element references (``[→id]``) are left out. Numbers written as words count where they quantify
    (``两个``, ``三次``, ``three labellers``: :func:`tooling.model.numbers.number_words`).
    """
    return [(q.shown, q.reference) for q in _quantities(text)]


def _same_value(quantity: str) -> str:
    """A value as compared: the hyphen-minus typed for a minus sign is the minus sign (-30 °C = −30 °C)."""
    return "\u2212" + quantity[1:] if quantity.startswith("-") else quantity


def _regions(old: str, new: str) -> list[list]:
    """The token diff of two texts (:func:`~tooling.diff.tokens.diff_tokens`) as regions equal on both sides or
    changed: ``[old start, old end, new start, new end, changed]``, in reading order."""
    regions: list[list] = []
    at_old = at_new = 0
    for token in diff_tokens(old, new):
        size = len(token.text)
        changed = token.op != "equal"
        if not regions or not (changed and regions[-1][4]):
            regions.append([at_old, at_old, at_new, at_new, changed])
        if token.op != "insert":
            at_old += size
            regions[-1][1] = at_old
        if token.op != "delete":
            at_new += size
            regions[-1][3] = at_new
    return regions


def _replaced(quantity: _Quantity, side: int, regions: list[list], texts: tuple[str, str]) -> str:
    """What a number that has no counterpart replaced in the other text: where the token diff replaced just
    the number (``“T”`` → ``“1”``), the one word or code facing it (``T``), or a short Chinese phrase (``若干`` →
    ``3``); else ``""``."""
    own, other = texts[side], texts[1 - side]
    for region in regions:
        if region[4] and region[2 * side] <= quantity.start and quantity.end <= region[2 * side + 1]:
            if own[region[2 * side]:region[2 * side + 1]].strip() != own[quantity.start:quantity.end]:
                return ""  # the number is part of a larger rewrite (HTTP/1 → textual)
            facing = other[region[2 * (1 - side)]:region[2 * (1 - side) + 1]].strip()
            tokens = [t for t in tokenize(facing) if not t.isspace()]
            if len(tokens) == 1 and not is_number(tokens[0]) and (tokens[0][0].isalnum() or tokens[0][0] in "%\\&"):
                return tokens[0]
            if tokens and len(tokens) <= 4 and all(is_han(t) for t in tokens):
                return facing
            return ""
    return ""


def _value_changes(old: str, new: str) -> tuple[list[dict], bool]:
    """Changed values (number with unit), and whether referenced numbers (renumbering) changed.

    Values are paired by their order; one that has no counterpart is shown against what it replaced in the
    other text when that is one word or code (``T → 1``), else against nothing (``∅ → 1``). A number word of
    value 1 that came or went alone (一个, one) is the indefinite article as often as a count: not reported.
    """
    a, b = _quantities(old), _quantities(new)
    va, vb = [q for q in a if not q.reference], [q for q in b if not q.reference]
    ra, rb = [q.key for q in a if q.reference], [q.key for q in b if q.reference]
    details: list[dict] = []
    regions: list[list] | None = None
    matcher = difflib.SequenceMatcher(None, [q.key for q in va], [q.key for q in vb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        olds, news = va[i1:i2], vb[j1:j2]
        for k in range(max(len(olds), len(news))):
            x = olds[k] if k < len(olds) else None
            y = news[k] if k < len(news) else None
            if x is not None and y is not None:
                details.append({"type": "value", "old": x.shown, "new": y.shown})
                continue
            alone = x or y
            if alone.word == 1:
                continue
            if regions is None:
                regions = _regions(old, new)
            facing = _replaced(alone, 0 if x else 1, regions, (old, new))
            details.append({"type": "value", "old": x.shown if x else facing, "new": y.shown if y else facing})
    return details, ra != rb


def _words(text: str, *, case: bool) -> list[str]:
    """The tokens of ``text`` without white space and punctuation (numbers stay whole: 2.20 ≠ 220)."""
    words = [t for t in tokenize(_norm(text))
             if not (t.isspace() or (len(t) == 1 and unicodedata.category(t)[0] in "PS"))]
    return [w.casefold() for w in words] if case else words


_LABEL_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+){2,}(?![\w.])")


def _singular(term: str) -> list[str]:
    """An English term's words, case-folded, without a plural ``s`` (Component Records ~ component record)."""
    return [re.sub(r"(?<=[a-z]{3})s$", "", w) for w in _words(term, case=True)]


def _editorial_kind(old: str, new: str) -> str:
    """``punctuation``, ``case``, ``renumbering`` (numbers typed as labels, ``3.1.1.1``) or ``wording``."""
    if _words(old, case=False) == _words(new, case=False):
        return "punctuation"
    bare_old, bare_new = _LABEL_NUMBER.sub("#", old), _LABEL_NUMBER.sub("#", new)
    if (bare_old, bare_new) != (old, new) and _words(bare_old, case=True) == _words(bare_new, case=True):
        return "renumbering"
    if _words(old, case=True) == _words(new, case=True):
        return "case"
    return "wording"


#: Verbal forms in Chinese (GB/T 1.1-2020 Annex C: 要求、推荐、允许、可能).
_KINDS_ZH = {"requirement": "要求", "recommendation": "推荐", "permission": "允许", "possibility": "可能"}


def _kind_text(kind: str, lang: str) -> str:
    if lang != "zh":
        return kind
    base, negative = kind.removesuffix(" (negative)"), kind.endswith(" (negative)")
    return _KINDS_ZH.get(base, base) + ("（否定）" if negative else "")


def reason_text(detail: dict, lang: str) -> str:
    """A technical detail as a short text in ``lang`` (``zh`` or ``en``).

    ``{"type": "verbal-form", "old": "宜", "new": "应", ...}`` → ``宜 → 应（推荐 → 要求）`` in Chinese,
    ``should → shall (recommendation → requirement)`` in English; values read ``220 V → 230 V``.
    """
    kind, old, new = detail["type"], detail.get("old", ""), detail.get("new", "")
    zh = lang == "zh"
    old_kind, new_kind = _kind_text(detail.get("old_kind", ""), lang), _kind_text(detail.get("new_kind", ""), lang)
    if kind == "verbal-form":
        return f"{old} → {new}（{old_kind} → {new_kind}）" if zh else f"{old} → {new} ({old_kind} → {new_kind})"
    if kind == "requirement":
        if zh:
            return f"增加{new_kind}（{new}）" if new else f"删除{old_kind}（{old}）"
        return f"{new_kind} added ({new})" if new else f"{old_kind} removed ({old})"
    if kind == "value":
        return f"{old or '∅'} → {new or '∅'}"
    if kind == "citation":
        if zh:
            return f"增加引用：{new}" if new else f"删除引用：{old}"
        return f"citation added: {new}" if new else f"citation removed: {old}"
    if kind == "citation-dating":
        return f"引用 {old} → {new}" if zh else f"citation {old} → {new}"
    if kind == "term":
        if zh:
            return f"术语 {old} → {new}" if old and new else (f"增加术语：{new}" if new else f"删除术语：{old}")
        return f"term {old} → {new}" if old and new else (f"term added: {new}" if new else f"term deleted: {old}")
    if kind == "annex":
        return detail.get("text") or f"annex {old or '∅'} → {new or '∅'}"
    if kind == "code":
        action = detail.get("action", "changed")
        if zh:
            return {"added": "增加代码或语法", "deleted": "删除代码或语法"}.get(action, "代码或语法更改")
        return f"code or syntax {action}"
    return kind


def _lead_in(blocks, stable: str) -> str:
    """The text of the block a list item continues (the nearest preceding block that is not an item)."""
    for index, block in enumerate(blocks):
        if block.stable == stable:
            for previous in range(index - 1, -1, -1):
                if blocks[previous].kind != "list-item":
                    return blocks[previous].stable
            return ""
    return ""


def _block_of(clause: Clause | None, stable: str) -> Block | None:
    """The block of ``clause`` whose ``stable`` text is ``stable`` (the first), if any."""
    if clause is None or not stable:
        return None
    return next((b for b in clause.blocks if b.stable == stable), None)


def _prose(text: str, block: Block | None, kind: str = "") -> str:
    """The text without its code: ``""`` for a literal block, inline code blanked out (same length)."""
    if kind == "literal_block" or (block is not None and block.kind == "literal_block"):
        return ""
    for literal in (block.literals if block is not None else ()):
        text = text.replace(literal, " " * len(literal))
    return text


def _language_switched(change: ChangeEntry, old_text: str, new_text: str, old_block: Block | None,
                       new_block: Block | None) -> bool:
    """A modified block whose text changed language: a segment of a translated edition got or lost its
    translation — the whole block (the text's script changed), or some of its segments (a list item, a
    table row or a note holding several: the build marks the untranslated ones)."""
    if change.kind not in ("modified", "moved") or not old_text or not new_text:
        return False
    a, b = text_language(old_text, ""), text_language(new_text, "")
    if a and b and a != b:
        return True
    return old_block is not None and new_block is not None and old_block.untranslated != new_block.untranslated


def classify_change(change: ChangeEntry, lang: str, *, informative: bool, old: Clause | None = None,
                    new: Clause | None = None) -> None:
    """Set ``class_``, ``reasons`` and ``details`` of one block change."""
    old_text = change.old_stable or change.old
    new_text = change.new_stable or change.new
    edition = lang  # the language of the edition compared (code is written in neither)
    lang = text_language(old_text + new_text, lang)
    old_block = _block_of(old, old_text) if change.kind != "added" else None
    new_block = _block_of(new, new_text) if change.kind != "deleted" else None
    details: list[dict] = []
    editorial: list[dict] = []
    if informative or change.block in _INFORMATIVE_BLOCKS:
        editorial.append({"type": "informative", "old": "", "new": ""})
    elif _language_switched(change, old_text, new_text, old_block, new_block):
        # a segment of a translated edition that got (or lost) its translation: no change of content
        editorial.append({"type": "translation", "old": "", "new": ""})
    elif change.block == "title" and (old is not None and old.kind == "term" or new is not None and new.kind == "term"):
        kind = _editorial_kind(old_text, new_text)
        if kind == "wording" and _singular(old_text) != _singular(new_text):
            details.append({"type": "term", "old": change.old, "new": change.new})
        else:
            editorial.append({"type": kind if kind != "wording" else "number (singular/plural)", "old": "", "new": ""})
    elif change.kind == "moved" and (not change.new or old_text == new_text):
        editorial.append({"type": "moved", "old": "", "new": change.elsewhere})
    elif change.block == "literal_block":
        # code and syntax (ABNF, a message example) are normative content: any change but white space counts
        if change.kind in ("modified", "moved") and re.sub(r"\s+", "", old_text) == re.sub(r"\s+", "", new_text):
            editorial.append({"type": "whitespace", "old": "", "new": ""})
        else:
            details.append({"type": "code", "old": "", "new": "",
                            "action": {"added": "added", "deleted": "deleted"}.get(change.kind, "changed")})
    elif change.kind in ("modified", "moved") and _editorial_kind(old_text, new_text) != "wording":
        # punctuation or case only (quotation marks around a key word make no provision)
        editorial.append({"type": _editorial_kind(old_text, new_text), "old": "", "new": ""})
    else:
        old_prose = _prose(old_text, old_block, change.block)
        new_prose = _prose(new_text, new_block, change.block)
        details += _form_changes(old_prose, new_prose, lang)
        if change.kind in ("added", "deleted") and change.block == "list-item" and not details:
            # an item of a list introduced by a provision ("The organization shall:") is one
            clause = new if change.kind == "added" else old
            lead = _lead_in(clause.blocks, new_text if change.kind == "added" else old_text) if clause else ""
            forms = provisions(lead, lang)
            if forms:
                form = forms[-1]
                details.append({"type": "requirement", "old": "" if change.kind == "added" else form.text,
                                "new": form.text if change.kind == "added" else "",
                                "old_kind": "" if change.kind == "added" else _label(form),
                                "new_kind": _label(form) if change.kind == "added" else ""})
        if change.kind in ("modified", "moved"):
            values, renumbered = _value_changes(old_prose, new_prose)
            details += values
            details += _citation_changes(old_text, new_text)
            if not details:
                kind = _editorial_kind(old_text, new_text)
                if renumbered and kind != "renumbering":
                    editorial.append({"type": "renumbering", "old": "", "new": ""})
                editorial.append({"type": kind, "old": "", "new": ""})
        elif not details:
            # a whole block that came or went without a provision: text added or deleted, not a rewording
            editorial.append({"type": _WHOLE_BLOCK[change.kind], "old": "", "new": ""})
    change.details = details or editorial
    change.class_ = "technical" if details else "editorial"
    change.reasons = [reason_text(d, edition if d["type"] == "code" else lang) for d in details] if details else \
        _dedupe(d["type"] for d in editorial)


#: The editorial kind of a block added or deleted whole that states no provision.
_WHOLE_BLOCK = {"added": "text added", "deleted": "text deleted"}


def _values_of(clause: Clause | None) -> Counter:
    """How often each value (number with unit, not a reference) is written in a clause's own prose."""
    found: Counter = Counter()
    for block in clause.blocks if clause is not None else ():
        found.update(q for q, reference in quantities(_prose(block.stable, block)) if not reference)
    return found


def reconcile_clause(changes: list[ChangeEntry], lang: str, old: Clause | None, new: Clause | None) -> None:
    """Drop the technical reasons that the rest of the clause contradicts (after :func:`classify_change`).

    - a value reported removed (``4.5 → ∅``) that the clause still writes as often as before
      (it moved into another block: a sentence moved into a new list item), and a value reported
      added that the clause already wrote as often;
    - a provision reported removed from one block and a provision of the same verbal form reported
      added to another (a paragraph rewritten into another, list items replaced under the same
      lead-in): the form is present on both sides, no provision came or went;
    - in an edition compared through its catalogs, a provision reported removed from a block in one
      language and one of the same kind reported added to a block in the other language, one of them
      an untranslated segment (the master's text): the segment got or lost its translation (verbal
      forms are compared only between texts in the same language) — a translation, editorial.

    A change left without technical reasons becomes editorial (its kind of editorial change).
    """
    if old is None or new is None:
        return
    dropped: set[int] = set()
    translated: set[int] = set()  # the changes whose provisions were a translation gained or lost
    removed = [(c, d) for c in changes for d in c.details
               if d.get("type") == "requirement" and d["old"] and not d["new"]]
    added = [(c, d) for c in changes for d in c.details
             if d.get("type") == "requirement" and d["new"] and not d["old"]]
    for gone_change, gone in removed:
        for came_change, came in added:
            if id(came) in dropped or came.get("new_kind") != gone.get("old_kind"):
                continue
            if came["new"].casefold() == gone["old"].casefold():
                dropped.update((id(gone), id(came)))
                break
            if _translation_of(gone_change, came_change, old, new, lang):
                dropped.update((id(gone), id(came)))
                translated.update((id(gone_change), id(came_change)))
                break
    values = [d for c in changes for d in c.details if d.get("type") == "value" and bool(d["old"]) != bool(d["new"])]
    if values:
        before, after = _values_of(old), _values_of(new)
        for d in values:
            if (d["old"] and after[d["old"]] >= before[d["old"]]) or (d["new"] and before[d["new"]] >= after[d["new"]]):
                dropped.add(id(d))
    if not dropped:
        return
    for change in changes:
        kept = [d for d in change.details if id(d) not in dropped]
        if len(kept) == len(change.details):
            continue
        old_text, new_text = change.old_stable or change.old, change.new_stable or change.new
        if kept:
            change.details = kept
            change.reasons = [reason_text(d, text_language(old_text + new_text, lang)) for d in kept]
            continue
        if id(change) in translated:
            kind = "translation"
        elif change.kind in ("modified", "moved"):
            kind = _editorial_kind(old_text, new_text)
        else:
            kind = _WHOLE_BLOCK.get(change.kind, "wording")
        change.details = [{"type": kind, "old": "", "new": ""}]
        change.class_ = "editorial"
        change.reasons = [kind]


def _translation_of(gone: ChangeEntry, came: ChangeEntry, old: Clause, new: Clause, lang: str) -> bool:
    """Two changes of a clause in different languages, one of them an untranslated segment: one text, translated
    on one side only (a segment that got or lost its translation)."""
    gone_text, came_text = gone.old_stable or gone.old, came.new_stable or came.new
    if text_language(gone_text, lang) == text_language(came_text, lang):
        return False
    gone_block, came_block = _block_of(old, gone_text), _block_of(new, came_text)
    return any(b is not None and b.untranslated for b in (gone_block, came_block))


def _dedupe(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def is_informative(clause: Clause | None, ancestors: list[Clause]) -> bool:
    """True when a clause or one of its ancestors is an informative element."""
    for c in ([clause] if clause else []) + ancestors:
        if c.role in INFORMATIVE_ROLES or (c.role == "annex" and c.obligation == "informative"):
            return True
    return False


def in_normative_annex(clause: Clause | None, ancestors: list[Clause]) -> bool:
    return any(c.role == "annex" and c.obligation == "normative" for c in ([clause] if clause else []) + ancestors)


def classify_clause(diff: ClauseDiff, old: Clause | None, new: Clause | None, lang: str, *, informative: bool,
                    normative_annex: bool) -> None:
    """Set the class and clause-level reasons of a clause from its changes and its status."""
    reasons: list[str] = []
    technical = any(c.class_ == "technical" for c in diff.changes)
    clause = new or old
    if diff.status in ("added", "deleted"):
        verb = "added" if diff.status == "added" else "deleted"
        if clause.kind == "term":
            technical = True
            reasons.append(f"term {verb}")
        elif clause.role == "annex" and clause.obligation == "normative":
            technical = True
            reasons.append(f"normative annex {verb}")
        elif not informative:
            technical = technical or bool(clause.blocks)
            reasons.append(f"clause {verb}")
    elif old is not None and new is not None and old.role == new.role == "annex" and old.obligation != new.obligation:
        technical = True
        reasons.append(f"annex {old.obligation} → {new.obligation}")
    if diff.moved:
        reasons.append("moved")
    if diff.status == "renumbered":
        reasons.append("renumbered")
    diff.reasons = reasons
    if technical:
        diff.class_ = "technical"
    elif diff.status != "unchanged" or diff.changes:
        diff.class_ = "editorial"
    else:
        diff.class_ = "none"
