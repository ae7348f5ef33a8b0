"""Labels by language: 注/NOTE, 表/Table, 附录/Annex …

Labels follow the document's language; structure follows its profile (so an
ISO-profile text in Chinese gets Chinese labels on an ISO-style cover).
Sources: GB/T 1.1-2020 9.6–9.12 and 10.4; ISO/IEC Directives Part 2 20–29.
"""

from __future__ import annotations

__all__ = ["LABELS", "annex_heading", "label", "number_label", "ref_text"]

FW_SPACE = "\u3000"

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "clause": "第{n}章",
        "subclause": "{n}",
        "annex": "附录{n}",
        "table": "表{n}",
        "figure": "图{n}",
        "formula": "公式（{n}）",
        "formula_number": "（{n}）",
        "term": "{n}",
        "note": "注",
        "note_n": "注{n}",
        "example": "示例",
        "example_n": "示例{n}",
        "note_to_entry": "注",
        "note_to_entry_n": "注{n}",
        "colon": "：",
        "normative": "（规范性）",
        "informative": "（资料性）",
        "source": "来源",
        "modified": "有修改",
        "where": "式中：",
        "continued": "（续）",
        "contents": "目次",
        "foreword": "前言",
        "introduction": "引言",
        "bibliography": "参考文献",
        "index": "索引",
        "key": "标引序号说明：",
        "admitted": "",
        "deprecated": "",
        "deprecated_mark": "（被取代）",
        "see": "见",
        "sample": "样例",
        "issued": "发布",
        "implemented": "实施",
        "replaces": "代替",
        "draft_date": "本稿完成日期：",
        "edition": "第{n}版",
        "part": "第{n}部分：",
        "end": "",
    },
    "en": {
        "clause": "Clause {n}",
        "subclause": "{n}",
        "annex": "Annex {n}",
        "table": "Table {n}",
        "figure": "Figure {n}",
        "formula": "Formula ({n})",
        "formula_number": "({n})",
        "term": "{n}",
        "note": "NOTE",
        "note_n": "NOTE {n}",
        "example": "EXAMPLE",
        "example_n": "EXAMPLE {n}",
        "note_to_entry": "Note 1 to entry:",
        "note_to_entry_n": "Note {n} to entry:",
        "colon": "",
        "normative": "(normative)",
        "informative": "(informative)",
        "source": "SOURCE",
        "modified": "modified",
        "where": "where",
        "continued": "(continued)",
        "contents": "Contents",
        "foreword": "Foreword",
        "introduction": "Introduction",
        "bibliography": "Bibliography",
        "index": "Index",
        "key": "Key",
        "admitted": "",
        "deprecated": "DEPRECATED: ",
        "deprecated_mark": "",
        "see": "see",
        "sample": "SAMPLE",
        "issued": "",
        "implemented": "",
        "replaces": "Replaces",
        "draft_date": "Date of this draft: ",
        "edition": "Edition {n}",
        "part": "Part {n}: ",
        "end": "",
    },
}


def annex_heading(lang: str, letter: str, obligation: str | None) -> str:
    """``附录A（规范性）`` / ``Annex A (normative)`` (GB/T 1.1-2020 10.4.1; DIR 2 20)."""
    text = label(lang, "annex", letter)
    if obligation:
        text += ("" if lang == "zh" else " ") + label(lang, obligation)
    return text


def label(lang: str, key: str, n: str | int | None = None) -> str:
    """The label ``key`` in ``lang`` (``zh`` or ``en``), with ``{n}`` filled in.

    Unknown languages fall back to English.
    """
    text = LABELS.get(lang, LABELS["en"])[key]
    return text.format(n=n) if n is not None else text


def number_label(lang: str, kind: str, number: str | None, count: int = 2) -> str:
    """The label shown before a note, example or note to entry.

    Args:
        lang: ``zh`` or ``en``.
        kind: ``note``, ``example`` or ``note_to_entry``.
        number: its number within its parent (``"1"``) or ``None``.
        count: how many of its kind the parent holds. A lone note or example is
            unnumbered (GB/T 1.1-2020 9.10, 9.11; ISO/IEC Directives Part 2 24.3,
            25.3); a note to entry is numbered even when alone in ISO style.

    Returns:
        E.g. ``注``, ``注1``, ``NOTE 2``, ``Note 1 to entry``.
    """
    if kind == "note_to_entry" and lang != "zh":
        return label(lang, "note_to_entry_n", number or 1)
    if count <= 1 or number is None:
        return label(lang, kind)
    return label(lang, kind + "_n", number)


def ref_text(lang: str, kind: str, number: str, role: str | None = None) -> str:
    """How a cross-reference to a numbered element reads (GB/T 1.1-2020 9.5; DIR 2 10).

    ``ref_text("zh", "clause", "5")`` → ``第5章``; a subclause → ``5.2``;
    ``ref_text("en", "table", "A.1")`` → ``Table A.1``; an annex → ``Annex A``.
    """
    if kind == "clause":
        if role == "annex":
            return label(lang, "annex", number)
        if "." in number or not number:
            return number
        return label(lang, "clause", number)
    if kind in ("table", "figure", "formula"):
        return label(lang, kind, number)
    return number
