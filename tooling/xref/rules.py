"""Reference rules that need the citation model: RF003, RF004 (RULES.md) and RF008–RF011 (resolution).

They run on the whole standard after reading, on the citations
:mod:`tooling.xref.citations` collected, and plug into the lint registry like
every other rule.
"""

from __future__ import annotations

import re

from docutils import nodes

from ..directives import nodes as stdnodes
from ..lint.engine import StandardContext
from ..lint.registry import Example, rule
from ..model.designation import DesignationError, parse_designation
from .citations import Citation, resolve

_DESIGNATION_IN_TEXT = re.compile(
    r"(?:GB(?:/[TZ])?|[A-Z]{2}/T|ISO(?:/IEC)?(?:/IEEE)?|IEC)\s+(?:TS\s+|TR\s+)?[\dX]+(?:[.\-][\dX]+)*"
    r"(?:\s*[—–:\-]\s*(?:\d{4}|—))?")


def _citations(ctx: StandardContext) -> list[Citation]:
    return [c for doc in ctx.docnames for c in ctx.domain.data["citations"].get(doc, [])]


def _node(ctx: StandardContext, citation: Citation):
    tree = ctx.doctree(citation.docname)
    return tree.ids.get(citation.node_id)


def _report(ctx: StandardContext, code: str, citation: Citation, severity: str | None = None, **args) -> None:
    node = _node(ctx, citation)
    ctx.report(code, citation.docname, node=node, needle=citation.text if node is not None else "",
               line=citation.line, snippet=citation.text, severity=severity, **args)


def _listed_in_text(ctx: StandardContext) -> list[tuple[str, str | None, str, nodes.Node, str]]:
    """Designations typed as plain text in the normative references list: (key, year, text, node, docname)."""
    found = []
    for docname, tree in ctx.documents():
        for section in tree.findall(nodes.section):
            if stdnodes.section_role(section) != "normative-references":
                continue
            for para in section.findall(nodes.paragraph):
                if any(isinstance(n, stdnodes.std_cite) for n in para.findall(stdnodes.std_cite)):
                    continue
                m = _DESIGNATION_IN_TEXT.match(para.astext().strip())
                if not m:
                    continue
                try:
                    designation = parse_designation(m.group(0))
                except DesignationError:
                    continue
                found.append((designation.key, designation.year, m.group(0), para, docname))
    return found


@rule(code="RF003", title="Normative references list exactly the documents cited normatively",
      source="ISO/IEC Directives Part 2, 15; GB/T 1.1-2020 8.6", severity="error", scope="standard",
      message="{designation}: {problem}", message_zh="{designation}：{problem_zh}",
      examples=(Example("en", "ISO 2859-1 is listed in Clause 2 but never cited in the body.",
                        "Cite it where it applies (\"… in accordance with ISO 2859-1\"), or move it to the "
                        "Bibliography."),
                Example("zh", "第2章列出GB/T 2423.1，正文未引用。", "在正文中规范性引用，或移入参考文献。")),
      conservative="A citation in the body is normative when marked {cite-normative}, or when its sentence "
                   "contains a requirement, recommendation or permission. With std_normative_references = "
                   "'generate' the list is made from the citations and only the bibliography check remains.")
def rf003(ctx: StandardContext) -> None:
    """What it checks: every document in the normative references clause is cited normatively in the
    body; every document cited normatively in the body is listed; each document is listed once (two
    entries of one document, the same or another edition of it, are an error); a bibliography entry
    nobody cites is a warning.

    Why: the normative references clause lists the documents whose content becomes
    requirements of this one through normative citation in the text (Directives Part 2, 15.1;
    GB/T 1.1-2020 8.6.1), no more and no fewer.
    """
    citations = _citations(ctx)
    generate = ctx.env.config.std_normative_references == "generate"
    listed = {c.key: c for c in citations if c.context == "normative-references"}
    text_listed = {key: (text, node, docname) for key, _, text, node, docname in _listed_in_text(ctx)}
    body = [c for c in citations if c.context == "body" and c.normative]
    body_keys = {c.key for c in body}
    own = ctx.meta.designation.key
    _listed_twice(ctx, citations)
    if not generate:
        for key, citation in listed.items():
            if key not in body_keys:
                _report(ctx, "RF003", citation, designation=citation.text,
                        problem="listed in the normative references but never cited normatively in the text",
                        problem_zh="列入规范性引用文件，但正文中未规范性引用")
        for key, (text, node, docname) in text_listed.items():
            if key not in body_keys and key not in listed:
                ctx.report("RF003", docname, node=node, needle=text, designation=text,
                           problem="listed in the normative references but never cited normatively in the text",
                           problem_zh="列入规范性引用文件，但正文中未规范性引用")
        reported = set()
        for citation in body:
            if citation.key in listed or citation.key in text_listed or citation.key == own or \
                    citation.key in reported:
                continue
            reported.add(citation.key)
            _report(ctx, "RF003", citation, designation=citation.text,
                    problem="cited normatively but missing from the normative references",
                    problem_zh="正文中规范性引用，但未列入规范性引用文件")
    cited_elsewhere = {c.key for c in citations if c.context not in ("bibliography", "normative-references")}
    for citation in citations:
        if citation.context == "bibliography" and citation.key not in cited_elsewhere:
            _report(ctx, "RF003", citation, severity="warning", designation=citation.text,
                    problem="in the bibliography but cited nowhere in the text",
                    problem_zh="列入参考文献，但正文中未引用")


