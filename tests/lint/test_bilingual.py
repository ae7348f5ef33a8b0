"""BL rules: a failing and a passing case per rule in both directions (RULES.md §3 BL).

Each case is a master standard with a hand-written catalog in the other language:
a Chinese master (GB profile) translated into English, or an English master (ISO
profile) translated into Chinese. The msgids are the MyST source of each title,
paragraph, list item and caption, as ``std translate update`` extracts them.
"""

from __future__ import annotations

import json

import pytest

from tooling.lint.bilingual import numbers_in, references_in

from .harness import Case, check, run_cases

EN_TITLE = {"zh": {"main": "规则测试"}, "en": {"main": "Rule test"}}


def po(*entries: tuple, lang: str = "en") -> str:
    """A catalog: ``(msgid, msgstr)`` or ``(msgid, msgstr, "fuzzy")`` entries, in PO syntax."""
    lines = ['msgid ""', 'msgstr ""', f'"Language: {lang}\\n"', '"Content-Type: text/plain; charset=utf-8\\n"', ""]
    for msgid, msgstr, *flags in entries:
        if "fuzzy" in flags:
            lines.append("#, fuzzy")
        lines += [f"msgid {json.dumps(msgid, ensure_ascii=False)}", f"msgstr {json.dumps(msgstr, ensure_ascii=False)}",
                  ""]
    return "\n".join(lines)


def zh_case(id: str, code: str, body: str, lines: list[int], *entries: tuple, **extra) -> Case:
    """A Chinese master (GB profile) with its English catalog."""
    meta = {"title": EN_TITLE, **extra.pop("meta", {})}
    return Case(id, code, "zh", "gb", body, lines, meta=meta,
                files={f"locales/en/LC_MESSAGES/{id}.po": po(*entries, lang="en")}, **extra)


def en_case(id: str, code: str, body: str, lines: list[int], *entries: tuple, **extra) -> Case:
    """An English master (ISO profile) with its Chinese catalog."""
    meta = {"title": EN_TITLE, **extra.pop("meta", {})}
    return Case(id, code, "en", "iso", body, lines, meta=meta,
                files={f"locales/zh/LC_MESSAGES/{id}.po": po(*entries, lang="zh")}, **extra)


