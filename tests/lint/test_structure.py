"""ST rules: a failing and a passing case per rule and language (RULES.md §3 ST), document types (C12),
the GB foreword's fixed elements (ST020) and the cover metadata (ST022)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tooling.importer import import_standard
from tooling.project import Project

from .harness import Case, check, run_cases, write_cases

GB_FOREWORD = """
    {.foreword}
    # 前言

    本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

    请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

    本文件由全国信息技术标准化技术委员会（SAC/TC 28）提出并归口。

    本文件起草单位：样例标准化研究院。

    本文件主要起草人：张××、李××。
    """
GB_COVER = {"ics": "35.240.01", "ccs": "L 70", "issuer": ["国家市场监督管理总局", "国家标准化管理委员会"]}
TITLES = {"zh": {"main": "规则测试"}, "en": {"main": "Rule test"}}

CASES = [
    # ST001 required elements ------------------------------------------------------------------------
    Case("st001-zh-bad", "ST001", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照……起草。

        {.scope}
        # 范围

        本文件规定了产品的要求。

        {.terms}
        # 术语和定义

        本文件没有需要界定的术语和定义。
        """, [12], severity="error", messages=("规范性引用文件：缺失（应位于第2章“术语和定义”之前）",)),
    Case("st001-zh-good", "ST001", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照……起草。

        {.scope}
        # 范围

        本文件规定了产品的要求。

        {.normative-references}
        # 规范性引用文件

        本文件没有规范性引用文件。

        {.terms}
        # 术语和定义

        本文件没有需要界定的术语和定义。
        """, []),
    Case("st001-en-bad", "ST001", "en", "iso", """
        {.scope}
        # Scope

        This document specifies requirements.

        {.normative-references}
        # Normative references

        There are no normative references in this document.

        {.terms}
        # Terms and definitions

        No terms and definitions are listed in this document.

        {.scope}
        # Scope

        A second scope.
        """, [2, 17]),
    Case("st001-en-good", "ST001", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.

        {.scope}
        # Scope

        This document specifies requirements.

        {.normative-references}
        # Normative references

        There are no normative references in this document.

        {.terms}
        # Terms and definitions

        No terms and definitions are listed in this document.
        """, []),
    # the elements may sit in several files: a missing one is reported where it belongs
    Case("st001-files", "ST001", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.

        {.scope}
        # Scope

        This document specifies requirements.
        """, [3], files={"terms.md": """
        (terms)=
        {.terms}
        # Terms and definitions

        No terms and definitions are listed in this document.
        """}, file="terms.md"),
    # C12: an amendment has no scope, references or terms clause of its own
    Case("c12-amendment-zh", "ST001", "zh", "gb", """
        {.foreword}
        # 前言

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        # 修改内容

        将5.1中的“220 V”改为“230 V”。
        """, [], meta={"doctype": "amendment"}),
    Case("c12-amendment-en", "ST001", "en", "iso", """
        {.foreword}
        # Foreword

        ISO and IEC shall not be held responsible for identifying any or all such patent rights.

        {.normative-references}
        # Normative references

        The following documents are referred to in the text in such a way that some or all of their content
        constitutes requirements of this document.

        # Changes

        Replace "220 V" by "230 V" in 5.1.
        """, [], meta={"doctype": "amendment"}),
    Case("c12-standard-en", "ST001", "en", "iso", """
        {.foreword}
        # Foreword

        ISO and IEC shall not be held responsible for identifying any or all such patent rights.

        {.normative-references}
        # Normative references

        The following documents are referred to in the text in such a way that some or all of their content
        constitutes requirements of this document.

        {.terms}
        # Terms and definitions

        No terms and definitions are listed in this document.
        """, [7]),
    # ST002 order --------------------------------------------------------------------------------------
    Case("st002-zh-bad", "ST002", "zh", "gb", """
        {.scope}
        # 范围

        本文件规定了产品的要求。

        {.annex .normative}
        # 试验装置

        试验装置见图。

        # 要求

        产品应干燥。
        """, [11], severity="error"),
    Case("st002-zh-good", "ST002", "zh", "gb", """
        {.scope}
        # 范围

        本文件规定了产品的要求。

        # 要求

        产品应干燥。

        {.annex .normative}
        # 试验装置

        试验装置见图。

        {.bibliography}
        # 参考文献

        GB/T 1.1—2020
        """, []),
    Case("st002-en-bad", "ST002", "en", "iso", """
        {.terms}
        # Terms and definitions

        No terms and definitions are listed in this document.

        {.scope}
        # Scope

        This document specifies requirements.

        # Requirements

        ## General

        Text.

        {.bibliography}
        ## Bibliography

        ISO 1
        """, [7, 18]),
    Case("st002-en-good", "ST002", "en", "iso", """
        {.foreword}
        # Foreword

        Text.

        {.introduction}
        # Introduction

        Text.

        {.scope}
        # Scope

        This document specifies requirements.

        {.terms}
        # Terms, definitions and symbols

        {.terms}
        ## Terms and definitions

        No terms and definitions are listed in this document.

        {.symbols}
        ## Symbols

        No symbols are listed.

        # Requirements

        Text.
        """, []),
    # ST003 hanging paragraphs -------------------------------------------------------------------------
    Case("st003-zh-bad", "ST003", "zh", "gb", """
        # 试验

        试验在常温下进行。

        ## 仪器

        天平。

        ## 步骤

        称量。
        """, [3], severity="warning"),
    Case("st003-zh-good", "ST003", "zh", "gb", """
        # 试验

        ## 总则

        试验在常温下进行。

        ## 仪器

        天平。

        {.terms}
        # 术语和定义

        下列术语和定义适用于本文件。

        ## 通用术语

        :::{term} 试样
        :en: sample

        用于试验的样品。
        :::

        ## 专用术语

        :::{term} 试件
        :en: specimen

        用于试验的物件。
        :::
        """, []),
    Case("st003-en-bad", "ST003", "en", "iso", """
        # Tests

        ## Apparatus

        - a balance;
        - an oven.

        ### Balance

        Text.

        ### Oven

        Text.

        {.annex .informative}
        # Examples

        This annex gives examples.

        ## First

        Text.

        ## Second

        Text.
        """, [5, 19], severity="error"),
    Case("st003-en-good", "ST003", "en", "iso", """
        (tests)=
        # Tests

        <!-- comments and targets are not text -->

        (general)=
        ## General

        Tests are done at room temperature.

        ## Apparatus

        Text.

        # Report

        <!-- lint-disable ST003 reason: kept from the 2019 edition -->
        The report is short.

        ## Content

        Text.

        ## Form

        Text.
        """, []),
    # ST004 lone subclauses ----------------------------------------------------------------------------
    Case("st004-zh-bad", "ST004", "zh", "gb", """
        # 要求

        ## 通用要求

        产品应干燥。

        # 试验

        ## 仪器

        ### 天平

        天平的分度值为0.1 mg。

        ### 烘箱

        :::{clause}
        烘箱的温度为105 ℃。
        :::
        """, [3, 9, 17], severity="error"),
    Case("st004-zh-good", "ST004", "zh", "gb", """
        # 要求

        ## 通用要求

        产品应干燥。

        ## 标志

        产品应有标志。

        # 试验

        :::{clause}
        试样应干燥。
        :::

        :::{clause}
        试样应称量。
        :::
        """, []),
    Case("st004-en-bad", "ST004", "en", "iso", """
        # Requirements

        Text.

        {.annex .normative}
        # Test rig

        ## General

        Text.
        """, [8]),
    Case("st004-en-good", "ST004", "en", "iso", """
        # Requirements

        Text.

        {.annex .normative}
        # Test rig

        ## General

        Text.

        ## Set-up

        Text.

        # Other

        {.allow-ST004}
        ## Only one, accepted

        Text.
        """, []),
    # ST005 depth --------------------------------------------------------------------------------------
    Case("st005-zh-bad", "ST005", "zh", "gb", """
        # 一

        ## 二

        ### 三

        #### 四

        ##### 五

        ###### 六

        :::{clause}
        第七层。
        :::
        """, [13], severity="error"),
    Case("st005-zh-good", "ST005", "zh", "gb", """
        # 一

        ## 二

        ### 三

        #### 四

        ##### 五

        :::{clause}
        第六层。
        :::
        """, []),
    Case("st005-en-bad", "ST005", "en", "iso", """
        {.annex .normative}
        # Annex

        ## Two

        ### Three

        #### Four

        ##### Five

        ###### Six

        ::::{clause}
        :::{clause}
        Eight.
        :::
        ::::
        """, [14]),
    Case("st005-en-good", "ST005", "en", "iso", """
        # One

        ## Two

        ### Three

        Text.
        """, []),
    # ST006 titled and untitled siblings ---------------------------------------------------------------
    Case("st006-zh-bad", "ST006", "zh", "gb", """
        # 安装

        ## 现场条件

        :::{clause}
        现场应干燥。
        :::

        ### 温度

        温度为20 ℃。

        ### 湿度

        湿度为50 %。
        """, [5], severity="error"),
    Case("st006-zh-good", "ST006", "zh", "gb", """
        # 安装

        ## 现场条件

        ### 温度

        温度为20 ℃。

        ### 湿度

        湿度为50 %。

        ## 接线

        :::{clause}
        应接地。
        :::

        :::{clause}
        应绝缘。
        :::
        """, []),
    Case("st006-en-bad", "ST006", "en", "iso", """
        # Installation

        :::{clause}
        The site shall be dry.
        :::

        :::{clause}
        The site shall be level.
        :::

        :::{clause}
        A clause without a title.
        :::
        """, [3, 7, 11], severity="warning"),
    Case("st006-en-top", "ST006", "en", "iso", """
        :::{clause}
        A clause without a title.
        :::
        """, [1], severity="error"),
    Case("st006-en-good", "ST006", "en", "iso", """
        # Installation

        ## Site

        The site shall be dry.

        ## Wiring

        The unit shall be earthed.
        """, []),
    # ST007 untitled subclause subdivided (GB) ---------------------------------------------------------
    Case("st007-zh-bad", "ST007", "zh", "gb", """
        # 安装

        ## 现场

        ::::{clause}
        :::{clause}
        现场应干燥。
        :::

        :::{clause}
        现场应平整。
        :::
        ::::

        ::::{clause}
        应接地。
        ::::
        """, [5], severity="error"),
    Case("st007-zh-good", "ST007", "zh", "gb", """
        # 安装

        ## 现场

        :::{clause}
        现场应干燥。
        :::

        :::{clause}
        现场应平整。
        :::
        """, []),
    Case("st007-en-bad", "ST007", "en", "gb", """
        # Installation

        ## Site

        ::::{clause}
        :::{clause}
        The site shall be dry.
        :::

        :::{clause}
        The site shall be level.
        :::
        ::::

        :::{clause}
        The unit shall be earthed.
        :::
        """, [5]),
    Case("st007-en-good", "ST007", "en", "gb", """
        # Installation

        ## Site

        :::{clause}
        The site shall be dry.
        :::

        :::{clause}
        The site shall be level.
        :::
        """, []),
    # ST008 foreword contents --------------------------------------------------------------------------
    Case("st008-zh-bad", "ST008", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照……起草。

        ## 概述

        :::{table} 版本
        | 版本 | 年份 |
        | --- | --- |
        | 1 | 2009 |
        :::
        """, [6, 8], severity="error"),
    Case("st008-zh-good", "ST008", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照……起草。

        本文件代替GB/T 1—2009。
        """, []),
    Case("st008-en-bad", "ST008", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.

        $$
        E = m c^2
        $$
        """, [6]),
    Case("st008-en-good", "ST008", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.

        The main changes are as follows:

        - Clause 5 has been added.
        """, []),
    # ST009 introduction -------------------------------------------------------------------------------
    Case("st009-zh-bad", "ST009", "zh", "gb", """
        # 总述

        {.introduction}
        ## 引言

        本文件有助于评价模型质量。

        ## 其他

        文字。
        """, [4], severity="warning"),
    Case("st009-zh-good", "ST009", "zh", "gb", """
        {.introduction}
        # 引言

        ## 总则

        本文件有助于评价模型质量。

        ## 与其他文件的关系

        文字。
        """, []),
    Case("st009-en-bad", "ST009", "en", "iso", """
        {.introduction}
        # 1 Introduction

        ## 1.1 General

        This document helps users.

        ## 1.2 Background

        Text.
        """, [2, 4, 8]),
    Case("st009-en-good", "ST009", "en", "iso", """
        {.introduction}
        # Introduction

        ## General

        This document helps users.

        ## Background

        Text.
        """, []),
    # ST010 scope --------------------------------------------------------------------------------------
    Case("st010-zh-bad", "ST010", "zh", "gb", """
        {.scope}
        # 范围

        为了规范机器学习模型的评价，
        制定本文件。

        ## 适用范围

        本文件适用于分类模型。

        ## 不适用范围

        文字。
        """, [4, 7, 11], severity="warning"),
    Case("st010-zh-good", "ST010", "zh", "gb", """
        {.scope}
        # 范围

        本文件描述了
        机器学习模型质量评价的方法。

        本文件适用于分类模型的质量评价。
        """, []),
    Case("st010-en-bad", "ST010", "en", "iso", """
        {.scope}
        # Scope

        :::{note}
        A note first.
        :::

        The aim is to harmonise
        the tests.
        """, [8]),
    Case("st010-en-good", "ST010", "en", "iso", """
        {.scope}
        # Scope

        This document
        specifies requirements for test data sets.

        This document is applicable to classification models.
        """, []),
    # ST011 annexes ------------------------------------------------------------------------------------
    Case("st011-zh-bad", "ST011", "zh", "gb", """
        # 要求

        文字。

        {.annex}
        # 附录A 试验装置

        文字。
        """, [6, 6], severity="error"),
    Case("st011-zh-good", "ST011", "zh", "gb", """
        # 要求

        文字。

        {.annex .normative}
        # 试验装置

        文字。

        {.annex .informative}
        # 附录内容的示例

        文字。
        """, []),
    Case("st011-en-bad", "ST011", "en", "iso", """
        # Requirements

        Text.

        {.annex .normative}
        # Test rig

        {.scope}
        ## Scope

        This annex specifies a rig.

        ## Rig

        Text.

        {.annex .informative}
        # (informative) Examples

        Text.
        """, [9, 18]),
    Case("st011-en-good", "ST011", "en", "iso", """
        # Requirements

        Text.

        {.annex .normative}
        # Test rig

        ## Purpose

        This annex specifies a rig.

        ## Rig

        Text.
        """, []),
    # ST012 annex citations ----------------------------------------------------------------------------
    Case("st012-zh-bad", "ST012", "zh", "gb", """
        # 试验

        试验方法见[](#rig)。

        (rig)=
        {.annex .normative}
        # 试验装置

        文字。
        """, [3], severity="warning"),
    Case("st012-zh-good", "ST012", "zh", "gb", """
        # 试验

        试验应按[](#rig)的规定进行。报告的示例参见附录B。

        (rig)=
        {.annex .normative}
        # 试验装置

        文字。

        {.annex .informative}
        # 报告示例

        文字。
        """, []),
    Case("st012-en-bad", "ST012", "en", "iso", """
        # Tests

        The test shall use the method given in [](#method).

        (method)=
        {.annex .informative}
        # Test method

        Text.
        """, [3], messages=("Annex A 'Test method' is informative but cited in a requirement",)),
    Case("st012-en-good", "ST012", "en", "iso", """
        # Tests

        Tests shall be carried out in accordance with [](#rig). For a report form, see [](#report).

        :::{note}
        Annex B also gives a worked example.
        :::

        (rig)=
        {.annex .normative}
        # Test rig

        Text.

        (report)=
        {.annex .informative}
        # Report form

        Text.
        """, []),
    Case("st012-order-zh", "ST012", "zh", "gb", """
        # 试验

        试样应按[](#b)的规定制备。

        试验应按[](#a)的规定进行。

        (a)=
        {.annex .normative}
        # 试验方法

        文字。

        (b)=
        {.annex .normative}
        # 试样制备

        文字。
        """, [3]),
    # ST013 back matter --------------------------------------------------------------------------------
    Case("st013-zh-bad", "ST013", "zh", "gb", """
        # 要求

        文字。

        {.bibliography}
        # 参考文献

        GB/T 1.1—2020

        {.annex .informative}
        # 示例

        文字。
        """, [11], severity="error"),
    Case("st013-zh-good", "ST013", "zh", "gb", """
        # 要求

        文字。

        {.annex .informative}
        # 示例

        文字。

        {.bibliography}
        # 参考文献

        GB/T 1.1—2020

        {.index}
        # 索引

        文字。
        """, []),
    Case("st013-en-bad", "ST013", "en", "iso", """
        # Requirements

        Text.

        {.index}
        # Index

        Text.

        {.bibliography}
        # Bibliography

        ISO 1
        """, [11]),
    Case("st013-en-good", "ST013", "en", "iso", """
        # Requirements

        Text.

        {.bibliography}
        # Bibliography

        ISO 1

        {.index}
        # Index

        Text.
        """, []),
    # ST014 fixed titles -------------------------------------------------------------------------------
    Case("st014-zh-bad", "ST014", "zh", "gb", """
        {.normative-references}
        # 引用文件

        本文件没有规范性引用文件。

        {.terms}
        # 术语

        本文件没有需要界定的术语和定义。
        """, [2, 7], severity="error"),
    Case("st014-zh-good", "ST014", "zh", "gb", """
        {.normative-references}
        # 规范性引用文件

        本文件没有规范性引用文件。

        {.terms}
        # 术语、定义和缩略语

        本文件没有需要界定的术语和定义。
        """, []),
    Case("st014-en-bad", "ST014", "en", "iso", """
        {.normative-references}
        # References

        There are no normative references in this document.

        {.terms}
        # Terms and Definitions

        No terms and definitions are listed in this document.
        """, [2, 7]),
    Case("st014-en-good", "ST014", "en", "iso", """
        {.normative-references}
        # Normative references

        There are no normative references in this document.

        {.terms}
        # Terms, definitions and abbreviated terms

        No terms and definitions are listed in this document.

        # References to other work

        Titles of clauses without a role are not checked.
        """, []),
    # ST020 GB foreword --------------------------------------------------------------------------------
    Case("st020-zh-good", "ST020", "zh", "gb", GB_FOREWORD, []),
    Case("st020-zh-bad", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        本文件由中华人民共和国工业和信息化部提出。

        本文件起草单位：样例标准化研究院。

        本文件主要起草人：张××。
        """, [2, 4], severity="error",
         messages=("foreword: the statement of the responsible committee (归口) is missing", "前言：归口信息缺失")),
    Case("st020-zh-no-drafters", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。
        """, [2], messages=("foreword: item g), the statement of the drafting organisations and principal drafters "
                            "is missing",)),
    Case("st020-zh-no-principal-drafters", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。

        本文件起草单位：样例标准化研究院。
        """, [2], messages=("foreword: the statement of the principal drafters is missing", "前言：主要起草人的说明缺失")),
    Case("st020-zh-wording", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2009给出的规则起草。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。

        本文件起草单位：样例标准化研究院。

        本文件主要起草人：张××。
        """, [4]),
    Case("st020-zh-replaces-bad", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        本文件代替GB/T 12345—2009《样例》，与GB/T 12345—2009相比，除结构调整和编辑性改动外，主要技术变化如下：

        - 增加了鲁棒性指标（见6.3）；
        - 删除了效率指标。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。

        本文件起草单位：样例标准化研究院。

        本文件主要起草人：张××。
        """, [2, 9], meta={"replaces": "GB/T 12345—2009"}),
    Case("st020-zh-replaces-good", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        本文件代替GB/T 12345—2009《样例》，与GB/T 12345—2009相比，除结构调整和编辑性改动外，主要技术变化如下：

        - 增加了鲁棒性指标（见6.3）；
        - 删除了效率指标（见2009年版的5.4）。

        本文件等同采用ISO/IEC 23053:2022《样例》。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。

        本文件起草单位：样例标准化研究院。

        本文件主要起草人：张××。

        本文件及其所代替文件的历次版本发布情况为：

        - 2009年首次发布为GB/T 12345—2009；
        - 本次为第一次修订。
        """, [], meta={"replaces": "GB/T 12345—2009", "adoption": {"document": "ISO/IEC 23053:2022",
                                                                    "degree": "IDT"}}),
    Case("st020-zh-adoption-bad", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        本文件修改采用ISO/IEC 23053:2022《样例》。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。

        本文件起草单位：样例标准化研究院。

        本文件主要起草人：张××。
        """, [6], meta={"adoption": {"document": "ISO/IEC 23053:2022", "degree": "IDT"}}),
    Case("st020-zh-part", "ST020", "zh", "gb", GB_FOREWORD, [2],
         meta={"designation": "GB/T XXXXX.2—XXXX"}),
    Case("st020-zh-part-good", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        本文件是GB/T XXXXX《人工智能　机器学习模型》的第2部分。GB/T XXXXX已经发布了以下部分：

        - 第1部分：术语。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由全国信息技术标准化技术委员会（SAC/TC 28）归口。

        本文件起草单位：样例标准化研究院。

        本文件主要起草人：张××。
        """, [], meta={"designation": "GB/T XXXXX.2—XXXX"}),
    Case("st020-en-good", "ST020", "en", "gb", """
        {.foreword}
        # Foreword

        This document is drafted in accordance with the rules given in GB/T 1.1—2020 *Directives for
        standardization — Part 1: Rules for the structure and drafting of standardizing documents*.

        Attention is drawn to the possibility that some of the elements of this document may be the subject of
        patent rights. The issuing body of this document shall not be held responsible for identifying any or all
        such patent rights.

        This document was proposed by and is under the jurisdiction of SAC/TC 28.

        The drafting organizations of this document: Sample Institute.

        The main drafters of this document: Zhang San.
        """, []),
    Case("st020-en-bad", "ST020", "en", "gb", """
        {.foreword}
        # Foreword

        Attention is drawn to the possibility that some of the elements of this document may be the subject of
        patent rights. The issuing body of this document shall not be held responsible for identifying any or all
        such patent rights.

        This document was proposed by and is under the jurisdiction of SAC/TC 28.

        The drafting organizations of this document: Sample Institute.

        The main drafters of this document: Zhang San.
        """, [2]),
    Case("st020-amendment", "ST020", "zh", "gb", """
        {.foreword}
        # 前言

        本修改单由全国信息技术标准化技术委员会提出。
        """, [], meta={"doctype": "amendment"}),
    # ST021 ISO foreword -------------------------------------------------------------------------------
    Case("st021-en-good", "ST021", "en", "iso", """
        {.foreword}
        # Foreword

        {.boilerplate}
        ISO and IEC shall not be held responsible for identifying any or all such patent rights.

        This document was prepared by Joint Technical Committee ISO/IEC JTC 1, *Information technology*,
        Subcommittee SC 42, *Artificial intelligence*.
        """, []),
    Case("st021-en-bad", "ST021", "en", "iso", """
        {.foreword}
        # Foreword

        This document was written by experts.
        """, [2], severity="warning"),
    Case("st021-en-replaces-bad", "ST021", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.

        Replaces ISO 1234:2010.
        """, [2], meta={"replaces": "ISO 1234:2010"}),
    Case("st021-en-replaces-good", "ST021", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.

        This second edition cancels and replaces the first edition (ISO 1234:2010), which has been technically
        revised.

        The main changes are as follows:

        - Clause 5 has been added.

        A list of all parts in the ISO 1234 series can be found on the ISO website.
        """, [], meta={"replaces": "ISO 1234:2010", "designation": "ISO/IEC CD XXXXX-2"}),
    Case("st021-en-part-bad", "ST021", "en", "iso", """
        {.foreword}
        # Foreword

        This document was prepared by Technical Committee ISO/TC 1.
        """, [2], meta={"designation": "ISO/IEC CD XXXXX-2"}),
    # ST022 GB cover metadata --------------------------------------------------------------------------
    Case("st022-zh-bad", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [2, 2, 2, 7], file="index.md",
         severity="error"),
    Case("st022-zh-good", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [], meta={**GB_COVER, "title": TITLES}),
    Case("st022-en-bad", "ST022", "en", "gb", "# Requirements\n\nText.\n", [7], file="index.md",
         meta=GB_COVER),
    Case("st022-en-good", "ST022", "en", "gb", "# Requirements\n\nText.\n", [],
         meta={**GB_COVER, "title": TITLES}),
    Case("st022-published", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [2, 2, 2], file="index.md",
         meta={**GB_COVER, "title": TITLES, "stage": "published"}),
    Case("st022-published-year", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [2], file="index.md",
         meta={**GB_COVER, "title": TITLES, "stage": "published", "designation": "GB/T 12345—2024",
               "issued": "2023-05-10", "implemented": "2023-12-01"}),
    Case("st022-published-good", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [],
         meta={**GB_COVER, "title": TITLES, "stage": "published", "designation": "GB/T 12345—2023",
               "issued": "2023-05-10", "implemented": "2023-12-01", "replaces": "GB/T 12345—2009",
               "adoption": {"document": "ISO/IEC 23053:2022", "degree": "IDT"}}),
    Case("st022-sector", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [2], file="index.md",
         meta={**GB_COVER, "title": TITLES, "stage": "published", "designation": "YD/T 1234—2024",
               "issued": "2024-05-10", "implemented": "2024-12-01"}),
    Case("st022-undated", "ST022", "zh", "gb", "# 要求\n\n文字。\n", [17, 19], file="index.md",
         meta={**GB_COVER, "title": TITLES, "replaces": "GB/T 12345",
               "adoption": {"document": "ISO/IEC 23053", "degree": "IDT"}}),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    return run_cases(tmp_path_factory.mktemp("lint-st"), CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case, results):
    check(case, results[case.id])


def test_every_rule_has_cases_in_each_language():
    """A failing and a passing case per ST rule and language it supports."""
    from tooling.lint.registry import all_rules

    for rule in all_rules():
        if not rule.code.startswith("ST"):
            continue
        for lang in rule.languages:
            own = [c for c in CASES if c.code == rule.code and c.lang == lang]
            assert any(c.lines for c in own), (rule.code, lang, "no failing case")
            assert any(not c.lines for c in own), (rule.code, lang, "no passing case")


def test_suppressed_finding_keeps_its_reason(results):
    reasons = [f.suppressed for f in results["st003-en-good"]]
    assert reasons == ["kept from the 2019 edition"]
    assert [f.suppressed for f in results["st004-en-good"]] == ["class allow-ST004"]


def test_messages_name_the_clause(results):
    (lone,) = [f for f in results["st004-en-bad"]]
    assert lone.message.startswith("A.1 'General' is the only subclause of Annex A 'Test rig'"), lone.message
    first, second = sorted(results["st001-en-bad"], key=lambda f: f.line)
    assert "Foreword" in first.message and "Clause 1 'Scope'" in first.message
    assert "second" in second.message and "重复" in second.message_zh


def test_annex_intro_can_be_allowed(tmp_path):
    """ST003: introductory text of an annex is accepted when the project configures it."""
    case = Case("annex-intro", "ST003", "en", "iso", """
        {.annex .informative}
        # Examples

        This annex gives examples.

        ## First

        Text.

        ## Second

        Text.
        """, [])
    write_cases(tmp_path, [case])
    with open(tmp_path / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('std_lint = {"ST003": {"allow_annex_intro": True}}\n')
    result = Project(tmp_path).sphinx("dummy", tmp_path / "build" / "dummy", fresh=True)
    findings = result.app.env.domains["standard"].data["findings"]
    assert not [f for items in findings.values() for f in items if f.code == "ST003"]


REPO = Path(__file__).resolve().parents[2]


def _st_findings(result) -> list:
    domain = result.app.env.domains["standard"]
    findings = [f for items in domain.data["findings"].values() for f in items]
    findings += [f for items in domain.data["standard_findings"].values() for f in items]
    return [f for f in findings if f.code.startswith("ST") and f.suppressed is None]


def test_samples_follow_the_structure_rules(tmp_path):
    """The two sample standards were written to follow the rules: no ST finding."""
    shutil.copy(REPO / "conf.py", tmp_path / "conf.py")
    shutil.copytree(REPO / "standards", tmp_path / "standards")
    result = Project(tmp_path).sphinx("dummy", tmp_path / "build" / "dummy", fresh=True)
    assert [(Path(f.file).name, f.line, f.code, f.message) for f in _st_findings(result)] == []


def test_real_texts_report_real_deviations(tmp_path, corpus):
    """Imported OpenChain DIS texts: only what really deviates (no foreword, the scope's wording,
    no normative references and a non-standard terms title in the Chinese translation)."""
    source = corpus / "openchain-18974" / "official"
    for name, lang in (("DIS-18974-initial-en.md", "en"), ("DIS-18974-initial-zh-Hans.md", "zh")):
        import_standard(source / name, designation="ISO/IEC DIS 18974", lang=lang, profile=None, translation=None,
                        stage=None, target=tmp_path / "standards" / f"dis-{lang}", date="2026-01-01")
    result = Project(tmp_path).sphinx("dummy", tmp_path / "build" / "dummy", fresh=True)
    got = sorted((f.standard, Path(f.file).name, f.code) for f in _st_findings(result))
    assert got == [
        ("dis-en", "01-introduction.md", "ST001"),  # no foreword
        ("dis-en", "02-scope.md", "ST010"),  # "This specification contains …"
        ("dis-zh", "01-gui-fan-jie-shao.md", "ST001"),  # no foreword
        ("dis-zh", "02-fan-wei.md", "ST010"),  # "本规范规定了…"
        ("dis-zh", "03-shu-yu-ding-yi-he-shi-li.md", "ST001"),  # no normative references clause
        ("dis-zh", "03-shu-yu-ding-yi-he-shi-li.md", "ST014"),  # 术语、定义和示例
    ], got
