"""UQ — units and quantities (ISO/IEC Directives Part 2, 9; GB/T 1.1-2020 9.13; ISO 80000; GB 3100/3101).

Numbers in standards are mostly not quantities: designations (GB/T 1.1—2020,
ISO 9001:2015), years, dates, clause and requirement numbers (5.2, 1.1.1,
V2.1.3), versions (TLS 1.2, 版本2.1.0), identifiers (SHA-256, CWE-521, M12x1.5),
digests and counts. The rules therefore look only at text that cannot be one
of those: :func:`protect` masks them first (keeping offsets), literals,
formulas, citations and quoted titles are already blanked in the text units,
and a number counts as a quantity only next to a unit symbol or after a
comparison sign. The bibliography and the normative references are not
checked.
"""

from __future__ import annotations

import re

from ..model.units import (CHINESE_TIME, CHINESE_UNITS, COUNT_NOUNS, PLAIN, PREFIXABLE, PREFIXED_ONLY, PREFIXES,
                           SI_SYMBOLS, ZH_CALENDAR, ZH_NAMES, ZH_NOT_BEFORE)
from .context import DocContext, TextUnit
from .references import designation_spans, report_span
from .registry import Example, rule

__all__ = ["UNIT", "protect", "quantity_units", "unit_after"]

MASK = "\uE001"
#: Unit symbols checked after a number (SI and accepted units, ISO 80000-13 bytes and bits), longest first.
_SYMBOLS = list(SI_SYMBOLS)
UNIT = "(?:" + "|".join(re.escape(s) for s in _SYMBOLS) + ")"
_AFTER_UNIT = r"(?![A-Za-z0-9_µμΩ°])"
#: Symbols that are not reported when glued to a number: angles take no space; 4K, 5B, 2A, 3s, 3d, 5t are too
#: often names.
_GLUED = "(?:" + "|".join(re.escape(s) for s in _SYMBOLS
                          if s not in ("°", "K", "A", "B", "bit", "%", "‰", "d", "t")) + ")"
_NUM = r"\d+(?:[.,]\d+)?"
_BEFORE_NUM = r"(?<![A-Za-z0-9_.,\uE001])"

# The unit written after a number, as the diff reads it (``tooling.diff.classify.quantities``): any symbol of
# ``SI_SYMBOLS``, and beyond that list a prefix with any unit symbol that takes one, products (``N·m``) and
# quotients (``Mbit/s``, ``W/(m·K)``), powers (``m²``), Chinese units and counting units (``3 个月``, ``677 次/s``),
# and the English nouns a count is written with (``64 characters``). The lists are in :mod:`tooling.model.units`.

def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_PREFIX = f"(?:{_alternatives(PREFIXES)})"
_POWER = "(?:⁻?[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?"
_ATOM = (f"(?:(?:{_alternatives(_SYMBOLS)}|{_alternatives(PLAIN)}|{_PREFIX}?(?:{_alternatives(PREFIXABLE)})"
         f"|{_PREFIX}(?:{_alternatives(PREFIXED_ONLY)})){_POWER})")
_PRODUCT = f"{_ATOM}(?:[·⋅]{_ATOM})*"
_LATIN_UNIT = f"{_PRODUCT}(?:/(?:{_PRODUCT}|\\({_PRODUCT}\\)))*"
_QUANTITY_UNIT = re.compile(
    f"(?P<space>[ \u00a0\u202f]?)(?P<unit>{_LATIN_UNIT}{_AFTER_UNIT}"
    f"|(?:{_alternatives(CHINESE_UNITS)})(?:/(?:{_LATIN_UNIT}{_AFTER_UNIT}|{_alternatives(CHINESE_TIME)}))?"
    f"|(?:{_alternatives(COUNT_NOUNS)})(?![A-Za-z]))")


def unit_after(text: str, pos: int) -> tuple[str, str] | None:
    """The unit written at ``text[pos:]``, after at most one space: ``(space, unit)``, or ``None``.

    ``unit_after("401 MΩ。", 3) == (" ", "MΩ")``; ``677 次/s``, ``10 Mbit/s``, ``12 N·m``, ``0.04 W/(m·K)``,
    ``9.8 m/s²`` and ``3 个月`` are read whole; ``2 Steps`` has no unit.
    """
    m = _QUANTITY_UNIT.match(text, pos)
    return (m["space"], m["unit"]) if m else None

