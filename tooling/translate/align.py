"""Structural alignment of a standard and its translation (``std import SOURCE --translation OTHER``).

Both texts go through the same import, so both sides are the same kind of MyST
blocks; the alignment then works in two steps:

1. **Clause by clause** (:func:`align_clauses`), on the import's clause trees:
   the children of two aligned clauses (the top-level clauses first) are aligned
   in order by dynamic programming. A pair's score adds what the hand-typed
   numbers and the structure say (same number, or the same position under a
   renumbered parent; same role — scope, terms …; both term entries or neither)
   and what the content says (:func:`anchor_similarity` of the numbers, URLs,
   designations and Latin words both texts share; the proportion of their
   lengths against the ratio of the two documents; the shape of their
   subtrees). Numbers decide where they agree; where they differ (a translation
   that keeps an older numbering) the content and the order decide, and a pair
   whose numbers differ is reported as renumbered. Incompatible clauses (a term
   entry and a requirement, a scope and a terms clause) are never paired.
2. **Block by block** within each pair of aligned clauses (:func:`align_units`):
   the messages Sphinx extracts from both imported texts (titles, paragraphs,
   list items, table cells, notes, term definitions …, see :func:`extract_units`)
   are aligned in order by the same kind of scoring: the same kind of block in
   the same kind of container, requirement rows by their ID and column
   (``[**1.1.1**]{#v1-1-1}``), identical text (numbers, URLs), text in the same
   script on both sides compared as such (rapidfuzz), shared anchors and
   proportional length. A pair must score above a threshold, so unrelated
   text stays unpaired rather than mistranslated.

At both levels, items left over between two aligned pairs are paired in order
when both sides have as many of them and each fits its counterpart (the same
kind, and numbers that do not contradict each other: numbers do not change with
the language): a clause or block sandwiched between counterparts is the
counterpart even when its content alone does not prove it.

A translation is used only when its markup fits the master message
(:func:`adapt_markup`): references are rewritten to the master's IDs through
the clause alignment, inline IDs become the master's, and roles, references,
inline IDs and footnote references must then be the same as in the master
message. Clause numbers written in a renumbered translation's text follow the
master's numbering (:func:`renumber`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from docutils import nodes
from rapidfuzz import fuzz

__all__ = [
    "ClauseAlignment",
    "Features",
    "Unit",
    "adapt_markup",
    "align_clauses",
    "align_units",
    "anchor_similarity",
    "detect_language",
    "english_check",
    "extract_units",
    "features",
    "language_check",
    "length_similarity",
    "plain_text",
    "renumber",
    "set_features",
    "weight",
]

# -- language -------------------------------------------------------------------------------------------------

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str | None:
    """``zh`` or ``en`` for a text, by the share of Chinese characters; ``None`` when it has too few letters.

    Chinese standards quote English names, URLs and code, so a text is Chinese when
    Chinese characters make at least a fifth of its "words" (a Chinese character counts
    as one, four Latin letters as one).
    """
    cjk, latin, share = _chinese_share(text)
    if cjk + latin < 20:
        return None
    return "zh" if share >= CHINESE_SHARE else "en"


def _chinese_share(text: str) -> tuple[int, int, float]:
    """``(Chinese characters, Latin letters, share)``: the share of "words" that are Chinese characters (a Chinese
    character counts as one word, four Latin letters as one)."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return cjk, latin, (cjk / (cjk + latin / 4) if cjk or latin else 0.0)


#: The ten most frequent function words of English standards (``shall``: their verbal form).
ENGLISH_WORDS = ("the", "of", "and", "to", "in", "a", "is", "shall", "be", "for")
#: Below this share of :data:`ENGLISH_WORDS` among its Latin words, a text is not English. English standards
#: score 12–28 % (OpenChain, OWASP ASVS, the IETF drafts, the GB rice sample); German, French and Spanish texts
#: under 4 % (OpenChain 1.1 and DIS 18974 in German: 1.4 % and 2.9 %).
ENGLISH_SHARE = 0.08
#: Fewer Latin words than this: too short to tell (a title page, a table of codes).
ENGLISH_MIN_WORDS = 50
#: Function words of the languages a text that is not English may be in, to say what it looks like.
_OTHER_WORDS = {
    "German": ("der", "die", "das", "und", "ist", "zu", "den", "von", "mit", "für", "nicht", "des", "dem", "ein",
               "eine", "auf", "im", "sich", "werden", "muss"),
    "French": ("le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "pour", "que", "dans", "doit", "être",
               "sur", "par", "au", "aux", "qui"),
    "Spanish": ("el", "la", "los", "las", "de", "del", "y", "es", "en", "que", "un", "una", "para", "por", "con",
                "debe", "ser", "se", "al", "lo"),
    "Italian": ("il", "lo", "la", "gli", "le", "di", "e", "è", "che", "un", "una", "per", "con", "del", "della",
                "deve", "essere", "non", "sono", "dei"),
    "Dutch": ("de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor", "met", "zijn", "niet", "moet",
              "worden", "aan", "bij", "ook", "door", "om"),
    "Portuguese": ("o", "a", "os", "as", "de", "do", "da", "e", "é", "que", "um", "uma", "para", "com", "deve",
                   "ser", "não", "dos", "das", "em"),
}
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+")
_NOT_PROSE = re.compile(r"```.*?```|~~~.*?~~~|`[^`\n]*`|\]\([^)\s]*\)|<[^>\n]*>|(?:https?://|www\.)\S+|\{[\w:.+-]+\}",
                        re.S | re.I)


