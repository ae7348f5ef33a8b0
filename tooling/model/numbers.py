"""Numbers written as words: Chinese numerals (两个, 十二次, 第三名) and English number words (three labellers).

One place for what a number word is and when it counts as a number, used by the diff's
classifier (:func:`tooling.diff.classify.quantities`: ``两个 → 三个`` is a changed value, as
``5次 → 3次`` is) and by BL003 (:func:`tooling.lint.bilingual.numbers_in`: ``两个`` in the master
against "three" in the translation is a number that differs).

A number word is a number only where it **quantifies** — the rule is conservative (a number
word missed is a change or a mismatch not reported; a word counted wrongly would report one
that is not there):

Chinese
    A run of numerals (``零〇一二两三四五六七八九十百千万亿``: ``两`` = 2, ``十二`` = 12,
    ``二十`` = 20, ``一百零五`` = 105, ``两万`` = 20 000, ``二〇二〇`` = 2020) counts when a measure
    word follows it (:data:`ZH_MEASURE_WORDS`: 个 次 种 项 名 类 级 条 份 组 台 天 年 月 … and 倍),
    or when ``第`` precedes it and a measure word or a label word follows (``第三名`` is an
    ordinal, ``第三章`` a label: :attr:`NumberWord.label`). Not counted:

    - words that hold a numeral without counting: 一致 一般 一些 一切 十分 三角 万一 (no measure
      word after them), 统一 唯一 之一 同一 单一 逐一 进一步 不一 归一 (``一`` bound to the character
      before it), 这一 那一 每一 某一 任一 另一 再一次 (a determiner with ``一``), 一次性 (a measure
      word followed by 性), 第三方 第一时间 (``第`` without a measure or label word);
    - approximate counts: 七八个, 三四十个, 几十个, 数十个, 十多个, 五年多, 三个多月 (adjacent digits,
      几/数 before, 多/余 after the numeral or its measure word), fractions and percentages (三分之二,
      百分之五十);
    - a magnitude after digits (``10万``: the digits are the number) and a bare 百, 千, 万 or 亿
      (千万 "by all means", 百年);
    - a bare ``二`` before a measure word (二次验证 "secondary verification", 二级信道 "secondary
      channel"): a count of two is written ``两`` (两次, 两级); ``二`` counts in a compound (十二次) and
      after ``第`` (第二次).

English
    The cardinals ``zero`` … ``nineteen``, ``twenty`` … ``ninety`` with their compounds
    (``twenty-one``, ``twenty one``), ``hundred``, ``thousand``, ``million`` and ``billion`` after a
    cardinal (``two hundred and fifty``), and ``twice`` (2). A cardinal counts only when the next
    word is a content word — a noun or an adjective before one (``three labellers``,
    ``two independent labellers``, ``fifteen digits``) — that is, after one space a word that is
    not a function word (:data:`EN_NOT_A_NOUN`: articles, determiners, pronouns, prepositions,
    conjunctions, auxiliaries and modal verbs, ``of``, ``more``, ``another`` …). So "one of the",
    "one or more", "one another", "one after another", "the one that", "no one shall", "two of
    them" are not numbers; "someone" is no number word at all. ``one`` is not counted after a
    determiner either (``the one``, ``any one``, ``each one``), nor a number word in lower case before a
    capitalised word (``Glenn ten Cate``: a name). Not counted: a number word joined
    by a hyphen to a word (``two-phase``, ``one-time``), ``hundreds of``, ordinals (``first``,
    ``second``: more often an order of steps, or a unit, than a count), ``once`` (more often "when").

``一`` and ``one`` quantify, but they are often the indefinite article (一个 = "a"); their users
decide what a lone 1 is worth (the diff does not report a 1 that appears or disappears alone,
BL003 does not compare it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .units import CHINESE_UNITS, longest_first

__all__ = ["EN_CARDINALS", "EN_NOT_A_NOUN", "NumberWord", "ZH_DIGITS", "ZH_LABEL_WORDS", "ZH_MEASURE_WORDS",
           "ZH_NUMERAL_RUN", "ZH_NUMERALS", "ZH_UNITS", "en_number", "number_words", "zh_numeral"]

ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
#: The characters of a Chinese numeral.
ZH_NUMERALS = "".join(ZH_DIGITS) + "".join(ZH_UNITS)

#: Measure words (量词) and units after which a Chinese numeral is a count (longest first when matched).
#: Left out on purpose: 分 (十分 "very"), 点 (一点 "a little"), 方 (一方, 第三方), 段 (一段时间), 部 (一部分),
#: 角 (三角), 步 (进一步), 些, 般, 致.
ZH_MEASURE_WORDS = (
    *CHINESE_UNITS,  # the units a count in Arabic numerals is written with, and more measure words:
    "种", "名", "类", "级", "份", "批", "轮", "遍", "层", "张", "块", "片", "根", "只", "家", "行", "列", "字", "季度",
    "星期", "章", "节", "款", "页", "道", "对", "副", "盒", "瓶", "箱",
)
#: Words after ``第`` and a numeral that make it a label (a reference to a part of a text), not an ordinal count.
ZH_LABEL_WORDS = ("部分", "章", "条", "节", "款", "篇", "卷", "版", "页", "段", "句", "行", "列", "步")
_MEASURE = "|".join(re.escape(w) for w in longest_first(ZH_MEASURE_WORDS))
_LABEL = "|".join(re.escape(w) for w in longest_first(ZH_LABEL_WORDS))
#: A run of two or more Chinese numerals before a measure word: one diff token (``十二个`` → ``二十个`` marks
#: ``十二`` → ``二十`` whole, as ``12`` → ``20``).
ZH_NUMERAL_RUN = rf"[{ZH_NUMERALS}]{{2,}}(?=(?:{_MEASURE}))"

_ZH_RUN = re.compile(rf"[{ZH_NUMERALS}]+")
_ZH_MEASURE_AFTER = re.compile(rf"(?:{_MEASURE})(?!性)")
_ZH_LABEL_AFTER = re.compile(rf"(?:{_LABEL})")
#: Characters before ``一`` that make a word of it (统一, 唯一, 之一 …) or a determiner (这一, 每一, 另一 …).
_ZH_BOUND_ONE = set("统唯之同单逐划专均万不合如归任某其再又这那该此另每上下进")
#: Characters before a numeral that make it approximate (几十个, 数十个).
_ZH_APPROXIMATE_BEFORE = set("几数")


def zh_numeral(word: str, *, strict: bool = True) -> int | None:
    """The value of a Chinese numeral (``两`` = 2, ``十二`` = 12, ``二十`` = 20, ``一百零五`` = 105, ``两万`` =
    20 000), or ``None``.

    ``strict`` (the default) refuses what is no single number: approximate counts (``七八``, ``三四十``: two
    digits side by side), a bare 百, 千, 万 or 亿 (``千万``, ``万一``), ``两`` after a digit or a unit (``十两``,
    a weight); a run of three or more digits, or of digits with ``〇``, is read digit by digit (``二〇二〇`` =
    2020). Not strict, every run gets a value (the last of adjacent digits).
    """
    if not word or any(c not in ZH_NUMERALS for c in word):
        return None
    if strict:
        if all(c in ZH_DIGITS for c in word) and len(word) > 1:
            if len(word) >= 3 or "〇" in word:
                return int("".join(str(ZH_DIGITS[c]) for c in word))
            return None
        if word[0] in ZH_UNITS and word[0] != "十":
            return None
        for first, second in zip(word, word[1:]):
            if first in ZH_DIGITS and second in ZH_DIGITS and first not in "零〇":
                return None
        if "两" in word[1:]:
            return None
    total, section, digit = 0, 0, None
    for char in word:
        if char in ZH_DIGITS:
            digit = ZH_DIGITS[char]
        else:
            unit = ZH_UNITS[char]
            if unit >= 10_000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


EN_CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Words after which a cardinal does not quantify: it is not followed by a noun (or an adjective before one).
EN_NOT_A_NOUN = frozenset("""
a an the this that these those each every any some no all both either neither such another other others own
it its they them their theirs we us our you your he him his she her i me my which who whom whose what whatever
of in on at by for from to with without into onto over under between among through during before after above below
about against across along around up down out off per than as via within upon beyond since until till like
and or nor but so yet if then else when where while because whether unless though although
is are was were be been being am has have had do does did done shall should may might must can could will would
need needs ought not also only too very more less most least further again here there now just even
""".split())
_EN_DETERMINERS = frozenset("the this that these those each every any no which whichever another some such "
                            "what whatever".split())
_EN_WORD = re.compile(
    r"(?<![A-Za-z0-9])(?:%s|twice)(?![A-Za-z0-9])" % "|".join(sorted([*EN_CARDINALS, *_EN_MULTIPLIERS], key=len,
                                                                       reverse=True)), re.I)
#: What joins the words of one number: ``twenty-one``, ``twenty one``, ``two hundred and fifty``.
_EN_JOIN = re.compile(r"[ \-]|\s+and\s+", re.I)


def en_number(phrase: str) -> int | None:
    """The value of English number words (``twenty-one`` = 21, ``two hundred and fifty`` = 250), or ``None``
    for what is no single number (``one two``, a bare ``hundred``)."""
    words = [w for w in re.split(r"[\s\-]+", phrase.lower()) if w and w != "and"]
    if not words or words[0] in _EN_MULTIPLIERS:
        return None
    total = current = 0
    previous = None
    for word in words:
        if word in EN_CARDINALS:
            value = EN_CARDINALS[word]
            # only a tens word takes a unit after it (twenty-one); "one two" is two numbers
            if previous in EN_CARDINALS and not (EN_CARDINALS[previous] >= 20 and EN_CARDINALS[previous] % 10 == 0
                                                 and 0 < value < 10):
                return None
            current += value
        elif word in _EN_MULTIPLIERS:
            if previous in _EN_MULTIPLIERS and _EN_MULTIPLIERS[previous] >= _EN_MULTIPLIERS[word]:
                return None
            if word == "hundred":
                current = current * 100
            else:
                total += current * _EN_MULTIPLIERS[word]
                current = 0
        else:
            return None
        previous = word
    return total + current


@dataclass(frozen=True)
class NumberWord:
    """A number written as words that quantifies.

    Attributes:
        start, end: the span of the numeral (``两`` of ``两个``, ``three`` of ``three labellers``).
        text: the numeral as written; value: its value.
        measure: the Chinese measure word after it (``个``), ``""`` in English.
        ordinal: after ``第`` (``第三名``); label: after ``第`` and before a label word (``第三章``, a
            reference to a part of the text, not a value).
    """

    start: int
    end: int
    text: str
    value: int
    measure: str = ""
    ordinal: bool = False
    label: bool = False

    @property
    def written(self) -> str:
        """The numeral with its measure word (and ``第`` before an ordinal), as written (``两个``, ``三个月``,
        ``第三名``, ``three``)."""
        return ("第" if self.ordinal else "") + self.text + self.measure


def _zh_words(text: str) -> list[NumberWord]:
    found = []
    for m in _ZH_RUN.finditer(text):
        run, start, end = m.group(0), m.start(), m.end()
        before = text[start - 1] if start else ""
        if before.isdigit() or before in _ZH_APPROXIMATE_BEFORE or text[max(0, start - 2):start] == "分之":
            continue  # 10万 (a magnitude), 几十个, 三分之二, 百分之五十
        if run[0] == "一" and before in _ZH_BOUND_ONE:
            continue  # 统一, 唯一, 之一, 这一, 每一个 …
        ordinal = before == "第"
        if run == "二" and not ordinal:
            continue  # 二次验证, 二级信道: "secondary" (a count of two is written 两次, 两级)
        measure = _ZH_MEASURE_AFTER.match(text, end)
        label = _ZH_LABEL_AFTER.match(text, end) if ordinal else None
        if label and (not measure or len(label.group(0)) >= len(measure.group(0))):
            measure, is_label = label, True
        else:
            is_label = False
        if not measure:
            continue  # 一致, 十分, 三角, 第三方
        if text[measure.end():measure.end() + 1] in ("多", "余"):
            continue  # 五年多, 三个多月: approximate
        value = zh_numeral(run)
        if value is None:
            continue
        found.append(NumberWord(start, end, run, value, measure.group(0), ordinal, is_label))
    return found


def _en_phrases(text: str) -> list[tuple[int, int]]:
    """Spans of English number words, adjacent words of one number joined (``two hundred and fifty``)."""
    spans: list[tuple[int, int]] = []
    for m in _EN_WORD.finditer(text):
        if spans and m.group(0).lower() != "twice":
            start, end = spans[-1]
            join = _EN_JOIN.fullmatch(text, end, m.start())
            if join and ("and" not in join.group(0).lower() or text[start:end].lower().endswith(("hundred", "thousand")))\
                    and text[start:end].lower() != "twice" and en_number(text[start:m.end()]) is not None:
                spans[-1] = (start, m.end())
                continue
        spans.append((m.start(), m.end()))
    return spans


def _en_words(text: str) -> list[NumberWord]:
    found = []
    for start, end in _en_phrases(text):
        phrase = text[start:end]
        if text[start - 1:start] == "-" or text[end:end + 1] == "-":
            continue  # two-phase, one-time, a 2-one …
        if phrase.lower() == "twice":
            found.append(NumberWord(start, end, phrase, 2))
            continue
        value = en_number(phrase)
        if value is None:
            continue
        after = re.match(r"\s+([A-Za-z]+)", text[end:end + 40])
        if not after or after.group(1).lower() in EN_NOT_A_NOUN:
            continue  # one of the, one or more, at least two.
        if phrase.islower() and after.group(1)[0].isupper():
            continue  # Glenn ten Cate: a name
        previous = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 20):start])
        if value == 1 and previous and previous.group(1).lower() in _EN_DETERMINERS:
            continue  # the one, any one, each one
        found.append(NumberWord(start, end, phrase, value))
    return found


def number_words(text: str, lang: str | None = None) -> list[NumberWord]:
    """The numbers written as words in ``text`` that quantify (see the module docstring), in reading order.

    ``lang``: ``zh`` for Chinese numerals only, ``en`` for English number words only, ``None`` for both.
    """
    found: list[NumberWord] = []
    if lang in (None, "zh"):
        found += _zh_words(text)
    if lang in (None, "en"):
        found += _en_words(text)
    return sorted(found, key=lambda n: n.start)
