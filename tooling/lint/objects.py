"""TF — tables, figures and formulas (ISO/IEC Directives Part 2, 27–29; GB/T 1.1-2020 9.7–9.9).

Tables (``{table}`` or a plain pipe table), figures (``{figure}``) and numbered
formulas (``$$ … $$ (label)``) are numbered by the build. These rules check that
each is cited, titled, filled in and explained. Tables and figures in the
foreword are left to ST008, which forbids them there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from sphinx import addnodes

from ..directives import nodes as stdnodes
from ..model.labels import label as model_label
from .context import DocContext, container_roles
from ..directives.nodes import ancestors
from .numbering import plain_text
from .registry import Example, rule

def _in_foreword(node: nodes.Node) -> bool:
    return "foreword" in container_roles(node)


def _title(node: nodes.Element) -> nodes.Element | None:
    return next((c for c in node.children if isinstance(c, (nodes.title, nodes.caption))), None)


def _anchor(node: nodes.Element) -> nodes.Element:
    """Where to report about a table or figure: its title line when it has one (the directive's line)."""
    title = _title(node)
    return title if title is not None and title.line and isinstance(node, nodes.table) else node


# -- TF001 -----------------------------------------------------------------------------------------

def _typed_ref(lang: str, kind: str, number: str) -> re.Pattern:
    """How a hand-typed citation of an element reads (``Table 2``, ``表2``, ``公式（3）``, ``Annex A``)."""
    n = re.escape(number)
    if kind == "annex":
        return re.compile(rf"\b(?:Annex|Appendix)\s+{n}\b|附录\s*{n}(?![A-Za-z])")
    if kind == "formula":
        return re.compile(rf"\b(?:Formula|Equation|Eq\.)\s*\(\s*{n}\s*\)|公式\s*[（(]\s*{n}\s*[)）]|式\s*[（(]\s*{n}\s*[)）]")
    word = {"table": r"\bTable|表", "figure": r"\bFigure|\bFig\.|图"}[kind]
    return re.compile(rf"(?:{word})\s*{n}(?![\d.]*\d)(?![A-Za-z])")


def _targets(ctx) -> Iterator[tuple[str, nodes.Element, str, str, str | None]]:
    """``(docname, node, kind, number, label)`` for each table, figure, numbered formula and annex."""
    numbers = ctx.domain.numbers
    for docname, doctree in ctx.documents():
        for node in doctree.findall(nodes.Element):
            key = node.get("std_key")
            kind = node.get("std_kind")
            if not key or kind not in ("table", "figure", "formula", "clause"):
                continue
            numbered = numbers.get(key)
            if numbered is None or not numbered.number:
                continue
            if kind == "clause":
                if numbered.role != "annex" or numbered.parent is not None:
                    continue
                kind = "annex"
            if _in_foreword(node):
                continue
            yield docname, node, kind, numbered.number, numbered.label


@rule(code="TF001", title="Every table, figure, formula and annex is cited in the text",
      source="ISO/IEC Directives Part 2, 20.1, 27, 28.1, 29.1; GB/T 1.1-2020 9.6–9.9", severity="error",
      scope="standard",
      message="{element} is never cited in the text: refer to it ([](#id))",
      message_zh="{element_zh}在正文中未被提及：应引用它（[](#id)）",
      examples=(Example("en", "Table 4 never cited", "…given in [](#limits)."),
                Example("zh", "表4未提及", "……见[](#limits)。")),
      conservative="A citation is a cross-reference to the element's ID from outside the element, or its "
                   "number typed in the text ('Table 4', 表4, 'Annex A'): typed references are left to other "
                   "rules. Objects in the foreword are left to ST008. Uncited formulas are warnings.")
def tf001(ctx) -> None:
    """What it checks: each table, figure, numbered formula and annex is referred to from
    outside itself, by a cross-reference to its ID or by its number.

    Why: every table, figure and annex is referred to explicitly in the text (Directives
    Part 2, 20.1, 28.1, 29.1; GB/T 1.1-2020 9.6–9.8); a numbered formula exists to be
    referred to (Directives Part 2, 27).
    """
    lang = ctx.lang
    refs: dict[str, list[nodes.Node]] = {}
    texts: list[str] = []
    for _, doctree in ctx.documents():
        for xref in doctree.findall(lambda n: isinstance(n, (addnodes.pending_xref, nodes.reference))):
            target = xref.get("reftarget") or xref.get("refid") or xref.get("refuri", "").partition("#")[2]
            if target:
                refs.setdefault(target.lstrip("#").split(":")[-1], []).append(xref)
        texts.append(plain_text(doctree))
    text = "\n".join(texts)
    for docname, node, kind, number, label in _targets(ctx):
        names = {n.split(":")[-1] for n in node.get("names", ())} | set(node.get("ids", ()))
        if label:
            names.add(label)
        if kind == "formula":
            names |= {f"equation-{label}"} if label else set()
        cited = any(not any(a is node for a in ancestors(x))
                    for name in names for x in refs.get(name, ()))
        if not cited:
            pattern = _typed_ref(lang, kind, number)
            cited = len(pattern.findall(text)) > len(pattern.findall(plain_text(node)))
        if cited:
            continue
        element, element_zh = model_label("en", kind, number), model_label("zh", kind, number)
        where = _title(node) if kind == "annex" else _anchor(node)
        ctx.report("TF001", docname, where if where is not None else node,
                   severity="warning" if kind == "formula" else None, element=element, element_zh=element_zh)


# -- TF002 -----------------------------------------------------------------------------------------

_FINAL_PUNCT = re.compile(r"[.。]\s*$")
_CONTINUED = re.compile(r"[(（]\s*(?:continued|cont'?d|续)\s*[)）]", re.I)


@rule(code="TF002", title="Tables and figures are numbered and titled; titles have no final full stop",
      source="ISO/IEC Directives Part 2, 28.3–28.4, 29.3–29.4; GB/T 1.1-2020 9.7.2, 9.8.2", severity="warning",
      message="{element}: {problem}",
      message_zh="{element_zh}：{problem_zh}",
      examples=(Example("en", "Table 2 — Limits.", "Table 2 — Limits"),
                Example("zh", "表2　限值。", "表2　限值")),
      conservative="A missing title is reported in the GB profile only (GB/T 1.1-2020: 宜有表题/图题; in ISO "
                   "documents the title is optional). Objects in the foreword are left to ST008; an image inside a "
                   "paragraph with other text is an inline graphic and not reported.")
def tf002(ctx: DocContext) -> None:
    """What it checks: an image shown outside a figure (no number: error); in the GB profile, a
    table or figure without a title; a title ending with "." or "。"; a continuation mark typed
    into a title ("(continued)", （续）), which the layout writes itself.

    Why: tables and figures are numbered (Table 1, 图1) and should have a title, which has no
    final full stop (Directives Part 2, 28, 29; GB/T 1.1-2020 9.7.2, 9.8.2: 宜有表题/图题).
    """
    for node in ctx.document.findall(lambda n: isinstance(n, (nodes.table, nodes.figure))):
        if _in_foreword(node) or any(isinstance(a, nodes.figure) for a in ancestors(node)):
            continue
        kind = "table" if isinstance(node, nodes.table) else "figure"
        element, element_zh = ("a table", "表") if kind == "table" else ("a figure", "图")
        title = _title(node)
        text = title.astext().strip() if title is not None else ""
        if not text:
            if ctx.profile != "gb":
                continue  # ISO: the title is optional ("the caption can comprise a title")
            ctx.report("TF002", node, element=element, element_zh=element_zh,
                       problem="it has no title", problem_zh=f"缺少{'表题' if kind == 'table' else '图题'}")
            continue
        if _FINAL_PUNCT.search(text):
            ctx.report("TF002", title, text[-1], text.count(text[-1]) - 1, element=element, element_zh=element_zh,
                       problem="its title ends with a full stop", problem_zh="题名以句号结尾")
        m = _CONTINUED.search(text)
        if m:
            ctx.report("TF002", title, m.group(0), element=element, element_zh=element_zh,
                       problem=f"'{m.group(0)}' is typed into the title: the layout marks continued "
                               f"{kind}s",
                       problem_zh=f"题名中手写了“{m.group(0)}”：续表/续图标记由排版生成")
    for image in ctx.document.findall(nodes.image):
        if any(isinstance(a, (nodes.figure, nodes.table, stdnodes.titled_block)) for a in ancestors(image)):
            continue
        if _in_foreword(image):
            continue
        parent = image.parent
        if isinstance(parent, nodes.reference):
            parent = parent.parent
        if isinstance(parent, nodes.paragraph) and "".join(map(str, parent.findall(nodes.Text))).strip():
            continue  # an inline graphic inside text
        ctx.report("TF002", image, severity="error", element="an image", element_zh="图片",
                   problem="shown outside a figure, so it has no number: make it a figure (the {figure} directive)",
                   problem_zh="未放在图中，没有图号：应使用{figure}指令将其作为图")


# -- TF003 -----------------------------------------------------------------------------------------

_DITTO = {
    "zh": re.compile(r"^\s*(?:同上|同左|同前|〃|\"|”)\s*$|同上"),
    "en": re.compile(r"^\s*(?:ditto|do\.|\"|〃|”)\s*$|\bditto\b", re.I),
}


def _rows(table: nodes.table, part: type) -> list[nodes.row]:
    return [row for group in table.findall(part) for row in group.children
            if isinstance(row, nodes.row) and "table-notes" not in row.get("classes", ())
            and next((a for a in ancestors(row) if isinstance(a, nodes.table)), None) is table]


def _empty(entry: nodes.entry) -> bool:
    """A cell with no text and nothing else (a cross-reference is empty text until it is resolved)."""
    return not entry.astext().strip() and not any(
        isinstance(n, (addnodes.pending_xref, nodes.reference, nodes.image, nodes.math, stdnodes.std_cite,
                       nodes.footnote_reference, nodes.raw)) for n in entry.findall(nodes.Element))


@rule(code="TF003", title="Table contents: a header row, no nested tables, no empty or 'ditto' cells",
      source="GB/T 1.1-2020 9.8, 10.4.2; ISO/IEC Directives Part 2, 29", severity="warning",
      message="{problem}",
      message_zh="{problem_zh}",
      examples=(Example("en", "a cell reading 'ditto'", "repeat the value"),
                Example("zh", "单元格中写“同上”", "重复内容或合并单元格")),
      conservative="Empty cells are reported in the GB profile only (GB practice writes '—'); in the ISO "
                   "profile an empty cell may carry meaning explained in a key. Layout tables in the foreword "
                   "are left to ST008.")
def tf003(ctx: DocContext) -> None:
    """What it checks: tables without a header row (or with an empty one), tables nested in
    tables, cells that say "ditto" / 同上 instead of repeating the value, and (GB) empty cells.

    Why: a table has column headings; each cell is complete in itself, so a value is
    repeated rather than referred to with "ditto" (GB/T 1.1-2020 9.8; GB practice writes
    "—" in a cell without content).
    """
    ditto = _DITTO["zh" if ctx.lang == "zh" else "en"]
    for table in ctx.document.findall(nodes.table):
        if _in_foreword(table):
            continue
        if any(isinstance(a, nodes.table) for a in ancestors(table)):
            ctx.report("TF003", _anchor(table), problem="a table nested in a table: split it or merge the cells",
                       problem_zh="表中嵌套了表：应拆分或合并单元格")
            continue
        head = _rows(table, nodes.thead)
        if not head or all(_empty(e) for row in head for e in row.children):
            ctx.report("TF003", _anchor(table), problem="the table has no header row: give each column a heading",
                       problem_zh="表没有表头：应给出各栏的栏目名称")
        empty = 0
        for row in _rows(table, nodes.tbody):
            for entry in row.children:
                if _empty(entry):
                    empty += 1
                    continue
                m = ditto.search(entry.astext())
                if m:
                    para = next(iter(entry.findall(nodes.paragraph)), entry)
                    ctx.report("TF003", para, m.group(0).strip(),
                               problem=f"'{m.group(0).strip()}' refers to another cell: repeat the value",
                               problem_zh=f"单元格写有“{m.group(0).strip()}”：应重复填写内容或合并单元格")
        if empty and ctx.profile == "gb":
            ctx.report("TF003", _anchor(table), problem=f"{empty} empty cell(s): write '—' where a cell has no content",
                       problem_zh=f"有{empty}个空单元格：无内容的单元格应填写“—”")


# -- TF004 -----------------------------------------------------------------------------------------

_NUMERIC = re.compile(r"^[-−+±]?\s?\d[\d\s\u2009\u202f,.]*$")
_QUANTITY = {
    "en": re.compile(r"\b(?:length|width|height|depth|thickness|diameter|radius|distance|mass|weight|duration|"
                     r"(?:response|reaction|rise|fall|test|exposure|drying|heating|cooling|holding)\s+time|"
                     r"period|latency|delay|timeout|interval|temperature|pressure|voltage|current|power|energy|"
                     r"frequency|speed|velocity|force|torque|area|volume|capacity|resistance|flow|density|"
                     r"humidity|luminance|illuminance|wavelength|bandwidth|throughput)\b", re.I),
    "zh": re.compile(r"长度|宽度|高度|深度|厚度|直径|半径|距离|重量|时长|时延|延迟|耗时|(?:响应|持续|试验|保持|反应)时间|"
                     r"周期|间隔|温度|压力|压强|"
                     r"电压|电流|功率|能量|频率|速度|速率|扭矩|面积|体积|容量|电阻|流量|密度|湿度|照度|亮度|波长|带宽|吞吐量"),
}
_UNIT_IN_HEADER = re.compile(r"[(（\[［].+[)）\]］]|/\s*\S|\bin\s+\S|单位|,\s*[a-zµμ°%]{1,4}\s*$", re.I)
_UNIT_STATEMENT = re.compile(r"单位为|单位：|单位:|\bin\s+(?:milli|centi|kilo|micro)?(?:metres?|meters?|seconds?|"
                             r"grams?|volts?|watts?|hertz|pascals?|newtons?|degrees?)|\b(?:dimensions|values|"
                             r"units?)\s+(?:are\s+)?in\b|\bunits?\s*:", re.I)


@rule(code="TF004", title="A numeric column of a physical quantity states its unit",
      source="ISO/IEC Directives Part 2, 9, 29.5; GB/T 1.1-2020 9.8.4", severity="warning",
      message="column '{header}' holds values of a quantity without a unit: give the unit in the heading or "
              "state it for the table",
      message_zh="“{header}”栏的量值没有单位：应在栏目名称中给出单位，或说明表中的单位",
      examples=(Example("en", "| Length |\n| 25 |", "| Length (mm) |\n| 25 |"),
                Example("zh", "| 长度 |\n| 25 |", "| 长度/mm |\n| 25 |（或表上方“单位为毫米”）")),
      conservative="Only columns whose heading names a physical quantity (length, duration, temperature, 温度, "
                   "时延 …) and whose cells are bare numbers are checked: counts, ratios, identifiers (CWE, section "
                   "numbers), points in time and versions ('Since', 起始时间) and columns whose cells carry units "
                   "are not. A unit statement in the title, in the "
                   "table notes or in the paragraph before the table counts.")
def tf004(ctx: DocContext) -> None:
    """What it checks: a table column whose heading names a physical quantity and whose cells
    are bare numbers, with no unit in the heading (``Length (mm)``, ``长度/mm``), in the title,
    in the table's notes or in the paragraph before the table ("Dimensions in millimetres",
    单位为毫米).

    Why: values of quantities are given with their units (Directives Part 2, Clause 9); in a
    table the unit goes into the column heading or, when common to the table, above it
    (GB/T 1.1-2020 9.8.4).
    """
    quantity = _QUANTITY["zh" if ctx.lang == "zh" else "en"]
    for table in ctx.document.findall(nodes.table):
        if _in_foreword(table):
            continue
        head = _rows(table, nodes.thead)
        body = _rows(table, nodes.tbody)
        if not head or not body:
            continue
        statement = " ".join(plain_text(n) for n in (_title(table),) if n is not None)
        statement += " ".join(e.astext() for e in table.findall(nodes.entry) if "table-notes" in e.get("classes", ()))
        parent = table.parent
        index = parent.index(table)
        previous = next((parent[i] for i in range(index - 1, -1, -1) if isinstance(parent[i], nodes.paragraph)), None)
        if previous is not None and index - parent.index(previous) <= 2:
            statement += " " + previous.astext()
        if _UNIT_STATEMENT.search(statement):
            continue
        headers = [e for e in head[-1].children if isinstance(e, nodes.entry)]
        for column, header in enumerate(headers):
            htext = header.astext().strip()
            if not quantity.search(htext) or _UNIT_IN_HEADER.search(htext):
                continue
            cells = [row.children[column].astext().strip() for row in body if len(row.children) > column]
            cells = [c for c in cells if c and c not in ("—", "-", "–")]
            numeric = [c for c in cells if _NUMERIC.match(c)]
            if cells and numeric and len(numeric) * 2 >= len(cells):
                para = next(iter(header.findall(nodes.paragraph)), header)
                ctx.report("TF004", para, htext, header=htext)


# -- TF005 -----------------------------------------------------------------------------------------

_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
          "kappa", "lambda", "mu", "nu", "xi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi",
          "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Sigma", "Upsilon",
          "Phi", "Psi", "Omega"}
