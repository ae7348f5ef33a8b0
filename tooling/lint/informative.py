"""NE — informative elements carry no provisions.

Notes, examples, footnotes, the foreword, the introduction, the scope and
informative annexes inform; they do not require (ISO/IEC Directives Part 2,
12–14, 20, 24–26; GB/T 1.1-2020 8.3–8.5, 9.6, 9.10–9.12). Requirements there
are errors, recommendations and permissions warnings. Notes and footnotes of
tables and figures may hold requirements (Directives Part 2, 28.5.5, 29.5.2;
GB/T 1.1-2020 9.12.2), so they are not checked (NE003a).
"""

from __future__ import annotations

import re

from .context import DocContext
from .registry import Example, rule
from .verbal import forms_in

_KINDS_ZH = {"requirement": "要求", "recommendation": "推荐", "permission": "允许"}
_CONTAINERS_ZH = {"note": "注", "example": "示例", "footnote": "脚注", "foreword": "前言", "introduction": "引言",
                  "scope": "范围", "informative-annex": "资料性附录"}
#: How each container reads in an English message (never the role key itself).
_CONTAINERS_EN = {"note": "a note", "example": "an example", "footnote": "a footnote", "foreword": "the foreword",
                  "introduction": "the introduction", "scope": "the scope",
                  "informative-annex": "an informative annex"}


def _check(ctx: DocContext, code: str, role: str) -> None:
    for unit in ctx.units():
        if unit.informative != role:
            continue
        for form, _, occurrence in forms_in(ctx, unit):
            if form.kind == "possibility" or form.forbidden in ("VF003", "VF004"):
                continue
            if form.forbidden == "VF001" and ctx.lang == "en":
                continue  # "must": an external constraint, which notes may state
            severity = "error" if form.kind == "requirement" else "warning"
            if code == "NE007":
                severity = "warning"
            ctx.report(code, unit.node, form.text, occurrence, severity=severity, form=form.text, kind=form.kind,
                       kind_zh=_KINDS_ZH[form.kind], container=_CONTAINERS_EN[role],
                       container_zh=_CONTAINERS_ZH[role])


def _ne(code: str, role: str, title: str, source: str, bad_en: str, good_en: str, bad_zh: str, good_zh: str,
        severity: str = "error", **extra):
    def check(ctx: DocContext) -> None:
        _check(ctx, code, role)

    check.__doc__ = (f"What it checks: verbal forms of requirements (error), recommendations and permissions "
                     f"(warning) in {role.replace('-', ' ')} text.\n\nWhy: {source}: the {role.replace('-', ' ')} "
                     f"is informative; provisions belong in the body.")
    return rule(code=code, title=title, source=source, severity=severity,
                message="{kind} ('{form}') in {container}: informative text carries no provisions",
                message_zh="{container_zh}中出现{kind_zh}（“{form}”）：资料性内容不应包含条款",
                examples=(Example("en", bad_en, good_en), Example("zh", bad_zh, good_zh)), **extra)(check)


ne001 = _ne("NE001", "note", "No provisions in notes", "ISO/IEC Directives Part 2, 24.5; GB/T 1.1-2020 9.11",
            "NOTE Samples shall be dry.", "Move the requirement into the body text.",
            "注：试样应干燥。", "将要求移入正文。")
ne002 = _ne("NE002", "example", "No provisions in examples", "ISO/IEC Directives Part 2, 25.5; GB/T 1.1-2020 9.10",
            "EXAMPLE The label should show the date.", "EXAMPLE A label showing the date.",
            "示例：标签宜标注日期。", "示例：标签上印有日期。")
ne003 = _ne("NE003", "footnote", "No provisions in text footnotes",
            "ISO/IEC Directives Part 2, 26.5; GB/T 1.1-2020 9.12.1",
            "¹⁾ Tests shall be repeated.", "¹⁾ The tests were repeated in 2024.",
            "1) 试验应重复。", "1) 该试验于2024年重复进行。")
ne004 = _ne("NE004", "foreword", "No provisions in the foreword", "GB/T 1.1-2020 8.3; ISO/IEC Directives Part 2, 12",
            "All units shall apply this document.", "Delete the sentence.",
            "各单位应执行本文件。", "删除该句。", profiles=("gb",),
            conservative="Off for the ISO profile, whose foreword boilerplate carries 'shall'; recognised "
                         "boilerplate (patent notice) is exempt in both.")
ne005 = _ne("NE005", "introduction", "No provisions in the introduction",
            "ISO/IEC Directives Part 2, 13.2; GB/T 1.1-2020 8.4",
            "Users shall read Clause 5 first.", "This document helps users to …",
            "使用者应先阅读第5章。", "本文件有助于使用者……")
ne006 = _ne("NE006", "scope", "No provisions in the scope", "ISO/IEC Directives Part 2, 14.2; GB/T 1.1-2020 8.5",
            "Products shall comply with Clause 5.", "This document specifies requirements for products.",
            "产品应符合第5章的要求。", "本文件规定了产品的要求。")
ne007 = _ne("NE007", "informative-annex", "No requirements in informative annexes",
            "ISO/IEC Directives Part 2, 20; GB/T 1.1-2020 9.6", "The test shall use …",
            "Make the annex normative, or state a fact.", "试验应使用……", "改为规范性附录，或改为陈述。",
            severity="warning")

_TYPED_LABEL = re.compile(r"^\s*(?:NOTE|EXAMPLE|Note)\s*\d*\s*[:：—-]|^\s*(?:注|示例)\s*\d*\s*[：:]")


@rule(code="NE008", title="Notes and examples are marked up, not typed",
      source="GB/T 1.1-2020 9.10, 9.11; ISO/IEC Directives Part 2, 24, 25", severity="warning",
      message="a paragraph typed as '{label}' is not a note or example: use the {directive} directive",
      message_zh="段落以“{label}”开头却不是注或示例：应使用{directive}指令",
      examples=(Example("en", "NOTE: text (a plain paragraph)", ":::{note}\ntext\n:::"),
                Example("zh", "注：文字（普通段落）", ":::{note}\n文字\n:::")))
def ne008(ctx: DocContext) -> None:
    """What it checks: a plain paragraph that starts with NOTE/EXAMPLE/注：/示例：.

    Why: only marked-up notes and examples are numbered, labelled and exempt from
    provisions checks; a typed label defeats all three.
    """
    for unit in ctx.units():
        if unit.informative in ("note", "example") or "term" in unit.roles:
            continue
        m = _TYPED_LABEL.match(unit.node.astext())
        if m:
            label = m.group(0).strip()
            directive = "{example}" if label.upper().startswith(("EXAMPLE", "示例")) else "{note}"
            ctx.report("NE008", unit.node, label, label=label, directive=directive)