CASES = [
    # -- BL001 skeleton: dropped and merged segments, added block markup -------------------------------------------
    zh_case("bl001-zh-bad", "BL001", """
        # 要求

        试样应符合下列要求：

        - 干燥；
        - 清洁。

        :::{note}
        干燥的试样便于称量。
        :::

        :::{note}
        清洁的试样便于观察。
        :::

        试验后应记录结果。
        """, [6, 13],
        ("要求", "Requirements"),
        ("试样应符合下列要求：", "Samples shall meet the following requirements:"),
        ("干燥；", "dry and clean."),
        ("清洁。", ""),
        ("干燥的试样便于称量。", "Dry samples are easy to weigh."),
        ("清洁的试样便于观察。", ""),
        ("试验后应记录结果。", "The results shall be recorded after the test."),
        severity="info"),  # left empty: maybe not translated yet, the translation status's business
    zh_case("bl001-zh-good", "BL001", """
        # 要求

        试样应干燥，其质量按下式计算：

        $$
        m = m_1 - m_2
        $$

        :::{where}
        $m$
        : 质量；
        :::

        试验后应记录结果。

        # 试验报告

        报告应包括试验日期。

        报告应包括试验人员。
        """, [],
        ("要求", "Requirements"),
        ("试样应干燥，其质量按下式计算：", "Samples shall be dry; their mass is calculated as follows:"),
        ("m = m_1 - m_2", ""),
        ("$m$", ""),
        ("质量；", "mass;"),
        ("试验后应记录结果。", "The results shall be recorded after the test.", "fuzzy"),
        ("试验报告", "Test report"),
        ("报告应包括试验日期。", "")),
    # the last message counts when at least 90 % (and ten) of the others are translated
    zh_case("bl001-zh-last", "BL001", """
        # 要求

        第1段应记录结果。

        第2段应记录结果。

        第3段应记录结果。

        第4段应记录结果。

        第5段应记录结果。

        第6段应记录结果。

        第7段应记录结果。

        第8段应记录结果。

        第9段应记录结果。

        第10段应记录结果。

        第11段应记录结果。
        """, [23],
        ("要求", "Requirements"),
        ("第1段应记录结果。", "Paragraph 1: the results shall be recorded."),
        ("第2段应记录结果。", "Paragraph 2: the results shall be recorded."),
        ("第3段应记录结果。", "Paragraph 3: the results shall be recorded."),
        ("第4段应记录结果。", "Paragraph 4: the results shall be recorded."),
        ("第5段应记录结果。", "Paragraph 5: the results shall be recorded."),
        ("第6段应记录结果。", "Paragraph 6: the results shall be recorded."),
        ("第7段应记录结果。", "Paragraph 7: the results shall be recorded."),
        ("第8段应记录结果。", "Paragraph 8: the results shall be recorded."),
        ("第9段应记录结果。", "Paragraph 9: the results shall be recorded."),
        ("第10段应记录结果。", "Paragraph 10: the results shall be recorded."),
        ("第11段应记录结果。", "")),
    en_case("bl001-en-bad", "BL001", """
        # Requirements

        Samples shall be dry.

        :::{example}
        A dried sample weighs 20 g.
        :::

        Results shall be recorded.
        """, [3, 6],
        ("Requirements", "要求"),
        ("Samples shall be dry.", "试样应干燥。\n\n- 试样应清洁。"),
        ("A dried sample weighs 20 g.", ""),
        ("Results shall be recorded.", "应记录结果。")),
    en_case("bl001-en-good", "BL001", """
        # Requirements

        Samples shall be dry.

        :::{example}
        A dried sample weighs 20 g.
        :::

        Results shall be recorded.
        """, [],
        ("Requirements", "要求"),
        ("Samples shall be dry.", "试样应干燥。"),
        ("A dried sample weighs 20 g.", "干燥后的试样重20 g。"),
        ("Results shall be recorded.", "")),

    # -- BL002 provisions ---------------------------------------------------------------------------------------------
    zh_case("bl002-zh-bad", "BL002", """
        # 要求

        试样应干燥。

        测试设备上不得运行其他任务。
        """, [3, 5],
        ("要求", "Requirements"),
        ("试样应干燥。", "The sample should be dry."),
        ("测试设备上不得运行其他任务。", "Other tasks can run on the test device only when it is idle."),
        severity="warning"),
    zh_case("bl002-zh-good", "BL002", """
        # 要求

        试样应干燥，可使用烘箱。应记录干燥时间，并应记录温度。

        测试设备上不得运行其他任务。

        :::{note}
        推理精度的改变能够引起评价指标的变化。
        :::

        用户需要记录日志。
        """, [],
        ("要求", "Requirements"),
        ("试样应干燥，可使用烘箱。应记录干燥时间，并应记录温度。",
         "The sample shall be dry; an oven may be used. The drying time and the temperature shall be recorded."),
        ("测试设备上不得运行其他任务。", "Other tasks shall not run on the test device."),
        ("推理精度的改变能够引起评价指标的变化。", "A change of the inference precision changes the metrics."),
        ("用户需要记录日志。", "The user shall keep a log.")),
    en_case("bl002-en-bad", "BL002", """
        # Requirements

        Records shall be kept for five years.

        A copy may be kept by the client.
        """, [3, 5],
        ("Requirements", "要求"),
        ("Records shall be kept for five years.", "宜保存记录五年。"),
        ("A copy may be kept by the client.", "委托方能保存一份副本。")),
    en_case("bl002-en-good", "BL002", """
        # Requirements

        Records shall be kept for five years. They should be stored in a safe place.

        Synthetic samples can improve coverage.

        Attention is drawn to the possibility that some of the elements of this document may be the subject of patent rights.
        """, [],
        ("Requirements", "要求"),
        ("Records shall be kept for five years. They should be stored in a safe place.",
         "记录应保存五年，宜存放在安全的地方。"),
        ("Synthetic samples can improve coverage.", "合成样本有助于提高覆盖率。"),
        ("Attention is drawn to the possibility that some of the elements of this document may be the subject of "
         "patent rights.", "请注意本文件的某些内容可能涉及专利。")),

    # real pairs (OpenChain 18974): 可 rendered as "allows", attributive 应, 允许误差, 委托方可 are no difference;
    # 可以 ↔ can and 应 ↔ could are
    zh_case("bl002-zh-real-good", "BL002", """
        # 要求

        通过该过程可了解软件的管理。

        一份书面列表，记录角色和应具有的相应职责。

        $e$ 为允许误差。

        委托方可增加其他扰动类型。
        """, [],
        ("要求", "Requirements"),
        ("通过该过程可了解软件的管理。", "A process that allows for understanding the management of software."),
        ("一份书面列表，记录角色和应具有的相应职责。", "A documented list of roles with corresponding responsibilities."),
        ("$e$ 为允许误差。", "$e$ is the permissible error."),
        ("委托方可增加其他扰动类型。", "The client may add other perturbation types.")),
    zh_case("bl002-zh-real-bad", "BL002", """
        # 要求

        第三方可以查询已知漏洞。

        该软件包应包含名称和版本。
        """, [3, 5],
        ("要求", "Requirements"),
        ("第三方可以查询已知漏洞。", "A third party can inquire about known vulnerabilities."),
        ("该软件包应包含名称和版本。", "The software package could include its name and version.")),

    # real pairs (OWASP ASVS 4.0.3, OpenChain 1.1): have to, is mandatory, we recommend, is to be ↔ 必须, 建议, 要;
    # 不推荐的 "deprecated", 最新建议 "the latest advice", 不可操作 "not actionable" are no provisions; a form outside
    # the tables (could) or in an attributive clause (可以控制的) on one side does not make a substitution
    zh_case("bl002-zh-real-good-2", "BL002", """
        # 要求

        现在我们必须开始向后密码时代过渡。

        会话管理必须使用TLS或其他安全传输通道。

        我们建议在设计冲刺期间使用威胁建模。

        遵守的组织不必决定冲突的控制措施。

        验证应用程序未使用不推荐的客户端技术。

        验证分组模式是否使用最新建议进行安全配置。

        [已删除，不可操作]

        版本部分前面的 `v` 要小写。

        一些组织可以选择为特定产品线维护程序。

        没有攻击者可以控制的未授权代码。

        为了给CWE条目腾出空间，我们不得不取消“起始时间”列。
        """, [],
        ("要求", "Requirements"),
        ("现在我们必须开始向后密码时代过渡。", "We have to start the transition to a post-password future now."),
        ("会话管理必须使用TLS或其他安全传输通道。",
         "TLS or another secure transport channel is mandatory for session management."),
        ("我们建议在设计冲刺期间使用威胁建模。", "We recommend the use of threat modeling during design sprints."),
        ("遵守的组织不必决定冲突的控制措施。", "Complying organizations do not have to decide on competing controls."),
        ("验证应用程序未使用不推荐的客户端技术。", "Verify the application does not use deprecated client-side technologies."),
        ("验证分组模式是否使用最新建议进行安全配置。", "Verify that block modes are configured securely using the latest advice."),
        ("[已删除，不可操作]", "[DELETED, NOT ACTIONABLE]"),
        ("版本部分前面的 `v` 要小写。", "The `v` preceding the version portion is to be lower case."),
        ("一些组织可以选择为特定产品线维护程序。", "Some organizations could choose to maintain a Program for a specific product line."),
        ("没有攻击者可以控制的未授权代码。", "No unauthorized code that can be controlled by an attacker."),
        ("为了给CWE条目腾出空间，我们不得不取消“起始时间”列。",
         "To make room for the CWE entry, we've had to retire the \"Since\" column.")),
    zh_case("bl002-zh-real-bad-2", "BL002", """
        # 要求

        如果一个组织希望保持一致性，程序必须随时了解规范要求。

        必须确保部署和配置的持续可用性。

        本规范的范围可能在后续根据社区反馈而扩大。

        遵守的组织不必决定冲突的控制措施。

        版本部分前面的 `v` 要小写。
        """, [3, 5, 7, 9, 11],
        ("要求", "Requirements"),
        ("如果一个组织希望保持一致性，程序必须随时了解规范要求。",
         "It is vital for a Program to remain current with the specification requirements if an organization wants "
         "to assert conformance over time."),
        ("必须确保部署和配置的持续可用性。",
         "It is important to ensure the continued availability and integrity of deployment and configuration."),
        ("本规范的范围可能在后续根据社区反馈而扩大。",
         "The scope of this specification may expand over time based on community feedback."),
        ("遵守的组织不必决定冲突的控制措施。", "Complying organizations have to decide on competing controls."),
        ("版本部分前面的 `v` 要小写。", "The `v` preceding the version portion should be lower case.")),

    # -- BL003 numbers ------------------------------------------------------------------------------------------------
    zh_case("bl003-zh-bad", "BL003", """
        # 要求

        测试设备所在环境的温度宜为20 ℃。

        试样长度为5 mm。
        """, [3, 5],
        ("要求", "Requirements"),
        ("测试设备所在环境的温度宜为20 ℃。", "The temperature of the test room should be 25 °C."),
        ("试样长度为5 mm。", "The sample is 5 m long."),
        severity="error"),
    zh_case("bl003-zh-good", "BL003", """
        (req)=
        # 要求

        温度宜为15 ℃～35 ℃，样本数不少于10 000个，精度为０.５ mm，见[](#req)和{cite}`GB/T 8170—2008, 5.2`。

        参考标签应由不少于2名标注人员独立标注；标注结果不一致时，应由第3名标注人员裁定。

        合成样本数不宜超过测试样本总数的30 %，测试于2026年11月20日完成，采用SHA-256校验，见表1。
        """, [],
        ("要求", "Requirements"),
        ("温度宜为15 ℃～35 ℃，样本数不少于10 000个，精度为０.５ mm，见[](#req)和{cite}`GB/T 8170—2008, 5.2`。",
         "The temperature should be 15 °C to 35 °C, with at least 10,000 samples and a precision of 0.5 mm "
         "(see [](#req) and {cite}`GB/T 8170—2008, 5.2`)."),
        ("参考标签应由不少于2名标注人员独立标注；标注结果不一致时，应由第3名标注人员裁定。",
         "Reference labels shall be assigned independently by at least two annotators; a third annotator shall "
         "decide where they disagree."),
        ("合成样本数不宜超过测试样本总数的30 %，测试于2026年11月20日完成，采用SHA-256校验，见表1。",
         "Synthetic samples should not exceed 30 % of the test samples; the test was completed on "
         "20 November 2026 and checked with SHA-256 (see Table 1).")),
    en_case("bl003-en-bad", "BL003", """
        # Requirements

        The test data set shall contain at least 1 000 test samples.

        The margin of error is about 0,03.
        """, [3, 5],
        ("Requirements", "要求"),
        ("The test data set shall contain at least 1 000 test samples.", "测试数据集应至少包含100个测试样本。"),
        ("The margin of error is about 0,03.", "误差范围约为0.3。")),
    en_case("bl003-en-good", "BL003", """
        # Requirements

        A test data set of 1 000 test samples estimates a proportion close to 0,5 with a margin of error of about 0,03 at a confidence level of 95 %.

        Annotation shall take no longer than 2 h per 100 images and shall be done at −5 °C to 5 °C.
        """, [],
        ("Requirements", "要求"),
        ("A test data set of 1 000 test samples estimates a proportion close to 0,5 with a margin of error of about "
         "0,03 at a confidence level of 95 %.",
         "由1 000个测试样本构成的测试数据集，在置信水平为95 %时估计接近0.5的比例，误差范围约为0.03。"),
        ("Annotation shall take no longer than 2 h per 100 images and shall be done at −5 °C to 5 °C.",
         "每100幅图像的标注时间不应超过2 h，标注应在-5 ℃～5 ℃下进行。")),

    # real pairs (OWASP ASVS 4.0.3): numbers in a quoted title (《OWASP Top 10 2017》) stand for the same title
    # written without quotes; 50多亿 is over 5 billion; zeroes is 0
    zh_case("bl003-zh-real-good", "BL003", """
        # 要求

        在认证方面，《OWASP Top 10 2017》已与NIST 800-63保持一致。

        随着50多亿用户名和密码泄露事件的公布，现在是时候继续前进了。

        请检查该敏感信息是否会被覆盖（使用0或随机数）。
        """, [],
        ("要求", "Requirements"),
        ("在认证方面，《OWASP Top 10 2017》已与NIST 800-63保持一致。",
         "The OWASP Top 10 2017 has now aligned with NIST 800-63 for authentication."),
        ("随着50多亿用户名和密码泄露事件的公布，现在是时候继续前进了。",
         "With the release of over 5 billion username and password breaches, it's time to move on."),
        ("请检查该敏感信息是否会被覆盖（使用0或随机数）。",
         "Verify that sensitive information is overwritten using zeroes or random data.")),
    zh_case("bl003-zh-real-bad", "BL003", """
        # 要求

        《OWASP Top 10 2017》要求密码至少12个字符。

        随着50多亿用户名和密码泄露事件的公布，现在是时候继续前进了。
        """, [3, 5],
        ("要求", "Requirements"),
        ("《OWASP Top 10 2017》要求密码至少12个字符。",
         "The OWASP Top 10 2017 requires passwords of at least 10 characters."),
        ("随着50多亿用户名和密码泄露事件的公布，现在是时候继续前进了。",
         "With the release of over 5 million username and password breaches, it's time to move on.")),

    en_case("bl003-en-real-good", "BL003", """
        # Requirements

        Known vulnerabilities in open source software (2.7) are listed in [3], see Table 1, at 20 °C and in Clauses 5 and 6.
        """, [],
        ("Requirements", "要求"),
        ("Known vulnerabilities in open source software (2.7) are listed in [3], see Table 1, at 20 °C and in Clauses "
         "5 and 6.", "开源软件的已知漏洞列于参考文献，见表1，在20 ℃下，见第5章和第6章。")),

    # -- BL004 citations and references -------------------------------------------------------------------------------
    zh_case("bl004-zh-bad", "BL004", """
        (req)=
        # 要求

        包装标志见{cite}`GB/T 191—2008`。

        (other)=
        ## 记录

        数据的修约按[](#req)进行。
        """, [4, 9],
        ("要求", "Requirements"),
        ("包装标志见{cite}`GB/T 191—2008`。", "For packaging marks, see {cite}`GB/T 191`."),
        ("记录", "Records"),
        ("数据的修约按[](#req)进行。", "Data are rounded as specified in [](#other).")),
    zh_case("bl004-zh-good", "BL004", """
        (req)=
        # 要求

        包装标志见{cite}`GB/T 191—2008, 表2`和GB/T 8170—2008。

        数据的修约按[](#req)进行，另见[](#req)。
        """, [],
        ("要求", "Requirements"),
        ("包装标志见{cite}`GB/T 191—2008, 表2`和GB/T 8170—2008。",
         "For packaging marks, see {cite}`GB/T 191-2008, Table 2` and GB/T 8170-2008."),
        ("数据的修约按[](#req)进行，另见[](#req)。", "Data are rounded as specified in [](#req).")),
    en_case("bl004-en-bad", "BL004", """
        (req)=
        # Requirements

        Test data sets shall conform to {cite}`ISO/IEC 18974:2023`.
        """, [4],
        ("Requirements", "要求"),
        ("Test data sets shall conform to {cite}`ISO/IEC 18974:2023`.", "测试数据集应符合{cite}`ISO/IEC 18974`。")),
    en_case("bl004-en-good", "BL004", """
        (req)=
        # Requirements

        Test data sets shall conform to {cite}`ISO/IEC 18974:2023, Annex A` and to [](#req).
        """, [],
        ("Requirements", "要求"),
        ("Test data sets shall conform to {cite}`ISO/IEC 18974:2023, Annex A` and to [](#req).",
         "测试数据集应符合{cite}`ISO/IEC 18974:2023, 附录A`和[](#req)的规定。")),

    en_case("bl004-en-bibliography", "BL004", """
        # Requirements

        This document was derived from [4].
        """, [3],
        ("Requirements", "要求"),
        ("This document was derived from [4].", "本文件源自2022年发布的参考指南。")),

    # -- BL005 terms --------------------------------------------------------------------------------------------------
    zh_case("bl005-zh-bad", "BL005", """
        {.terms}
        # 术语和定义

        (access-control)=
        :::{term} 门禁
        :en: access control

        限制人员出入的措施。
        :::

        # 要求

        门禁应记录每次出入。
        """, [13],
        ("术语和定义", "Terms and definitions"),
        ("限制人员出入的措施。", "measures that restrict entry and exit"),
        ("要求", "Requirements"),
        ("门禁应记录每次出入。", "The entrance guard shall record every entry and exit."),
        severity="warning"),
    zh_case("bl005-zh-good", "BL005", """
        {.terms}
        # 术语和定义

        (access-control)=
        :::{term} 门禁
        :en: access control

        限制人员出入的措施。
        :::

        (reference-label)=
        :::{term} 参考标签
        :en: reference label
        :admitted: 真值
        :admitted-en: ground truth

        公认正确的目标值。
        :::

        (label)=
        :::{term} 标签
        :en: tag

        附加于数据的标记。
        :::

        # 要求

        门禁应记录每次出入。各门禁应联网。

        参考标签应由2名人员标注；真值不得修改。

        门禁系统的[](#access-control)日志应保存。
        """, [],
        ("术语和定义", "Terms and definitions"),
        ("限制人员出入的措施。", "measures that restrict entry and exit"),
        ("公认正确的目标值。", "value of the target that is accepted as correct"),
        ("附加于数据的标记。", "mark attached to data"),
        ("要求", "Requirements"),
        ("门禁应记录每次出入。各门禁应联网。",
         "Access control shall record every entry and exit. All access controls shall be networked."),
        ("参考标签应由2名人员标注；真值不得修改。",
         "Reference labels shall be assigned by 2 persons; a ground truth shall not be changed."),
        ("门禁系统的[](#access-control)日志应保存。", "The logs of [](#access-control) systems shall be kept.")),
    en_case("bl005-en-bad", "BL005", """
        {.terms}
        # Terms and definitions

        (test-sample)=
        :::{term} test sample
        :zh: 测试样本

        item of data that is input to the model under test
        :::

        # Requirements

        Each test sample shall be labelled.
        """, [13],
        ("Terms and definitions", "术语和定义"),
        ("item of data that is input to the model under test", "输入被测模型的数据项。"),
        ("Requirements", "要求"),
        ("Each test sample shall be labelled.", "每个测试用例都应有标签。")),
    en_case("bl005-en-good", "BL005", """
        {.terms}
        # Terms and definitions

        (test-sample)=
        :::{term} test sample
        :zh: 测试样本

        item of data that is input to the model under test
        :::

        # Requirements

        Test samples shall be labelled. A contest sample is not a test-sample's copy.
        """, [],
        ("Terms and definitions", "术语和定义"),
        ("item of data that is input to the model under test", "输入被测模型的数据项。"),
        ("Requirements", "要求"),
        ("Test samples shall be labelled. A contest sample is not a test-sample's copy.",
         "测试样本应有标签。竞赛样本不是测试样本的副本。")),

    # ISO entries need an equivalent in the translation's language; plural equivalents, 的/所 and abbreviations
    en_case("bl005-en-no-equivalent", "BL005", """
        {.terms}
        # Terms and definitions

        (test-sample)=
        :::{term} test sample

        item of data that is input to the model under test
        :::
        """, [5],
        ("Terms and definitions", "术语和定义"),
        ("item of data that is input to the model under test", "输入被测模型的数据项。")),
    en_case("bl005-en-real-good", "BL005", """
        {.terms}
        # Terms and definitions

        (supplied-software)=
        :::{term} supplied software
        :zh: 提供的软件

        software that an organization distributes to third parties
        :::

        (sbom)=
        :::{term} software bill of materials
        :admitted: SBOM
        :zh: 软件物料清单

        inventory of the components of a software
        :::

        # Requirements

        A software bill of materials shall be kept for the supplied software.
        """, [],
        ("Terms and definitions", "术语和定义"),
        ("software that an organization distributes to third parties", "组织分发给第三方的软件。"),
        ("inventory of the components of a software", "软件组件的清单。"),
        ("Requirements", "要求"),
        ("A software bill of materials shall be kept for the supplied software.", "应为所提供软件保存SBOM。")),
    zh_case("bl005-zh-real-good", "BL005", """
        {.terms}
        # 术语和定义

        (component-records)=
        :::{term} 组件记录
        :en: Component Records

        描述组件的数据。
        :::

        # 要求

        每个组件记录应保存。
        """, [],
        ("术语和定义", "Terms and definitions"),
        ("描述组件的数据。", "data describing a component"),
        ("要求", "Requirements"),
        ("每个组件记录应保存。", "Each Component Record shall be kept.")),

    # real pair (OpenChain DIS 18974): an abbreviation that is the preferred term renders itself (CVE ↔ CVEs)
    zh_case("bl005-zh-real-good-2", "BL005", """
        {.terms}
        # 术语和定义

        (cve)=
        :::{term} CVE
        :en: common vulnerabilities and exposures

        公开的计算机软件安全问题和缺陷的公共数据库。
        :::

        # 要求

        已知漏洞包括但不限于CVE、GitHub/GitLab漏洞警报。
        """, [],
        ("术语和定义", "Terms and definitions"),
        ("公开的计算机软件安全问题和缺陷的公共数据库。", "public database of disclosed computer software security issues"),
        ("要求", "Requirements"),
        ("已知漏洞包括但不限于CVE、GitHub/GitLab漏洞警报。",
         "Known vulnerabilities include, but are not limited to, CVEs and GitHub/GitLab vulnerability alerts.")),

    # -- BL006 titles -------------------------------------------------------------------------------------------------
    zh_case("bl006-zh-bad", "BL006", """
        # 要求

        试样应干燥。
        """, [11, 12],
        ("要求", "Requirements"),
        meta={"title": {"zh": {"main": "机器学习模型", "complementary": "质量评价方法"},
                        "en": {"main": "machine learning models"}}},
        file="index.md", severity="warning"),
    zh_case("bl006-zh-good", "BL006", """
        # 要求

        试样应干燥。
        """, [],
        ("要求", "Requirements"),
        meta={"title": {"zh": {"main": "机器学习模型", "complementary": "质量评价方法"},
                        "en": {"main": "Machine learning models", "complementary": "Quality evaluation methods"}}}),
    en_case("bl006-en-bad", "BL006", """
        # Requirements

        Samples shall be dry.
        """, [7],
        ("Requirements", "要求"),
        meta={"title": {"en": {"main": "Test data sets"}}}, file="index.md"),
    en_case("bl006-en-good", "BL006", """
        # Requirements

        Samples shall be dry.
        """, [],
        ("Requirements", "要求"),
        meta={"title": {"en": {"main": "Test data sets"}, "zh": {"main": "测试数据集"}}}),

    # -- BL007 labels -------------------------------------------------------------------------------------------------
    zh_case("bl007-zh-bad", "BL007", """
        # 要求

        :::{note}
        推理精度属于测试条件。
        :::

        {.annex .informative}
        # 附加信息

        资料性附录给出示例。
        """, [4, 8, 10],
        ("要求", "Requirements"),
        ("推理精度属于测试条件。", "NOTE The inference precision is a test condition."),
        ("附加信息", "Annex A (normative) Additional information"),
        ("资料性附录给出示例。", "This normative annex gives examples."),
        severity="error"),
    zh_case("bl007-zh-good", "BL007", """
        {.normative-references}
        # 规范性引用文件

        下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。

        # 要求

        :::{note}
        推理精度属于测试条件。
        :::

        注意：试样应干燥。

        {.annex .informative}
        # 附加信息

        资料性附录给出示例。
        """, [],
        ("规范性引用文件", "Normative references"),
        ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。",
         "The following documents are referred to in the text in such a way that some or all of their content "
         "constitutes requirements of this document."),
        ("要求", "Requirements"),
        ("推理精度属于测试条件。", "The inference precision is a test condition."),
        ("注意：试样应干燥。", "Note that samples shall be dry."),
        ("附加信息", "Additional information"),
        ("资料性附录给出示例。", "This informative annex gives examples.")),
    en_case("bl007-en-bad", "BL007", """
        # Requirements

        :::{example}
        A dried sample weighs 20 g.
        :::

        (tbl)=
        :::{table} Limits
        | Limit | Value |
        | --- | --- |
        | Mass | 20 g |
        :::
        """, [4, 8],
        ("Requirements", "要求"),
        ("A dried sample weighs 20 g.", "注：干燥后的试样重20 g。"),
        ("Limits", "表1　限值")),
    en_case("bl007-en-good", "BL007", """
        # Requirements

        :::{example}
        A dried sample weighs 20 g.
        :::

        (tbl)=
        :::{table} Limits
        | Limit | Value |
        | --- | --- |
        | Mass | 20 g |
        :::
        """, [],
        ("Requirements", "要求"),
        ("A dried sample weighs 20 g.", "干燥后的试样重20 g。"),
        ("Limits", "限值")),

    # -- BL008 conventions --------------------------------------------------------------------------------------------
    zh_case("bl008-zh-bad", "BL008", """
        {.terms}
        # 术语和定义

        (valve-opener)=
        :::{term} 开阀器
        :en: valve opener

        开启阀门的装置。
        :::

        # 要求

        试样应干燥、清洁。
        """, [8, 13],
        ("术语和定义", "Terms and definitions"),
        ("开启阀门的装置。", "a device that opens a valve."),
        ("要求", "Requirements"),
        ("试样应干燥、清洁。", "Samples shall be dry，clean."),
        severity="info"),
    zh_case("bl008-zh-good", "BL008", """
        {.terms}
        # 术语和定义

        (valve-opener)=
        :::{term} 开阀器
        :en: valve opener

        开启阀门的装置。
        :::

        # 要求

        试样应干燥、清洁，见《数值修约规则》。
        """, [],
        ("术语和定义", "Terms and definitions"),
        ("开启阀门的装置。", "device that opens a valve"),
        ("要求", "Requirements"),
        ("试样应干燥、清洁，见《数值修约规则》。", "Samples shall be dry and clean (see “Rules of rounding off”).")),
    en_case("bl008-en-bad", "BL008", """
        {.terms}
        # Terms and definitions

        (valve-opener)=
        :::{term} valve opener
        :zh: 开阀器

        device that opens a valve
        :::

        # Requirements

        Samples shall be dry and clean.
        """, [8, 13],
        ("Terms and definitions", "术语和定义"),
        ("device that opens a valve", "开启阀门的装置"),
        ("Requirements", "要求"),
        ("Samples shall be dry and clean.", "试样应干燥,清洁.")),
    en_case("bl008-en-good", "BL008", """
        {.terms}
        # Terms and definitions

        (valve-opener)=
        :::{term} valve opener
        :zh: 开阀器

        device that opens a valve
        :::

        # Requirements

        Samples shall be dry and clean (see ISO 8170, 5.2, and the ISO/IEC Directives, Part 2).
        """, [],
        ("Terms and definitions", "术语和定义"),
        ("device that opens a valve", "开启阀门的装置。"),
        ("Requirements", "要求"),
        ("Samples shall be dry and clean (see ISO 8170, 5.2, and the ISO/IEC Directives, Part 2).",
         "试样应干燥、清洁（见ISO 8170, 5.2和ISO/IEC导则 第2部分）。")),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-bl"), CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case, results):
    check(case, results[case.id])