#: Upright constants (\\mathrm{e}, \\mathrm{i}) and the differential d (ISO 80000-2).
_CONSTANTS = {"e", "i", "d", "π"}
_ACCENTS = {"hat", "bar", "tilde", "dot", "ddot", "vec", "overline", "widehat", "widetilde", "check", "breve"}
_FONT = {"mathrm", "mathit", "mathbf", "mathsf", "mathcal", "boldsymbol", "bm", "text", "textrm", "operatorname",
         "mathbb", "symbf", "symit"}
_BIG = {"sum", "prod", "int", "iint", "oint", "bigcup", "bigcap", "coprod"}
_LATEX_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[A-Za-z]|\d+(?:[.,]\d+)?|\S")


def _group(tokens: list[str], i: int) -> tuple[list[str], int]:
    """The tokens of the argument starting at ``i`` (a braced group or one token) and the next index."""
    if i >= len(tokens):
        return [], i
    if tokens[i].startswith("\\") and tokens[i][1:] in _FONT | _ACCENTS:
        inner, j = _group(tokens, i + 1)
        return [tokens[i], "{", *inner, "}"], j
    if tokens[i] != "{":
        return [tokens[i]], i + 1
    depth, j = 0, i
    while j < len(tokens):
        if tokens[j] == "{":
            depth += 1
        elif tokens[j] == "}":
            depth -= 1
            if depth == 0:
                return tokens[i + 1:j], j + 1
        j += 1
    return tokens[i + 1:], len(tokens)