def english_check(text: str) -> str | None:
    """Whether ``text`` (Markdown) reads as English: ``None`` when it does (or is too short to tell), else what it
    looks like, for a message (``"it looks like German (die, der, und, ein … make 26% of its words; the English
    function words … make 1% of its 2555 Latin words, where an English text has 8% or more)"``).

    The heuristic: the share of :data:`ENGLISH_WORDS` (the, of, and, to, in, a, is, shall, be, for) among the Latin
    words of the prose (code, URLs, link targets and role names set aside) must be at least
    :data:`ENGLISH_SHARE` (8 %); a text with fewer than :data:`ENGLISH_MIN_WORDS` Latin words is not judged.
    """
    words = [w.lower() for w in _LATIN_WORD.findall(_NOT_PROSE.sub(" ", text))]
    if len(words) < ENGLISH_MIN_WORDS:
        return None
    counts: dict[str, int] = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    english = sum(counts.get(w, 0) for w in ENGLISH_WORDS) / len(words)
    if english >= ENGLISH_SHARE:
        return None
    ours = (f"the English function words {', '.join(ENGLISH_WORDS)} make {english:.0%} of its {len(words)} Latin "
            f"words, where an English text has {ENGLISH_SHARE:.0%} or more")
    shares = {name: sum(counts.get(w, 0) for w in found) / len(words) for name, found in _OTHER_WORDS.items()}
    name = max(shares, key=lambda n: shares[n])
    if shares[name] < ENGLISH_SHARE:
        return f"it does not look like English ({ours})"
    frequent = sorted((w for w in _OTHER_WORDS[name] if counts.get(w)), key=lambda w: -counts[w])[:4]
    return f"it looks like {name} ({', '.join(frequent)} … make {shares[name]:.0%} of its words; {ours})"


#: A text in which Chinese characters make at least this share of the words (as :func:`detect_language` counts
#: them: a Chinese character as one, four Latin letters as one) is Chinese, not English (the Chinese OpenChain
#: texts: 92–98 %; the English corpus texts: 0–2 %, a GB sample with a Chinese glossary 7 %).
CHINESE_SHARE = 0.2
#: Below this share, a text has (almost) no Chinese characters and is not Chinese, however much of it is code
#: or quoted English (the Chinese corpus texts: 76 % or more).
CHINESE_MIN_SHARE = 0.05
#: Fewer words than this (Chinese characters and Latin words of the prose): too short to tell.
LANGUAGE_MIN_WORDS = ENGLISH_MIN_WORDS


def language_check(text: str, lang: str) -> str | None:
    """Whether ``text`` (Markdown) reads as ``lang`` (``zh`` or ``en``): ``None`` when it does (or is too short to
    tell, under :data:`LANGUAGE_MIN_WORDS` words of prose), else what it looks like, for a message.

    ``en``: a text whose Chinese characters make :data:`CHINESE_SHARE` of its words or more is Chinese (``"it looks
    like Chinese (Chinese characters make 98% of its words)"``); otherwise :func:`english_check` judges its Latin
    words (German, French … are refused). ``zh``: a text whose Chinese characters make less than
    :data:`CHINESE_MIN_SHARE` of its words is not Chinese (``"it has almost no Chinese characters (…); it looks
    like English"``). Code, URLs, link targets and role names are set aside.
    """
    prose = _NOT_PROSE.sub(" ", text)
    cjk, latin, share = _chinese_share(prose)
    words = len(_LATIN_WORD.findall(prose))
    if cjk + words < LANGUAGE_MIN_WORDS:
        return None
    if lang == "en":
        if share >= CHINESE_SHARE:
            return f"it looks like Chinese (Chinese characters make {share:.0%} of its words)"
        return english_check(text)
    if share >= CHINESE_MIN_SHARE:
        return None
    if cjk:
        found = (f"it has almost no Chinese characters ({cjk} beside {latin} Latin letters: {share:.1%} of its words, "
                 f"where a Chinese text has {CHINESE_MIN_SHARE:.0%} or more)")
    else:
        found = f"it has no Chinese characters ({words} Latin words)"
    english = english_check(text)
    if english is None and words >= ENGLISH_MIN_WORDS:
        return f"{found}; it looks like English"
    if english and english.startswith("it looks like "):  # None: too few Latin words to tell
        return f"{found}; {english}"
    return found


