"""NM, TD and TF rules: a failing and a passing case in each language (RULES.md §3 NM, TD, TF).

One Sphinx build checks every case of this module (see :mod:`tests.lint.harness`).
"""

from __future__ import annotations

import pytest

from .harness import Case, check, run_cases

ZH_TERMS = """
        {.terms}
        # 术语和定义

        下列术语和定义适用于本文件。
        """
EN_TERMS = """
        {.terms}
        # Terms and definitions

        For the purposes of this document, the following terms and definitions apply.
        """

#: An image file for the cases that show one (a missing image is a build error, std.image).
FLOW_SVG = {"images/flow.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'}

CASES = [
    # -- NM001 hand-typed numbers in titles ------------------------------------------------------------------
    Case("nm001-zh-bad", "NM001", "zh", "gb", """
        # 要求

        ## 4.2 额定值

        正文。

        ## 1.2　试验

        正文。
        """, [3, 7], severity="error"),
    Case("nm001-zh-good", "NM001", "zh", "gb", """
        # 要求

        ## 额定值

        正文。

        ## 5G网络

        正文。

        ## 2024 年修订内容

        正文。
        """, []),
    Case("nm001-en-bad", "NM001", "en", "iso", """
        # 1 Requirements

        ## Ratings

        Text.

        ## A.1 General

        Text.
        """, [1, 7]),
    Case("nm001-en-good", "NM001", "en", "iso", """
        # Requirements

        ## Ratings

        Text.

        ## 3D printing

        Text.

        ## 100 percent inspection

        Text.
        """, []),
    Case("nm001-term-and-annex", "NM001", "zh", "gb", ZH_TERMS + """
        :::{term} 3.1 门禁
        :en: access control

        控制出入的措施。
        :::

        {.annex .informative}
        # 附录A（资料性）　示例
        """, [6, 13], messages=("'附录A（资料性）' is a hand-typed number in an annex title",)),
    Case("nm001-en-typed-refs", "NM001", "en", "iso", EN_TERMS + """
        :::{term} known vulnerability

        security vulnerability of open source software (2.2)
        :::

        :::{term} open source software

        software licensed under an open source licence
        :::

        # Requirements

        Known vulnerabilities (3.1) are listed as specified in Clause 7 and Annex D. Clause 2 applies.
        """, [8, 18, 18, 18]),
    Case("nm001-zh-typed-refs", "NM001", "zh", "gb", ZH_TERMS + """
        :::{term} 开源软件
        :en: open source software

        按开源许可协议发布的软件。
        :::

        # 要求

        开源软件（3.1）的要求见第7章和附录D，另见第1章。GB/T 1.1—2020的第9章不适用。
        """, [14, 14, 14]),
    # -- NM002 tables, figures, formulas numbered in order; typed labels -------------------------------------
    Case("nm002-zh-bad", "NM002", "zh", "gb", """
        # 要求

        限值见[](#limits)，另见表5。

        (limits)=
        :::{table} 表3 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::
        """, [3, 6], severity="error"),
    Case("nm002-zh-good", "NM002", "zh", "gb", """
        # 要求

        限值见[](#limits)和[见表1](#limits)。方法按GB/T 191—2008的表2。每个试样代表1个批次。

        (limits)=
        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::
        """, []),
    Case("nm002-en-bad", "NM002", "en", "iso", """
        # Requirements

        The limits are given in [see Table 2](#limits) and in Figure 3.

        (limits)=
        :::{table} Table 2 — Limits
        | Item | Limit |
        | --- | --- |
        | a | 1 |
        :::
        """, [3, 3, 6]),
    Case("nm002-en-good", "NM002", "en", "iso", """
        # Requirements

        The limits are given in [](#limits) and [Table 1](#limits); the method is that of Table 2 of ISO 1234.

        (limits)=
        :::{table} Limits
        | Item | Limit |
        | --- | --- |
        | a | 1 |
        :::
        """, []),
    # -- NM003 notes -----------------------------------------------------------------------------------------
    Case("nm003-zh-bad", "NM003", "zh", "gb", """
        # 要求

        :::{note}
        注1：干燥的试样较轻。
        :::

        ## 试验

        注1：这是唯一的注。
        """, [4, 9], severity="error"),
    Case("nm003-zh-good", "NM003", "zh", "gb", """
        # 要求

        :::{note}
        干燥的试样较轻。
        :::

        注意：这是普通段落。

        ## 试验

        注1：第一个注。

        注2：第二个注。
        """, []),
    Case("nm003-en-bad", "NM003", "en", "iso", EN_TERMS + """
        ::::{term} rack

        frame holding equipment

        :::{note}
        Note 1 to entry: Racks are 19 inches wide.
        :::
        ::::

        # Requirements

        :::{note}
        NOTE 1 Dry samples weigh less.
        :::
        """, [11, 18]),
    Case("nm003-en-good", "NM003", "en", "iso", """
        # Requirements

        :::{note}
        Note that dry samples weigh less.
        :::

        :::{note}
        Notes are numbered by the build.
        :::
        """, []),
    # -- NM004 examples --------------------------------------------------------------------------------------
    Case("nm004-zh-bad", "NM004", "zh", "gb", """
        # 要求

        示例：第一个示例。

        示例：第二个示例。

        ## 试验

        :::{example}
        示例1：标签上印有日期。
        :::
        """, [3, 5, 10]),
    Case("nm004-zh-good", "NM004", "zh", "gb", """
        # 要求

        :::{example}
        标签上印有日期。
        :::

        ## 试验

        示例：唯一的示例。
        """, []),
    Case("nm004-en-bad", "NM004", "en", "iso", """
        # Requirements

        :::{example}
        EXAMPLE 2 A label showing the date.
        :::
        """, [4]),
    Case("nm004-en-good", "NM004", "en", "iso", """
        # Requirements

        :::{example}
        A label showing the date.
        :::

        :::{example}
        Examples of labels are given in Annex A.
        :::
        """, []),
    # -- NM005 footnotes -------------------------------------------------------------------------------------
    Case("nm005-zh-bad", "NM005", "zh", "gb", """
        # 要求

        试样¹⁾应干燥。

        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 25[^t] |

        1) 公差为±1 mm。
        :::

        [^t]: 公差为±1 mm。
        """, [3, 10], severity="error"),  # [^t] only in the table: lettered a by the build, not reported
    Case("nm005-zh-good", "NM005", "zh", "gb", """
        # 要求

        试样应干燥。[^dry]

        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 25 a |

        a　公差为±1 mm。
        :::

        [^dry]: 干燥方法见附录。
        """, []),
    Case("nm005-en-bad", "NM005", "en", "iso", """
        # Requirements

        The sample¹⁾ shall be dry.

        :::{table} Limits
        | Item | Limit |
        | --- | --- |
        | a | 25 |

        1) Tolerance ±1 mm.
        :::
        """, [3, 10]),
    Case("nm005-en-good", "NM005", "en", "iso", """
        # Requirements

        The sample shall be dry.[^dry] The area is 25 m² and 10⁶ cells.

        [^dry]: Drying methods vary.
        """, []),
    # -- NM006 lists -----------------------------------------------------------------------------------------
    Case("nm006-zh-bad", "NM006", "zh", "gb", """
        # 要求

        试验包括：

        - a) 跌落试验；
        - b) 高温试验：
          - 第一级：
            - 60 ℃。

        ——低温试验。

        见第三个破折号项。
        """, [5, 6, 8, 10, 12], severity="warning"),
    Case("nm006-zh-good", "NM006", "zh", "gb", """
        # 要求

        试验包括：

        1. 跌落试验；
        2. 高温试验：
           - 60 ℃；
           - 85 ℃。

        见4.2 c)。
        """, []),
    Case("nm006-en-bad", "NM006", "en", "iso", """
        # Requirements

        The tests are:

        - — drop test;
        - heat test:
          - level 1:
            - step 1:
              - stage a:
                - 60 °C.

        See the third bullet.
        """, [5, 10, 12]),
    Case("nm006-en-good", "NM006", "en", "iso", """
        # Requirements

        The tests are:

        - drop test;
        - heat test:
          - level 1:
            - step 1:
              - 60 °C.

        See 4.2 c).
        """, []),
    # -- TD001 lead-in ---------------------------------------------------------------------------------------
    Case("td001-zh-bad", "TD001", "zh", "gb", """
        {.terms}
        # 术语和定义

        本文件采用下列定义：

        :::{term} 门禁
        :en: access control

        控制出入的措施。
        :::
        """, [4], severity="error"),
    Case("td001-zh-none-with-entries", "TD001", "zh", "gb", """
        {.terms}
        # 术语和定义

        本文件没有需要界定的术语和定义。

        :::{term} 门禁
        :en: access control

        控制出入的措施。
        :::
        """, [4]),
    Case("td001-en-missing", "TD001", "en", "iso", """
        {.terms}
        # Terms and definitions

        :::{term} access control

        means of controlling entry
        :::
        """, [2]),
    Case("td001-zh-good", "TD001", "zh", "gb", """
        {.terms}
        # 术语和定义

        {cite}`GB/T 41867`界定的以及下列术语和定义适用于本文件。

        :::{term} 门禁
        :en: access control

        控制出入的措施。
        :::
        """, []),
    Case("td001-en-bad", "TD001", "en", "iso", """
        {.terms}
        # Terms and definitions

        Definitions used:

        :::{term} access control

        means of controlling entry
        :::
        """, [4]),
    Case("td001-en-obp-gb", "TD001", "en", "gb", """
        {.terms}
        # Terms and definitions

        For the purposes of this document, the following terms and definitions apply.

        ISO and IEC maintain terminology databases for use in standardization at the following addresses:

        :::{term} access control
        :zh: 门禁

        means of controlling entry
        :::
        """, [6]),
    Case("td001-en-good", "TD001", "en", "iso", """
        {.terms}
        # Terms and definitions

        For the purposes of this document, the terms and definitions given in {cite}`ISO/IEC 22989` and the
        following apply.

        ISO and IEC maintain terminology databases for use in standardization at the following addresses:

        - ISO Online browsing platform: available at www.iso.org/obp
        - IEC Electropedia: available at www.electropedia.org

        :::{term} access control

        means of controlling entry
        :::
        """, []),
    # -- TD002 entry structure -------------------------------------------------------------------------------
    Case("td002-zh-bad", "TD002", "zh", "gb", ZH_TERMS + """
        :::{term} 门禁

        控制出入的措施。
        :::

        ::::{term} 机柜
        :en: rack

        :::{note}
        机柜通常宽19英寸。
        :::

        容纳设备的框架。
        ::::
        """, [6, 14], severity="error"),
    Case("td002-zh-good", "TD002", "zh", "gb", ZH_TERMS + """
        ::::{term} 机柜
        :en: rack

        容纳设备的框架。

        :::{example}
        19英寸机柜。
        :::

        :::{note}
        机柜通常落地安装。
        :::
        ::::
        """, []),
    Case("td002-en-bad", "TD002", "en", "iso", EN_TERMS + """
        ::::{term} rack

        frame holding equipment

        :::{note}
        Racks stand on the floor.
        :::

        :::{example}
        A 19-inch rack.
        :::
        ::::
        """, [14]),
    Case("td002-en-good", "TD002", "en", "iso", EN_TERMS + """
        ::::{term} rack

        frame holding equipment

        :::{example}
        A 19-inch rack.
        :::
        ::::
        """, []),
    # -- TD003 definition form -------------------------------------------------------------------------------
    Case("td003-en-bad", "TD003", "en", "iso", EN_TERMS + """
        :::{term} opener

        a device that opens a valve.
        :::
        """, [8, 8], severity="error"),
    Case("td003-en-good", "TD003", "en", "iso", EN_TERMS + """
        :::{term} opener

        device that opens a valve, a tap, etc.
        :::

        :::{term} A-weighted level

        A-weighted sound pressure level in decibels
        :::
        """, []),
    Case("td003-zh-bad", "TD003", "zh", "gb", ZH_TERMS + """
        :::{term} 开阀器
        :en: opener

        是一种开阀装置。
        :::
        """, [9], severity="warning"),
    Case("td003-zh-good", "TD003", "zh", "gb", ZH_TERMS + """
        :::{term} 开阀器
        :en: opener

        开启阀门的装置。
        :::

        :::{term} 是非判断
        :en: yes-no decision

        是否满足要求的判定。
        :::
        """, []),
    # -- TD004 provisions in definitions ---------------------------------------------------------------------
    Case("td004-zh-bad", "TD004", "zh", "gb", ZH_TERMS + """
        :::{term} 自闭阀
        :en: self-closing valve

        应能自动关闭的阀门。
        :::
        """, [9], severity="error"),
    Case("td004-zh-good", "TD004", "zh", "gb", ZH_TERMS + """
        ::::{term} 自闭阀
        :en: self-closing valve

        能自动关闭的阀门。

        :::{note}
        自闭阀可用于燃气管道。
        :::
        ::::
        """, []),
    Case("td004-en-bad", "TD004", "en", "iso", EN_TERMS + """
        :::{term} self-closing valve

        valve that shall close automatically
        :::
        """, [8]),
    Case("td004-en-good", "TD004", "en", "iso", EN_TERMS + """
        :::{term} self-closing valve

        valve that can close automatically
        :::
        """, []),
    # -- TD005 circular definitions, one sentence ------------------------------------------------------------
    Case("td005-zh-bad", "TD005", "zh", "gb", ZH_TERMS + """
        :::{term} 电缆
        :en: cable

        用于输电的电缆。
        :::

        :::{term} 导线
        :en: conductor

        传输电流的金属线。导线通常为铜质。
        :::
        """, [9, 15], severity="warning"),
    Case("td005-zh-good", "TD005", "zh", "gb", ZH_TERMS + """
        :::{term} 开源软件
        :en: open source software

        许可协议符合开源软件定义的软件。
        :::
        """, []),
    Case("td005-en-bad", "TD005", "en", "iso", EN_TERMS + """
        :::{term} cable

        cable for carrying current
        :::

        :::{term} conductor

        metal wire carrying current. It is usually copper
        :::
        """, [8, 13]),
    Case("td005-en-good", "TD005", "en", "iso", EN_TERMS + """
        :::{term} open source software

        software whose licence meets the Open Source Definition of the Open Source Software Initiative,
        e.g. Apache Software
        :::

        :::{term} Free Software

        software meeting the Free Software Definition of the Free Software Foundation
        :::
        """, []),
    # -- TD006 source ----------------------------------------------------------------------------------------
    Case("td006-zh-bad", "TD006", "zh", "gb", ZH_TERMS + """
        :::{term} 门禁
        :en: access control
        :source: 某行业标准

        控制出入的措施（引自GB/T 1）。
        :::

        :::{term} 机柜
        :en: rack
        :modified:

        容纳设备的框架。
        :::
        """, [8, 10, 15], severity="warning"),
    Case("td006-zh-good", "TD006", "zh", "gb", ZH_TERMS + """
        :::{term} 门禁
        :en: access control
        :source: GB/T 11615—2010, 3.1
        :modified: 删除了注

        控制出入的措施。
        :::
        """, []),
    Case("td006-en-bad", "TD006", "en", "iso", EN_TERMS + """
        :::{term} quality
        :source: ISO 9000, 3.6.2

        degree to which inherent characteristics fulfil requirements
        :::
        """, [7]),
    Case("td006-en-good", "TD006", "en", "iso", EN_TERMS + """
        :::{term} quality
        :source: ISO 9000:2015, 3.6.2

        degree to which inherent characteristics fulfil requirements
        :::
        """, []),
    # -- TD007 footnotes in entries, entries as a table ------------------------------------------------------
    Case("td007-zh-bad", "TD007", "zh", "gb", ZH_TERMS + """
        :::{term} 门禁
        :en: access control

        控制出入的措施[^a]。
        :::

        | 术语 | 定义 |
        | --- | --- |
        | 机柜 | 容纳设备的框架 |

        [^a]: 见有关法规。
        """, [9, 12], severity="error"),
    Case("td007-zh-good", "TD007", "zh", "gb", ZH_TERMS + """
        ::::{term} 门禁
        :en: access control

        控制出入的措施。

        :::{note}
        见有关法规。
        :::
        ::::
        """, []),
    Case("td007-en-bad", "TD007", "en", "iso", EN_TERMS + """
        :::{term} access control

        means of controlling entry[^a]
        :::

        [^a]: See the applicable regulations.
        """, [8]),
    Case("td007-en-good", "TD007", "en", "iso", EN_TERMS + """
        :::{term} access control

        means of controlling entry
        :::
        """, []),
    # -- TD008 terms never used ------------------------------------------------------------------------------
    Case("td008-zh-bad", "TD008", "zh", "gb", ZH_TERMS + """
        :::{term} 机架
        :en: rack

        容纳设备的框架。
        :::

        # 要求

        设备应安装在机柜中。
        """, [6], severity="warning"),
    Case("td008-zh-good", "TD008", "zh", "gb", ZH_TERMS + """
        (rack)=
        :::{term} 机架
        :en: rack

        容纳设备的框架。
        :::

        :::{term} 门禁
        :en: access control
        :admitted: 出入控制
        :admitted-en: entry control

        控制出入的措施。
        :::

        # 要求

        设备应安装在[](#rack)中，并应设置出入控制。
        """, []),
    Case("td008-en-bad", "TD008", "en", "iso", EN_TERMS + """
        :::{term} rack

        frame holding equipment
        :::

        # Requirements

        Equipment shall be mounted in a cabinet. Racking is not permitted.
        """, [6]),
    Case("td008-en-good", "TD008", "en", "iso", EN_TERMS + """
        :::{term} rack

        frame holding equipment
        :::

        (access-control)=
        :::{term} access control

        means of controlling entry
        :::

        # Requirements

        Equipment shall be mounted in racks. [Access control](#access-control) shall be provided.
        """, []),
    # -- TD009 bilingual terms (GB) --------------------------------------------------------------------------
    Case("td009-zh-bad", "TD009", "zh", "gb", ZH_TERMS + """
        :::{term} 机架
        :en: rack
        :admitted: 机柜
        :deprecated: 架子
        :deprecated-en: shelf

        容纳设备的框架。
        :::
        """, [8], severity="error"),
    Case("td009-zh-good", "TD009", "zh", "gb", ZH_TERMS + """
        :::{term} 机架
        :en: rack
        :admitted: 机柜; RU
        :admitted-en: cabinet

        容纳设备的框架。
        :::
        """, []),
    Case("td009-en-bad", "TD009", "en", "gb", EN_TERMS + """
        :::{term} rack
        :admitted: cabinet
        :admitted-zh: 机柜

        frame holding equipment
        :::
        """, [6]),
    Case("td009-en-good", "TD009", "en", "gb", EN_TERMS + """
        :::{term} rack
        :zh: 机架

        frame holding equipment
        :::
        """, []),
    # -- TF001 cited objects ---------------------------------------------------------------------------------
    Case("tf001-zh-bad", "TF001", "zh", "gb", """
        # 要求

        限值如下。

        (limits)=
        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::

        $$
        n = 2 m
        $$ (count)

        {.annex .informative}
        # 试验装置

        本附录给出试验装置。
        """, [6, 12, 17]),
    Case("tf001-zh-good", "TF001", "zh", "gb", """
        # 要求

        限值见[](#limits)，样本数按[](#count)计算，试验装置见[](#rig)。另见表2。

        (limits)=
        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::

        | 项目 | 限值 |
        | --- | --- |
        | b | 2 |

        $$
        n = 2 m
        $$ (count)

        (rig)=
        {.annex .informative}
        # 试验装置

        本附录给出试验装置。
        """, []),
    Case("tf001-en-bad", "TF001", "en", "iso", """
        # Requirements

        The limits are as follows.

        (limits)=
        :::{table} Limits
        | Item | Limit |
        | --- | --- |
        | a | 1 |

        See [](#limits) for the values.
        :::
        """, [6], severity="error"),
    Case("tf001-en-good", "TF001", "en", "iso", """
        # Requirements

        The limits are given in [](#limits) and Table 2; see also {numref}`limits`.

        (limits)=
        :::{table} Limits
        | Item | Limit |
        | --- | --- |
        | a | 1 |
        :::

        | Item | Limit |
        | --- | --- |
        | b | 2 |
        """, []),
    Case("tf001-formula-warning", "TF001", "en", "iso", """
        # Requirements

        $$
        n = 2 m
        $$ (count)
        """, [3], severity="warning"),
    # -- TF002 numbers, titles, punctuation ------------------------------------------------------------------
    Case("tf002-zh-bad", "TF002", "zh", "gb", """
        # 要求

        见[](#a)、[](#b)。

        (a)=
        :::{table} 限值。
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::

        (b)=
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |

        ![流程](images/flow.svg)
        """, [6, 13, 17], files=FLOW_SVG),
    Case("tf002-zh-good", "TF002", "zh", "gb", """
        # 要求

        见[](#a)。

        (a)=
        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        :::
        """, []),
    Case("tf002-en-bad", "TF002", "en", "iso", """
        # Requirements

        See [](#a).

        (a)=
        :::{table} Limits (continued).
        | Item | Limit |
        | --- | --- |
        | a | 1 |
        :::
        """, [6, 6], severity="warning"),
    Case("tf002-en-good", "TF002", "en", "iso", """
        # Requirements

        See [](#a).

        (a)=
        | Item | Limit |
        | --- | --- |
        | a | 1 |
        """, []),
    Case("tf002-image-error", "TF002", "en", "iso", """
        # Requirements

        ![Flow](images/flow.svg)
        """, [3], severity="error", files=FLOW_SVG),
    # -- TF003 table contents --------------------------------------------------------------------------------
    Case("tf003-zh-bad", "TF003", "zh", "gb", """
        # 要求

        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        | b | 同上 |
        | c |  |
        :::
        """, [3, 7], severity="warning"),
    Case("tf003-zh-good", "TF003", "zh", "gb", """
        # 要求

        :::{table} 限值
        | 项目 | 限值 |
        | --- | --- |
        | a | 1 |
        | b | 1 |
        | c | — |
        :::
        """, []),
    Case("tf003-en-bad", "TF003", "en", "iso", """
        # Requirements

        :::{table} Limits
        |  |  |
        | --- | --- |
        | a | 1 |
        | b | ditto |
        :::
        """, [3, 7]),
    Case("tf003-en-good", "TF003", "en", "iso", """
        # Requirements

        :::{table} Limits
        | Item | L1 | L2 |
        | --- | --- | --- |
        | a | ✓ |  |
        | b | ✓ | ✓ |
        :::
        """, []),
    # -- TF004 units in numeric columns ----------------------------------------------------------------------
    Case("tf004-zh-bad", "TF004", "zh", "gb", """
        # 要求

        :::{table} 尺寸
        | 型号 | 长度 | 数量 |
        | --- | --- | --- |
        | A | 25 | 3 |
        | B | 30 | 4 |
        :::
        """, [4], severity="warning"),
    Case("tf004-zh-good", "TF004", "zh", "gb", """
        # 要求

        :::{table} 尺寸
        | 型号 | 长度/mm | 时延 | 起始时间 |
        | --- | --- | --- | --- |
        | A | 25 | 18 ms | 4.0 |
        :::

        单位为毫米

        :::{table} 间距
        | 型号 | 宽度 |
        | --- | --- |
        | A | 25 |
        :::
        """, []),
    Case("tf004-en-bad", "TF004", "en", "iso", """
        # Requirements

        :::{table} Dimensions
        | Type | Length | Count |
        | --- | --- | --- |
        | A | 25 | 3 |
        :::
        """, [4]),
    Case("tf004-en-good", "TF004", "en", "iso", """
        # Requirements

        :::{table} Dimensions
        | # | Length (mm) | CWE | NIST § |
        | --- | --- | --- | --- |
        | 2.1.1 | 25 | 521 | 5.1.1.2 |
        :::
        """, []),
    # -- TF005 formula symbols -------------------------------------------------------------------------------
    Case("tf005-zh-bad", "TF005", "zh", "gb", """
        # 要求

        力按[](#force)计算。

        $$
        F = m a
        $$ (force)

        :::{where}
        $F$
        : 力；

        $a$
        : 加速度；

        $b$
        : 系数。
        :::
        """, [5, 16], severity="warning"),
    Case("tf005-zh-good", "TF005", "zh", "gb", """
        # 要求

        均方根误差按[](#rmse)计算。

        $$
        E_\\mathrm{RMS} = \\sqrt{\\frac{1}{N} \\sum_{i=1}^{N} \\left( \\hat{y}_i - y_i \\right)^2} + \\mathrm{e}^{0}
        $$ (rmse)

        :::{where}
        $E_\\mathrm{RMS}$
        : 均方根误差；

        $N$
        : 测试样本总数；

        $\\hat{y}_i$
        : 第$i$个测试样本的预测结果；

        $y_i$
        : 第$i$个测试样本的参考标签。
        :::
        """, []),
    Case("tf005-en-bad", "TF005", "en", "iso", """
        # Requirements

        The force is calculated with [](#force).

        $$
        F = m a
        $$ (force)

        :::{where}
        $F$
        : is the force;

        $m$
        : is the mass.
        :::
        """, [5]),
    Case("tf005-en-good", "TF005", "en", "iso", """
        {.symbols}
        # Symbols

        $g$
        : acceleration of free fall

        # Requirements

        The force is calculated with [](#force).

        $$
        F = m g
        $$ (force)

        :::{where}
        $F$
        : is the force;

        $m$
        : is the mass.
        :::
        """, []),
    # -- TF006 sub-figures -----------------------------------------------------------------------------------
    Case("tf006-zh-bad", "TF006", "zh", "gb", """
        # 要求

        见[](#whole)。

        (whole)=
        ::::{figure} images/flow.svg
        总图

        :::{figure} images/flow.svg
        a)　分图

        :::{note}
        分图的注。
        :::
        :::
        ::::
        """, [12], severity="warning"),
    Case("tf006-zh-good", "TF006", "zh", "gb", """
        # 要求

        见[](#whole)。

        (whole)=
        ::::{figure} images/flow.svg
        总图

        :::{figure} images/flow.svg
        a)　分图
        :::

        :::{note}
        整个图的注。
        :::
        ::::
        """, []),
    Case("tf006-en-bad", "TF006", "en", "iso", """
        # Requirements

        See [](#whole).

        (whole)=
        ::::{figure} images/flow.svg
        Whole figure

        :::{figure} images/flow.svg
        a) Part

        Key

        1 valve
        :::
        ::::
        """, [12]),
    Case("tf006-en-good", "TF006", "en", "iso", """
        # Requirements

        See [](#whole).

        (whole)=
        ::::{figure} images/flow.svg
        Whole figure

        :::{figure} images/flow.svg
        a) Part
        :::

        Key

        1 valve
        ::::
        """, []),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-nm-td-tf"), CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case, results):
    check(case, results[case.id])


def test_every_rule_has_a_failing_and_a_passing_case():
    codes = {f"{p}{n:03d}" for p, count in (("NM", 6), ("TD", 9), ("TF", 6)) for n in range(1, count + 1)}
    for code in codes:
        cases = [c for c in CASES if c.code == code]
        assert any(c.lines for c in cases) and any(not c.lines for c in cases), code


# -- NM001 typed references: after a citation (another document's part), typed subclause numbers ---------------
TYPED_REFERENCES = [
    Case("nm001-zh-after-citation", "NM001", "zh", "gb", """
        # 要求

        修约见{cite}`GB/T 8170—2008`第4章，比较见{cite}`GB/T 8170—2008`的第5章和{cite}`GB/T 1.1—2020`，附录D。
        """, []),
    Case("nm001-zh-not-after-citation", "NM001", "zh", "gb", """
        # 要求

        修约按{cite}`GB/T 8170—2008`规定的方法，见第4章。
        """, [3], messages=("'第4章' is typed by hand and this standard has no such clause",)),
    Case("nm001-en-after-citation", "NM001", "en", "iso", """
        # Requirements

        Round as in {cite}`ISO 80000-1:2009`, Clause 7 and in Annex C of {cite}`ISO 80000-1:2009`.
        """, []),
    Case("nm001-zh-typed-subclause", "NM001", "zh", "gb", """
        # 要求

        ## 通用要求

        正文。

        ## 其他要求

        试样按5.3制备，结果见1.2，另见{cite}`GB/T 8170—2008`的5.3。
        """, [9], messages=("'5.3' is typed by hand and this standard has no such subclause", "本文件没有该条")),
    Case("nm001-zh-typed-subclause-good", "NM001", "zh", "gb", """
        # 要求

        ## 通用要求

        正文。

        ## 其他要求

        试样按1.1制备，间距按5.3 mm，协议符合2.1版，另见{cite}`GB/T 8170—2008`，4.3。
        """, []),
    Case("nm001-en-typed-subclause", "NM001", "en", "iso", """
        # Requirements

        ## General

        Text.

        ## Other

        Prepare the specimen as specified in 4.2 and see 1.2; see also A.3.
        """, [9, 9]),
    Case("nm001-en-typed-subclause-good", "NM001", "en", "iso", """
        # Requirements

        ## General

        Text.

        ## Other

        Prepare the specimen as specified in 1.1, with the gap given in 2.5 mm, and see 5.3 of ISO 80000-1:2009.
        """, []),
]


@pytest.fixture(scope="module")
def typed_references(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-nm001-refs"), TYPED_REFERENCES)


@pytest.mark.parametrize("case", TYPED_REFERENCES, ids=[c.id for c in TYPED_REFERENCES])
def test_typed_references(case, typed_references):
    check(case, typed_references[case.id])
