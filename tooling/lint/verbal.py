"""VF — verbal forms (ISO/IEC Directives Part 2, Clause 7; GB/T 1.1-2020 Annex C)."""

from __future__ import annotations

from collections.abc import Iterator

from .classifier import Form, classify
from .context import DocContext, TextUnit
from .registry import Example, rule

__all__ = ["PREFERRED_EN", "PREFERRED_ZH", "forms_in", "preferred_form"]


def forms_in(ctx: DocContext, unit: TextUnit) -> Iterator[tuple[Form, int, int]]:
    """Each verbal form of a text unit with its offset in the unit and its occurrence number there."""
    for start, sentence in unit.sentences:
        for form in classify(sentence, ctx.lang):
            offset = start + form.start
            yield form, offset, unit.text[:offset].count(form.text)


def _normative(unit: TextUnit) -> bool:
    return unit.informative is None and "bibliography" not in unit.roles and "term" not in unit.roles[:1]


@rule(code="VF001", title="Use shall/应 for requirements, not must/必须",
      source="ISO/IEC Directives Part 2, 7.2 and 7.6 (Table 3, Table 7); GB/T 1.1-2020 Annex C (C.1)",
      severity="warning", severity_by={"zh": "error"},
      message="'{form}' is not a verbal form for requirements: use '{use}'",
      message_zh="“{form}”不是要求型能愿动词，应使用“{use}”",
      examples=(Example("en", "The lid must lock.", "The lid shall lock."),
                Example("zh", "盖子必须锁定。", "盖子应锁定。")),
      conservative="English 'must' is allowed for external constraints (laws, nature) in notes and in blocks "
                   "with the class external-constraint; only normative text is checked.")
def vf001(ctx: DocContext) -> None:
    """What it checks: 'must' (English) and 必须/务必 (Chinese) in normative text.

    Why: a requirement is expressed with "shall" (ISO/IEC Directives Part 2, Table 3)
    or 应 (GB/T 1.1-2020, Table C.1). "Must" only states an external constraint
    (Table 7); GB discourages 必须 altogether.
    """
    for unit in ctx.units():
        if not _normative(unit) or "external-constraint" in unit.node.get("classes", ()):
            continue
        for form, _, occurrence in forms_in(ctx, unit):
            if form.forbidden == "VF001":
                ctx.report("VF001", unit.node, form.text, occurrence, form=form.text,
                           use="shall" if ctx.lang == "en" else "应")


@rule(code="VF002", title="Use shall not/不应 for negative requirements, not may not/不可",
      source="ISO/IEC Directives Part 2, 7.2 and 7.4 (Table 3); GB/T 1.1-2020 Annex C (C.1)",
      severity="error",
      message="'{form}' is ambiguous: use '{use}' for a prohibition",
      message_zh="“{form}”含义不明确，禁止性要求应使用“{use}”",
      examples=(Example("en", "Tools may not be shared.", "Tools shall not be shared."),
                Example("zh", "工具不可共用。", "工具不应共用。")),
      conservative="Chinese 不可 followed by 能, 靠, 逆, 燃, 见, 用, 分, 忽 … forms an adjective "
                   "(不可靠, 不可逆) and is not reported.")
def vf002(ctx: DocContext) -> None:
    """What it checks: "may not" and 不可 anywhere.

    Why: "may not" reads both as a prohibition and as a permission not to; the
    Directives list "shall not" (Table 3) and GB/T 1.1-2020 lists 不应/不得.
    """
    for unit in ctx.units():
        for form, _, occurrence in forms_in(ctx, unit):
            if form.forbidden == "VF002":
                ctx.report("VF002", unit.node, form.text, occurrence, form=form.text,
                           use="shall not" if ctx.lang == "en" else "不应")


@rule(code="VF003", title="Use can/能 (可能) for possibility, not may/可",
      source="ISO/IEC Directives Part 2, 7.4 and 7.5 (Tables 5, 6); GB/T 1.1-2020 Annex C (C.4, C.5)",
      severity="warning",
      message="'{form}' expresses permission; for a possibility use '{use}'",
      message_zh="“{form}”表示允许，表示可能性应使用“{use}”",
      examples=(Example("en", "Heat may damage the seal.", "Heat can damage the seal."),
                Example("zh", "高温可导致密封失效。", "高温可能导致密封失效。")),
      conservative="Only 'may' before verbs of consequence (cause, result, lead, occur, fail, damage, affect …) "
                   "and 可 before 导致, 引起, 造成, 发生, 出现, 产生 are reported.")
def vf003(ctx: DocContext) -> None:
    """What it checks: "may" or 可 used for a possibility or consequence."""
    for unit in ctx.units():
        for form, _, occurrence in forms_in(ctx, unit):
            if form.forbidden == "VF003":
                ctx.report("VF003", unit.node, form.text, occurrence, form=form.text,
                           use="can" if ctx.lang == "en" else "可能")