# -- text features --------------------------------------------------------------------------------------------

_SPAN = re.compile(r"\[(?P<text>[^\[\]]*)\]\{#(?P<id>[^}\s]+)\}")
_REF = re.compile(r"\[(?P<text>[^\[\]]*)\]\(#(?P<id>[^)\s]+)\)")
_ROLE = re.compile(r"\{(?P<name>[A-Za-z][\w:.+-]*)\}`(?P<body>[^`]*)`")
_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FOOTNOTE = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
_URL = re.compile(r"(?:https?://|www\.)[!-~]+", re.I)
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:\.\d+)*(?![A-Za-z0-9_])")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`+)")


def plain_text(text: str) -> str:
    """The readable text of a MyST message: spans, links and roles reduced to their text (URLs kept)."""
    text = _SPAN.sub(lambda m: m["text"], text)
    text = _REF.sub(lambda m: m["text"], text)
    text = _ROLE.sub(lambda m: m["body"], text)
    text = _LINK.sub(lambda m: f"{m['text']} {m['url']}", text)
    text = _EMPHASIS.sub("", text)
    return re.sub(r"\\(.)", r"\1", text)


#: English characters per Chinese character, roughly: a first guess that the ratio of the documents corrects
CJK_WEIGHT = 3


def weight(text: str) -> int:
    """The length of a text for proportions: its characters without white space, a Chinese
    character counting as :data:`CJK_WEIGHT` (so mixed Chinese and Latin text compares with English)."""
    cjk = len(_CJK.findall(text))
    return len(re.sub(r"\s+", "", text)) + (CJK_WEIGHT - 1) * cjk


@dataclass(frozen=True)
class Features:
    """What two versions of a text in different languages can share.

    Attributes:
        numbers: numbers (``4.5``, ``2021``), dotted numbers made relative to the clause
            (``§.1`` for ``3.1.1.1`` in clause 3.1.1) or mapped to the master's numbering.
        required: tokens the other version should contain too: in Chinese text every Latin
            word; in English text acronyms, names with inner capitals, words with digits; URLs.
        vocabulary: every Latin word (lower case) and URL of the text.
    """

    numbers: frozenset = frozenset()
    required: frozenset = frozenset()
    vocabulary: frozenset = frozenset()


def _number(value: str, base: str | None, mapping: dict[str, str] | None) -> str:
    if mapping:
        parts = value.split(".")
        for k in range(len(parts), 0, -1):
            prefix = ".".join(parts[:k])
            if (k >= 2 or k == len(parts)) and prefix in mapping:
                value = ".".join([mapping[prefix], *parts[k:]])
                break
    if base and value.startswith(base + "."):
        return "§" + value[len(base):]
    return value


def features(text: str, lang: str, base: str | None = None, mapping: dict[str, str] | None = None) -> Features:
    """The :class:`Features` of a (plain) text in ``lang``.

    Args:
        base: the number of the clause the text belongs to (numbers under it become relative).
        mapping: clause numbers of this side → the master's (for a translation).
    """
    urls = {u.rstrip(".,;:!?)]}'\"").lower() for u in _URL.findall(text)}
    rest = _URL.sub(" ", text)
    numbers = frozenset(_number(n, base, mapping) for n in _NUMBER.findall(rest))
    words = _WORD.findall(rest)
    vocabulary = {w.lower() for w in words} | urls
    if lang == "zh":
        required = {w.lower() for w in words if len(w) > 1} | urls
    else:
        required = {w.lower() for w in words
                    if sum(c.isupper() for c in w) >= 2 or (any(c.isdigit() for c in w) and len(w) > 1)} | urls
    return Features(numbers, frozenset(required), frozenset(vocabulary))