def _flat(tokens: list[str]) -> str:
    """A normalised text of a subscript: font commands and braces dropped (``\\mathrm{c}`` → ``c``)."""
    out = []
    for tok in tokens:
        if tok in ("{", "}", " ") or (tok.startswith("\\") and tok[1:] in _FONT):
            continue
        out.append(tok[1:] if tok.startswith("\\") and tok[1:] in _GREEK else tok)
    return "".join(out)


def latex_symbols(source: str) -> tuple[set[str], set[str]]:
    """The quantity symbols of a LaTeX formula and the variables bound by sums, products, integrals.

    A symbol is a letter or Greek letter with its accent and subscript (``N_c``, ``hat(y)_i``,
    ``F_1,macro``); exponents are not part of it; functions, numbers and constants
    (``\\mathrm{e}``, ``\\pi``) are not symbols; a multi-letter ``\\mathrm{RMSE}`` is one symbol.
    """
    tokens = [t for t in _LATEX_TOKEN.findall(source)]
    symbols: set[str] = set()
    bound: set[str] = set()

    def scan(toks: list[str]) -> None:
        i = 0
        while i < len(toks):
            tok = toks[i]
            base = None
            if tok.startswith("\\"):
                name = tok[1:]
                if name in _ACCENTS:
                    arg, i = _group(toks, i + 1)
                    base = f"{name}({_flat(arg)})"
                elif name in _FONT:
                    arg, i = _group(toks, i + 1)
                    text = _flat(arg)
                    if name in ("text", "textrm", "operatorname") or text in _CONSTANTS:
                        if text == "d" and i < len(toks) and len(toks[i]) == 1 and toks[i].isalpha():
                            bound.add(toks[i])  # the variable of integration (\mathrm{d}t)
                        continue
                    base = text if len(text) > 0 and text.isalnum() and not text.isdigit() else None
                    if base is None:
                        continue
                elif name in _GREEK:
                    base, i = name, i + 1
                elif name in _BIG:
                    i += 1
                    while i < len(toks) and toks[i] in ("_", "^"):
                        mark = toks[i]
                        arg, i = _group(toks, i + 1)
                        if mark == "_":
                            flat = _flat(arg)
                            var = flat.split("=")[0] if "=" in flat else (flat if "\\in" not in arg else "")
                            if var:
                                bound.add(var)
                            scan(arg[arg.index("=") + 1:] if "=" in arg else [])
                        else:
                            scan(arg)
                    continue
                else:
                    i += 1  # \frac, \sqrt, \left, \times, functions …: their arguments are scanned in turn
                    continue
            elif len(tok) == 1 and tok.isalpha():
                base, i = tok, i + 1
            else:
                i += 1
                continue
            sub = ""
            while i < len(toks) and toks[i] in ("_", "^", "'"):
                mark = toks[i]
                if mark == "'":
                    base += "'"
                    i += 1
                    continue
                arg, i = _group(toks, i + 1)
                if mark == "_":
                    sub = _flat(arg)
                else:
                    scan(arg)  # an exponent: its symbols count, it is not part of the symbol
            symbols.add(f"{base}_{sub}" if sub else base)

    scan(tokens)
    return symbols, bound