@rule(code="VF004", title="Use only the verbal forms of the Directives (no might, could, need to, 需要, 尽量 …)",
      source="ISO/IEC Directives Part 2, 7.1 and ISO House Style; GB/T 1.1-2020 Annex C",
      severity="warning",
      message="'{form}' is not a verbal form for provisions: state the provision with shall/should/may/can",
      message_zh="“{form}”不是规定的能愿动词，应使用“应/宜/可/能”表述条款",
      examples=(Example("en", "The user might need to log.", "The user shall log."),
                Example("zh", "用户需要记录日志。", "用户应记录日志。")),
      conservative="需要/需/建议 used as nouns (after 的, before punctuation) are not reported.")
def vf004(ctx: DocContext) -> None:
    """What it checks: forms outside Tables 3–7 (might, could, need(s) to; 需要, 需, 尽量, 尽可能, 原则上, 严禁) in normative text.

    Why: the Directives (2021, 7.1) limit provisions to the forms of their
    tables, so readers can tell requirements from recommendations.
    """
    for unit in ctx.units():
        if not _normative(unit):
            continue
        for form, _, occurrence in forms_in(ctx, unit):
            if form.forbidden == "VF004":
                ctx.report("VF004", unit.node, form.text, occurrence, form=form.text)


#: The preferred form of each Chinese equivalent expression of the classifier's lexicon
#: (GB/T 1.1-2020 Annex C, Tables C.1–C.4).
PREFERRED_ZH = {
    "应该": "应", "应当": "应", "只准许": "应",
    "不应该": "不应", "不得": "不应", "不准许": "不应",
    "推荐": "宜", "建议": "宜", "不推荐": "不宜", "不建议": "不宜",
    "可以": "可", "允许": "可", "可以不": "不必", "无须": "不必", "无需": "不必",
    "能够": "能", "有可能": "可能", "不能够": "不能", "没有可能": "不可能",
}
#: The preferred English form per kind and polarity (ISO/IEC Directives Part 2, Tables 3–6): every
#: English equivalent ("is required to", "it is recommended that", "is permitted", "be able to" …)
#: stands for the one preferred form of its kind.
PREFERRED_EN = {
    ("requirement", "+"): "shall", ("requirement", "-"): "shall not",
    ("recommendation", "+"): "should", ("recommendation", "-"): "should not",
    ("permission", "+"): "may", ("permission", "-"): "need not",
    ("possibility", "+"): "can", ("possibility", "-"): "cannot",
}
#: The Chinese preferred form per kind and polarity, for an equivalent missing from PREFERRED_ZH.
_PREFERRED_ZH_BY_KIND = {
    ("requirement", "+"): "应", ("requirement", "-"): "不应", ("recommendation", "+"): "宜",
    ("recommendation", "-"): "不宜", ("permission", "+"): "可", ("permission", "-"): "不必",
    ("possibility", "+"): "能", ("possibility", "-"): "不能",
}


def preferred_form(form: Form, lang: str) -> str:
    """The preferred form for an equivalent expression (``能够`` → ``能``, ``is required to`` → ``shall``)."""
    if lang == "zh":
        return PREFERRED_ZH.get(form.text) or _PREFERRED_ZH_BY_KIND[(form.kind, form.polarity)]
    return PREFERRED_EN[(form.kind, form.polarity)]


@rule(code="VF005", title="Prefer the preferred verbal form to its equivalents",
      source="ISO/IEC Directives Part 2, 7.2–7.5 (Tables 3–6); GB/T 1.1-2020 Annex C",
      severity="info",
      message="'{form}' is an equivalent expression of a {kind}; use the preferred form '{preferred}'",
      message_zh="“{form}”是{kind_zh}的等效表述，宜使用首选形式“{preferred}”",
      examples=(Example("en", "It is required that the sample is dry.", "The sample shall be dry."),
                Example("zh", "试样应该干燥。", "试样应干燥。")))
def vf005(ctx: DocContext) -> None:
    """What it checks: equivalent expressions (is required to, it is recommended that, 应该, 只准许, 可以 …).

    Why: equivalents are for cases where the preferred form cannot be used
    (Directives Part 2, 7.1); a reviewer may want to see them. Info only.
    """
    kinds_zh = {"requirement": "要求", "recommendation": "推荐", "permission": "允许", "possibility": "可能性"}
    for unit in ctx.units():
        for form, _, occurrence in forms_in(ctx, unit):
            if not form.preferred and not form.forbidden:
                ctx.report("VF005", unit.node, form.text, occurrence, form=form.text, kind=form.kind,
                           kind_zh=kinds_zh[form.kind], preferred=preferred_form(form, ctx.lang))


@rule(code="VF006", title="Provision counts per clause (derived data for bilingual parity)",
      source="derived; used by BL002", severity="info", status="preview",
      message="provision counts", message_zh="条款计数")
def vf006(ctx: DocContext) -> None:
    """What it checks: nothing by itself. The counts of requirements, recommendations,
    permissions and possibilities per clause, which the bilingual check BL002 compares
    between a master and its translation.
    """