def anchor_similarity(a: Features, b: Features) -> float | None:
    """How well two texts share their anchors (0–1), or ``None`` when neither has any.

    Required tokens of each side found in the other, and numbers (twice the weight) found on both sides.
    """
    hits = len(a.required & b.vocabulary) + len(b.required & a.vocabulary)
    total = len(a.required) + len(b.required)
    shared = len(a.numbers & b.numbers)
    union = len(a.numbers | b.numbers)
    if total + union == 0:
        return None
    return (hits + 2 * shared) / (total + 2 * union)


def _evidence(a: Features, b: Features) -> int:
    urls = sum(1 for token in a.required | b.required if "/" in token or token.startswith("www."))
    return len(a.required) + len(b.required) + 2 * len(a.numbers | b.numbers) + 2 * urls


def length_similarity(master: float, translation: float, ratio: float) -> float:
    """1.0 when ``translation`` is ``ratio`` times ``master`` long, falling off with the log of the deviation."""
    deviation = abs(math.log((translation + 3) / (ratio * master + 3)))
    return math.exp(-1.2 * deviation)


# -- dynamic programming ----------------------------------------------------------------------------------------


def _monotonic(n: int, m: int, score: Callable[[int, int], float | None]) -> list[tuple[int, int]]:
    """Order-preserving pairs ``(i, j)`` with the largest total score (pairs need a score > 0)."""
    if not n or not m:
        return []
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, above = best[i], best[i - 1]
        for j in range(1, m + 1):
            value, how = above[j], 1
            if row[j - 1] > value:
                value, how = row[j - 1], 2
            s = score(i - 1, j - 1)
            if s is not None and s > 0 and above[j - 1] + s > value:
                value, how = above[j - 1] + s, 3
            row[j], move[i][j] = value, how
    pairs = []
    i, j = n, m
    while i and j:
        how = move[i][j]
        if how == 3:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif how == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


# -- clauses ----------------------------------------------------------------------------------------------------


def _chunk_text(items: Iterable) -> list[str]:
    out = []
    for item in items:
        if hasattr(item, "items"):  # a titled block
            out.append(item.plain or item.title)
            out.extend(_chunk_text(item.items))
        else:
            out.append(item.inline or "\n".join(item.lines))
    return out


def _own_text(clause) -> str:
    parts = [clause.plain or ""]
    if clause.term is not None:
        parts += [clause.term.preferred, *clause.term.admitted]
        parts += _chunk_text(clause.term.body)
    else:
        parts += _chunk_text(clause.body)
    return plain_text("\n".join(parts))


@dataclass
class _ClauseInfo:
    clause: object
    own: str
    subtree: int = 0
    descendants: int = 0
    feats: Features = field(default_factory=Features)


def _infos(doc, lang: str) -> dict[int, _ClauseInfo]:
    infos: dict[int, _ClauseInfo] = {}

    def visit(clause) -> _ClauseInfo:
        info = _ClauseInfo(clause, _own_text(clause))
        info.subtree = weight(info.own)
        info.descendants = 0
        texts = [info.own]
        for child in clause.children:
            sub = visit(child)
            info.subtree += sub.subtree
            info.descendants += 1 + sub.descendants
            texts.append(sub.own)
        info.feats = features("\n".join(texts), lang, base=clause.number or None)
        infos[id(clause)] = info
        return info

    for clause in doc.clauses:
        visit(clause)
    return infos


def _ratio(a: int, b: int) -> float:
    return (min(a, b) + 1) / (max(a, b) + 1)


@dataclass
class ClauseAlignment:
    """The clause pairs of a standard and its translation.

    Attributes:
        pairs: ``(master clause, translation clause)`` in the master's order (term entries included).
        master_only: master clauses without a counterpart, in order.
        translation_only: translation clauses without a counterpart, in order.
        ratio: the length of the translation's text per unit of the master's (characters without spaces).
    """

    pairs: list[tuple] = field(default_factory=list)
    master_only: list = field(default_factory=list)
    translation_only: list = field(default_factory=list)
    ratio: float = 1.0

    @property
    def renumbered(self) -> list[tuple]:
        """Pairs whose hand-typed numbers differ (both numbered)."""
        return [(m, t) for m, t in self.pairs if m.number and t.number and m.number != t.number]

    def id_map(self) -> dict[str, str]:
        """Translation clause ID → master clause ID."""
        return {t.id: m.id for m, t in self.pairs if t.id and m.id}

    def number_map(self) -> dict[str, str]:
        """Translation clause number → master clause number (for numbers written in the text)."""
        return {t.number: m.number for m, t in self.pairs if t.number and m.number}

    def renumbering(self) -> dict[str, str]:
        """The entries of :meth:`number_map` whose numbers differ."""
        return {t: m for t, m in self.number_map().items() if t != m}


