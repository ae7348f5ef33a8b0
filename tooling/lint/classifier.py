"""The verbal-form classifier: which provisions a sentence expresses, in Chinese and English.

Verbal forms (ISO/IEC Directives Part 2, Clause 7, Tables 3–7; GB/T 1.1-2020
Annex C): requirement (应 / shall), recommendation (宜 / should), permission
(可 / may), possibility and capability (能 / can), each positive or negative,
in the preferred form or an equivalent one; and the forms the rules forbid
(必须 / must, 不可 / may not, "may" for possibility …).

Chinese text is segmented with jieba, and only in sentences that contain a
candidate character, so that 应用, 响应, 可靠, 功能, 需求 … are words of their
own and never count as provisions. A word counts only when it is exactly a
verbal form of the lexicon below. Recognised boilerplate (the patent notice,
the normative-references and terms lead-ins) is exempt (case C12).

The lint (VF, NE), the bilingual checks (BL002) and the diff (a change of
strength is technical) all use :func:`classify`.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

__all__ = ["Form", "classify", "is_boilerplate", "strongest", "STRENGTH"]

#: kind, polarity, preferred, forbidden rule (or "")
_ZH: dict[str, tuple[str, str, bool, str]] = {
    "应": ("requirement", "+", True, ""),
    "应该": ("requirement", "+", False, ""),
    "应当": ("requirement", "+", False, ""),
    "只准许": ("requirement", "+", False, ""),
    "必须": ("requirement", "+", False, "VF001"),
    "务必": ("requirement", "+", False, "VF001"),
    "不应": ("requirement", "-", True, ""),
    "不应该": ("requirement", "-", False, ""),
    "不得": ("requirement", "-", False, ""),
    "不准许": ("requirement", "-", False, ""),
    "严禁": ("requirement", "-", False, "VF004"),
    "不可": ("requirement", "-", False, "VF002"),
    "宜": ("recommendation", "+", True, ""),
    "推荐": ("recommendation", "+", False, ""),
    "建议": ("recommendation", "+", False, ""),
    "不宜": ("recommendation", "-", True, ""),
    "不推荐": ("recommendation", "-", False, ""),
    "不建议": ("recommendation", "-", False, ""),
    "可": ("permission", "+", True, ""),
    "可以": ("permission", "+", False, ""),
    "允许": ("permission", "+", False, ""),
    "不必": ("permission", "-", True, ""),
    "可以不": ("permission", "-", False, ""),
    "无须": ("permission", "-", False, ""),
    "无需": ("permission", "-", False, ""),
    "能": ("possibility", "+", True, ""),
    "只能": ("possibility", "+", True, ""),
    "能够": ("possibility", "+", False, ""),
    "可能": ("possibility", "+", True, ""),
    "有可能": ("possibility", "+", False, ""),
    "不能": ("possibility", "-", True, ""),
    "不能够": ("possibility", "-", False, ""),
    "不可能": ("possibility", "-", True, ""),
    "没有可能": ("possibility", "-", False, ""),
    "需要": ("requirement", "+", False, "VF004"),
    "需": ("requirement", "+", False, "VF004"),
    "尽量": ("recommendation", "+", False, "VF004"),
    "尽可能": ("recommendation", "+", False, "VF004"),
    "原则上": ("recommendation", "+", False, "VF004"),
    "要": ("requirement", "+", False, "VF004"),
    "不得不": ("requirement", "+", False, "VF004"),
    "不要": ("requirement", "-", False, "VF004"),
}
#: Words jieba must keep whole (their first character is a verbal form, the word is not).
_WORDS = ("可复现", "可重复", "可解释", "可追溯", "可验证", "可扩展", "可移植", "可维护", "可访问", "可配置", "可审计",
          "可度量", "可测量", "可比较", "可预测", "可理解", "可信赖", "可用性", "可靠性", "可获得", "可接受",
          "应急", "应激", "不可逆", "不可用", "不可见", "不可知", "可选", "可视化", "应答", "应用于",
          "相对应", "相应", "对应", "呼应", "照应", "适应", "响应", "反应", "供应", "回应", "感应", "效应",
          "可读", "可写", "可执行", "可下载", "可编辑", "可打印", "可检索", "可搜索", "可调", "可调节", "可更换",
          "可拆卸", "可燃", "可控", "可观测", "可复用", "可迁移", "可组合", "可替换", "可分离", "可识别",
          "允许误差", "允许偏差", "允许值", "允许范围", "未能", "委托方", "供方", "需方", "使用方", "开发方", "测试方",
          "提供方", "接收方", "第三方", "双方", "各方", "对方", "甲方", "乙方", "可能性", "能力", "可用性",
          "可用的",
          # 不予 "decline to" is a verb of its own: 可以不予受理 is 可以 / 不予 / 受理 ("may decline", a permission),
          # not the negative permission 可以不 / 予 / 受理 ("need not") that jieba would make of it
          "不予", "不予以")
#: Verbal forms jieba must split off the word they precede (应为 → 应 / 为, 应予以 → 应 / 予以): the split is made
#: after the longest verbal form the word begins with. jieba's dictionary joins 可 and 宜 with 予, 免 and 于 as it
#: does 应 (可予减免, 可免于检验, 宜于室温下进行: a permission, a recommendation), and 可 with an adverb or verb
#: (可任意选择, 可假定).
_SPLITS = ("应为", "应对", "应在", "应由", "应与", "应按", "应将", "应使", "应以", "应从", "应向", "应于", "应予",
           "可为", "可在", "可由", "可按", "可将", "可对", "可与", "宜为", "宜在", "宜由", "宜按", "宜将", "宜对",
           "能为", "不应为", "可用", "应有", "应具有", "应具备", "应尽", "应选", "宜选", "应大", "应明", "应采择",
           "可予", "可免", "可免于", "可于", "宜于", "可任意", "可假定")
#: jieba's dictionary also holds, at its lowest frequency, compounds of 应 or 宜 with the verb or adverb that follows
#: (应予以, 应立即, 应适当, 应给以, 应设, 应列 …): they would swallow the verbal form, so every such word is removed,
#: except real words (应用, 应急, 应答 … of ``_WORDS``, and the words that begin with them: 应用程序, 应急灯).
_RARE = 3
#: Words in which 需 is no verbal form: 所需(要) "required" (所需的资源), 如需(要)/若需(要) "if needed", 按需 "on
#: demand", 需要时 "when needed" (在需要时提供). jieba gets just the frequency that keeps each whole
#: (``suggest_freq``), so that words of its own dictionary still win: 场所 / 需要, 例如 / 需要, 如 / 需方.
_NEED_WORDS = ("所需", "所需要", "如需", "如需要", "若需", "若需要", "按需", "需要时")
#: Rare compounds of 需 that jieba's dictionary holds (需将, 需提交, 需承担, 需注意 …) swallow the form as 应 ones
#: do, and are removed the same way, except these words.
_NEED_KEEP = ("需方", "需求", "需知", "需款", "需沙出穴")
_CANDIDATES = re.compile("[应宜可能必务须得需尽许准允建推严原要]")
_VF003_ZH = re.compile(r"^(?:导致|引起|造成|发生|出现|产生)")
_NOT_BUKE = set("能靠逆燃见用分忽信读控知操")
_PUNCT = set("。，；：、！？）」』”,.;:!?)")
#: Words before 建议/推荐 that make it a noun (最新建议 "the latest advice", 专家建议 "expert advice").
_ADVICE_BEFORE = ("最新", "最佳", "专家", "相关", "上述", "这些", "此类", "以下", "下列", "具体", "改进")

_EN: list[tuple[re.Pattern, tuple[str, str, bool, str]]] = [
    (re.compile(r"\bshall\s+not\b", re.I), ("requirement", "-", True, "")),
    (re.compile(r"\bshall\b", re.I), ("requirement", "+", True, "")),
    (re.compile(r"\bmust\s+not\b"), ("requirement", "-", False, "VF001")),
    (re.compile(r"\bmust\b"), ("requirement", "+", False, "VF001")),
    (re.compile(r"\bMUST\b(?:\s+NOT\b)?"), ("requirement", "+", False, "VF001")),
    (re.compile(r"\b(?:do|does|did)\s+not\s+have\s+to\b|\b(?:don't|doesn't|didn't)\s+have\s+to\b", re.I),
     ("permission", "-", False, "")),
    (re.compile(r"\bis\s+(?:required\s+to|to\s+be)\b|\bit\s+is\s+(?:required|necessary)\s+that\b|\b(?:has|have)\s+to\b",
                re.I), ("requirement", "+", False, "")),
    (re.compile(r"\b(?:is|are)\s+not\s+mandatory\b", re.I), ("permission", "-", False, "VF004")),
    (re.compile(r"\b(?:is|are|be)\s+mandatory\b", re.I), ("requirement", "+", False, "VF004")),
    (re.compile(r"\bis\s+not\s+(?:allowed|permitted|acceptable|permissible)\b|\bis\s+required\s+to\s+be\s+not\b",
                re.I), ("requirement", "-", False, "")),
    (re.compile(r"\bshould\s+not\b", re.I), ("recommendation", "-", True, "")),
    (re.compile(r"\bshould\b", re.I), ("recommendation", "+", True, "")),
    (re.compile(r"\bit\s+is\s+recommended\s+that\b|\bought\s+to\b", re.I), ("recommendation", "+", False, "")),
    (re.compile(r"\bit\s+is\s+not\s+recommended\s+that\b|\bought\s+not\s+to\b", re.I),
     ("recommendation", "-", False, "")),
    (re.compile(r"\b(?:is|are)\s+not\s+recommended\b", re.I), ("recommendation", "-", False, "")),
    (re.compile(r"\b(?:is|are)\s+(?:strongly\s+)?recommended\b|\bwe\s+(?:(?:strongly|also|therefore)\s+)?recommend\b",
                re.I), ("recommendation", "+", False, "")),
    (re.compile(r"\bmay\s+not\b", re.I), ("requirement", "-", False, "VF002")),
    (re.compile(r"\bmay\b", re.I), ("permission", "+", True, "")),
    (re.compile(r"\bis\s+(?:permitted|allowed)\b", re.I), ("permission", "+", False, "")),
    (re.compile(r"\bneed\s+not\b", re.I), ("permission", "-", True, "")),
    (re.compile(r"\bit\s+is\s+not\s+required\s+that\b", re.I), ("permission", "-", False, "")),
    (re.compile(r"\bcannot\b|\bcan\s+not\b|\bcan't\b", re.I), ("possibility", "-", True, "")),
    (re.compile(r"\bcan\b", re.I), ("possibility", "+", True, "")),
    (re.compile(r"\b(?:be|is|are)\s+able\s+to\b|\bit\s+is\s+possible\s+to\b|\bthere\s+is\s+a\s+possibility\b", re.I),
     ("possibility", "+", False, "")),
    (re.compile(r"\bneeds?\s+to\b", re.I), ("requirement", "+", False, "VF004")),
    (re.compile(r"\bmight\b|\bcould\b", re.I), ("possibility", "+", False, "VF004")),
]
_VF003_EN = re.compile(r"\bmay\s+(?:cause|result|lead|occur|fail|damage|affect|happen|vary|differ|introduce)\b",
                       re.I)

#: Boilerplate that carries verbal forms by design (case C12), exempt from VF and NE rules.
BOILERPLATE = (
    re.compile(r"请注意本文件的某些内容可能涉及专利"),
    re.compile(r"本文件的发布机构不承担识别专利的责任"),
    re.compile(r"Attention is drawn to the possibility that some of the elements of this document may be the "
               r"subject of patent rights", re.I),
    re.compile(r"shall not be held responsible for identifying any or all such patent rights", re.I),
    re.compile(r"下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款"),
    re.compile(r"The following documents are referred to in the text in such a way that some or all of their "
               r"content constitutes requirements of this document", re.I),
    re.compile(r"For dated references, only the edition cited applies", re.I),
    re.compile(r"ISO and IEC maintain terminology databases", re.I),
    re.compile(r"在提交反馈意见时，请将您知道的相关专利连同支持性文件一并附上"),
    re.compile(r"本文件的某些内容(仍)?可能涉及专利|不承担识别(任何或所有)?(此类)?专利(权)?的责任"),
    re.compile(r"Recipients of this draft are invited to submit", re.I),
    # The notice of identified patents in the introduction (GB/T 1.1-2020 8.4 and GB/T 20003.1; ISO/IEC
    # Directives Part 1, Annex and the ISO introduction template): its wording is prescribed, 可以 and "may" included.
    re.compile(r"(?:本文件|本标准|本部分)的发布机构提请注意，声明符合(?:本文件|本标准|本部分)时，可能涉及"),
    re.compile(r"(?:本文件|本标准|本部分)的发布机构对于该专利的真实性、有效性和范围无任何立场"),
    re.compile(r"该专利持有人已向(?:本文件|本标准|本部分)的发布机构(?:承诺|保证)"),
    re.compile(r"该专利持有人的声明已在(?:本文件|本标准|本部分)的发布机构备案"),
    re.compile(r"相关信息可以?通过以下联系方式获得"),
    re.compile(r"^\s*专利持有人(?:姓名|名称|地址)[：:]"),
    re.compile(r"请注意除上述专利外，(?:本文件|本标准|本部分)的某些内容仍可能涉及专利"),
    re.compile(r"draws? attention to the fact that it is claimed that compliance with this document may involve the "
               r"use of (?:a )?patent", re.I),
    re.compile(r"draws? attention to the possibility that the implementation of this document may involve the use "
               r"of (?:a )?patent", re.I),
    re.compile(r"takes? no position concerning the evidence, validity(?:,| and| or) (?:and )?(?:scope|applicability) "
               r"of (?:this|these|any claimed) patent", re.I),
    re.compile(r"The holder of this patent right has assured", re.I),
    re.compile(r"the statement of the holder of this patent right is registered with", re.I),
    re.compile(r"^\s*Information may be obtained from\s*:", re.I),
    re.compile(r"received notice of (?:a )?patent(?:\(s\)|s)? which may be required to implement this document",
               re.I),
    re.compile(r"implementers are cautioned that this may not represent the latest information", re.I),
)

#: Strength order used to compare provisions (bilingual parity, diff classification).
STRENGTH = {"requirement": 4, "recommendation": 3, "permission": 2, "possibility": 1}


@dataclass(frozen=True)
class Form:
    """A verbal form found in a text.

    Attributes:
        kind: ``requirement``, ``recommendation``, ``permission`` or ``possibility``.
        polarity: ``+`` or ``-``.
        text: the words as written; start: their offset in the text.
        preferred: the preferred form (应, shall) rather than an equivalent (应该, is required to).
        forbidden: the rule code the form breaks (``VF001`` must/必须, ``VF002`` may not/不可,
            ``VF003`` may/可 for possibility, ``VF004`` forms outside the tables), or ``""``.
    """

    kind: str
    polarity: str
    text: str
    start: int
    preferred: bool = True
    forbidden: str = ""

    @property
    def label(self) -> str:
        return self.kind + ("" if self.polarity == "+" else " (negative)")


@functools.cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in _ZH:
        if len(word) > 1 and word not in ("不可", "不要"):  # 不要求 stays 不 / 要求
            tokenizer.add_word(word, freq=200000)
    for word in _WORDS:
        tokenizer.add_word(word, freq=300000)
    real = tuple(w for w in _WORDS if w[0] in "应宜") + _NEED_KEEP + _NEED_WORDS
    for word, freq in list(tokenizer.FREQ.items()):
        if (0 < freq <= _RARE and len(word) > 1 and word[0] in "应宜需" and word not in _ZH
                and not word.startswith(real)):
            tokenizer.del_word(word)
    for word in _SPLITS:
        form = max((w for w in _ZH if word.startswith(w) and w != word), key=len)
        tokenizer.del_word(word)
        tokenizer.suggest_freq((form, word[len(form):]), tune=True)
    for word in _NEED_WORDS:
        tokenizer.suggest_freq(word, tune=True)
    return tokenizer


@functools.cache
def _pos():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_jieba())


def _object_follows(text: str, offset: int) -> bool:
    """True when the word after ``offset`` is a pronoun, numeral, measure word or Latin token (an object, not a verb)."""
    for pair in _pos().cut(text[offset:offset + 12], HMM=False):
        if not pair.word.strip():
            continue
        return pair.flag[:1] in ("r", "m", "q") or pair.flag in ("zg", "eng")
    return False


def is_boilerplate(sentence: str) -> bool:
    """True for recognised boilerplate sentences (patent notice, lead-ins), which are exempt.

    A sentence may run over several source lines: line breaks count as one space (English) or as none (Chinese).
    """
    spaced, joined = " ".join(sentence.split()), "".join(sentence.split())
    return any(p.search(spaced) or p.search(joined) for p in BOILERPLATE)


def _is_quality_noun(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """True when 可 at ``index`` begins a noun of quality: 可 + a short verb + 性/率/度 (可用率 → 可 / 用率)."""
    nxt = tokens[index + 1][0] if index + 1 < len(tokens) else ""
    after = tokens[index + 2][0] if index + 2 < len(tokens) else ""
    if 2 <= len(nxt) <= 3 and nxt[-1] in "性率度":
        return True
    return 1 <= len(nxt) <= 2 and after in ("性", "率", "度")


def _classify_zh(text: str) -> list[Form]:
    forms: list[Form] = []
    if not _CANDIDATES.search(text):
        return forms
    tokens = list(_jieba().tokenize(text, HMM=False))
    for index, (word, start, _end) in enumerate(tokens):
        entry = _ZH.get(word)
        if entry is None:
            continue
        kind, polarity, preferred, forbidden = entry
        following = "".join(t[0] for t in tokens[index + 1: index + 3])
        if word == "可" and _is_quality_noun(tokens, index):
            continue  # 可用率, 可追溯性, 可信度: a noun of quality, not a permission
        if word == "可" and _VF003_ZH.match(following):
            kind, preferred, forbidden = "possibility", False, "VF003"
        previous = tokens[index - 1][0] if index else ""
        if word == "不可" and following[:1] in _NOT_BUKE:
            continue  # 不可靠, 不可逆 …: an adjective, not a prohibition
        if word in ("需要", "需", "建议", "推荐") and (previous in ("的", "了", "提出", "和", "及", "与", "给出", "根据", "按", "视", "如有")
                                                  or not following[:1] or following[:1] in _PUNCT):
            continue  # the nouns "need", "advice", "recommendation"
        if word in ("需要", "需") and (previous in ("可能", "不", "没有", "无") or following[:1] == "的"
                                      or _object_follows(text, start + len(word))):
            continue  # "need something" (需要此类指导, 需要一份SBOM), "might need", "not needed", 用户需要的功能
            # "the functions users need", 在需要的时候 "when needed": not a provision
        if word in ("建议", "推荐", "不建议", "不推荐") and (following[:1] == "的" or previous in _ADVICE_BEFORE):
            continue  # 不推荐的技术 "deprecated", 最新建议 "the latest advice": an adjective or a noun
        comparison = index + 2 < len(tokens) and len(tokens[index + 1][0]) == 1 and tokens[index + 2][0] == "得"
        if word == "要" and (not following[:1] or following[:1] in _PUNCT or following[:1] in "比使" or comparison
                            or _object_follows(text, start + len(word))):
            continue  # 要比, 要高得多 (comparisons), 要使 "so that", 要一份 "want one": no provision
        forms.append(Form(kind, polarity, word, start, preferred, forbidden))
    return forms


def _classify_en(text: str) -> list[Form]:
    forms: list[Form] = []
    taken: list[tuple[int, int]] = []
    for pattern, (kind, polarity, preferred, forbidden) in _EN:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            rule = forbidden
            if m.group(0).lower() == "may" and _VF003_EN.match(text, m.start()):
                kind, rule = "possibility", "VF003"
            taken.append((m.start(), m.end()))
            forms.append(Form(kind, polarity, m.group(0), m.start(), preferred, rule))
    return sorted(forms, key=lambda f: f.start)


def classify(text: str, lang: str) -> list[Form]:
    """The verbal forms of ``text`` (``lang``: ``zh`` or ``en``), in order of appearance.

    Boilerplate sentences give no forms.
    """
    if is_boilerplate(text):
        return []
    return _classify_zh(text) if lang == "zh" else _classify_en(text)


def strongest(forms: list[Form]) -> Form | None:
    """The strongest provision among ``forms`` (requirement > recommendation > permission > possibility)."""
    return max(forms, key=lambda f: STRENGTH[f.kind], default=None)