def test_messages_name_the_translation(results):
    first, second = sorted(results["bl003-zh-bad"], key=lambda f: f.line)
    assert "standards/bl003-zh-bad/locales/en/LC_MESSAGES/bl003-zh-bad.po:" in first.message
    assert "the master has 20 °C; the translation has 25 °C" in first.message
    assert "5 mm is 5 m in the translation" in second.message and "5 mm在译文中为5 m" in second.message_zh


@pytest.mark.parametrize("text, lang, profile, values", [
    ("温度为15 ℃～35 ℃，不少于1 000个，０.５ mm", "zh", "gb", ["15", "35", "1000", "0.5"]),
    ("15 °C to 35 °C, at least 1,000, 0,5 mm", "en", "iso", ["15", "35", "1000", "0.5"]),
    ("at least 10,000 samples and 10 000 images, 0.5 mm", "en", "gb", ["10000", "10000", "0.5"]),
    ("SHA-256, 5G, version 2.1, 2026-11-20, ISO/IEC 18974:2023, see Table 3 and 5.2", "en", "iso", []),
    ("样本不少于1万个，−5 ℃", "zh", "gb", ["10000", "-5"]),
])
def test_numbers(text, lang, profile, values):
    found, _ = numbers_in(text, lang, profile, {"5.2"})
    assert sorted(v for n in found for v in n.values if not (lang == "en" and v == "1")) == sorted(values)