def _anchor_term(a: Features, b: Features) -> float:
    """Signed evidence of the shared anchors: positive when they agree, negative when they differ,
    in proportion to how many there are (one missing acronym says little, five differing numbers a lot)."""
    similarity = anchor_similarity(a, b)
    if similarity is None:
        return 0.0
    return 1.6 * (similarity - 0.5) * min(1.0, _evidence(a, b) / 4)


def _contradicted(a: Features, b: Features) -> bool:
    """The numbers of two texts say they are not the same text: both have numbers and share none,
    or one has several and the other none (numbers do not change with the language)."""
    if a.numbers and b.numbers:
        return not a.numbers & b.numbers
    return max(len(a.numbers), len(b.numbers)) >= 2


def _clause_score(m: _ClauseInfo, t: _ClauseInfo, ratio: float, content_only: bool = False) -> float | None:
    """The score of pairing two clauses (``None``: never); pairs need a score above 0."""
    mc, tc = m.clause, t.clause
    if (mc.term is None) != (tc.term is None):
        return None
    if mc.placeholder or tc.placeholder:
        return 0.5 if mc.placeholder and tc.placeholder and mc.parts == tc.parts and not content_only else None
    prior = 0.0
    if mc.role and tc.role:
        if mc.role != tc.role:
            return None
        prior += 0.5
    elif mc.role or tc.role:
        prior -= 0.6
    if mc.parts and tc.parts:
        if mc.parts == tc.parts:
            prior += 0.5
        elif len(mc.parts) == len(tc.parts) and mc.parts[-1] == tc.parts[-1]:
            prior += 0.3  # the same place under a renumbered parent
        elif len(mc.parts) != len(tc.parts):
            prior -= 0.2
    elif mc.parts or tc.parts:
        prior -= 0.2
    if mc.untitled != tc.untitled:
        prior -= 0.3
    shape = (_ratio(len(mc.children), len(tc.children)) + _ratio(m.descendants, t.descendants)) / 2
    evidence = 0.8 * (length_similarity(m.subtree, t.subtree, ratio) - 0.6) + 0.5 * (shape - 0.7)
    anchors = _anchor_term(m.feats, t.feats)
    if content_only:
        similarity = anchor_similarity(m.feats, t.feats)
        if similarity is None or similarity < 0.6 or _evidence(m.feats, t.feats) < 4:
            return None
        return (prior if mc.role or tc.role else 0.0) + evidence + anchors - 0.3
    return prior + evidence + anchors + 0.1


def _fill_gaps(pairs: list[tuple[int, int]], n: int, m: int, compatible: Callable[[int, int], bool]) -> list:
    """Pairs added where, between two aligned pairs (or before the first, after the last), both sides
    have the same number of items left and each of them fits its counterpart: a sandwiched pair is
    the counterpart even when its content alone was not convincing."""
    added = []
    bounds = [(-1, -1), *pairs, (n, m)]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        gap_m, gap_t = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
        if gap_m and len(gap_m) == len(gap_t) and all(compatible(i, j) for i, j in zip(gap_m, gap_t)):
            added.extend(zip(gap_m, gap_t))
    return sorted(pairs + added)


