"""MyST directives and roles for the elements of a standard.

Directives build typed nodes, record their source line and leave numbering and
labels to the model's transforms: a directive counts nothing.

=====================  ==========================================================
``{term}``             term entry (GB/T 1.1-2020 8.7.3; DIR 2 16.5)
``{example}``          example 示例 / EXAMPLE (GB/T 1.1-2020 9.10; DIR 2 25)
``{clause}``           an untitled subclause (GB/T 1.1-2020 7.3.3; DIR 2 22.2)
``{block}``            a titled block that is not a numbered clause
``{where}``            the 式中：/ where list of a formula (GB/T 1.1-2020 9.9.3)
``{std-catalogue}``    the list of standards (home page)
``{std-index}``        a standard's index of terms (GB/T 1.1-2020 8.14)
``{cite}``             citation of a document (GB/T 1.1-2020 9.5.4; DIR 2 10)
=====================  ==========================================================

Notes (``{note}``), figures, tables and formulas use the usual MyST/docutils
directives; the model numbers and labels them.
"""

from __future__ import annotations

import re

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from docutils.parsers.rst.directives.tables import RSTTable
from docutils.transforms import Transform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from . import nodes as stdnodes

logger = logging.getLogger(__name__)

__all__ = ["setup"]


def _list(value: str | None) -> list[str]:
    """Split an option holding several terms (separated by ``;`` or ``；`` or new lines)."""
    if not value:
        return []
    return [item.strip() for item in re.split(r"[;；\n]", value) if item.strip()]