def _listed_twice(ctx: StandardContext, citations: list[Citation]) -> None:
    """RF003: a document listed more than once in the normative references (cited or typed), at each repetition."""
    entries = [(c.docname, c.line, c.key, c.text, c) for c in citations if c.context == "normative-references"]
    entries += [(docname, node.line or 0, key, text, (node, docname)) for key, _, text, node, docname
                in _listed_in_text(ctx)]
    order = {doc: i for i, doc in enumerate(ctx.docnames)}
    first: dict[str, int] = {}
    for docname, line, key, text, where in sorted(entries, key=lambda e: (order.get(e[0], 0), e[1])):
        if key not in first:
            first[key] = line
            continue
        problem = f"listed more than once in the normative references (first at line {first[key]}): list it once"
        problem_zh = f"在规范性引用文件中重复列出（首次在第{first[key]}行）：只应列出一次"
        if isinstance(where, Citation):
            _report(ctx, "RF003", where, designation=text, problem=problem, problem_zh=problem_zh)
        else:
            ctx.report("RF003", docname, node=where[0], needle=text, designation=text, problem=problem,
                       problem_zh=problem_zh)


@rule(code="RF004", title="A citation of a part of a document is dated; the list's dating matches its use",
      source="ISO/IEC Directives Part 2, 10.4; GB/T 1.1-2020 9.5.4", severity="error", scope="standard",
      message="{designation}: {problem}", message_zh="{designation}：{problem_zh}",
      examples=(Example("en", "see ISO 1234, Clause 5", "see ISO 1234:2019, Clause 5"),
                Example("zh", "见GB/T 5的表2", "见GB/T 5—2020的表2")))
def rf004(ctx: StandardContext) -> None:
    """What it checks: a citation of a clause, table, figure, annex or element (by number or by ID) of
    another document gives the year of the edition; when the normative references list an edition, the
    text cites that same edition.

    Why: a specific part of a document is only stable within one edition (Directives Part 2, 10.4;
    GB/T 1.1-2020 9.5.4.2): an undated citation would follow later editions, whose numbering may change.
    """
    citations = _citations(ctx)
    own = ctx.meta.designation.key
    listed_years = {c.key: c.year for c in citations if c.context == "normative-references"}
    for citation in citations:
        if citation.key == own or citation.context in ("normative-references", "bibliography"):
            continue
        if citation.specific and not citation.year and not _is_draft_placeholder(citation.text):
            _report(ctx, "RF004", citation, designation=citation.text,
                    problem="a citation of a specific part must give the year of the edition",
                    problem_zh="引用文件的具体部分时应注明日期")
        elif citation.normative and citation.key in listed_years and citation.year and listed_years[citation.key] \
                and citation.year != listed_years[citation.key]:
            _report(ctx, "RF004", citation, designation=citation.text,
                    problem=f"the normative references list the {listed_years[citation.key]} edition",
                    problem_zh=f"规范性引用文件中列出的是{listed_years[citation.key]}年版")


def _is_draft_placeholder(text: str) -> bool:
    """A draft cited by its placeholder designation has no year yet (``ISO/IEC XXXXX``): not a dating problem."""
    try:
        return parse_designation(text).is_placeholder
    except DesignationError:
        return False


def _resolved(ctx: StandardContext, own: bool = False):
    """Each citation of another document with its resolution; with ``own``, also the standard's citations
    of itself that resolve to itself (by ID or number)."""
    key = ctx.meta.designation.key
    for citation in _citations(ctx):
        if citation.key == key and not (own and citation.specific):
            continue
        designation = parse_designation(citation.text)
        result = resolve(ctx.env, designation, citation.target_id, citation.location)
        if citation.key == key and result.slug != ctx.slug:
            continue
        yield citation, result