def _where_symbols(where: stdnodes.formula_where) -> list[tuple[str, nodes.Element, str]]:
    """``(symbol, node, latex)`` for each symbol the "where" list explains."""
    found = []
    for term in where.findall(nodes.term):
        math = next(iter(term.findall(nodes.math)), None)
        if math is not None:
            symbols, _ = latex_symbols(math.astext())
            for symbol in symbols:
                found.append((symbol, term, math.astext()))
    if not found:
        for para in where.findall(nodes.paragraph):
            if isinstance(para.parent, nodes.definition):
                continue
            math = next(iter(para.findall(nodes.math)), None)
            if math is not None and para.index(math) <= 1:
                symbols, _ = latex_symbols(math.astext())
                for symbol in symbols:
                    found.append((symbol, para, math.astext()))
    return found


def _formula_groups(doctree: nodes.document) -> Iterator[tuple[list[nodes.math_block], stdnodes.formula_where]]:
    """Formulas with the "where" list that follows them (one list may explain consecutive formulas)."""
    for where in doctree.findall(stdnodes.formula_where):
        parent = where.parent
        index = parent.index(where)
        formulas = []
        for i in range(index - 1, -1, -1):
            node = parent[i]
            if isinstance(node, nodes.math_block):
                formulas.insert(0, node)
            elif isinstance(node, (nodes.target, nodes.comment)):
                continue
            else:
                break
        if formulas:
            yield formulas, where