class TermDirective(SphinxDirective):
    """A term entry: the argument is the preferred term in the document's language.

    Options: ``:en:``/``:zh:`` equivalent in the other language; ``:admitted:``,
    ``:deprecated:`` (several separated by ``;``), with ``:admitted-en:``,
    ``:deprecated-en:``, ``:admitted-zh:``, ``:deprecated-zh:`` equivalents;
    ``:symbol:``; ``:source:`` (``GB/T 11615—2010, 3.1``); ``:modified:`` (the
    explanation, or empty) and ``:modified-en:``/``:modified-zh:`` (the explanation
    in the other language); ``:domain:`` with ``:domain-en:``/``:domain-zh:``;
    ``:name:`` (stable ID). The content is the definition, then examples and notes
    to entry. Everything in options is bilingual in the markup: catalogs carry only
    the definition, notes and examples.
    """

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {
        "name": directives.unchanged,
        "en": directives.unchanged,
        "zh": directives.unchanged,
        "admitted": directives.unchanged,
        "deprecated": directives.unchanged,
        "admitted-en": directives.unchanged,
        "admitted-zh": directives.unchanged,
        "deprecated-en": directives.unchanged,
        "deprecated-zh": directives.unchanged,
        "symbol": directives.unchanged,
        "source": directives.unchanged,
        "modified": directives.unchanged,
        "modified-en": directives.unchanged,
        "modified-zh": directives.unchanged,
        "domain": directives.unchanged,
        "domain-en": directives.unchanged,
        "domain-zh": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        preferred = self.arguments[0].strip()
        entry = stdnodes.term_entry(
            preferred=preferred,
            admitted=_list(self.options.get("admitted")),
            deprecated=_list(self.options.get("deprecated")),
            equivalents={lang: self.options[lang].strip() for lang in ("en", "zh") if self.options.get(lang)},
            admitted_equivalents={lang: _list(self.options.get(f"admitted-{lang}")) for lang in ("en", "zh")},
            deprecated_equivalents={lang: _list(self.options.get(f"deprecated-{lang}")) for lang in ("en", "zh")},
            symbol=self.options.get("symbol", "").strip(),
            source=self.options.get("source", "").strip(),
            modified=self.options.get("modified") if "modified" in self.options else None,
            domain=self.options.get("domain", "").strip(),
            # texts of the entry in the other language, for its translation (not in the catalogs)
            domains={lang: self.options[f"domain-{lang}"].strip() for lang in ("en", "zh")
                     if self.options.get(f"domain-{lang}")},
            modifications={lang: self.options[f"modified-{lang}"].strip() for lang in ("en", "zh")
                           if self.options.get(f"modified-{lang}")},
            classes=["term-entry", *self.options.get("class", [])],
        )
        self.set_source_info(entry)
        # terms and their equivalents are bilingual in the markup: not messages for translators
        head = stdnodes.term_head("", classes=["term-head"], translatable=False)
        self.set_source_info(head)
        head += nodes.inline(preferred, preferred, classes=["term-preferred"])
        for lang, text in entry["equivalents"].items():
            head += nodes.inline(text, text, classes=["term-equivalent"], lang=lang)
        entry += head
        for kind in ("admitted", "deprecated"):
            others = entry[f"{kind}_equivalents"]
            for index, term in enumerate(entry[kind]):
                line = stdnodes.term_line("", classes=["term-" + kind], translatable=False)
                self.set_source_info(line)
                line += nodes.inline(term, term, classes=["term-" + kind])
                for lang, terms in others.items():
                    if index < len(terms):
                        line += nodes.inline(terms[index], terms[index], classes=["term-equivalent"], lang=lang)
                entry += line
        if entry["symbol"]:
            line = stdnodes.term_line("", classes=["term-symbol"], translatable=False)
            line += nodes.inline(entry["symbol"], entry["symbol"], classes=["term-symbol"])
            entry += line
        body = nodes.container(classes=["term-body"])
        self.set_source_info(body)
        self.state.nested_parse(self.content, self.content_offset, body)
        entry.extend(body.children)
        if entry["source"] or entry["modified"] is not None:
            source = stdnodes.term_source("", classes=["term-source"], translatable=False)
            self.set_source_info(source)
            entry += source
        self.add_name(entry)
        return [entry]


class TableDirective(RSTTable):
    """``{table}`` that may hold the table's notes after the table (GB/T 1.1-2020 9.8.3; DIR 2 28.5.4).

    The first block of the content is the table; everything after the first
    blank line that follows it (notes, paragraphs) goes into a last row that
    spans all columns, inside the table's frame, where table notes belong.
    """

    def run(self) -> list[nodes.Node]:
        content = self.content
        start = next((i for i, line in enumerate(content) if line.strip()), 0)
        split = next((i for i in range(start, len(content)) if not content[i].strip()), len(content))
        extra = StringList(content[split:], parent=content.parent) if split < len(content) else None
        self.content = StringList(content[:split], parent=content.parent)
        result = super().run()
        table = next((n for n in result if isinstance(n, nodes.table)), None)
        if table is not None and "colwidths-given" in table["classes"] and "colwidths-auto" in table["classes"]:
            table["classes"].remove("colwidths-auto")  # MyST marks pipe tables auto; :widths: says otherwise
        if extra is not None and table is not None and any(line.strip() for line in extra):
            holder = nodes.Element()
            self.state.nested_parse(extra, self.content_offset + split, holder)
            tgroup = next(n for n in table.children if isinstance(n, nodes.tgroup))
            tbody = next((n for n in tgroup.children if isinstance(n, nodes.tbody)), None)
            if tbody is None:
                tbody = nodes.tbody()
                tgroup += tbody
            entry = nodes.entry("", *holder.children, classes=["table-notes"], morecols=int(tgroup["cols"]) - 1)
            tbody += nodes.row("", entry, classes=["table-notes"])
        return result


class TableCellSources(Transform):
    """Give every table cell's text the source of its table.

    MyST leaves the paragraphs of pipe-table cells without a source when the table is
    parsed inside a directive (``{table}``, ``{block}``, ``{note}``). Without one,
    Sphinx neither extracts them for translation nor can lint name their line. Runs
    before Sphinx's Locale transform (priority 20), which translates them.
    """

    default_priority = 5

    def apply(self) -> None:
        for table in self.document.findall(nodes.table):
            source, line = table.source, table.line
            if not source:
                holder = next((n for n in stdnodes.ancestors(table) if n.source), None)
                source, line = (holder.source, holder.line) if holder is not None else (None, None)
            if not source:
                continue
            for node in table.findall(nodes.TextElement):
                if not node.source:
                    node.source, node.line = source, node.line or line


class ExampleDirective(SphinxDirective):
    """An example (示例 / EXAMPLE). Numbered by the model only when its parent holds several."""

    has_content = True
    option_spec = {"name": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        node = stdnodes.example("\n".join(self.content), classes=["example", *self.options.get("class", [])])
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        self.add_name(node)
        return [node]


class ClauseDirective(SphinxDirective):
    """An untitled subclause: number, full-width space, then its text (GB/T 1.1-2020 10.2)."""

    has_content = True
    option_spec = {"name": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        section = nodes.section(classes=["untitled", *self.options.get("class", [])])
        self.set_source_info(section)
        section += nodes.title("", "")
        self.state.nested_parse(self.content, self.content_offset, section)
        self.add_name(section)
        if not section["ids"]:
            self.state.document.set_id(section)
        return [section]


class BlockDirective(SphinxDirective):
    """A titled block that is not a clause (``Rationale:``): it takes no number."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {"name": directives.unchanged, "class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        title = self.arguments[0].strip()
        node = stdnodes.titled_block(classes=["titled-block", *self.options.get("class", [])])
        self.set_source_info(node)
        inodes, messages = self.parse_inline(title, lineno=self.lineno)
        rubric = nodes.rubric(title, "", *inodes, classes=["block-title"])
        self.set_source_info(rubric)
        node += rubric
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        self.add_name(node)
        return [node]


class WhereDirective(SphinxDirective):
    """The explanation of a formula's symbols, introduced by 式中：/ where.

    Content: one item per symbol, e.g. a definition list (``$m$`` then ``: 质量，单位为千克（kg）``).
    """

    has_content = True
    option_spec = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        node = stdnodes.formula_where(classes=["where", *self.options.get("class", [])])
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class CatalogueDirective(SphinxDirective):
    """The table of the repository's standards (designation, titles, stage)."""

    def run(self) -> list[nodes.Node]:
        node = stdnodes.std_catalogue()
        self.set_source_info(node)
        return [node]


class RulesDirective(SphinxDirective):
    """The reference of drafting rules: every rule's code, title, source, severity and documentation."""

    def run(self) -> list[nodes.Node]:
        node = stdnodes.std_rules()
        self.set_source_info(node)
        return [node]


class IndexDirective(SphinxDirective):
    """The standard's index (索引): its terms in alphabetical order with their entry numbers."""

    def run(self) -> list[nodes.Node]:
        node = stdnodes.std_index()
        self.set_source_info(node)
        return [node]


_CITE = re.compile(r"^(?P<designation>[^#,，]+?)\s*(?:#(?P<id>[\w.:-]+)|[,，]\s*(?P<loc>.+))?$")


class CiteRole(SphinxRole):
    """``{cite}`GB/T 20000.1—2014, 5.2```: a citation of a document or a part of it.

    Forms: ``DESIGNATION`` (undated or dated), ``DESIGNATION#stable-id`` and
    ``DESIGNATION, location`` (``5.2``, ``Table 2``, ``表2``, ``Annex A``).
    ``{cite-normative}`` and ``{cite-informative}`` state the citation's nature;
    plain ``{cite}`` leaves it to the context.

    An empty citation (``{cite}` ``) is refused with :attr:`EMPTY`. ``{cite}`` followed by two
    backticks with nothing between them is no role at all for MyST (it stays text), so
    :class:`tooling.xref.citations.CollectCitations` reports it with the same message.
    """

    #: The message of an empty citation (also of one MyST leaves as text).
    EMPTY = "citation is empty: write 'DESIGNATION', 'DESIGNATION#id' or 'DESIGNATION, location' between the backticks"

    def __init__(self, normative: bool | None = None) -> None:
        super().__init__()
        self.normative = normative

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        text = " ".join(self.text.split())
        if not text:
            return self._refused(self.EMPTY)
        m = _CITE.match(text)
        if not m:
            return self._refused(f"citation {text!r} is not 'DESIGNATION', 'DESIGNATION#id' "
                                 "or 'DESIGNATION, location'")
        from ..model.designation import DesignationError, parse_designation

        try:
            parse_designation(m["designation"])
        except DesignationError as exc:
            return self._refused(f"citation: {exc}")
        node = stdnodes.std_cite(
            self.rawtext,
            m["designation"],
            designation=m["designation"].strip(),
            target_id=m["id"] or "",
            location=(m["loc"] or "").strip(),
            normative=self.normative,
            classes=["std-citation"],
        )
        self.set_source_info(node)
        return [node], []

    def _refused(self, message: str) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """A citation that cannot be read: an error ``std.citation`` at its line, its text shown as written."""
        logger.error(message, type="std", subtype="citation", location=self.get_location())
        return [nodes.problematic(self.rawtext, self.rawtext)], []


def setup(app) -> None:
    app.add_directive("term", TermDirective)
    app.add_transform(TableCellSources)
    app.add_directive("table", TableDirective, override=True)
    app.add_directive("example", ExampleDirective)
    app.add_directive("clause", ClauseDirective)
    app.add_directive("block", BlockDirective)
    app.add_directive("where", WhereDirective)
    app.add_directive("std-catalogue", CatalogueDirective)
    app.add_directive("std-index", IndexDirective)
    app.add_directive("std-rules", RulesDirective)
    app.add_role("cite", CiteRole())
    app.add_role("cite-normative", CiteRole(True))
    app.add_role("cite-informative", CiteRole(False))
    for node in (stdnodes.term_entry, stdnodes.titled_block, stdnodes.formula_where,
                 stdnodes.std_catalogue, stdnodes.std_index, stdnodes.std_rules):
        app.add_node(node)
