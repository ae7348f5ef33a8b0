"""Hand-typed numbers in headings, and the conventional titles that give an imported clause its role.

Both are used at import time only: the written files carry no numbers (the build
computes them) and explicit role classes (``{.scope}``), so wording never decides
an element's type after the import.

Forms recognised at the start of a heading::

    1 Scope            1：范围            1: Scope           2.1 - 组件记录
    3 - 要求            3.1               4.1.1 Policy        1. Introduction
    V1 Architecture    V1.1 Secure …     Annex A (informative) Title
    Appendix A: Glossary                 附录A（规范性）标题   A.1 General
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["HeadingNumber", "parse_heading_number", "parse_paragraph_number", "title_role", "split_note_label",
           "split_example_label"]

_SEP = r"(?:[\s\u3000]*(?:[:：、]|[-–—]+|[.)）])?[\s\u3000]*)"
_CLAUSE = re.compile(
    rf"^(?P<prefix>[Vv](?=\d))?(?P<num>\d{{1,3}}(?:\.\d{{1,3}})*)(?![\d.]?\d)\.?"
    rf"(?=$|[\s\u3000:：、\-–—)）])(?P<sep>{_SEP})(?P<title>.*)$",
    re.S,
)
_LETTER = re.compile(
    rf"^(?P<letter>[A-Z])\.(?P<num>\d{{1,3}}(?:\.\d{{1,3}})*)(?![\d.]?\d)\.?"
    rf"(?=$|[\s\u3000:：、\-–—)）])(?P<sep>{_SEP})(?P<title>.*)$",
    re.S,
)
_OBLIGATION = r"[(（]\s*(?P<obl>normative|informative|规范性|资料性|规范性附录|资料性附录)\s*[)）]"
_ANNEX_EN = re.compile(
    rf"^(?:annex|appendix|anhang|annexe)\s+(?P<letter>[A-Z])(?![A-Za-z0-9])[\s\u3000]*(?:{_OBLIGATION})?"
    rf"[\s\u3000]*(?:[:：.]|[-–—]+)?[\s\u3000]*(?P<title>.*)$",
    re.S | re.I,
)
_ANNEX_ZH = re.compile(
    rf"^附[\s\u3000]*[录錄][\s\u3000]*(?P<letter>[A-Z])[\s\u3000]*(?:{_OBLIGATION})?"
    rf"[\s\u3000]*(?:[:：.]|[-–—]+)?[\s\u3000]*(?P<title>.*)$",
    re.S,
)
_PARAGRAPH = re.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3})+)(?![\d.]?\d)[\s\u3000]+(?P<rest>\S.*)$", re.S)


@dataclass(frozen=True)
class HeadingNumber:
    """What a heading's hand-typed number says.

    Attributes:
        kind: ``clause`` (``4.1.2``, ``V1.1``), ``annex`` (``Annex A``, ``附录A``,
            ``Appendix A``), ``annex-sub`` (``A.1``) or ``none``.
        parts: the number's parts: ``(4, 1, 2)``, ``("A",)``, ``("A", 1)``; empty for ``none``.
        prefix: a letter typed before a clause number (``V`` in ``V1.1``), else ``""``.
        obligation: ``normative``/``informative`` when an annex heading states it, else ``None``.
        title: the title without the number and its separator (may be empty).
    """

    kind: str
    parts: tuple = ()
    prefix: str = ""
    obligation: str | None = None
    title: str = ""

    @property
    def text(self) -> str:
        """The number as our build writes it: ``4.1.2``, ``A``, ``A.1`` (no ``V`` prefix)."""
        return ".".join(str(p) for p in self.parts)


def _obligation(value: str | None) -> str | None:
    if not value:
        return None
    return "normative" if value.lower().startswith(("normative", "规范性")) else "informative"


def parse_heading_number(text: str) -> HeadingNumber:
    """Read the hand-typed number at the start of a heading's plain text.

    Args:
        text: the heading's text without markup, e.g. ``"2.1 - 组件记录"``.

    Returns:
        A :class:`HeadingNumber`; ``kind == "none"`` when the heading has no number.
        Parts of ``0`` below the top level (``4.0``) and numbers of four digits
        (years such as ``2024 changes``) are not clause numbers.
    """
    text = text.strip()
    m = _ANNEX_EN.match(text) or _ANNEX_ZH.match(text)
    if m:
        return HeadingNumber("annex", (m["letter"].upper(),), "", _obligation(m["obl"]), m["title"].strip())
    m = _LETTER.match(text)
    if m:
        parts = tuple(int(p) for p in m["num"].split("."))
        if all(p > 0 for p in parts):
            return HeadingNumber("annex-sub", (m["letter"], *parts), "", None, m["title"].strip())
    m = _CLAUSE.match(text)
    if m:
        parts = tuple(int(p) for p in m["num"].split("."))
        if all(p > 0 for p in parts[1:]) and not (parts[0] == 0 and len(parts) == 1 and m["title"].strip() == ""):
            return HeadingNumber("clause", parts, (m["prefix"] or "").upper(), None, m["title"].strip())
    return HeadingNumber("none", title=text)


def parse_paragraph_number(text: str) -> tuple[tuple[int, ...], str] | None:
    """The number that opens a paragraph of an untitled subclause (``5.1.1　试样应……``).

    Returns:
        ``(parts, rest)`` for a number of at least two parts followed by a space and
        text, else ``None``. Whether it really is a subclause depends on the numbers
        around it (the caller checks the sequence).
    """
    m = _PARAGRAPH.match(text)
    if not m:
        return None
    parts = tuple(int(p) for p in m["num"].split("."))
    if any(p == 0 for p in parts[1:]):
        return None
    return parts, m["rest"]


_S = r"[\s\u3000]*"
_ROLE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("foreword", re.compile(rf"^(?:foreword|preface|vorwort|avant-propos|前{_S}言|序{_S}言)$", re.I)),
    ("introduction", re.compile(rf"^(?:introduction|einleitung|einführung|引{_S}言|导{_S}言|導{_S}言|简介|簡介"
                                rf"|\w{{0,4}}介绍|\w{{0,4}}介紹)$", re.I)),
    ("scope", re.compile(rf"^(?:scope|anwendungsbereich|umfang|domaine d'application|范{_S}围|範{_S}圍|适用范围|適用範圍)$",
                         re.I)),
    ("normative-references", re.compile(r"^(?:normative references?|normative verweisungen|références normatives"
                                        r"|规范性引用文件|規範性引用文件|引用文件|引用參考|引用参考)$", re.I)),
    ("terms", re.compile(r"^(?:terms?\b.*|definitions?(?: and .*)?|terminology|begriffe\b.*|termes\b.*|术语.*|術語.*)$",
                         re.I)),
    ("symbols", re.compile(r"^(?:symbols?\b.*|abbreviat.*|abbreviated terms|符号.*|符號.*|缩略语.*|縮略語.*)$", re.I)),
    ("bibliography", re.compile(rf"^(?:bibliography|references|literaturhinweise|bibliographie"
                                rf"|参{_S}考{_S}文{_S}献|參{_S}考{_S}文{_S}獻)$", re.I)),
    ("index", re.compile(rf"^(?:index|索{_S}引)$", re.I)),
]


def title_role(title: str) -> str | None:
    """The role a conventional title suggests (import time only).

    Args:
        title: a heading's plain text without its number (``"Terms and definitions"``, ``"前言"``).

    Returns:
        ``foreword``, ``introduction``, ``scope``, ``normative-references``, ``terms``,
        ``symbols``, ``bibliography``, ``index`` or ``None``. Annexes are recognised
        by :func:`parse_heading_number`, not here.
    """
    text = re.sub(r"[\s\u3000]*[:：.]$", "", title.strip())
    text = re.sub(r"\s+", " ", text)
    for role, pattern in _ROLE_PATTERNS:
        if pattern.match(text):
            return role
    return None


_LABEL = re.compile(
    r"^(?P<open>\*\*|__)?(?P<word>NOTE|Note|EXAMPLE|Example)(?P<num>[ \t]+\d+)?(?P<entry>[ \t]+to[ \t]+entry)?"
    r"(?P<close>\*\*|__)?(?P<colon>[ \t]*[:：])?(?P<close2>\*\*|__)?(?P<space>[ \t]*)(?P<rest>.*)$",
    re.S,
)
_LABEL_ZH = re.compile(
    r"^(?:\*\*|__)?(?P<word>注释|註釋|注|註|示例|範例)(?P<num>[ \t\u3000]*\d+)?(?:\*\*|__)?(?P<colon>[ \t\u3000]*[:：])?"
    r"(?:\*\*|__)?[ \t\u3000]*(?P<rest>.*)$",
    re.S,
)


def _split_label(text: str, words: tuple[str, ...]) -> tuple[str, str] | None:
    m = _LABEL.match(text)
    if m and m["word"] in words:
        label = m["word"] + (m["num"] or "") + (m["entry"] or "")
        upper = m["word"].isupper()
        if m["colon"]:
            return label, m["rest"]
        # without a colon only the ISO forms "NOTE 1 text", "EXAMPLE text", "Note 1 to entry text" (or the label alone)
        if (upper or m["entry"]) and (m["space"] or m["close"] or not m["rest"]):
            return label, m["rest"]
        return None
    m = _LABEL_ZH.match(text)
    if m and m["word"] in words:
        label = m["word"] + (m["num"] or "").strip()
        if m["colon"] or not m["rest"]:
            return label, m["rest"]
    return None


def split_note_label(text: str) -> tuple[str, str] | None:
    """Split a note paragraph into its label and its text.

    ``"NOTE 1 text"``, ``"Note: text"``, ``"Note 1 to entry: text"``, ``"注：文字"``,
    ``"注1：文字"`` (also in bold) give ``(label, text)``; a sentence such as
    ``"Note that …"`` gives ``None``.
    """
    return _split_label(text, ("NOTE", "Note", "注", "註", "注释", "註釋"))


def split_example_label(text: str) -> tuple[str, str] | None:
    """Split an example paragraph into its label and its text.

    ``"EXAMPLE text"``, ``"Example 2: text"``, ``"示例：文字"``, ``"示例1："`` give
    ``(label, text)`` (the text may be empty: the example is the following block).
    """
    return _split_label(text, ("EXAMPLE", "Example", "示例", "範例"))