@rule(code="TF005", title="Every symbol of a formula is explained in its 'where' list, and only those",
      source="ISO/IEC Directives Part 2, 27.2; GB/T 1.1-2020 9.9.3", severity="warning", scope="standard",
      message="{problem}",
      message_zh="{problem_zh}",
      examples=(Example("en", "$$F = m a$$ where a is the acceleration", "where m is the mass, in kg; a is …"),
                Example("zh", "$$F = m a$$ 式中：a——加速度", "式中：m——质量，单位为千克（kg）；a——……")),
      conservative="Only formulas followed by a {where} list are checked; symbols explained in the symbols "
                   "clause, summation indices (k in \\sum_{k=1}), constants (\\mathrm{e}, \\pi) and exponents' "
                   "numbers are not required in the list.")
def tf005(ctx) -> None:
    """What it checks: a symbol of a formula (a letter with its subscript, N_c, \\hat{y}_i) that its
    "where" (式中：) list does not explain, and a symbol the list explains that the formula does
    not use.

    Why: the meaning of every symbol of a formula is given in the "where" list that follows
    it, unless given in the symbols clause (Directives Part 2, 27.2; GB/T 1.1-2020 9.9.3).
    """
    declared: set[str] = set()
    for _, doctree in ctx.documents():
        for section in doctree.findall(nodes.section):
            if stdnodes.section_role(section) == "symbols":
                for math in section.findall(nodes.math):
                    declared |= latex_symbols(math.astext())[0]
    for docname, doctree in ctx.documents():
        for formulas, where in _formula_groups(doctree):
            used: set[str] = set()
            bound: set[str] = set()
            for formula in formulas:
                symbols, variables = latex_symbols(formula.astext())
                used |= symbols
                bound |= variables
            listed = _where_symbols(where)
            names = {s for s, _, _ in listed}
            missing = sorted(s for s in used - names - declared if s not in bound)
            for symbol in missing:
                shown = symbol.replace("_", "_{", 1) + "}" if "_" in symbol else symbol
                ctx.report("TF005", docname, formulas[0], severity=None, symbol=shown,
                           problem=f"symbol {shown} of the formula is not explained in its 'where' list",
                           problem_zh=f"公式中的符号{shown}未在“式中：”中解释")
            for symbol, node, latex in listed:
                if symbol not in used and symbol.split("_")[0] not in bound:
                    ctx.report("TF005", docname, node, f"${latex}$", symbol=latex,
                               problem=f"symbol {latex} is explained but not used in the formula",
                               problem_zh=f"符号{latex}在“式中：”中解释，但公式中未使用")