def align_clauses(master, translation, master_lang: str, translation_lang: str) -> ClauseAlignment:
    """Align the clause trees of two imported documents (:class:`~tooling.importer.structure.Document`).

    The top-level clauses are aligned in order, then the subclauses of each aligned pair,
    and so on down to term entries. Clauses left over on both sides are then paired by
    content alone where their anchors agree strongly (a clause moved to another parent).
    """
    m_infos = _infos(master, master_lang)
    t_infos = _infos(translation, translation_lang)
    m_total = sum(weight(i.own) for i in m_infos.values())
    t_total = sum(weight(i.own) for i in t_infos.values())
    ratio = (t_total + 1) / (m_total + 1)
    result = ClauseAlignment(ratio=ratio)
    paired_m: dict[int, object] = {}
    paired_t: set[int] = set()

    def recurse(ms: list, ts: list) -> None:
        mi = [m_infos[id(c)] for c in ms]
        ti = [t_infos[id(c)] for c in ts]
        found = _monotonic(len(mi), len(ti), lambda i, j: _clause_score(mi[i], ti[j], ratio))
        found = _fill_gaps(found, len(mi), len(ti), lambda i, j: _clause_score(mi[i], ti[j], ratio) is not None
                           and not _contradicted(mi[i].feats, ti[j].feats))
        for i, j in found:
            paired_m[id(ms[i])] = ts[j]
            paired_t.add(id(ts[j]))
            recurse(ms[i].children, ts[j].children)

    recurse(master.clauses, translation.clauses)
    # a first estimate of the ratio came from whole documents; the aligned clauses give a better one
    ratios = sorted((weight(t_infos[id(t)].own) + 1) / (weight(m_infos[id(m)].own) + 1)
                    for m in master.walk() for t in [paired_m.get(id(m))] if t is not None
                    and weight(m_infos[id(m)].own) > 20)
    if ratios:
        result.ratio = ratios[len(ratios) // 2]
    # clauses left over on both sides: pair by content where the anchors say so
    left_m = [c for c in master.walk() if id(c) not in paired_m]
    left_t = [c for c in translation.walk() if id(c) not in paired_t]
    candidates = []
    for m in left_m:
        for t in left_t:
            s = _clause_score(m_infos[id(m)], t_infos[id(t)], result.ratio, content_only=True)
            if s is not None and s > 0:
                candidates.append((s, m, t))
    for _s, m, t in sorted(candidates, key=lambda c: -c[0]):
        if id(m) in paired_m or id(t) in paired_t:
            continue
        paired_m[id(m)] = t
        paired_t.add(id(t))
    for m in master.walk():
        t = paired_m.get(id(m))
        if t is None:
            result.master_only.append(m)
        else:
            result.pairs.append((m, t))
    result.translation_only = [t for t in translation.walk() if id(t) not in paired_t]
    return result


# -- messages ---------------------------------------------------------------------------------------------------


@dataclass
class Unit:
    """One message of an imported text, as Sphinx extracts it, with where it is.

    Attributes:
        msgid: the message (MyST source of the element).
        kind: ``title``, ``rubric`` (a titled block's title), ``paragraph``, ``item`` (list item),
            ``cell`` (table cell), ``caption``, ``literal`` or the node's name.
        containers: ``note``, ``example``, ``term``, ``table``, ``footnote`` around it.
        owner: ID of the clause (or term entry, untitled subclause) it belongs to; ``None`` outside.
        file, line: where it is in the written MyST.
        source: ``(source file, line)`` where it came from, when known.
        row, column, head: for a table cell: the row's requirement number (``1.1.1``, or ``None`` when the
            row has none; a translation's in the master's numbering), the column, a header cell.
    """

    msgid: str
    kind: str
    containers: tuple[str, ...]
    owner: str | None
    file: str
    line: int
    source: tuple | None = None
    row: str | None = None
    column: int | None = None
    head: bool = False
    text: str = ""
    feats: Features = field(default_factory=Features)
    size: int = 0
    index: int = 0


def _containers(node: nodes.Node) -> tuple[str, ...]:
    from ..directives import nodes as stdnodes

    out = []
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        if kind := stdnodes.container_kind(parent):
            out.append(kind)
        parent = parent.parent
    return tuple(out)


def _kind(node: nodes.Node) -> str:
    parent = node.parent
    if isinstance(node, nodes.title):
        return "title" if isinstance(parent, nodes.section) else "caption"
    if isinstance(node, nodes.rubric):
        return "rubric"
    if isinstance(node, nodes.caption):
        return "caption"
    if isinstance(node, nodes.literal_block):
        return "literal"
    if isinstance(node, nodes.paragraph):
        if isinstance(parent, nodes.list_item):
            return "item"
        if isinstance(parent, nodes.entry):
            return "cell"
        if isinstance(parent, (nodes.definition, nodes.field_body)):
            return "item"
        return "paragraph"
    return node.tagname


def _owner(node: nodes.Node, known: set[str]) -> str | None:
    parent = node
    while parent is not None:
        if isinstance(parent, nodes.Element):
            for value in parent.get("ids", ()):
                if value in known:
                    return value
        parent = parent.parent
    return None


def _row_key(row: nodes.row) -> str | None:
    """The requirement number of a table row: the text of a first cell that carries an ID (``[**1.1.1**]{#v1-1-1}``)."""
    if not row.children:
        return None
    first = row.children[0]
    for node in first.findall(nodes.Element):
        if node is not first and node.get("ids"):
            return " ".join(first.astext().split()) or node["ids"][0]
    return None


def extract_units(doctrees: Iterable[tuple[str, nodes.document]], known_ids: set[str],
                  line_maps: dict[str, dict[int, tuple]] | None = None) -> list[Unit]:
    """The messages of a standard in reading order, as :class:`Unit` items.

    Args:
        doctrees: ``(file name, read-phase doctree)`` of the standard's documents in reading order
            (the file name as in ``line_maps``, e.g. ``05-requirements.md``).
        known_ids: the IDs of the standard's clauses, term entries and untitled subclauses.
        line_maps: file name → written line → ``(source file, source line)``.
    """
    from sphinx.util.nodes import extract_messages

    units: list[Unit] = []
    line_maps = line_maps or {}
    for name, tree in doctrees:
        lines = line_maps.get(name, {})
        for node, msgid in extract_messages(tree):
            kind = _kind(node)
            line = node.line or 0
            row_key = column = None
            head = False
            if kind == "cell":
                entry = node.parent
                row = entry.parent
                column = row.index(entry)
                group = row.parent
                head = isinstance(group, nodes.thead)
                row_key = _row_key(row)
                table = group.parent.parent if group is not None and group.parent is not None else None
                if table is not None and table.line:
                    # MyST gives every cell of a row the line of the row before it: count rows instead
                    index = group.index(row)
                    line = table.line + (index if head else 2 + index)
            parent = node
            while not line and parent is not None:
                parent = parent.parent
                line = getattr(parent, "line", 0) or 0
            text = plain_text(msgid)
            units.append(Unit(msgid, kind, _containers(node), _owner(node, known_ids), name, line,
                              lines.get(line), row_key, column, head, text, size=weight(text)))
    for index, unit in enumerate(units):
        unit.index = index
    return units


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _unit_score(a: Unit, b: Unit, ratio: float, pa: float, pb: float) -> float | None:
    penalty = 0.0
    if a.kind != b.kind:
        if {a.kind, b.kind} <= {"paragraph", "item"}:
            penalty += 0.3
        else:
            return None
    if a.kind == "title":
        return 2.0
    if a.kind == "cell":
        if a.head != b.head:
            return None
        if a.row and b.row:
            if a.row != b.row:
                return None
            return 2.0 if a.column == b.column else None
        if a.row or b.row:
            penalty += 0.3
        if a.column != b.column:
            penalty += 0.3
    if set(a.containers) != set(b.containers):
        penalty += 0.3
    if _normal(a.msgid) == _normal(b.msgid):
        return 1.5 - penalty
    score = 0.7 * length_similarity(a.size, b.size, ratio)
    if a.size >= 20 and b.size >= 20 and not _CJK.search(a.text) and not _CJK.search(b.text):
        # text in the same script on both sides (English notes kept in a Chinese text, code): compare it
        similarity = fuzz.ratio(_normal(a.text), _normal(b.text)) / 100
        return score + 2.0 * (similarity - 0.6) - 0.15 * abs(pa - pb) - penalty - 0.2
    anchors = anchor_similarity(a.feats, b.feats)
    if anchors is None:
        score -= 0.1
    else:  # a single missing token is weak evidence; several are strong
        score += 0.8 * (anchors - 0.5) * min(1.0, _evidence(a.feats, b.feats) / 3)
    score -= 0.15 * abs(pa - pb) + penalty
    return score - 0.2


def align_units(master: list[Unit], translation: list[Unit], ratio: float) -> list[tuple[Unit, Unit]]:
    """Pairs of the messages of two aligned clauses, in order (see the module documentation)."""
    n, m = len(master), len(translation)
    if not n or not m:
        return []
    cache: dict[tuple[int, int], float | None] = {}

    def score(i: int, j: int) -> float | None:
        key = (i, j)
        if key not in cache:
            cache[key] = _unit_score(master[i], translation[j], ratio, i / max(1, n - 1), j / max(1, m - 1))
        return cache[key]

    def fits(i: int, j: int) -> bool:
        a, b = master[i], translation[j]
        if score(i, j) is None and _unit_score(a, b, ratio, 0.0, 0.0) is None:
            return False
        return length_similarity(a.size, b.size, ratio) >= 0.2 and not _contradicted(a.feats, b.feats)

    found = _fill_gaps(_monotonic(n, m, score), n, m, fits)
    return [(master[i], translation[j]) for i, j in found]


# -- markup -----------------------------------------------------------------------------------------------------


def _signature(text: str) -> list[tuple[str, str]]:
    found = [("ref", m["id"]) for m in _REF.finditer(text)]
    found += [("id", m["id"]) for m in _SPAN.finditer(text)]
    found += [("footnote", m["label"]) for m in _FOOTNOTE.finditer(text)]
    for m in _ROLE.finditer(text):
        name = m["name"]
        if name == "ref":
            target = re.search(r"<([^<>]+)>\s*$", m["body"])
            found.append(("ref", (target[1] if target else m["body"]).strip()))
        elif name.startswith("cite") or name in ("numref", "doc", "term"):
            found.append((name, m["body"].strip()))
        else:
            found.append(("role", name))
    return sorted(found)


def adapt_markup(msgid: str, msgstr: str, id_map: dict[str, str]) -> tuple[str | None, str]:
    """A translation in the MyST form of its master message, or ``None`` and why not.

    References to the translation's own IDs (``[](#component-records)``,
    ``{ref}`…```) are rewritten to the master's IDs (``id_map``: translation ID →
    master ID), inline IDs (``[**1.1.1**]{#v1-1-1}``) become the master's when both
    have as many; the roles, references, inline IDs and footnote references must
    then be those of ``msgid``.
    """
    def ref(m: re.Match) -> str:
        return f"[{m['text']}](#{id_map.get(m['id'], m['id'])})"

    def role(m: re.Match) -> str:
        if m["name"] != "ref":
            return m.group()
        body = m["body"]
        target = re.search(r"<([^<>]+)>\s*$", body)
        if target:
            body = body[:target.start(1)] + id_map.get(target[1], target[1]) + body[target.end(1):]
        else:
            body = id_map.get(body.strip(), body.strip())
        return f"{{ref}}`{body}`"

    adapted = _ROLE.sub(role, _REF.sub(ref, msgstr))
    wanted_ids = [m["id"] for m in _SPAN.finditer(msgid)]
    if wanted_ids and len(wanted_ids) == len(_SPAN.findall(adapted)):
        # inline IDs (requirement rows) are the master's: the text around them was aligned with them
        queue = iter(wanted_ids)
        adapted = _SPAN.sub(lambda m: f"[{m['text']}]{{#{next(queue)}}}", adapted)
    want, have = _signature(msgid), _signature(adapted)
    if want != have:
        missing = [f"{k} {v}" for k, v in want if (k, v) not in have]
        extra = [f"{k} {v}" for k, v in have if (k, v) not in want]
        why = "; ".join(part for part in (
            f"the master has {', '.join(missing)}" if missing else "",
            f"the translation has {', '.join(extra)}" if extra else "") if part)
        return None, why
    return adapted, ""


def set_features(units: list[Unit], lang: str, numbers: dict[str, str],
                 mapping: dict[str, str] | None = None) -> None:
    """Compute each unit's :class:`Features` (numbers relative to its clause's number in ``numbers``:
    clause ID → number; a translation's numbers go through ``mapping`` to the master's first)."""
    for unit in units:
        base = numbers.get(unit.owner or "") or None
        unit.feats = features(unit.text, lang, base, mapping)
        if unit.row and mapping:
            unit.row = _number(unit.row, None, mapping)


_DOTTED = re.compile(r"(?<![A-Za-z0-9_.])\d+(?:\.\d+)+(?![A-Za-z0-9_]|\.\d)")
_CLAUSE_WORD = re.compile(r"\b(?P<word>[Cc]lause|[Ss]ubclause|[Ss]ection)(?P<space>\s+)(?P<num>\d+)\b(?!\.\d)"
                          r"|(?P<zh>第)(?P<zhnum>\d+)(?P<zhword>章|节)")
_PROTECTED = re.compile(r"`+[^`]*`+|(?:https?://|www\.)[!-~]+|\]\([^)]*\)|\{#[^}]*\}", re.I)


def renumber(text: str, mapping: dict[str, str]) -> str:
    """Clause numbers written in a translation's text, in the master's numbering.

    ``mapping`` holds the translation's clause numbers that differ from their master
    counterparts (``{"4.1.1": "3.1.1"}``). Dotted numbers whose leading parts are such a
    clause (``4.1.1.1`` → ``3.1.1.1``), and ``Clause 4`` / ``第4章`` are rewritten; other
    numbers (``4.5``, ``18 months``, ``[3]``), code, URLs and link targets are left alone.
    """
    if not mapping:
        return text

    def dotted(m: re.Match) -> str:
        parts = m.group().split(".")
        for k in range(len(parts), 1, -1):
            prefix = ".".join(parts[:k])
            if prefix in mapping:
                return ".".join([mapping[prefix], *parts[k:]])
        return m.group()

    def word(m: re.Match) -> str:
        if m["zh"]:
            return f"第{mapping.get(m['zhnum'], m['zhnum'])}{m['zhword']}"
        return f"{m['word']}{m['space']}{mapping.get(m['num'], m['num'])}"

    out, pos = [], 0
    for m in _PROTECTED.finditer(text):
        out.append(_CLAUSE_WORD.sub(word, _DOTTED.sub(dotted, text[pos:m.start()])))
        out.append(m.group())
        pos = m.end()
    out.append(_CLAUSE_WORD.sub(word, _DOTTED.sub(dotted, text[pos:])))
    return "".join(out)
