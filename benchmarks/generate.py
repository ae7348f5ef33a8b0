"""Synthetic Chinese standards for the benchmarks (deterministic, seeded).

Every sentence is assembled here from the word lists below (written for these
benchmarks; no corpus text). Three inputs:

``gb300``  a GB-profile standard of 30 clauses × 10 subclauses (300 subclauses,
           ≈ 200 A4 pages): foreword, introduction, scope, normative references,
           40 term entries, body clauses with notes, examples, lists, tables (some
           with table notes), formulas with their ``{where}`` list, figures (SVG),
           untitled subclauses, footnotes, internal references ``[](#id)`` and
           citations, a normative and an informative annex, a bibliography.
``c06``    field case C06: a short standard whose informative annex holds one
           ``{table}`` of 2,000 rows × 3 columns of Chinese text (≈ 60 pages).
``c02``    field case C02: a standard whose body fits on one page.

Each goes into its own repository (``conf.py`` with ``from tooling.config import *``
plus ``standards/index.md``, the catalogue page, and ``standards/<slug>/``)::

    .venv/bin/python benchmarks/generate.py OUTDIR [--only gb300,c06,c02]

writes ``OUTDIR/<name>/`` for each. The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from tooling.importer.writer import CATALOGUE_PAGE

__all__ = ["GENERATORS", "SLUGS", "Writer", "make_repository", "write_c02", "write_c06", "write_gb300"]

SEED = 18974

# -- word lists (written for these benchmarks) -------------------------------------------------------------

SUBJECTS = [
    "数据处理系统", "测量装置", "试验样品", "管理机构", "信息系统", "控制单元", "检测设备", "软件组件", "供应方",
    "使用方", "评估机构", "运行环境", "记录文件", "配置参数", "接口协议", "安全策略", "操作人员", "校准程序",
    "传感器", "存储介质", "服务平台", "运维团队", "检验机构", "被测对象", "采样装置", "监控模块", "备份系统",
    "通信链路", "身份鉴别机制", "访问控制功能", "日志记录功能", "加密模块", "电源单元", "显示终端", "计量器具",
    "质量管理体系", "应急预案", "技术文件", "产品说明书", "验收小组", "第三方实验室", "制造商", "委托方",
]
ATTRIBUTES = [  # (quantity, unit, lowest, highest)
    ("响应时间", "ms", 5, 800), ("测量不确定度", "%", 1, 10), ("平均无故障工作时间", "h", 1000, 50000),
    ("额定电压", "V", 12, 380), ("工作温度", "°C", -40, 85), ("存储容量", "GB", 16, 4096),
    ("在线率", "%", 90, 99), ("保留期限", "d", 30, 3650), ("采样频率", "Hz", 50, 5000),
    ("校准周期", "d", 30, 730), ("恢复时间", "min", 1, 240), ("吞吐量", "次/s", 10, 5000), ("误报率", "%", 1, 20),
    ("识别准确率", "%", 80, 99), ("相对湿度", "%", 10, 95), ("绝缘电阻", "MΩ", 2, 500), ("泄漏电流", "mA", 1, 10),
    ("输出功率", "W", 5, 2000), ("传输速率", "Mbit/s", 10, 1000), ("加载时间", "s", 1, 60),
    ("分辨力", "mm", 1, 50), ("质量", "kg", 1, 60), ("噪声", "dB", 30, 85), ("大气压力", "kPa", 80, 110),
]
VERBS = [
    ("应", "符合"), ("应", "满足"), ("应", "记录"), ("应", "保存"), ("应", "定期检查"), ("应", "评审"),
    ("应", "建立并保持"), ("应", "明确规定"), ("应", "验证"), ("应", "提供"), ("宜", "采用"), ("宜", "评估"),
    ("宜", "优先选用"), ("宜", "定期更新"), ("可", "参考"), ("可", "增加"), ("可", "简化"), ("能", "支持"),
    ("能", "识别"), ("不应", "降低"), ("不应", "改变"), ("应", "识别并控制"), ("宜", "汇总分析"),
]
OBJECTS = [
    "相应的技术要求", "规定的精度等级", "预期的使用条件", "书面程序", "变更记录", "检验结果", "全部原始数据",
    "异常事件的处理过程", "关键参数的设定值", "与安全有关的配置", "供应链中的风险", "适用的法律法规要求",
    "试验前后的状态", "所用仪器的校准状态", "人员的资格和培训记录", "第三方组件的来源信息", "已知的缺陷清单",
    "数据的分类分级结果", "测试用例及其预期结果", "运行过程中的性能指标", "维护和修理的记录", "用户的反馈意见",
    "软件版本和配置的对应关系", "各项指标的判定依据", "残余风险的评估结论", "设备的标识和状态", "有效的访问授权",
]
CONDITIONS = [
    "首次投入使用", "系统发生重大变更", "环境条件超出规定范围", "检测结果不符合要求", "供应方发生变化",
    "数据量显著增加", "出现安全事件", "设备经过维修", "运行时间超过规定期限", "委托方提出书面要求",
    "相关标准修订", "连续三次测量结果偏离", "软件升级", "采用新的测量方法", "更换关键部件",
]
PURPOSES = [
    "保证测量结果的溯源性", "降低误操作的风险", "便于事后审核", "确保结果具有可比性", "防止数据被未经授权地修改",
    "提高检验效率", "保证业务的连续性", "支持持续改进", "减少对环境的影响", "保护个人信息",
]
TITLE_HEADS = [
    "总体", "设计", "材料", "结构", "性能", "安全", "环境适应性", "电磁兼容", "软件", "数据", "接口", "标识",
    "包装", "运输", "贮存", "安装", "运行", "维护", "检验", "试验", "记录", "报告", "人员", "设施", "文件",
    "供应链", "风险", "变更", "应急", "验收",
]
TITLE_TAILS = [
    "一般要求", "技术要求", "性能要求", "安全要求", "试验方法", "检验规则", "判定准则", "管理要求", "记录要求",
    "验证方法", "评价方法", "控制措施", "条件", "程序", "准备", "实施", "结果处理", "报告内容", "职责", "资源",
]
TERM_WORDS = [
    "测量", "数据", "样品", "系统", "组件", "接口", "日志", "配置", "校准", "基准", "阈值", "偏差", "容量",
    "周期", "链路", "策略", "模块", "终端", "证据", "记录", "批次", "通道", "节点", "版本",
]
TERM_SUFFIXES = ["单元", "过程", "要求", "结果", "条件", "方法", "等级", "状态", "范围", "清单"]
EN_WORDS = [
    "measurement", "data", "sample", "system", "component", "interface", "log", "configuration", "calibration",
    "reference", "threshold", "deviation", "capacity", "period", "link", "policy", "module", "terminal",
    "evidence", "record", "batch", "channel", "node", "version",
]
EN_SUFFIXES = ["unit", "process", "requirement", "result", "condition", "method", "level", "state", "range", "list"]
CITED = [  # cited undated in the normative references; the catalogue holds the editions (year)
    ("GB/T 2423.1", "环境试验　第2部分：试验方法　试验A：低温", 2008),
    ("GB/T 8170", "数值修约规则与极限数值的表示和判定", 2008),
    ("GB/T 17626.2", "电磁兼容　试验和测量技术　静电放电抗扰度试验", 2018),
    ("GB/T 19001", "质量管理体系　要求", 2016),
    ("GB/T 22239", "信息安全技术　网络安全等级保护基本要求", 2019),
    ("GB/T 27025", "检测和校准实验室能力的通用要求", 2019),
]
BIBLIOGRAPHY = [
    ("GB/T 1.1—2020", "标准化工作导则　第1部分：标准化文件的结构和起草规则"),
    ("GB/T 20000.1—2014", "标准化工作指南　第1部分：标准化和相关活动的通用术语"),
    ("GB/T 19000—2016", "质量管理体系　基础和术语"),
    ("ISO/IEC 27001:2022", "Information security, cybersecurity and privacy protection — "
                           "Information security management systems — Requirements"),
]
TABLE_NAMES = ["主要技术参数", "检验项目", "试验条件", "判定准则", "记录内容", "抽样方案", "环境等级", "人员职责"]
TABLE_HEADS = [("项目", "要求", "试验方法"), ("参数", "数值", "允许偏差"), ("等级", "条件", "说明"),
               ("检验项目", "出厂检验", "型式检验"), ("内容", "保存期限", "责任方")]
ROW_NAMES = ["外观", "尺寸", "质量", "启动时间", "静态功耗", "连续运行", "数据导出", "告警", "自检", "断电恢复",
             "时钟同步", "权限变更", "固件校验", "通信中断", "高温运行", "低温贮存", "振动", "跌落", "盐雾", "湿热"]
C06_KINDS = ["设备", "软件", "数据", "服务", "文件", "部件", "接口", "平台", "仪器", "系统"]
FORMULAS = [
    (r"U = \frac{1}{n} \sum_{i=1}^{n} \left| x_i - \bar{x} \right|", [
        ("U", "平均绝对偏差"), ("n", "测量次数"), ("x_i", "第$i$次测量的结果"), (r"\bar{x}", "$n$次测量结果的算术平均值")]),
    (r"R = \frac{t_\mathrm{f}}{t_\mathrm{f} + t_\mathrm{r}} \times 100\,\%", [
        ("R", "可用率"), (r"t_\mathrm{f}", "规定期间内的正常运行时间，单位为小时（h）"),
        (r"t_\mathrm{r}", "规定期间内的故障修复时间，单位为小时（h）")]),
    (r"s = \sqrt{\frac{1}{n-1} \sum_{i=1}^{n} \left( x_i - \bar{x} \right)^2}", [
        ("s", "实验标准偏差"), ("n", "测量次数"), ("x_i", "第$i$次测量的结果"), (r"\bar{x}", "测量结果的算术平均值")]),
    (r"E = \frac{N_\mathrm{f}}{N_\mathrm{t}}", [
        ("E", "误报率"), (r"N_\mathrm{f}", "被错误判定为异常的事件数"), (r"N_\mathrm{t}", "正常事件总数")]),
]


class Writer:
    """Chinese text from the word lists, driven by one seeded random generator."""

    def __init__(self, seed: int = SEED, cite: bool = True) -> None:
        self.rng = random.Random(seed)
        self.cite = cite  # False: no citations (a standard without normative references)
        self.refs: list[str] = []  # IDs already written (clauses, tables …): targets of [](#id)
        self.terms: list[str] = []  # term entry IDs

    def pick(self, items):
        return items[self.rng.randrange(len(items))]

    def quantity(self) -> tuple[str, str, str]:
        """A quantity with two values in its unit, lower first: ``("响应时间", "20 ms", "350 ms")``."""
        name, unit, low, high = self.pick(ATTRIBUTES)
        a, b = (str(n).replace("-", "\u2212") for n in sorted(self.rng.sample(range(low, high + 1), 2)))  # minus sign
        return name, f"{a} {unit}", f"{b} {unit}"

    def value(self) -> tuple[str, str]:
        name, one, _ = self.quantity()
        return name, one

    def sentence(self) -> str:
        subject, obj = self.pick(SUBJECTS), self.pick(OBJECTS)
        attribute, low, high = self.quantity()
        modal, verb = self.pick(VERBS)
        form = self.rng.randrange(9)
        if form == 0:
            return f"{subject}{modal}{verb}{obj}。"
        if form == 1:
            return f"在{self.pick(CONDITIONS)}时，{subject}{modal}{verb}{obj}，并{self.pick(VERBS)[1]}{self.pick(OBJECTS)}。"
        if form == 2:
            bound = self.pick(["不低于", "不大于", "不超过", "不小于", "应在"])
            if bound == "应在":
                return f"{subject}的{attribute}应在{low}至{high}之间。"
            return f"{subject}的{attribute}{modal if modal in ('应', '宜') else '应'}{bound}{low}。"
        if form == 3 and self.refs:
            return f"对于{subject}，{modal}按{self.ref()}的规定{verb}{obj}。"
        if form == 4:
            return f"为{self.pick(PURPOSES)}，{subject}{modal}{verb}{obj}。"
        if form == 5 and self.terms:
            return f"{subject}{modal}{verb}与[](#{self.pick(self.terms)})有关的{obj}。"
        if form == 6 and self.cite:
            code = self.pick(CITED)[0]
            return f"{subject}的{attribute}{modal}按{{cite}}`{code}`规定的方法确定。"
        if form == 7:
            return f"除{self.pick(CONDITIONS)}的情形外，{subject}{modal}{verb}{obj}，以{self.pick(PURPOSES)}。"
        return f"{subject}和{self.pick(SUBJECTS)}{modal}共同{verb}{obj}，{self.pick(SUBJECTS)}{self.pick(['宜', '可'])}予以协助。"

    def ref(self) -> str:
        return f"[](#{self.pick(self.refs)})"

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return "".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        return self.pick(TITLE_HEADS) + self.pick(TITLE_TAILS)

    def informative(self) -> str:
        """A sentence without provisions (no 应, 宜, 可, 能): notes and examples carry none."""
        subject, obj = self.pick(SUBJECTS), self.pick(OBJECTS)
        attribute, low, high = self.quantity()
        form = self.rng.randrange(6)
        if form == 0:
            return f"{subject}的{attribute}通常在{low}至{high}之间。"
        if form == 1:
            return f"{obj}一般由{subject}提供，并在{self.pick(CONDITIONS)}时更新。"
        if form == 2:
            return f"这里的{subject}包括{self.pick(SUBJECTS)}和{self.pick(SUBJECTS)}。"
        if form == 3 and self.refs:
            return f"{self.ref()}给出了与{obj}有关的补充信息。"
        if form == 4 and self.cite:
            return f"关于{obj}的更多信息见{{cite-informative}}`{self.pick(BIBLIOGRAPHY)[0]}`。"
        return f"本条所述要求的目的是{self.pick(PURPOSES)}。"

    def informative_paragraph(self) -> str:
        return "".join(self.informative() for _ in range(self.rng.randint(3, 5)))

    def note(self) -> str:
        return f":::{{note}}\n{''.join(self.informative() for _ in range(self.rng.randint(1, 3)))}\n:::"

    def example(self) -> str:
        attribute, low, high = self.quantity()
        return (f":::{{example}}\n{self.pick(SUBJECTS)}在{self.pick(CONDITIONS)}后，"
                f"{attribute}由{low}变为{high}，{self.pick(VERBS)[1]}{self.pick(OBJECTS)}。\n:::")

    def bullet_list(self, ordered: bool = False) -> str:
        count = self.rng.randint(3, 5)
        items = [f"{self.pick(SUBJECTS)}{self.pick(VERBS)[1]}{self.pick(OBJECTS)}" for _ in range(count)]
        items = [item + ("；" if i < len(items) - 1 else "。") for i, item in enumerate(items)]
        return "\n".join(f"{'1.' if ordered else '-'} {item}" for item in items)

    def table(self, ident: str, rows: int, notes: bool) -> str:
        heads = self.pick(TABLE_HEADS)
        fence = "::::" if notes else ":::"
        lines = [f"({ident})=", f"{fence}{{table}} {self.pick(TABLE_NAMES)}",
                 "| " + " | ".join(heads) + " |", "| --- | --- | --- |"]
        for _ in range(rows):
            attribute, low = self.value()
            lines.append(f"| {self.pick(ROW_NAMES)} | {attribute}不低于{low} | "
                         f"{self.pick(['目视检查', '按' + self.ref() if self.refs else '仪器测量', '查阅记录', '功能试验'])} |")
        if notes:  # the table's note, inside its frame
            lines += ["", ":::{note}", self.informative(), ":::"]
        lines.append(fence)
        return "\n".join(lines)

    def formula(self, ident: str) -> str:
        latex, symbols = self.pick(FORMULAS)
        where = "\n\n".join(f"${symbol}$\n: {meaning}{'；' if i < len(symbols) - 1 else '。'}"
                            for i, (symbol, meaning) in enumerate(symbols))
        return f"$$\n{latex}\n$$ ({ident})\n\n:::{{where}}\n{where}\n:::"


def figure_svg(text: str, boxes: int) -> str:
    """A small flow diagram: ``boxes`` labelled boxes joined by arrows."""
    width = 120 * boxes + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="80" viewBox="0 0 {width} 80">']
    for i in range(boxes):
        x = 10 + 120 * i
        parts.append(f'<rect x="{x}" y="20" width="90" height="40" fill="none" stroke="black"/>'
                     f'<text x="{x + 45}" y="45" text-anchor="middle" font-size="12">{text}{i + 1}</text>')
        if i:
            parts.append(f'<line x1="{x - 30}" y1="40" x2="{x}" y2="40" stroke="black"/>')
    parts.append("</svg>")
    return "".join(parts) + "\n"


# -- files of a standard ----------------------------------------------------------------------------------


@dataclass
class Standard:
    slug: str
    front: str
    files: dict[str, str] = field(default_factory=dict)  # name -> text, in toctree order
    images: dict[str, str] = field(default_factory=dict)  # images/<name> -> SVG

    def write(self, srcdir: Path) -> Path:
        folder = srcdir / self.slug
        if folder.exists():
            shutil.rmtree(folder)
        (folder / "images").mkdir(parents=True)
        # files are named NN-<name>, as `std import` names them (a file name equal to a label is ambiguous
        # for plain MyST's [](#label), which would also find the document)
        names = {name: f"{i:02d}-{name}" for i, name in enumerate(self.files, 1)}
        toctree = "\n".join(names.values())
        (folder / "index.md").write_text(f"---\n{self.front.strip()}\n---\n\n```{{toctree}}\n{toctree}\n```\n",
                                         encoding="utf-8")
        for name, text in self.files.items():
            (folder / f"{names[name]}.md").write_text(text.strip() + "\n", encoding="utf-8")
        for name, svg in self.images.items():
            (folder / "images" / name).write_text(svg, encoding="utf-8")
        return folder


def front_matter(main: str, en: str, complementary: str | None = None) -> str:
    comp = f", complementary: {complementary}" if complementary else ""
    comp_en = ", complementary: Performance test" if complementary else ""
    return textwrap.dedent(f"""\
        designation: GB/T XXXXX—XXXX
        profile: gb
        language: zh
        doctype: standard
        stage: 征求意见稿
        draft_date: 2026-11-20
        title:
          zh: {{introductory: 基准测试, main: {main}{comp}}}
          en: {{introductory: Benchmark, main: {en}{comp_en}}}
        ics: 35.240.01
        ccs: L 70
        committee: 样例标准化技术委员会
        proposer: 样例标准化研究院
        drafting_organisations: [样例标准化研究院, 样例检测中心]
        drafters: [张××, 李××, 王××]
        issuer: [样例标准化管理机构]
        sample: true
        """)


def common_front(w: Writer) -> dict[str, str]:
    foreword = textwrap.dedent("""\
        (foreword)=
        {.foreword}
        # 前言

        本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。

        请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。

        本文件由样例标准化研究院提出并归口。

        本文件起草单位：样例标准化研究院、样例检测中心。

        本文件主要起草人：张××、李××、王××。
        """)
    scope = (f"(scope)=\n{{.scope}}\n# 范围\n\n本文件规定了{w.pick(SUBJECTS)}的{w.pick(TITLE_TAILS)}，"
             f"描述了相应的{w.pick(TITLE_TAILS)}。\n\n本文件适用于{w.pick(SUBJECTS)}的设计、制造、检验和使用。\n")
    return {"foreword": foreword, "scope": scope}


def normative_references() -> str:
    lines = ["(normative-references)=", "{.normative-references}", "# 规范性引用文件", "",
             "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
             "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"]
    for code, title, _ in CITED:
        lines += ["", f"{{cite}}`{code}`　{title}"]
    return "\n".join(lines)


def write_gb300(srcdir: Path, clauses: int = 30, subclauses: int = 10, paragraphs: int = 5,
                seed: int = SEED, slug: str = "gb-t-synth-300") -> Path:
    """The ≈ 200-page standard: ``clauses`` × ``subclauses`` body subclauses."""
    w = Writer(seed)
    std = Standard(slug, front_matter("合成文本", "Synthetic text", "性能评价用标准"))
    front = common_front(w)
    std.files["foreword"] = front["foreword"]
    std.files["introduction"] = (
        "(introduction)=\n{.introduction}\n# 引言\n\n" + "\n\n".join(w.informative_paragraph() for _ in range(3)))
    std.files["scope"] = front["scope"]
    w.refs.append("scope")
    std.files["normative-references"] = normative_references()

    # terms: 40 entries, some with notes, examples, admitted/deprecated terms, sources
    terms = ["(terms-and-definitions)=", "{.terms}", "# 术语和定义", "", "下列术语和定义适用于本文件。"]
    seen = set()
    for i in range(40):
        while True:
            a, b = w.rng.randrange(len(TERM_WORDS)), w.rng.randrange(len(TERM_SUFFIXES))
            if (a, b) not in seen:
                seen.add((a, b))
                break
        ident = f"term-{EN_WORDS[a]}-{EN_SUFFIXES[b]}"
        nested = i % 4 == 0
        fence = "::::" if nested else ":::"
        lines = ["", f"({ident})=", f"{fence}{{term}} {TERM_WORDS[a]}{TERM_SUFFIXES[b]}",
                 f":en: {EN_WORDS[a]} {EN_SUFFIXES[b]}"]
        if i % 7 == 3:
            other = (b + 1) % len(TERM_SUFFIXES)
            lines += [f":admitted: {TERM_WORDS[a]}{TERM_SUFFIXES[other]}",
                      f":admitted-en: {EN_WORDS[a]} {EN_SUFFIXES[other]}"]
        if i % 11 == 5:
            other = (a + 1) % len(TERM_WORDS)
            lines += [f":deprecated: {TERM_WORDS[other]}{TERM_SUFFIXES[b]}",
                      f":deprecated-en: {EN_WORDS[other]} {EN_SUFFIXES[b]}"]
        if i % 5 == 2:
            lines.append(f":source: GB/T 20000.1—2014, 3.{i}")
        lines += ["", f"{w.pick(SUBJECTS)}中用于{w.pick(PURPOSES)}的{w.pick(OBJECTS)}。"]
        if w.terms and i % 3 == 1:
            lines[-1] = lines[-1][:-1] + f"，与[](#{w.pick(w.terms)})相关。"
        if nested:
            lines += ["", w.note() if i % 8 == 0 else w.example()]
        lines.append(fence)
        terms += lines
        w.terms.append(ident)
    std.files["terms"] = "\n".join(terms)
    w.refs.append("terms-and-definitions")

    table_no = formula_no = figure_no = footnote_no = 0
    for c in range(1, clauses + 1):
        cid = f"clause-{c:02d}"
        lines = [f"({cid})=", f"# {TITLE_HEADS[(c - 1) % len(TITLE_HEADS)]}要求"]  # no hanging paragraph
        if c == 1:
            lines += ["", "(annex-references)=", "## 补充试验方法和应用示例", "",
                      "补充试验应按[](#annex-a)的规定进行，其试验条件见[](#annex-a-table)，结果按[](#annex-a-formula)计算。"
                      "应用示例见[](#annex-b)。" + w.paragraph(2, 3)]
        used: set[str] = set()
        for s in range(1, subclauses + 1):
            sid = f"{cid}-{s:02d}"
            title = w.title()
            while title in used:  # sibling clauses have different titles
                title = w.title()
            used.add(title)
            lines += ["", f"({sid})=", f"## {title}", ""]
            kind = (c * subclauses + s) % 10
            if kind == 3:  # two untitled subclauses (number, full-width space, text)
                for u in (1, 2):
                    lines += [":::{clause}", f":name: {sid}-{u}", w.paragraph(2, 4), ":::", ""]
            else:
                for p in range(paragraphs):
                    text = w.paragraph(4, 6)
                    if kind == 7 and p == 0:
                        footnote_no += 1
                        text += f"[^fn-{footnote_no}]"
                        lines += [text, "", f"[^fn-{footnote_no}]: {w.informative()}", ""]
                    else:
                        lines += [text, ""]
            if kind in (1, 6):
                lines += [w.note(), ""]
                if kind == 6:
                    lines += [w.note(), ""]
            if kind == 2:
                lines += [f"{w.pick(SUBJECTS)}{w.pick(VERBS)[0]}包括下列内容：", "", w.bullet_list(kind % 2 == 0), ""]
            if kind == 4:
                lines += [w.example(), ""]
            if kind in (5, 9):
                table_no += 1
                tid = f"table-{table_no}"
                lines += [f"{w.pick(SUBJECTS)}的{w.pick(TITLE_TAILS)}见[](#{tid})。", "",
                          w.table(tid, w.rng.randint(4, 9), notes=table_no % 3 == 0), ""]
                w.refs.append(tid)
            if kind == 8 and (c + s) % 3 == 0:
                formula_no += 1
                fid = f"formula-{formula_no}"
                lines += [f"{w.value()[0]}按[](#{fid})计算。", "", w.formula(fid), ""]
                w.refs.append(fid)
            if kind == 0 and c % 10 == 0:
                figure_no += 1
                gid = f"figure-{figure_no}"
                std.images[f"flow-{figure_no}.svg"] = figure_svg("步骤", 3 + figure_no % 3)
                lines += [f"{w.pick(TITLE_HEADS)}流程见[](#{gid})。", "", f"({gid})=",
                          f":::{{figure}} images/flow-{figure_no}.svg", f":alt: {w.pick(TITLE_HEADS)}流程", "",
                          f"{w.pick(TITLE_HEADS)}流程", ":::", ""]
                w.refs.append(gid)
            w.refs.append(sid)
        std.files[cid] = "\n".join(lines)
        w.refs.append(cid)

    annex_a = ["(annex-a)=", "{.annex .normative}", "# 补充试验方法", ""]
    for s in range(1, 4):
        annex_a += [f"(annex-a-{s})=", f"## {w.title()}", "", w.paragraph(3, 5), ""]
    annex_a += [w.table("annex-a-table", 6, notes=True), "", w.formula("annex-a-formula")]
    std.files["annex-a"] = "\n".join(annex_a)
    annex_b = ["(annex-b)=", "{.annex .informative}", "# 应用示例", "",
               "(annex-b-1)=", "## 示例说明", "", w.informative_paragraph(), "", w.example(), "",
               "(annex-b-2)=", "## 示例结果", "", w.informative_paragraph()]
    std.files["annex-b"] = "\n".join(annex_b)
    std.files["bibliography"] = "\n".join(
        ["(bibliography)=", "{.bibliography}", "# 参考文献", ""]
        + [f"{i}. {{cite}}`{code}`　{title}" for i, (code, title) in enumerate(BIBLIOGRAPHY, 1)])
    return std.write(srcdir)


NO_NORMREFS = "(normative-references)=\n{.normative-references}\n# 规范性引用文件\n\n本文件没有规范性引用文件。\n"
NO_TERMS = "(terms-and-definitions)=\n{.terms}\n# 术语和定义\n\n本文件没有需要界定的术语和定义。\n"


def write_c06(srcdir: Path, rows: int = 2000, seed: int = SEED, slug: str = "gb-t-c06-table") -> Path:
    """Case C06: an informative annex holding one ``{table}`` of ``rows`` × 3 columns of Chinese text."""
    w = Writer(seed + 6, cite=False)
    std = Standard(slug, front_matter("大型表格", "Large table"))
    std.files.update(common_front(w))
    std.files["normative-references"] = NO_NORMREFS
    std.files["terms"] = NO_TERMS
    std.files["requirements"] = (
        "(requirements)=\n# 要求\n\n" + w.paragraph(3, 5) + "\n\n各类对象的编码见[](#annex-codes)的[](#code-table)。\n")
    lines = ["(annex-codes)=", "{.annex .informative}", "# 对象编码", "", "本附录给出对象的编码、名称和说明。", "",
             "(code-table)=", ":::{table} 对象编码表", "| 编码 | 名称 | 说明 |", "| --- | --- | --- |"]
    for i in range(1, rows + 1):
        kind = w.pick(C06_KINDS)
        name = f"{w.pick(TERM_WORDS)}{w.pick(TERM_WORDS)}{kind}"
        lines.append(f"| C{i:05d} | {name} | 用于{w.pick(PURPOSES)}的{kind} |")
    lines.append(":::")
    std.files["annex-codes"] = "\n".join(lines)
    return std.write(srcdir)


def write_c02(srcdir: Path, seed: int = SEED, slug: str = "gb-t-c02-one-page") -> Path:
    """Case C02: a standard whose body text fits on one page (no foreword, no annex)."""
    w = Writer(seed + 2, cite=False)
    std = Standard(slug, front_matter("单页文本", "One-page text"))
    std.files["foreword"] = common_front(w)["foreword"]
    std.files["scope"] = (f"(scope)=\n{{.scope}}\n# 范围\n\n本文件规定了{w.pick(SUBJECTS)}的{w.pick(TITLE_TAILS)}。"
                          f"\n\n本文件适用于{w.pick(SUBJECTS)}的设计和检验。\n")
    std.files["normative-references"] = NO_NORMREFS
    std.files["terms"] = NO_TERMS
    std.files["requirements"] = ("(requirements)=\n# 要求\n\n" + "\n\n".join(w.paragraph(3, 4) for _ in range(2))
                                 + "\n\n" + w.note() + "\n")
    return std.write(srcdir)


SLUGS = {"gb300": "gb-t-synth-300", "c06": "gb-t-c06-table", "c02": "gb-t-c02-one-page"}
GENERATORS = {"gb300": write_gb300, "c06": write_c06, "c02": write_c02}



def catalogue_yaml() -> str:
    """``standards/catalogue.yaml``: the documents the generated standards cite (so citations resolve)."""
    lines = ["# Documents the generated benchmark standards cite (benchmarks/generate.py)."]
    for code, title, year in CITED:
        lines += [f"- designation: {code}—{year}", f"  title: {title}"]
    for code, title in BIBLIOGRAPHY:
        lines += [f"- designation: {code}", f"  title: \"{title}\""]
    return "\n".join(lines) + "\n"


def make_repository(root: Path, project: str = "benchmark", catalogue: bool = True) -> Path:
    """An empty repository at ``root``: ``conf.py``, ``standards/index.md``, ``standards/catalogue.yaml``."""
    (root / "standards").mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(f'from tooling.config import *  # noqa: F403\n\nproject = "{project}"\n',
                                  encoding="utf-8")
    (root / "standards" / "index.md").write_text(CATALOGUE_PAGE, encoding="utf-8")
    if catalogue:
        (root / "standards" / "catalogue.yaml").write_text(catalogue_yaml(), encoding="utf-8")
    return root


def generate(outdir: Path, names: list[str], **options) -> dict[str, Path]:
    """One repository per input under ``outdir``; returns name -> repository root."""
    roots = {}
    for name in names:
        root = make_repository(outdir / name, f"benchmark {name}")
        GENERATORS[name](root / "standards", **options.get(name, {}))
        roots[name] = root
    return roots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the synthetic Chinese benchmark standards (deterministic).")
    parser.add_argument("outdir", type=Path, help="folder to write one repository per input into")
    parser.add_argument("--only", default="gb300,c06,c02", help="comma-separated subset of gb300, c06, c02")
    parser.add_argument("--clauses", type=int, default=30, help="gb300: body clauses (default 30)")
    parser.add_argument("--subclauses", type=int, default=10, help="gb300: subclauses per clause (default 10)")
    parser.add_argument("--rows", type=int, default=2000, help="c06: table rows (default 2000)")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = set(names) - set(GENERATORS)
    if unknown:
        parser.error(f"unknown input(s): {', '.join(sorted(unknown))}")
    options = {"gb300": {"clauses": args.clauses, "subclauses": args.subclauses}, "c06": {"rows": args.rows}}
    for name, root in generate(args.outdir, names, **options).items():
        print(f"{name}: {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
