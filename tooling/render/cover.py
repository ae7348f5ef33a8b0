"""Values shown on covers, derived from the metadata (templates/print/cover-*.html lay them out).

Sources: GB/T 1.1-2020 10.3.1 and Annex D (GB cover: document code, banner,
replaced designation, consistency marker); ISO/IEC Directives Part 2 and the
ISO house style (document type by stage, edition statement, reference number).
"""

from __future__ import annotations

import html

from ..model.metadata import StandardMetadata

__all__ = ["cover_values"]

#: Sector codes of Chinese industry standards (行业标准代号) for the cover banner.
SECTORS = {
    "SJ": "电子", "YD": "通信", "GA": "公共安全", "JR": "金融", "JT": "交通", "DL": "电力",
    "HG": "化工", "JB": "机械", "QC": "汽车", "YY": "医药", "WS": "卫生", "SN": "出入境检验检疫",
    "GY": "广播电影电视", "GM": "密码", "MZ": "民政", "CY": "新闻出版", "WH": "文化", "LY": "林业",
}
ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"]


#: English names of issuing bodies that English editions print on the cover.
ISSUERS_EN = {"国家市场监督管理总局": "State Administration for Market Regulation",
              "国家标准化管理委员会": "Standardization Administration of China"}


def _banner(meta: StandardMetadata) -> str:
    lang = meta.language
    if meta.raw.get("banner"):
        banner = meta.raw["banner"]
        return (banner.get(lang) or banner.get("zh") or banner.get("en")) if isinstance(banner, dict) else banner
    prefix = meta.designation.prefix
    if prefix in ("GB", "GB/T"):
        return "中华人民共和国国家标准" if lang == "zh" else "National Standard of the People's Republic of China"
    if prefix == "GB/Z":
        return ("中华人民共和国国家标准化指导性技术文件" if lang == "zh"
                else "Standardization Guidance Technical Document of the People's Republic of China")
    if prefix.startswith("DB"):
        return "地方标准" if lang == "zh" else "Local Standard"
    if prefix.startswith("T/"):
        return "团体标准" if lang == "zh" else "Association Standard"
    sector = SECTORS.get(prefix.split("/")[0])
    if lang != "zh":
        return "Professional Standard of the People's Republic of China"
    return f"中华人民共和国{sector}行业标准" if sector else "中华人民共和国行业标准"


#: Texts of the GB cover per language (GB/T 1.1-2020 10.3.1 and Annex D.1; English editions).
GB_COVER_TEXTS = {
    "zh": {"replaces": "代替", "issued": "发布", "implemented": "实施", "draft_date": "本稿完成日期：",
           "patent_call": "在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上。",
           "record_no": "备案号：", "sample": "样例 · SAMPLE — 仅用于演示，不是正式标准 / for demonstration only, not a real standard"},
    "en": {"replaces": "Replacing", "issued": "Issued", "implemented": "Implemented", "draft_date": "Date of this draft: ",
           "patent_call": "When submitting comments, please attach any relevant patents you are aware of, together "
                          "with supporting documents.",
           "record_no": "Filing number: ", "sample": "SAMPLE · 样例 — for demonstration only, not a real standard"},
}


def _iso_doctype(meta: StandardMetadata, lang: str) -> str:
    kind = {
        "technical-specification": ("Technical Specification", "技术规范"),
        "technical-report": ("Technical Report", "技术报告"),
        "publicly-available-specification": ("Publicly Available Specification", "可公开提供规范"),
        "guide": ("Guide", "指南"),
        "amendment": ("Amendment", "修正案"),
    }.get(meta.doctype, ("International Standard", "国际标准"))
    name = kind[1] if lang == "zh" else kind[0]
    if meta.is_draft:
        stage = {"WD": "Working draft", "CD": "Committee draft", "DIS": "Draft", "FDIS": "Final draft"}.get(
            meta.stage.code, "Draft")
        return (meta.stage.zh if lang == "zh" else f"{stage} {name.lower() if stage.endswith('draft') else name}")
    return name if lang == "zh" else name.upper()


def cover_values(meta: StandardMetadata) -> dict:
    """Texts of the cover of ``meta``'s profile.

    Returns:
        ``code`` (document code in the display face, e.g. ``GB``), ``designation_html``
        (with half an em of space between code and serial number, GB/T 1.1-2020
        10.3.1), ``banner``, ``replaces``, ``adoption`` (``ISO/IEC 25059:2023, MOD``),
        ``doctype`` and ``edition`` (ISO covers).
    """
    lang = meta.language
    designation = meta.display_designation()
    prefix = meta.designation.prefix
    rest = designation[len(prefix):].strip()
    texts = GB_COVER_TEXTS["zh" if lang == "zh" else "en"]
    issuer = meta.texts("issuer", lang)
    if lang != "zh":
        issuer = [ISSUERS_EN.get(name, name) for name in issuer]
    stage = meta.stage.zh if lang == "zh" else meta.stage.en
    values = {
        "texts": texts,
        "issuer": issuer,
        "stage": stage,
        "code": prefix.split("/")[0],
        "designation_html": f'{html.escape(prefix)}<span class="half-space"></span>{html.escape(rest)}',
        "banner": _banner(meta) if meta.profile == "gb" else "",
        "replaces": "、".join(d.format(meta.profile) for d in meta.replaces),
        "adoption": "",
        "doctype": _iso_doctype(meta, lang),
        "edition": "",
    }
    if meta.adoption:
        values["adoption"] = f"{meta.adoption['document']}, {meta.adoption['degree']}"
    if meta.edition:
        if lang == "zh":
            values["edition"] = f"第{meta.edition}版"
        else:
            n = meta.edition
            values["edition"] = (ORDINALS[n - 1] if n <= len(ORDINALS) else f"{n}th") + " edition"
    return values