@rule(code="RF008", title="A cited document is known to the repository, its catalogue or an inventory",
      source="ISO/IEC Directives Part 2, 10 and 15; GB/T 1.1-2020 9.5", severity="warning", scope="standard",
      message="{designation} is neither a standard of this repository, nor in standards/catalogue.yaml, nor in an "
              "inventory: add it to the catalogue",
      message_zh="{designation}既不是本文件库中的标准，也不在standards/catalogue.yaml或引用清单中：请加入目录",
      examples=(Example("en", "{cite}`ISO 99999` with no catalogue entry", "add ISO 99999 to catalogue.yaml"),
                Example("zh", "{cite}`GB/T 99999`，目录中没有", "在catalogue.yaml中加入GB/T 99999")))
def rf008(ctx: StandardContext) -> None:
    """What it checks: every cited designation resolves somewhere.

    Why: a citation the tool cannot resolve cannot be checked for dating, status or existence of the
    cited part, and a typo in a designation goes unnoticed.
    """
    for citation, result in _resolved(ctx):
        if result.where == "unknown" and not result.unknown_edition:
            _report(ctx, "RF008", citation, designation=citation.text)


@rule(code="RF009", title="A cited clause, table, figure or element exists in the cited edition",
      source="ISO/IEC Directives Part 2, 10.4; GB/T 1.1-2020 9.5.4", severity="error", scope="standard",
      message="{designation} has no {part}", message_zh="{designation}中没有{part}",
      examples=(Example("en", "{cite}`ISO/IEC XXXXX#no-such-id`", "{cite}`ISO/IEC XXXXX#test-data-set`"),
                Example("zh", "{cite}`GB/T XXXXX—XXXX, 9.9`（不存在）", "{cite}`GB/T XXXXX—XXXX, 5.1`")),
      conservative="Checked only for documents of this repository and imported inventories, whose "
                   "contents are known.")
def rf009(ctx: StandardContext) -> None:
    """What it checks: a citation by stable ID or number points at something that exists in the cited edition.

    Why: a citation of a deleted or renumbered part misleads the reader; the next
    incremental build reports a target that was deleted.
    """
    for citation, result in _resolved(ctx, own=True):
        if result.missing:
            _report(ctx, "RF009", citation, designation=citation.text, part=result.missing)


@rule(code="RF010", title="No citation of a withdrawn or replaced document",
      source="ISO/IEC Directives Part 2, 10; GB/T 1.1-2020 9.5.4", severity="warning", scope="standard",
      message="{designation} is {status}{replacement}", message_zh="{designation}已{status_zh}{replacement_zh}",
      examples=(Example("en", "{cite}`GB/T 1.1-2009`", "{cite}`GB/T 1.1-2020`"),
                Example("zh", "{cite}`GB/T 1.1—2009`", "{cite}`GB/T 1.1—2020`")))
def rf010(ctx: StandardContext) -> None:
    """What it checks: the cited edition is current (repository status or catalogue status).

    Why: a withdrawn or replaced document is no longer maintained; cite its replacement, or keep a
    dated citation on purpose and suppress the finding with a reason.
    """
    for citation, result in _resolved(ctx):
        if result.status in ("withdrawn", "replaced"):
            replacement = f", replaced by {result.replaced_by}" if result.replaced_by else ""
            _report(ctx, "RF010", citation, designation=citation.text, status=result.status,
                    status_zh="废止" if result.status == "withdrawn" else "被代替",
                    replacement=replacement,
                    replacement_zh=f"，由{result.replaced_by}代替" if result.replaced_by else "")


@rule(code="RF011", title="A dated citation names an edition that exists",
      source="ISO/IEC Directives Part 2, 10.4; GB/T 1.1-2020 9.5.4.2", severity="warning", scope="standard",
      message="{designation}: no such edition is known (the repository and the catalogue know other editions)",
      message_zh="{designation}：未知的版本（本文件库和目录中只有其他版本）",
      examples=(Example("en", "{cite}`GB/T 1.1-2021`", "{cite}`GB/T 1.1-2020`"),
                Example("zh", "{cite}`GB/T 1.1—2021`", "{cite}`GB/T 1.1—2020`")))
def rf011(ctx: StandardContext) -> None:
    """What it checks: a dated citation's year matches an edition in the repository or the catalogue.

    Why: a wrong year sends the reader to an edition that does not exist.
    """
    for citation, result in _resolved(ctx):
        if result.unknown_edition:
            _report(ctx, "RF011", citation, designation=citation.text)