# -- TF006 -----------------------------------------------------------------------------------------

_KEY = re.compile(r"^\s*(?:Key|标引序号说明|说明)\s*[:：]?\s*$", re.I)


@rule(code="TF006", title="Notes, keys and footnotes belong to the figure, not to a sub-figure",
      source="ISO/IEC Directives Part 2, 28.5; ISO Drafting Rules Guide (metanorma ISO_7)", severity="warning",
      message="{what} inside sub-figure '{caption}': place it under the whole figure",
      message_zh="分图“{caption}”中有{what_zh}：应放在整个图之下",
      examples=(Example("en", "a note in Figure 1 a)", "the note under Figure 1"),
                Example("zh", "分图a)内加注", "注移到图1之下")))
def tf006(ctx: DocContext) -> None:
    """What it checks: notes, keys (a legend starting with "Key" / 标引序号说明) and footnote
    references inside a figure that is itself inside a figure (a sub-figure).

    Why: a figure's notes, key and footnotes are placed once, below the whole figure and
    above its title, not inside one of its sub-figures (Directives Part 2, 28.5; ISO DRG).
    """
    for figure in ctx.document.findall(nodes.figure):
        if not any(isinstance(a, nodes.figure) for a in ancestors(figure)):
            continue
        caption = _title(figure)
        name = caption.astext().strip() if caption is not None else ""
        for note in figure.findall(nodes.note):
            ctx.report("TF006", note, what="a note", what_zh="注", caption=name)
        for ref in figure.findall(nodes.footnote_reference):
            ctx.report("TF006", ref.parent, what="a footnote", what_zh="脚注", caption=name)
        for legend in figure.findall(nodes.legend):
            if next((a for a in ancestors(legend) if isinstance(a, nodes.figure)), None) is not figure:
                continue
            first = next((c for c in legend.children if isinstance(c, nodes.paragraph)), None)
            if first is not None and _KEY.match(first.astext()):
                ctx.report("TF006", first, what="a key", what_zh="标引序号说明", caption=name)