def test_references_normalise_designations():
    zh, zh_targets = references_in("见{cite}`GB/T 191—2008, 表2`和[](#a)")
    en, en_targets = references_in("see {cite}`GB/T 191-2008, Table 2` and [](#a)")
    assert zh == en and zh_targets == en_targets == {"a"}


# -- BL003: numbers written as words (两个, three) are numbers where they quantify (tooling.model.numbers) ----------

WORD_CASES = [
    zh_case("bl003-words-zh-bad", "BL003", """
        # 要求

        每种扰动类型应至少在两个强度等级下测试。

        测试样本应分为三类。

        由第三名标注人员裁定。
        """, [3, 5, 7],
        ("要求", "Requirements"),
        ("每种扰动类型应至少在两个强度等级下测试。",
         "Each perturbation type shall be tested at a minimum of three intensity levels."),
        ("测试样本应分为三类。", "The test samples shall be divided into 4 categories."),
        ("由第三名标注人员裁定。", "A 4th labeller decides."),
        messages=("the master has 两个; the translation has three", "原文有两个；译文有three", "the master has 第三名")),
    zh_case("bl003-words-zh-good", "BL003", """
        # 要求

        每种扰动类型应至少在两个强度等级下测试，结果保留两位小数，样本分为三类，共十二个批次，每年两次。

        两者的结果应一致；统一规定的方法之一是唯一的，应进一步由第三方验证；这一要求也适用于一个样本。

        本方法基于五年多的实践，标注人员数量为2名，由第三名标注人员裁定。

        过去十年来，弱验证器仅限于二次验证，并通过二级信道通信（Glenn ten Cate）。
        """, [],
        ("要求", "Requirements"),
        ("每种扰动类型应至少在两个强度等级下测试，结果保留两位小数，样本分为三类，共十二个批次，每年两次。",
         "Each perturbation type shall be tested at two or more intensity levels, to two decimal places; the "
         "samples fall into three categories, in 12 batches, twice a year."),
        ("两者的结果应一致；统一规定的方法之一是唯一的，应进一步由第三方验证；这一要求也适用于一个样本。",
         "Both results shall agree; one of the methods laid down is unique and shall be verified further by an "
         "external party; this requirement also applies to a sample."),
        ("本方法基于五年多的实践，标注人员数量为2名，由第三名标注人员裁定。",
         "The method is built on more than half a decade of practice, with two labellers; a third labeller "
         "decides."),
        # real pairs (OWASP ASVS 4.0.3): 十年 is a decade, 二次验证 secondary verification, ten in a name
        ("过去十年来，弱验证器仅限于二次验证，并通过二级信道通信（Glenn ten Cate）。",
         "Over the last decade, weak authenticators are limited to secondary verification over a secondary "
         "channel (Glenn ten Cate).")),
    en_case("bl003-words-en-bad", "BL003", """
        # Requirements

        Each test sample shall be labelled independently by at least two [labellers](#x).

        The test shall be repeated twice.
        """, [3, 5],
        ("Requirements", "要求"),
        ("Each test sample shall be labelled independently by at least two [labellers](#x).",
         "每个测试样本应由至少三名[标注人员](#x)独立标注。"),
        ("The test shall be repeated twice.", "试验应重复3次。"),
        messages=("the master has two; the translation has 三名",)),
    en_case("bl003-words-en-good", "BL003", """
        # Requirements

        One of the labellers, and no one else, shall compare the labels with one another, one after another, for one or more samples.

        Each test sample shall be labelled by at least two labellers, three times, or twice where fifteen digits are used.
        """, [],
        ("Requirements", "要求"),
        ("One of the labellers, and no one else, shall compare the labels with one another, one after another, for "
         "one or more samples.", "由其中一名标注人员（而非他人）对一个或多个样本逐一相互比较标签。"),
        ("Each test sample shall be labelled by at least two labellers, three times, or twice where fifteen digits "
         "are used.", "每个测试样本应由至少两名标注人员标注3次，使用15位数字时标注两次。")),
]


@pytest.fixture(scope="module")
def word_results(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-bl-words"), WORD_CASES)


@pytest.mark.parametrize("case", WORD_CASES, ids=[c.id for c in WORD_CASES])
def test_number_words_case(case, word_results):
    check(case, word_results[case.id])


@pytest.mark.parametrize("text, lang, values", [
    ("至少在两个强度等级下测试，十二个批次，二十次，一百名", "zh", ["2", "12", "20", "100"]),
    ("一致、一般、统一、一些、之一、唯一、进一步、同一、万一、十分、三角、第三方、一个样本", "zh", []),
    ("at least two labellers, twenty-one days, twice", "en", ["2", "21", "2"]),
    ("one of the, no one shall, someone, the one that, one or more, one another, a single one", "en", []),
])
def test_number_words_in_numbers(text, lang, values):
    found, _ = numbers_in(text, lang, "gb")
    assert sorted(v for n in found for v in n.values) == sorted(values), [n.show() for n in found]