#: Tokens that hold digits but are not quantities (masked before any rule looks at numbers).
_PROTECTED = [
    re.compile(r"(?:https?|ftp)://\S+|www\.[^\s，。；）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.A),
    re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|int|cn|de|uk|eu)\b(?:/\S*)?", re.A),
    # a word holding a digit: SHA-256, V2.1.3, M12x1.5, CWE-521, x86_64, IPv6, L1, CC-BY-4.0
    re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*(?:[-/.:+#][A-Za-z0-9_]+)*", re.A),
    # an upper-case name and the number after it: TLS 1.2, RFC 8941, NIST 800-63, ASVS 4.0.3
    re.compile(r"\b[A-Z][A-Z0-9&]*[A-Z](?:/[A-Z]+)*[ \u00a0-]\d[\d.:/-]*[a-z]?\b"),
    # a word that makes the next number an identifier: version 2.0, Table 3, Level 2, step 4 …
    re.compile(r"\b(?:version|versions|release|ver|v|rev|revision|edition|level|levels|tier|step|phase|stage|part|"
               r"parts|clause|clauses|subclause|section|sections|chapter|chapters|annex|table|tables|figure|figures|"
               r"formula|note|notes|example|item|items|requirement|requirements|control|category|class|type|form|"
               r"grade|model|mode|option|port|pin|line|lines|row|column|page|pages|pp|no|nr|number|id|rule|case)"
               r"\.?\s*#?\s*\d[\d.,]*", re.I),
    re.compile(r"(?:版本号?|第|编号|型号)\s*[:：为是]?\s*\d[\d.]*"),
    re.compile(r"\d+(?:\.\d+){2,}"),  # clause and requirement numbers, versions, IP addresses
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{4}/\d{1,2}/\d{1,2}\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"),  # dates, times
    re.compile(r"\b0[xX][0-9A-Fa-f]+\b|\b[0-9a-f]{8,}\b"),  # hexadecimal numbers, digests
]


def protect(text: str) -> str:
    """``text`` with URLs, designations, identifiers, versions, dates and digests masked (same length)."""
    chars = list(text)

    def mask(start: int, end: int) -> None:
        for i in range(start, end):
            if not chars[i].isspace():
                chars[i] = MASK

    for start, end in designation_spans(text):
        mask(start, end)
    for pattern in _PROTECTED:
        for m in pattern.finditer(text):
            if pattern is _PROTECTED[2] and not any(c.isdigit() for c in m.group(0)):
                continue
            mask(m.start(), m.end())
    return "".join(chars)


def _units(ctx: DocContext) -> list[tuple[TextUnit, str]]:
    """Text units to check with their protected text (not the bibliography or the normative references)."""
    result = []
    for unit in ctx.units():
        if "bibliography" in unit.roles or "normative-references" in unit.roles:
            continue
        result.append((unit, protect(unit.text)))
    return result


def quantity_units(ctx: DocContext) -> list[tuple[TextUnit, str]]:
    """The checked text units and their protected text (cached per document)."""
    cached = getattr(ctx, "_uq_units", None)
    if cached is None:
        cached = _units(ctx)
        ctx._uq_units = cached  # type: ignore[attr-defined]
    return cached


def _percent_style(ctx: DocContext) -> str:
    settings = ctx.config.get("UQ001", {}) if isinstance(ctx.config.get("UQ001"), dict) else {}
    return settings.get("percent") or ("space" if ctx.profile == "iso" else "any")


# --------------------------------------------------------------------------- UQ001

_UQ001 = re.compile(rf"{_BEFORE_NUM}(?P<num>{_NUM})(?P<unit>{_GLUED}){_AFTER_UNIT}")
_UQ001_PERCENT = re.compile(rf"{_BEFORE_NUM}(?P<num>{_NUM})(?P<sp>\s?)(?P<unit>[%‰])")
_DECADE = re.compile(r"(?:\b(?:the|early|late|mid)\s+$)", re.I)


@rule(code="UQ001", title="A space separates a number from its unit (25 mm, 20 °C; ISO: 5 %)",
      source="ISO/IEC Directives Part 2, 9 (ISO 80000-1, 7.2); GB 3101-1993 3.4≈; GB/T 1.1-2020 9.13≈",
      severity="warning",
      message="'{found}': put a space between the number and the unit ('{use}')",
      message_zh="“{found}”：数值与单位符号之间应空一格（“{use}”）",
      examples=(Example("en", "25mm", "25 mm"), Example("zh", "长度为25mm。", "长度为25 mm。")),
      conservative="Angles (°, ′, ″) take no space. K, A, B and bit glued to a number are not reported (4K, 2A, "
                   "5B are names more often than quantities), nor 1990s. Percent: ISO profile '5 %'; the GB "
                   "profile accepts both unless std_lint = {'UQ001': {'percent': 'space'}} (or 'nospace').")
def uq001(ctx: DocContext) -> None:
    """What it checks: a number glued to a unit symbol (25mm, 20°C, 5kg, 10MB); in the ISO profile a number
    glued to % (5%).

    Why: the value and the unit are separate symbols, written with a space between them (ISO 80000-1;
    ISO/IEC Directives Part 2, Clause 9; GB 3101); only the plane-angle units °, ′, ″ are written close up.
    """
    percent = _percent_style(ctx)
    for unit, text in quantity_units(ctx):
        for m in _UQ001.finditer(text):
            if m["unit"] == "s" and (_DECADE.search(text[:m.start()]) or text[m.end():m.end() + 3] == " of"):
                continue
            report_span(ctx, "UQ001", unit.node, m.start(), m.end(), found=m.group(0),
                        use=f"{m['num']} {m['unit']}")
        if percent == "any":
            continue
        for m in _UQ001_PERCENT.finditer(text):
            if percent == "space" and not m["sp"]:
                report_span(ctx, "UQ001", unit.node, m.start(), m.end(), found=m.group(0),
                            use=f"{m['num']} {m['unit']}")
            elif percent == "nospace" and m["sp"]:
                report_span(ctx, "UQ001", unit.node, m.start(), m.end(), found=m.group(0),
                            use=f"{m['num']}{m['unit']}")


# --------------------------------------------------------------------------- UQ002

_UQ002_EN = re.compile(
    rf"{_BEFORE_NUM}{_NUM}\s*(?P<unit>secs?|hrs?|mins|amps?|rpm|RPM|ppm|cc|Kg|KG|kgs|Kgs|msecs?|mtrs?)(?![A-Za-z])")
_UQ002_EN_USE = {"sec": "s", "secs": "s", "hr": "h", "hrs": "h", "mins": "min", "amp": "A", "amps": "A",
                 "rpm": "r/min", "RPM": "r/min", "ppm": "a ratio (10⁻⁶, µg/g, µL/L)", "cc": "cm³ or mL",
                 "Kg": "kg", "KG": "kg", "kgs": "kg", "Kgs": "kg", "msec": "ms", "msecs": "ms", "mtr": "m",
                 "mtrs": "m"}
#: Chinese unit names reported after a number (not the calendar units: 3天 counts days).
_UQ002_ZH_USE = {name: symbol for name, symbol in ZH_NAMES.items() if name not in ZH_CALENDAR}
_UQ002_ZH = re.compile(
    rf"{_BEFORE_NUM}{_NUM}\s*(?P<unit>"
    + "|".join(re.escape(name) + (f"(?![{ZH_NOT_BEFORE[name]}])" if name in ZH_NOT_BEFORE else "")
               for name in sorted(_UQ002_ZH_USE, key=len, reverse=True)) + ")")
_UQ002_DEGREE = re.compile(rf"{_BEFORE_NUM}{_NUM}\s*度(?![量数])")


@rule(code="UQ002", title="Use the symbols of SI and accepted units (s, h, min, r/min, kg; in Chinese text too)",
      source="ISO/IEC Directives Part 2, 9 (ISO 80000); GB 3100-1993, GB/T 1.1-2020 9.13≈", severity="warning",
      message="'{found}' is not a unit symbol: use '{use}'", message_zh="“{found}”不是法定计量单位符号，应使用“{use}”",
      examples=(Example("en", "3 secs; 1500 rpm", "3 s; 1 500 r/min"), Example("zh", "5公斤；25度", "5 kg；25 ℃")),
      conservative="Only a unit right after a number is reported. Chinese: calendar units (天, 日, 月, 年, 周) and "
                   "counted hours (3个小时) are not; 度 only in a sentence about temperature (温).")
def uq002(ctx: DocContext) -> None:
    """What it checks: non-standard unit abbreviations after a number (sec, hrs, mins, amps, rpm, ppm, cc, Kg);
    in Chinese text a unit name after a number (5公斤, 10分钟, 3米, 25度 for a temperature), where the symbol
    is due.

    Why: ISO/IEC Directives Part 2 (Clause 9) and GB 3100/GB/T 1.1-2020 (9.13) require the units and unit
    symbols of ISO 80000 / GB 3100; values in text take the symbol.
    """
    for unit, text in quantity_units(ctx):
        if ctx.lang == "zh":
            for m in _UQ002_ZH.finditer(text):
                report_span(ctx, "UQ002", unit.node, m.start(), m.end(), found=m.group(0).strip(),
                            use=_UQ002_ZH_USE[m["unit"]])
            for m in _UQ002_DEGREE.finditer(text):
                sentence_start = max(text.rfind(p, 0, m.start()) for p in "。；！？")
                if "温" in text[sentence_start + 1:m.start()]:
                    report_span(ctx, "UQ002", unit.node, m.start(), m.end(), found=m.group(0), use="℃")
        for m in _UQ002_EN.finditer(text):
            report_span(ctx, "UQ002", unit.node, m.start(), m.end(), found=m.group(0),
                        use=_UQ002_EN_USE[m["unit"]])


# --------------------------------------------------------------------------- UQ003

_LEADING = re.compile(r"(?<![A-Za-z0-9_.,\uE001)\]])\.(?P<frac>\d+)(?![\d.,]\d)")
_DECIMAL = re.compile(rf"{_BEFORE_NUM}(?P<int>\d+)(?P<sep>[.,])(?P<frac>\d+)(?![\d.,]?\d)")
_OPERATOR_BEFORE = re.compile(r"[<>≤≥≦≧=±×~～≈]\s*$")
_UNIT_AFTER = re.compile(rf"\s?{UNIT}{_AFTER_UNIT}")


def _is_quantity(text: str, start: int, end: int) -> bool:
    """A number between ``start`` and ``end`` reads as a quantity (a unit after it, or an operator before it)."""
    return bool(_UNIT_AFTER.match(text, end) or _OPERATOR_BEFORE.search(text[max(0, start - 3):start]))


@rule(code="UQ003", title="Decimal sign per profile (ISO 0,5; GB 0.5), with a leading zero",
      source="ISO/IEC Directives Part 2, 9.1≈ (decimal comma); GB/T 1.1-2020 9.13≈ and GB/T 8170 (decimal point)",
      severity="error",
      message="'{found}': write '{use}' ({why})", message_zh="“{found}”应写为“{use}”（{why_zh}）",
      examples=(Example("en", ".5 mm (ISO profile)", "0,5 mm"), Example("zh", ".5 mm（GB）", "0.5 mm")),
      conservative="The decimal sign is checked only for numbers that are clearly quantities: followed by a unit "
                   "symbol, after a comparison sign (≥, ±, = …), or starting with 0 and two or more decimals "
                   "(a number alone in a table cell may be a clause or version number). A comma followed by "
                   "exactly three digits is a thousands separator "
                   "(UQ004), not a decimal sign. Clause numbers (5.2), versions and identifiers are never read "
                   "as decimals.")
def uq003(ctx: DocContext) -> None:
    """What it checks: the decimal sign of quantities — a comma in the ISO profile (0,5 mm), a point in the GB
    profile (0.5 mm) — and the zero before the decimal sign (.5 → 0.5 / 0,5).

    Why: ISO/IEC Directives Part 2 (Clause 9) make the comma the decimal sign of ISO documents; GB documents
    use the point (GB/T 1.1-2020, GB/T 8170); a decimal sign never starts a number.
    """
    iso = ctx.profile == "iso"
    sign, other = ("," if iso else "."), ("." if iso else ",")
    why = ("the decimal sign of the ISO profile is a comma" if iso else
           "the decimal sign of the GB profile is a point")
    why_zh = "ISO文件的小数点为逗号" if iso else "GB文件的小数点为圆点"
    for unit, text in quantity_units(ctx):
        for m in _LEADING.finditer(text):
            after = text[m.end():m.end() + 1]
            if after.isalpha() and not _UNIT_AFTER.match(text, m.end()):
                continue
            report_span(ctx, "UQ003", unit.node, m.start(), m.end(), found=m.group(0), use=f"0{sign}{m['frac']}",
                        why="a number starts with a digit", why_zh="小数点前应有0")
        for m in _DECIMAL.finditer(text):
            if m["sep"] != other:
                continue
            if other == "," and len(m["frac"]) == 3 and m["int"] != "0":
                continue  # 12,500: a thousands separator (UQ004)
            quantity = _is_quantity(text, m.start(), m.end()) or (
                m["int"] == "0" and len(m["frac"]) >= 2)
            if not quantity:
                continue
            report_span(ctx, "UQ003", unit.node, m.start(), m.end(), found=m.group(0),
                        use=f"{m['int']}{sign}{m['frac']}", why=why, why_zh=why_zh)


# --------------------------------------------------------------------------- UQ004

_THOUSANDS = re.compile(rf"{_BEFORE_NUM}[1-9]\d{{0,2}}(?P<groups>(?:,\d{{3}})+)(?![\d]|[.,]\d)")


@rule(code="UQ004", title="Group digits with a space, not a comma (12 500)",
      source="ISO/IEC Directives Part 2, 9.1≈ (ISO 80000-1, 7.3.1); GB 3101-1993≈", severity="warning",
      message="'{found}': group the digits with a (thin) space: '{use}'",
      message_zh="“{found}”：数字应以（窄）空格分节，写为“{use}”",
      examples=(Example("en", "12,500 N", "12 500 N"), Example("zh", "12,500 N", "12 500 N")),
      conservative="In the ISO profile, where a comma is also the decimal sign, a single group (12,500) is "
                   "reported only when no unit follows (a count, not a measured value); years, identifiers and "
                   "designations are masked first.")
def uq004(ctx: DocContext) -> None:
    """What it checks: a comma used as the thousands separator (1,000; 12,500 N; 1,234,567).

    Why: ISO 80000-1 and GB 3101 group digits in threes with a space; a comma is a decimal sign in ISO
    documents, so 12,500 is ambiguous.
    """
    iso = ctx.profile == "iso"
    for unit, text in quantity_units(ctx):
        for m in _THOUSANDS.finditer(text):
            single = m["groups"].count(",") == 1
            if iso and single and (_UNIT_AFTER.match(text, m.end()) or _OPERATOR_BEFORE.search(text[:m.start()])):
                continue
            report_span(ctx, "UQ004", unit.node, m.start(), m.end(), found=m.group(0),
                        use=m.group(0).replace(",", " "))


# --------------------------------------------------------------------------- UQ005

_RANGE = re.compile(
    rf"{_BEFORE_NUM}(?P<a>{_NUM})(?P<op>\s*[-–~～至到]\s*|\s+to\s+|\s+and\s+)(?P<b>{_NUM})"
    rf"\s*(?P<unit>{UNIT}){_AFTER_UNIT}")
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_TOLERANCE = re.compile(
    rf"(?<![A-Za-z0-9_.,\uE001(（])(?P<a>{_NUM})\s*±\s*(?P<b>{_NUM})\s*(?P<unit>{UNIT}){_AFTER_UNIT}")


@rule(code="UQ005", title="Write the unit with each value of a range or tolerance",
      source="ISO/IEC Directives Part 2, 9≈ (ISO 80000-1, 7.2); GB/T 1.1-2020 9.13≈", severity="warning",
      message="'{found}': write the unit with each value: '{use}'", message_zh="“{found}”：每个数值都应写出单位，如“{use}”",
      examples=(Example("en", "10-12 mm; 20 ± 2 °C", "10 mm to 12 mm; (20 ± 2) °C"),
                Example("zh", "10～12 mm；20±2 ℃", "10 mm～12 mm；(20±2) ℃")),
      conservative="Only a number range or tolerance directly followed by a unit symbol is reported; 'and' "
                   "counts only after 'between'; a tolerance already in parentheses is correct.")
def uq005(ctx: DocContext) -> None:
    """What it checks: a range (10-12 mm, 10～12 ℃, 10 to 12 %) or a tolerance (20 ± 2 °C) whose unit is
    written once, after the last value.

    Why: ISO 80000-1 and the Directives (Clause 9) require the unit with each value, or the values in
    parentheses with one unit after them: 10 mm to 12 mm, (20 ± 2) °C.
    """
    zh = ctx.lang == "zh"
    for unit, text in quantity_units(ctx):
        for m in _RANGE.finditer(text):
            op = m["op"].strip()
            if op == "and" and not _BETWEEN.search(text[:m.start()]):
                continue
            sp = "" if m["unit"] in ("°", "%") and not (ctx.profile == "iso" and m["unit"] == "%") else " "
            joiner = "～" if zh else " to "
            use = f"{m['a']}{sp}{m['unit']}{joiner}{m['b']}{sp}{m['unit']}"
            report_span(ctx, "UQ005", unit.node, m.start(), m.end(), found=m.group(0), use=use)
        for m in _TOLERANCE.finditer(text):
            use = f"({m['a']} ± {m['b']}) {m['unit']}" if not zh else f"({m['a']}±{m['b']}) {m['unit']}"
            report_span(ctx, "UQ005", unit.node, m.start(), m.end(), found=m.group(0), use=use)


# --------------------------------------------------------------------------- UQ006

_HYPHEN_MINUS = re.compile(r"(?:^|(?<=[\s(（=:：,，;；<>≤≥\[\u3400-\u9fff]))-(?P<num>\d+(?:[.,]\d+)?)(?![\d\-])")
_TIMES = re.compile(rf"{_BEFORE_NUM}(?P<a>{_NUM})(?P<op>\s*[xX*]\s*)(?P<b>{_NUM})(?![A-Za-z0-9_.,])")


@rule(code="UQ006", title="Use the minus sign (−) and the multiplication sign (×), not '-', 'x' or '*'",
      source="ISO/IEC Directives Part 2, 9≈ (ISO 80000-2); GB 3102.11≈", severity="warning",
      message="'{found}': write '{use}'", message_zh="“{found}”应写为“{use}”",
      examples=(Example("en", "-5 °C; 3x4 mm", "−5 °C; 3 mm × 4 mm"), Example("zh", "-5 ℃；3x4 mm", "−5 ℃；3 mm×4 mm")),
      conservative="A hyphen counts as a minus only before a number at the start of a text or after a space, "
                   "bracket, '=', punctuation or a Chinese character, and never between two numbers (10 -12); "
                   "'x' only between two "
                   "plain numbers (identifiers such as M12x1.5 and hexadecimal 0x1F are masked).")
def uq006(ctx: DocContext) -> None:
    """What it checks: a hyphen-minus used as the minus sign (-5 °C) and a letter x or an asterisk used as the
    multiplication sign (3x4 mm, 2*3).

    Why: ISO 80000-2 and GB 3102.11 define the signs: the minus sign is U+2212 (−), the multiplication sign
    is × (or a half-high dot).
    """
    for unit, text in quantity_units(ctx):
        for m in _HYPHEN_MINUS.finditer(text):
            before = text[:m.start()].rstrip()
            if before and (before[-1].isdigit() or before[-1] == MASK):
                continue
            report_span(ctx, "UQ006", unit.node, m.start(), m.end(), found=m.group(0), use="\u2212" + m["num"])
        for m in _TIMES.finditer(text):
            if m["a"] == "0" and m["op"] in ("x", "X"):
                continue
            report_span(ctx, "UQ006", unit.node, m.start(), m.end(), found=m.group(0),
                        use=f"{m['a']} × {m['b']}")
