"""RF, UQ and ED rules: a failing and a passing case in each language and profile (RULES.md §3 RF, UQ, ED)."""

from __future__ import annotations

import pytest

from .harness import Case, check, run_cases

LEAD_ZH = ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
           "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")
LEAD_EN = ("The following documents are referred to in the text in such a way that some or all of their content "
           "constitutes requirements of this document. For dated references, only the edition cited applies. For "
           "undated references, the latest edition of the referenced document (including any amendments) applies.")


def normrefs(lang: str, body: str) -> str:
    """A normative references clause (its heading on line 2, its body from line 4)."""
    title = "规范性引用文件" if lang == "zh" else "Normative references"
    return f"{{.normative-references}}\n# {title}\n\n{body.strip()}\n"


CASES = [
    # ------------------------------------------------------------------ RF001 lead-in
    Case("rf001-zh-bad", "RF001", "zh", "gb", normrefs("zh", """
本文件引用下列标准：

{cite}`GB/T 191`　包装储运图示标志
"""), [4], severity="error"),
    Case("rf001-zh-good", "RF001", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

{{cite}}`GB/T 191`　包装储运图示标志
"""), []),
    Case("rf001-zh-none-good", "RF001", "zh", "gb", normrefs("zh", "本文件没有规范性引用文件。"), []),
    Case("rf001-zh-both", "RF001", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

本文件没有规范性引用文件。
"""), [6]),
    Case("rf001-en-no-lead-in", "RF001", "en", "iso", normrefs("en", """
{cite}`ISO 7000`, *Graphical symbols for use on equipment — Registered symbols*
"""), [4], severity="error"),
    Case("rf001-en-empty", "RF001", "en", "iso", normrefs("en", ""), [2]),
    Case("rf001-en-none-with-entries", "RF001", "en", "iso", normrefs("en", """
There are no normative references in this document.

ISO 7000, Graphical symbols for use on equipment — Registered symbols
"""), [6]),
    Case("rf001-en-good", "RF001", "en", "iso", normrefs("en", f"""
{LEAD_EN}

{{cite}}`ISO 7000`, *Graphical symbols for use on equipment — Registered symbols*
"""), []),
    Case("rf001-en-none-good", "RF001", "en", "iso", normrefs("en", """
There are no normative
references in this document.
"""), []),
    # ------------------------------------------------------------------ RF002 entry form
    Case("rf002-zh-bad", "RF002", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

[1] GB/T 191。

- {{cite}}`GB/T 2828.1`　计数抽样检验程序

{{cite}}`GB/T 8170`，数值修约规则与极限数值的表示和判定

## 其他文件
"""), [6, 8, 10, 12], severity="error"),
    Case("rf002-zh-good", "RF002", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

{{cite}}`GB/T 191`　包装储运图示标志

{{cite}}`GB/T 2828.1-2012`　计数抽样检验程序　第1部分：按接收质量限（AQL）检索的逐批检验抽样计划

{{cite}}`GB/T 4857`（所有部分）　包装　运输包装件

GB/T 8170—2008　数值修约规则与极限数值的表示和判定
"""), []),
    Case("rf002-en-bad", "RF002", "en", "iso", normrefs("en", f"""
{LEAD_EN}

1. ISO 7000.

ISO 3864-1 Graphical symbols — Safety colours and safety signs

{{cite}}`ISO 9000`, *Quality management systems — Fundamentals and vocabulary*.
"""), [6, 8, 10]),
    Case("rf002-en-good", "RF002", "en", "iso", normrefs("en", f"""
{LEAD_EN}

{{cite}}`ISO 7000`, *Graphical symbols for use on equipment — Registered symbols*

{{cite}}`IEC 60417` (all parts), *Graphical symbols for use on equipment*

ISO 3864-1:2011, Graphical symbols — Safety colours and safety signs — Part 1: Design principles

Open Source Definition, Open Source Initiative, www.opensource.org/osd
"""), []),
    # ------------------------------------------------------------------ RF005 order
    Case("rf005-zh-bad", "RF005", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

{{cite}}`ISO 7000`　设备用图形符号　注册符号

{{cite}}`GB/T 191`　包装储运图示标志
"""), [8], severity="warning"),
    Case("rf005-zh-good", "RF005", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

{{cite}}`GB/T 191`　包装储运图示标志

{{cite}}`GB/T 2828.1`　计数抽样检验程序　第1部分

{{cite}}`YD/T 1234`　通信设备

{{cite}}`ISO 7000`　设备用图形符号

{{cite}}`IEC 60417`　设备用图形符号
"""), []),
    Case("rf005-en-bad", "RF005", "en", "iso", normrefs("en", f"""
{LEAD_EN}

{{cite}}`IEC 60068-2-1`, *Environmental testing — Part 2-1: Tests — Test A: Cold*

{{cite}}`ISO 7000`, *Graphical symbols for use on equipment — Registered symbols*
"""), [8]),
    Case("rf005-en-good", "RF005", "en", "iso", normrefs("en", f"""
{LEAD_EN}

{{cite}}`ISO 3864-1`, *Graphical symbols — Safety colours and safety signs*

{{cite}}`ISO 7000`, *Graphical symbols for use on equipment — Registered symbols*

{{cite}}`ISO/IEC 27001`, *Information security management systems — Requirements*

{{cite}}`IEC 60417`, *Graphical symbols for use on equipment*

The Minimum Elements for a Software Bill of Materials, NTIA, 2021

Open Source Definition, Open Source Initiative, www.opensource.org/osd
"""), []),
    # ------------------------------------------------------------------ RF006 designation form
    Case("rf006-zh-bad", "RF006", "zh", "gb", """
        # 要求

        本文件按照GB/T 1.1-2020的规定起草。

        试验应符合ISO 9001-2015的要求。
        """, [3, 5], severity="warning"),
    Case("rf006-zh-good", "RF006", "zh", "gb", """
        # 要求

        本文件按照GB/T 1.1—2020的规定起草，试验应符合ISO 9001:2015和{cite}`GB/T 20000.1-2014`的要求。
        """, []),
    Case("rf006-en-bad", "RF006", "en", "iso", """
        # Requirements

        The test shall be carried out in accordance with ISO 1234:202X.

        The system shall conform to ISO 9001-2015.

        Samples are prepared as in ISO 5678:—.
        """, [3, 5, 7]),
    Case("rf006-en-good", "RF006", "en", "iso", """
        # Requirements

        The system shall conform to ISO 9001:2015 and GB/T 20000.1:2014, and to ISO 5678:—[^1].

        [^1]: Under preparation. Stage at the time of publication: ISO/DIS 5678:2026.
        """, []),
    Case("rf006-en-gb-bad", "RF006", "en", "gb", """
        # Requirements

        This document was drafted in accordance with GB/T 1.1-2020.
        """, [3]),
    # ------------------------------------------------------------------ RF007 positional references
    Case("rf007-zh-bad", "RF007", "zh", "gb", """
        # 要求

        阈值见下表。

        第5节规定了试验方法。

        结果如上图所示。
        """, [3, 5, 7], severity="warning"),
    Case("rf007-zh-good", "RF007", "zh", "gb", """
        # 要求

        阈值见表1，试验方法见第5章和5.2。以下表述适用于上下文中的各项要求。
        """, []),
    Case("rf007-en-bad", "RF007", "en", "iso", """
        # Requirements

        The limits are given in the table below.

        The test is specified in section 5.

        As mentioned above, samples shall be dry.
        """, [3, 5, 7]),
    Case("rf007-en-good", "RF007", "en", "iso", """
        # Requirements

        The limits are given in Table 1 and the test in Clause 5. Accessibility follows Section 508 of the
        Rehabilitation Act and RFC 8941, Section 3. The following requirements apply to a cross-section 5 mm
        wide, see [NIST SP 800-63B Section 5.1](https://pages.nist.gov/800-63-3/sp800-63b.html).
        """, []),
    # ------------------------------------------------------------------ UQ001 number glued to unit
    Case("uq001-zh-bad", "UQ001", "zh", "gb", """
        # 要求

        试样长度为25mm，质量为5kg。
        """, [3, 3], severity="warning"),
    Case("uq001-zh-good", "UQ001", "zh", "gb", """
        # 要求

        试样长度为25 mm，角度为5°，合成样本不超过30%，摘要为SHA-256，螺纹为M12x1.5，温度为20 ℃。
        """, []),
    Case("uq001-en-bad", "UQ001", "en", "iso", """
        # Requirements

        The sample is 25mm long.

        At most 5% of the samples are synthetic.
        """, [3, 5]),
    Case("uq001-en-good", "UQ001", "en", "iso", """
        # Requirements

        The sample is 25 mm long, turned by 90°, and at most 5 % are synthetic. Since the 1990s, 4K displays,
        IPv6 and SHA-256 have been used with M12x1.5 threads at 20 °C.
        """, []),
    # ------------------------------------------------------------------ UQ002 non-standard units
    Case("uq002-zh-bad", "UQ002", "zh", "gb", """
        # 要求

        试样质量为5公斤。

        令牌应在10分钟后过期。

        试验温度为25度。
        """, [3, 5, 7]),
    Case("uq002-zh-good", "UQ002", "zh", "gb", """
        # 要求

        试样质量为5 kg，令牌应在10 min后过期，每3天备份一次，旋转45度后重新测量，版本1升级到2。
        """, []),
    Case("uq002-en-bad", "UQ002", "en", "iso", """
        # Requirements

        The token expires after 3 secs and the motor runs at 1500 rpm.
        """, [3, 3]),
    Case("uq002-en-good", "UQ002", "en", "iso", """
        # Requirements

        The token expires after 3 s and the motor runs at 1 500 r/min for 2 minutes.
        """, []),
    # ------------------------------------------------------------------ UQ003 decimal sign and leading zero
    Case("uq003-zh-gb-bad", "UQ003", "zh", "gb", """
        # 要求

        厚度为.5 mm。

        间隙为0,5 mm。
        """, [3, 5], severity="error"),
    Case("uq003-zh-gb-good", "UQ003", "zh", "gb", """
        # 要求

        厚度为0.5 mm，准确率不低于0.95，见5.2，版本2.1.0，范围0～255，推理时延为18.06 ms。
        """, []),
    Case("uq003-zh-iso-bad", "UQ003", "zh", "iso", """
        # 要求

        厚度为0.5 mm。
        """, [3]),
    Case("uq003-en-iso-bad", "UQ003", "en", "iso", """
        # Requirements

        The plate is 0.5 mm thick.

        The kappa coefficient shall be ≥0.8.
        """, [3, 5]),
    Case("uq003-en-iso-good", "UQ003", "en", "iso", """
        # Requirements

        The plate is 0,5 mm thick and kappa is at least 0,8 (see 5.2). TLS 1.2, version 4.0, requirement
        V2.1.3 and 1.1.1 apply.

        | Requirement | Since |
        | --- | --- |
        | 2.1.1 | 4.0 |
        """, []),
    # ------------------------------------------------------------------ UQ004 thousands separator
    Case("uq004-zh-bad", "UQ004", "zh", "gb", """
        # 要求

        拉力为12,500 N。
        """, [3], severity="warning"),
    Case("uq004-zh-good", "UQ004", "zh", "gb", """
        # 要求

        拉力为12 500 N，共12 630个样本，随机数种子为20261127。
        """, []),
    Case("uq004-en-bad", "UQ004", "en", "iso", """
        # Requirements

        Use at least 100,000 iterations.

        The force is 1,234,567 N.
        """, [3, 5]),
    Case("uq004-en-good", "UQ004", "en", "iso", """
        # Requirements

        Use at least 100 000 iterations; the gap is 0,500 mm and the length 12,500 mm.
        """, []),
    # ------------------------------------------------------------------ UQ005 unit in ranges and tolerances
    Case("uq005-zh-bad", "UQ005", "zh", "gb", """
        # 要求

        环境温度为15～35 ℃。

        试验温度为20±2 ℃。
        """, [3, 5]),
    Case("uq005-zh-good", "UQ005", "zh", "gb", """
        # 要求

        环境温度为15 ℃～35 ℃，试验温度为(20±2) ℃，像素值范围为0～255，见第1～3章。
        """, []),
    Case("uq005-en-bad", "UQ005", "en", "iso", """
        # Requirements

        The length is 10-12 mm.

        The temperature is 20 ± 2 °C.

        The gap is between 10 and 12 mm.
        """, [3, 5, 7]),
    Case("uq005-en-good", "UQ005", "en", "iso", """
        # Requirements

        The length is 10 mm to 12 mm at (20 ± 2) °C, see pages 10-12 and the years 2010-2020.
        """, []),
    # ------------------------------------------------------------------ UQ006 minus and multiplication signs
    Case("uq006-zh-bad", "UQ006", "zh", "gb", """
        # 要求

        试验温度为-5 ℃，存储温度为 -20 ℃。

        试样尺寸为3x4 mm。
        """, [3, 3, 5]),
    Case("uq006-zh-good", "UQ006", "zh", "gb", """
        # 要求

        试验温度为−5 ℃，试样尺寸为3 mm×4 mm，摘要为SHA-256，螺纹为M12x1.5，日期为2022-03-28。
        """, []),
    Case("uq006-en-bad", "UQ006", "en", "iso", """
        # Requirements

        The value -1 means no limit.

        Use 2*3 samples.
        """, [3, 5]),
    Case("uq006-en-good", "UQ006", "en", "iso", """
        # Requirements

        The value −1 means no limit; see CVE-2021-44228, register 0x1F and the range 5 - 3.
        """, []),
    # ------------------------------------------------------------------ ED001 this document
    Case("ed001-zh-bad", "ED001", "zh", "gb", """
        # 要求

        本标准规定了试验方法。

        按本规范执行。
        """, [3, 5], severity="warning"),
    Case("ed001-zh-good", "ED001", "zh", "gb", """
        # 要求

        本文件规定了样本标准差的计算方法，由本标准化技术委员会归口，参见《本标准的实施指南》和文中的“本标准”一词。
        """, []),
    Case("ed001-zh-engineering-good", "ED001", "zh", "gb", """
        # 总则

        本规范适用于新建、扩建和改建的建筑。
        """, [], meta={"designation": "GB 50016—2014"}),
    Case("ed001-en-bad", "ED001", "en", "iso", """
        # Requirements

        This standard specifies the tests.

        Programs conforming to this specification shall be reviewed.
        """, [3, 5]),
    Case("ed001-en-good", "ED001", "en", "iso", """
        # Requirements

        This document specifies the tests. Report this standard deviation. The term “this standard” was
        replaced.

        {.bibliography}
        # Bibliography

        Guide to this standard, 2020
        """, []),
    # ------------------------------------------------------------------ ED002 headings
    Case("ed002-zh-bad", "ED002", "zh", "gb", """
        # 要求

        ## 试验。

        ### 通则

        ### 通则

        ## 标记
        """, [3, 7], severity="warning"),
    Case("ed002-zh-good", "ED002", "zh", "gb", """
        # 要求

        ## 试验

        ### 通则

        ## 标记

        ### 通则

        :::{table} 限值。
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::
        """, []),
    Case("ed002-en-bad", "ED002", "en", "iso", """
        # Requirements

        ## Tests.

        :::{table} Limits:
        | Item | Limit |
        | --- | --- |
        | a | 1 |
        :::

        ## Marking
        """, [3, 5]),
    Case("ed002-en-duplicate-file", "ED002", "en", "iso", """
        # Requirements

        Text.
        """, [1], files={"more.md": "# Requirements\n\nMore text.\n"}, file="more.md"),
    Case("ed002-en-good", "ED002", "en", "iso", """
        # Requirements

        ## Tests

        ## What is tested?

        ## Marking (labels)
        """, []),
    # ------------------------------------------------------------------ ED003 lists
    Case("ed003-zh-bad", "ED003", "zh", "gb", """
        # 要求

        试验包括下列项目。

        - 跌落试验
        - 高温试验
        """, [3, 5], severity="warning"),
    Case("ed003-zh-no-lead-in", "ED003", "zh", "gb", """
        # 要求

        - 跌落试验；
        - 高温试验。
        """, [3]),
    Case("ed003-zh-good", "ED003", "zh", "gb", """
        # 要求

        试验包括：

        1. 跌落试验；
        2. 高温试验，包括：
           1. 高温存储；
           2. 高温运行；
        3. 低温试验。

        试验程序如下：

        - 试样应先干燥。
        - 试样应称重。
        """, []),
    Case("ed003-en-bad", "ED003", "en", "iso", """
        # Requirements

        The tests are:

        - drop test from a height of 1 m.
        - heat test at 70 °C for 2 h.

        The following applies:

        - The sample is dried at 70 °C
        - The sample is weighed after cooling
        """, [5, 10]),
    Case("ed003-en-lead-in", "ED003", "en", "iso", """
        # Requirements

        The tests are as follows;

        - drop test from a height of 1 m;
        - heat test at 70 °C for 2 h.
        """, [3]),
    Case("ed003-en-good", "ED003", "en", "iso", """
        # Requirements

        The tests are:

        - drop test from a height of 1 m;
        - heat test, consisting of:
          - storage at 70 °C;
          - operation at 70 °C;
        - cold test at −20 °C.

        The following applies.

        - The sample is dried at 70 °C.
        - The sample is weighed after cooling.

        See also:

        - [ISO website](https://www.iso.org)
        - [IEC website](https://www.iec.ch)

        Colours:

        - red
        - green
        """, []),
    # ------------------------------------------------------------------ ED004 punctuation width
    Case("ed004-zh-bad", "ED004", "zh", "gb", """
        # 要求

        温度,湿度和气压应记录。
        """, [3], severity="warning"),
    Case("ed004-zh-good", "ED004", "zh", "gb", """
        # 要求

        温度、湿度和气压应记录（见5.2），比值为1:2，使用GPU（图形处理器）时记录型号。
        """, []),
    Case("ed004-en-bad", "ED004", "en", "iso", """
        # Requirements

        The sample shall be dry，clean and free of grease.
        """, [3]),
    Case("ed004-en-good", "ED004", "en", "iso", """
        # Requirements

        The sample shall be dry, clean and free of grease; the Chinese terms are 温度，湿度.
        """, []),
    # ------------------------------------------------------------------ ED005 and/or
    Case("ed005-zh-bad", "ED005", "zh", "gb", """
        # 要求

        应记录温度和/或湿度。
        """, [3], severity="warning"),
    Case("ed005-zh-good", "ED005", "zh", "gb", """
        # 要求

        应记录温度或湿度，或两者。
        """, []),
    Case("ed005-en-bad", "ED005", "en", "iso", """
        # Requirements

        Record the temperature and/or the humidity.

        Smith & Jones supply the rig.
        """, [3, 5]),
    Case("ed005-en-good", "ED005", "en", "iso", """
        # Requirements

        Record the temperature or the humidity, or both; R&D and AT&T are names.
        """, []),
    # suppression in the source, with a recorded reason
    Case("suppressed-uq001", "UQ001", "en", "iso", """
        # Requirements

        <!-- lint-disable UQ001 reason: quoted from a product label -->
        The label reads 25mm.
        """, []),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-rf-uq-ed"), CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case, results):
    check(case, results[case.id])


