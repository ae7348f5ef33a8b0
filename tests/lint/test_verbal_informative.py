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
        """, [3], severity="info"),
    Case("vf005-zh-good", "VF005", "zh", "gb", """
        # 要求

        试样应干燥。
        """, []),
    Case("vf005-en-bad", "VF005", "en", "iso", """
        # Requirements

        It is required that the sample is dry.
        """, [3]),
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
        """, [4]),
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
        """, [4]),
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
        """, [4], severity="warning"),
    Case("ne007-zh-good", "NE007", "zh", "gb", """
        {.annex .normative}
        # 试验装置

        试验应使用恒温箱。
        """, []),
    Case("ne007-en-bad", "NE007", "en", "iso", """
        {.annex .informative}
        # Test rig

        The test shall use an oven.
        """, [4]),
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
