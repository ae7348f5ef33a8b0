"""VF and NE rules: a failing and a passing case in each language (RULES.md §3 VF, NE)."""

from __future__ import annotations

import pytest

from .harness import Case, check, run_cases

CASES = [
    Case("vf001-zh-bad", "VF001", "zh", "gb", """
        # 要求

        盖子必须锁定。
        """, [3], severity="error"),
    Case("vf001-zh-good", "VF001", "zh", "gb", """
        # 要求

        盖子应锁定。
        """, []),
    Case("vf001-en-bad", "VF001", "en", "iso", """
        # Requirements

        The lid must lock.
        """, [3], severity="warning"),
    Case("vf001-en-good", "VF001", "en", "iso", """
        # Requirements

        The lid shall lock.

        :::{note}
        The operator must be trained by law.
        :::
        """, []),
    Case("vf002-zh-bad", "VF002", "zh", "gb", """
        # 要求

        工具不可共用。
        """, [3]),
    Case("vf002-zh-good", "VF002", "zh", "gb", """
        # 要求

        工具不应共用。连接不可靠时，应重试。
        """, []),
    Case("vf002-en-bad", "VF002", "en", "iso", """
        # Requirements

        Tools may not be shared.
        """, [3]),
    Case("vf002-en-good", "VF002", "en", "iso", """
        # Requirements

        Tools shall not be shared.
        """, []),
    Case("vf003-zh-bad", "VF003", "zh", "gb", """
        # 要求

        高温可导致密封失效。
        """, [3]),
    Case("vf003-zh-good", "VF003", "zh", "gb", """
        # 要求

        高温可能导致密封失效。
        """, []),
    Case("vf003-en-bad", "VF003", "en", "iso", """
        # Requirements

        Heat may damage the seal.
        """, [3]),
    Case("vf003-en-good", "VF003", "en", "iso", """
        # Requirements

        Heat can damage the seal.
        """, []),
    Case("vf004-zh-bad", "VF004", "zh", "gb", """
        # 要求

        用户需要记录日志。
        """, [3]),
    Case("vf004-zh-good", "VF004", "zh", "gb", """
        # 要求

        用户应记录日志，以满足审计的需要。本文件没有需要界定的术语和定义。
        """, []),
    Case("vf004-en-bad", "VF004", "en", "iso", """
        # Requirements

        The user might need to log.
        """, [3, 3]),
    Case("vf004-en-good", "VF004", "en", "iso", """
        # Requirements

        The user shall log.
        """, []),
    Case("vf005-zh-bad", "VF005", "zh", "gb", """
        # 要求

        试样应该干燥。
        """, [3], severity="info", messages=("'应该' is an equivalent expression of a requirement; use the "
                                             "preferred form '应'", "“应该”是要求的等效表述，宜使用首选形式“应”")),
    Case("vf005-zh-possibility", "VF005", "zh", "gb", """
        # 要求

        系统能够自动恢复。
        """, [3], messages=("'能够' is an equivalent expression of a possibility; use the preferred form '能'",
                            "“能够”是可能性的等效表述，宜使用首选形式“能”")),
    Case("vf005-zh-good", "VF005", "zh", "gb", """
        # 要求

        试样应干燥。
        """, []),
    Case("vf005-en-bad", "VF005", "en", "iso", """
        # Requirements

        It is required that the sample is dry.
        """, [3], messages=("'It is required that' is an equivalent expression of a requirement; use the preferred "
                            "form 'shall'", "宜使用首选形式“shall”")),
    Case("vf005-en-possibility", "VF005", "en", "iso", """
        # Requirements

        The system is able to recover.
        """, [3], messages=("'is able to' is an equivalent expression of a possibility; use the preferred form "
                            "'can'",)),
    Case("vf005-en-good", "VF005", "en", "iso", """
        # Requirements

        The sample shall be dry.
        """, []),
    # C08: a directive starting at line 4 whose third body line breaks a rule: reported at that line
    Case("c08-directive-line", "NE001", "zh", "gb", """
        # 要求

        正文。
        :::{note}
        第一行说明，
        第二行说明，
        试样应干燥。
        :::
        """, [7]),
    Case("c08-paragraph-line", "VF001", "en", "iso", """
        # Requirements

        The first line of a paragraph,
        the second line,
        and the third: the cover must lock.
        """, [5]),
    Case("ne001-zh-bad", "NE001", "zh", "gb", """
        # 要求

        :::{note}
        试样应干燥。
        :::

        :::{note}
        试样宜干燥。
        :::
        """, [4, 8]),
    Case("ne001-zh-good", "NE001", "zh", "gb", """
        # 要求

        试样应干燥。

        :::{note}
        干燥的试样便于称量。系统的可用率、可信度和可追溯性见附录A。
        :::
        """, []),
    Case("ne001-zh-bad-permission", "NE001", "zh", "gb", """
        # 要求

        :::{note}
        干燥的试样可提高称量效率。
        :::
        """, [4]),
    Case("ne001-en-bad", "NE001", "en", "iso", """
        # Requirements

        :::{note}
        Samples shall be dry.
        :::
        """, [4], severity="error"),
    Case("ne001-en-good", "NE001", "en", "iso", """
        # Requirements

        :::{note}
        Dry samples are easier to weigh.
        :::

        :::{table} Limits
        | Value | Limit |
        | --- | --- |
        | a | The tolerance shall be 1 mm. |
        :::
        """, []),
    Case("ne001-table-note", "NE001", "en", "iso", """
        # Requirements

        ::::{table} Limits
        | Value | Limit |
        | --- | --- |
        | a | 1 |

        :::{note}
        The tolerance shall be 1 mm.
        :::
        ::::
        """, [9]),
    Case("ne002-zh-bad", "NE002", "zh", "gb", """
        # 要求

        :::{example}
        标签宜标注日期。
        :::
        """, [4], severity="warning"),
    Case("ne002-zh-good", "NE002", "zh", "gb", """
        # 要求

        :::{example}
        标签上印有日期。
        :::
        """, []),
    Case("ne002-en-bad", "NE002", "en", "iso", """
        # Requirements

        :::{example}
        The label should show the date.
        :::
        """, [4], messages=("recommendation ('should') in an example: informative text carries no provisions",)),
    Case("ne002-en-good", "NE002", "en", "iso", """
        # Requirements

        :::{example}
        A label showing the date.
        :::
        """, []),
    Case("ne003-zh-bad", "NE003", "zh", "gb", """
        # 要求

        正文。[^a]

        [^a]: 试验应重复。
        """, [5]),
    Case("ne003-zh-good", "NE003", "zh", "gb", """
        # 要求

        正文。[^a]

        [^a]: 该试验于2024年重复进行。
        """, []),
    Case("ne003-en-bad", "NE003", "en", "iso", """
        # Requirements

        Text.[^a]

        [^a]: Tests shall be repeated.
        """, [5]),
    Case("ne003-en-good", "NE003", "en", "iso", """
        # Requirements

        Text.[^a]

        [^a]: The tests were repeated in 2024.
        """, []),
    Case("ne004-zh-bad", "NE004", "zh", "gb", """
        {.foreword}
        # 前言

        各单位应执行本文件。
        """, [4]),
    Case("ne004-zh-good", "NE004", "zh", "gb", """
        {.foreword}
        # 前言

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。
        """, []),
    Case("ne004-en-bad", "NE004", "en", "gb", """
        {.foreword}
        # Foreword

        All units shall apply this document.
        """, [4]),
    Case("ne004-en-good", "NE004", "en", "iso", """
        {.foreword}
        # Foreword

        Attention is drawn to the possibility that some of the elements of this document may be the subject of
        patent rights. ISO and IEC shall not be held responsible for identifying any or all such patent rights.
        """, []),
    Case("ne005-zh-bad", "NE005", "zh", "gb", """
        {.introduction}
        # 引言

        使用者应先阅读第5章。
        """, [4]),
    Case("ne005-zh-good", "NE005", "zh", "gb", """
        {.introduction}
        # 引言

        本文件有助于使用者评价模型质量。
        """, []),
    Case("ne005-en-bad", "NE005", "en", "iso", """
        {.introduction}
        # Introduction

        Users shall read Clause 5 first.
        """, [4], messages=("requirement ('shall') in the introduction: informative text carries no provisions",)),
    Case("ne005-en-good", "NE005", "en", "iso", """
        {.introduction}
        # Introduction

        This document helps users to evaluate models.
        """, []),
    Case("ne006-zh-bad", "NE006", "zh", "gb", """
        {.scope}
        # 范围

        产品应符合第5章的要求。
        """, [4]),
    Case("ne006-zh-good", "NE006", "zh", "gb", """
        {.scope}
        # 范围

        本文件规定了产品的要求。
        """, []),
    Case("ne006-en-bad", "NE006", "en", "iso", """
        {.scope}
        # Scope

        Products shall comply with Clause 5.
        """, [4]),
    Case("ne006-en-good", "NE006", "en", "iso", """
        {.scope}
        # Scope

        This document specifies requirements for products.
        """, []),
    Case("ne007-zh-bad", "NE007", "zh", "gb", """
        {.annex .informative}
        # 试验装置

        试验应使用恒温箱。
        """, [4], severity="warning", messages=("requirement ('应') in an informative annex: informative text "
                                                "carries no provisions", "资料性附录中出现要求（“应”）")),
    Case("ne007-zh-good", "NE007", "zh", "gb", """
        {.annex .normative}
        # 试验装置

        试验应使用恒温箱。
        """, []),
    Case("ne007-en-bad", "NE007", "en", "iso", """
        {.annex .informative}
        # Test rig

        The test shall use an oven.
        """, [4], messages=("requirement ('shall') in an informative annex: informative text carries no provisions",)),
    Case("ne007-en-good", "NE007", "en", "iso", """
        {.annex .informative}
        # Test rig

        An oven was used in the interlaboratory trial.
        """, []),
    Case("ne008-zh-bad", "NE008", "zh", "gb", """
        # 要求

        注：这是普通段落。
        """, [3]),
    Case("ne008-zh-good", "NE008", "zh", "gb", """
        # 要求

        :::{note}
        这是注。
        :::
        """, []),
    Case("ne008-en-bad", "NE008", "en", "iso", """
        # Requirements

        NOTE: a plain paragraph.
        """, [3]),
    Case("ne008-en-good", "NE008", "en", "iso", """
        # Requirements

        :::{note}
        A note.
        :::
        """, []),
    # suppression in the source, with a recorded reason
    Case("suppressed-zh", "VF001", "zh", "gb", """
        # 要求

        <!-- lint-disable VF001 reason: 法规原文引用 -->
        盖子必须锁定。

        {.allow-VF001}
        盖子必须锁定。
        """, []),
    # 需 in words where it is no verbal form (所需 "required", 在需要时 "when needed", 如需/若需 "if needed",
    # 按需 "on demand", 必需, 需求), next to the forms that stay reported
    Case("vf004-zh-need-words-bad", "VF004", "zh", "gb", """
        # 要求

        组织需建立程序。

        需要提供证明。

        所需的资源应在计划中列明，组织需建立程序。
        """, [3, 5, 7], messages=("需",)),
    Case("vf004-zh-need-words-good", "VF004", "zh", "gb", """
        # 要求

        组织应在供应链中传递许可信息，所需的资源应在计划中列明。

        记录不必公开，但应能在需要时提供。

        如需更改，应通知客户。若需要更改，应提前通知。资源应按需分配。

        必需的资源和用户需求应在计划中列明。所需要的资源应在计划中列明。

        用户需要的功能应在需要的时候提供。
        """, []),
    # the notice of identified patents in the introduction (GB/T 1.1-2020 8.4, GB/T 20003.1): prescribed
    # wording, 可以 included (case C12)
    Case("ne005-zh-patent-notice-good", "NE005", "zh", "gb", """
        {.introduction}
        # 引言

        本文件的发布机构提请注意，声明符合本文件时，可能涉及5.2与数据许可相关的专利的使用。

        本文件的发布机构对于该专利的真实性、有效性和范围无任何立场。

        该专利持有人已向本文件的发布机构承诺，他愿意同任何申请人在合理且无歧视的条款和条件下，就专利授权许可进行谈判。该专利持有人的声明已在本文件的发布机构备案。相关信息可以通过以下联系方式获得：

        专利持有人姓名：某某公司

        地址：北京市某某区某某路1号

        请注意除上述专利外，本文件的某些内容仍可能涉及专利。本文件的发布机构不承担识别专利的责任。
        """, []),
    Case("ne005-zh-patent-notice-bad", "NE005", "zh", "gb", """
        {.introduction}
        # 引言

        本文件的发布机构对于该专利的真实性、有效性和范围无任何立场。相关信息可以通过以下联系方式获得：

        使用者可以先阅读第5章。
        """, [6], messages=("可以",)),
    Case("vf005-zh-patent-notice-good", "VF005", "zh", "gb", """
        {.introduction}
        # 引言

        该专利持有人的声明已在本文件的发布机构备案。相关信息可以通过以下联系方式获得：
        """, []),
    Case("ne005-en-patent-notice-good", "NE005", "en", "iso", """
        {.introduction}
        # Introduction

        ISO draws attention to the fact that it is claimed that compliance with this document may involve the use
        of a patent concerning data licensing given in 5.2.

        ISO takes no position concerning the evidence, validity and scope of this patent right.

        The holder of this patent right has assured ISO that he/she is willing to negotiate licences under reasonable
        and non-discriminatory terms and conditions with applicants throughout the world. In this respect, the
        statement of the holder of this patent right is registered with ISO. Information may be obtained from:

        Attention is drawn to the possibility that some of the elements of this document may be the subject of
        patent rights other than those identified above. ISO shall not be held responsible for identifying any or
        all such patent rights.
        """, []),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-vf-ne"), CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case, results):
    check(case, results[case.id])


def test_suppressed_findings_keep_their_reason(results):
    reasons = sorted(f.suppressed for f in results["suppressed-zh"])
    assert reasons == ["class allow-VF001", "法规原文引用"]


def test_every_equivalent_of_the_lexicon_has_its_preferred_form():
    """VF005 names the preferred form: each Chinese equivalent maps to a preferred form of its kind and polarity."""
    from tooling.lint.classifier import _ZH
    from tooling.lint.verbal import PREFERRED_ZH

    equivalents = {word for word, (_, _, preferred, forbidden) in _ZH.items() if not preferred and not forbidden}
    assert equivalents == set(PREFERRED_ZH)
    for word, use in PREFERRED_ZH.items():
        kind, polarity, preferred, _ = _ZH[use]
        assert preferred and (kind, polarity) == _ZH[word][:2], (word, use)


@pytest.mark.parametrize("sentence,form,polarity", [
    ("运维团队应予以协助。", "应", "+"),
    ("运维团队应予协助。", "应", "+"),
    ("运维团队不应予以协助。", "不应", "-"),
    ("当发生故障时，运维团队应予以协助。", "应", "+"),
    ("发现异常时应立即停止试验。", "应", "+"),
    ("试验负荷应适当增加。", "应", "+"),
    ("对申请人应给以答复。", "应", "+"),
    ("试样应选用同一批次的材料。", "应", "+"),
])
def test_requirement_before_a_verb_that_jieba_would_join(sentence, form, polarity):
    """应 + 予以 / 立即 / 适当 … is a requirement: jieba's dictionary holds rare compounds (应予以, 应立即, 应适当)
    that would swallow the verbal form, so the classifier splits every such compound."""
    from tooling.lint.classifier import classify

    forms = [(f.text, f.kind, f.polarity) for f in classify(sentence, "zh")]
    assert (form, "requirement", polarity) in forms, forms


@pytest.mark.parametrize("sentence", ["系统的应用程序宜采用模块化结构。", "应急照明灯的电池宜定期更换。", "应答器宜安装在轨道中心。",
                                      "应付账款宜按月核对。"])
def test_words_that_begin_with_a_verbal_form_stay_words(sentence):
    """Splitting the compounds of 应 keeps the real words (应用, 应急, 应答, 应付): the only form is 宜."""
    from tooling.lint.classifier import classify

    assert [f.text for f in classify(sentence, "zh")] == ["宜"]


@pytest.mark.parametrize("sentence,forms", [
    # 予 / 予以 / 免 / 免于 / 免予 after a verbal form: jieba's dictionary holds 可予, 可免, 可免于, 宜于 as words
    ("费用可予减免。", [("可", "permission", "+")]),
    ("经批准后可予发放。", [("可", "permission", "+")]),
    ("可予以采纳。", [("可", "permission", "+")]),
    ("其费用可予以减免。", [("可", "permission", "+")]),
    ("检验可免于进行。", [("可", "permission", "+")]),
    ("该产品可免予检验。", [("可", "permission", "+")]),
    ("可免检。", [("可", "permission", "+")]),
    ("试验宜于室温下进行。", [("宜", "recommendation", "+")]),
    ("样品可于试验前处理。", [("可", "permission", "+")]),
    ("可任意选择。", [("可", "permission", "+")]),
    ("申请应予受理。", [("应", "requirement", "+")]),
    ("应予以采纳。", [("应", "requirement", "+")]),
    ("不应予以采纳。", [("不应", "requirement", "-")]),
    ("宜予以采纳。", [("宜", "recommendation", "+")]),
    ("不宜予以采纳。", [("不宜", "recommendation", "-")]),
    ("不必予以考虑。", [("不必", "permission", "-")]),
    # 不予 / 免予 / 予以 alone are verbs, not verbal forms; 不予 stays whole after 可 / 可以 / 应
    ("不予受理。", []),
    ("不予以采纳。", []),
    ("免予检验。", []),
    ("予以公布。", []),
    ("可不予检验。", [("可", "permission", "+")]),
    ("可以不予受理。", [("可以", "permission", "+")]),
    ("应不予受理。", [("应", "requirement", "+")]),
    ("可以不进行检验。", [("可以不", "permission", "-")]),
    # 可 inside words, and 不可
    ("可以采用其他方法。", [("可以", "permission", "+")]),
    ("该系统可能出现故障。", [("可能", "possibility", "+")]),
    ("不可能实现。", [("不可能", "possibility", "-")]),
    ("数据不可修改。", [("不可", "requirement", "-")]),
    ("不可靠的连接应重试。", [("应", "requirement", "+")]),
    ("系统应可靠。", [("应", "requirement", "+")]),
    ("可用性应满足要求。", [("应", "requirement", "+")]),
    ("记录应可追溯。", [("应", "requirement", "+")]),
    ("认可机构应公布许可结果。", [("应", "requirement", "+")]),
    ("应对失效的可能性进行评估。", [("应", "requirement", "+")]),
    ("应用程序的功能需求应响应变化。", [("应", "requirement", "+")]),
    ("该地区适宜于种植。", []),
])
def test_permission_before_grant_and_exempt_verbs(sentence, forms):
    """可 / 应 / 宜 before 予, 予以, 免, 免于 (可予减免, 可免于检验, 宜于室温下进行) are verbal forms (GB/T 1.1-2020
    Annex C): jieba's dictionary joins some of them (可予, 可免于, 宜于) into words that swallowed the form. 不予
    "decline to" is a verb of its own (可以不予受理 is the permission 可以, not 可以不 "need not"); 不可 is the
    prohibition reported by VF002; 可 inside words (可靠, 可用性, 可追溯, 认可, 许可, 可能性) is no form."""
    from tooling.lint.classifier import classify

    assert [(f.text, f.kind, f.polarity) for f in classify(sentence, "zh")] == forms


@pytest.mark.parametrize("sentence,forms", [
    ("组织应在供应链中传递许可信息，所需的资源应在计划中列明。", ["应", "应"]),
    ("但应能在需要时提供。", ["应", "能"]),
    ("如需更改，应通知客户。", ["应"]),
    ("若需要更改，应通知。", ["应"]),
    ("所需资源应列明。", ["应"]),
    ("按需提供。", []),
    ("必需的资源应列明。", ["应"]),
    ("需求应记录。", ["应"]),
    ("用户需要的功能应实现。", ["应"]),
    ("无需提供证明。", ["无需"]),
    ("组织需建立程序。", ["需"]),
    ("需要提供证明。", ["需要"]),
    ("场所需要配备灭火器。", ["需要"]),
    ("该场所需配备灭火器。", ["需"]),
    ("例如需要提供证明时，应通知。", ["需要", "应"]),
    ("组织需提交报告。", ["需"]),
    ("组织需将记录保存。", ["需"]),
])
def test_need_inside_words_is_no_verbal_form(sentence, forms):
    """需 is a form (VF004) only on its own: 所需 "required", 如需/若需(要) "if needed", 按需 "on demand", 需要时
    "when needed", 必需, 需求 and 需要的 + noun are words or phrases of their own. The words that jieba keeps whole
    only get the frequency that keeps them whole, so 场所 / 需要 and 例如 / 需要 stay split as before; jieba's rare
    compounds of 需 (需提交, 需将) are removed like those of 应. 无需 "no need" is the permission 不必 (Table C.3)."""
    from tooling.lint.classifier import classify

    assert [f.text for f in classify(sentence, "zh")] == forms