def test_every_rule_has_failing_and_passing_cases_in_both_languages():
    codes = {"RF001", "RF002", "RF005", "RF006", "RF007", "UQ001", "UQ002", "UQ003", "UQ004", "UQ005", "UQ006",
             "ED001", "ED002", "ED003", "ED004", "ED005"}
    for code in codes:
        for lang in ("zh", "en"):
            cases = [c for c in CASES if c.code == code and c.lang == lang]
            assert any(c.lines for c in cases), (code, lang, "no failing case")
            assert any(not c.lines for c in cases), (code, lang, "no passing case")


def test_suppressed_finding_keeps_its_reason(results):
    assert [f.suppressed for f in results["suppressed-uq001"]] == ["quoted from a product label"]


# ------------------------------------------------------------------ RF003 a document listed twice
RF003_ZH_BODY = "\n# 要求\n\n测试结果应按{cite}`GB/T 8170`的规定修约。\n"
RF003_EN_BODY = "\n# Requirements\n\nValues shall be rounded in accordance with {cite}`ISO 80000-1`.\n"
LISTED_TWICE = [
    Case("rf003-zh-listed-twice", "RF003", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

{{cite}}`GB/T 8170`　数值修约规则与极限数值的表示和判定

{{cite}}`GB/T 8170`　数值修约规则与极限数值的表示和判定
""") + RF003_ZH_BODY, [8], severity="error", messages=("重复列出（首次在第6行）",)),
    Case("rf003-zh-listed-once", "RF003", "zh", "gb", normrefs("zh", f"""
{LEAD_ZH}

{{cite}}`GB/T 8170`　数值修约规则与极限数值的表示和判定
""") + RF003_ZH_BODY, []),
    Case("rf003-en-listed-twice", "RF003", "en", "iso", normrefs("en", f"""
{LEAD_EN}

{{cite}}`ISO 80000-1`, *Quantities and units — Part 1: General*

{{cite}}`ISO 80000-1`, *Quantities and units — Part 1: General*

{{cite}}`ISO 80000-1:2009`, *Quantities and units — Part 1: General*
""") + RF003_EN_BODY, [8, 10], messages=("listed more than once in the normative references (first at line 6)",)),
    Case("rf003-en-listed-once", "RF003", "en", "iso", normrefs("en", f"""
{LEAD_EN}

{{cite}}`ISO 80000-1`, *Quantities and units — Part 1: General*

{{cite}}`ISO 80000-2`, *Quantities and units — Part 2: Mathematics*
""") + RF003_EN_BODY + "\nSigns shall be written as in {cite}`ISO 80000-2`.\n", []),
]


@pytest.fixture(scope="module")
def listed_twice(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-rf003-twice"), LISTED_TWICE)


@pytest.mark.parametrize("case", LISTED_TWICE, ids=[c.id for c in LISTED_TWICE])
def test_a_document_listed_twice_in_the_normative_references(case, listed_twice):
    check(case, listed_twice[case.id])
