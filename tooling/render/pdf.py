"""The PDF builder: one print document per standard, rendered by WeasyPrint.

For each standard the builder assembles one doctree from its index (all
toctrees inlined, the way Sphinx's LaTeX builder assembles a document), lets the
post-transforms number and resolve it, renders it with the shared HTML
translator into ``templates/print/document.html`` (cover, table of contents,
front matter, body, end line, back cover; layout in the profile's CSS after
``../shared/LAYOUT.md``), and hands that HTML to a child process
(:mod:`tooling.render.pdf_worker`) with a time limit, so a crash or a hang costs
only that PDF (case C13).

Outputs in ``build/pdf/`` (the builder's outdir): ``<slug>.pdf`` and, for
inspection, ``<slug>.print.html``. Nothing is written for a standard whose
metadata is invalid or whose render fails; failures are reported as
``std.pdf`` warnings and listed in ``pdf-report.json``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import jinja2
from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging
from sphinx.util.console import darkgreen
from sphinx.util.nodes import inline_all_toctrees

from .. import TEMPLATES
from ..directives import nodes as stdnodes
from ..directives.nodes import ancestors
from ..model.labels import label
from ..model.metadata import StandardMetadata
from .cover import cover_values
from .files import write_atomic
from .html import StdHTMLTranslator

logger = logging.getLogger(__name__)

__all__ = ["PDFResult", "RenderError", "StandardPDFBuilder", "render_in_child", "setup"]

PRINT_TEMPLATES = TEMPLATES / "print"


@dataclass
class PDFResult:
    """What happened to one standard's PDF.

    Attributes:
        slug: the standard.
        ok: True when the PDF was written.
        path: the PDF (or ``None``).
        pages: number of pages.
        seconds: render time in the child process, in seconds.
        message: the failure, for a failed render.
    """

    slug: str
    ok: bool
    path: str | None = None
    pages: int = 0
    seconds: float = 0.0
    message: str = ""


# A run of characters without a space or a CJK character: where a line can break only with
# ``overflow-wrap`` (a reference code, an identifier, a URL written out).
_TOKEN_CHARS = r"[^\s\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"


def long_token_length(columns: int) -> int:
    """The length from which a token in a table cell of ``columns`` columns counts as long (case C03).

    In: the table's column count. Out: a character count, 16 to 48 (``48 // columns``,
    at least 16). A long token may break anywhere; a shorter one (an English word, a
    clause number such as ``2.1.1``) breaks only at its own break opportunities and
    may widen its column instead. The text block (A4 less the margins, 165 mm;
    LAYOUT.md 10.1) holds about 90 characters of 9 pt table text: a token of about
    half a column's even share is long, and English words stay whole (few have 16
    letters or more).
    """
    return max(16, min(48, 48 // max(1, columns)))


class PrintHTMLTranslator(StdHTMLTranslator):
    """The HTML translator for print.

    Footnotes float to the page foot at their call (case C04). In a table cell, a
    long token without a break opportunity (a reference code, an identifier, a URL;
    see :func:`long_token_length`) is wrapped in ``<span class="std-token">``, which
    the print CSS lets break anywhere (case C03), while the cell's prose breaks only
    between words (``overflow-wrap: break-word``): WeasyPrint sizes table columns by
    trying a break at every character of text that may break anywhere, which made
    tables of English prose slow to lay out.
    """

    def __init__(self, document: nodes.document, builder) -> None:
        super().__init__(document, builder)
        self._table_columns: list[int] = []  # column counts of the tables being written, innermost last
        self._cells = 0  # depth of table cells being written

    def visit_tgroup(self, node: nodes.tgroup) -> None:
        self._table_columns.append(int(node.get("cols", 1) or 1))
        super().visit_tgroup(node)

    def depart_tgroup(self, node: nodes.tgroup) -> None:
        super().depart_tgroup(node)
        self._table_columns.pop()

    def visit_entry(self, node: nodes.entry) -> None:
        super().visit_entry(node)
        self._cells += 1

    def depart_entry(self, node: nodes.entry) -> None:
        self._cells -= 1
        super().depart_entry(node)

    def visit_Text(self, node: nodes.Text) -> None:
        if not self._cells or self.protect_literal_text or self.in_mailto:
            super().visit_Text(node)
            return
        columns = self._table_columns[-1] if self._table_columns else 1
        token = re.compile(f"{_TOKEN_CHARS}{{{long_token_length(columns)},}}")
        text = node.astext()
        last = 0
        for match in token.finditer(text):
            self.body.append(self.encode(text[last:match.start()]))
            self.body.append(f'<span class="std-token">{self.encode(match.group())}</span>')
            last = match.end()
        self.body.append(self.encode(text[last:]))

    # -- tables: the anchor on the caption ---------------------------------------------------
    def visit_table(self, node: nodes.table) -> None:
        """WeasyPrint makes no anchor of ``<table id>``: a titled table's ids go on its caption."""
        title = node[0] if node.children and isinstance(node[0], nodes.title) else None
        if title is None or not node["ids"]:
            super().visit_table(node)
            return
        ids = node["ids"]
        node["ids"] = []
        try:
            super().visit_table(node)
        finally:
            node["ids"] = ids

    def visit_title(self, node: nodes.title) -> None:
        if not (isinstance(node.parent, nodes.table) and node.parent["ids"] and not node["ids"]):
            super().visit_title(node)
            return
        node["ids"] = node.parent["ids"]
        try:
            super().visit_title(node)
        finally:
            node["ids"] = []

    # -- "式中："/"where" lists: each symbol with its explanation in one block ---------------
    @staticmethod
    def _in_where(node: nodes.Element) -> bool:
        parent = node.parent
        return isinstance(parent, nodes.definition_list) and isinstance(parent.parent, stdnodes.formula_where)

    def visit_definition_list_item(self, node: nodes.definition_list_item) -> None:
        """A symbol of a "where" list and its explanation go in ``<div class="where-item">``.

        In: a ``definition_list_item`` (only those of a ``{where}`` list are wrapped).
        Out: the item's HTML inside that ``div``. The print CSS keeps an item whole and
        the first one with the "式中："/"where" label (LAYOUT.md "Formulas"; GB/T
        1.1-2020 9.9, 10.4.7). The symbol (``dt``) floats beside its explanation, and
        WeasyPrint lets a float that does not fit leave an empty list at the foot of
        the page, so a break can only be kept out around an item that holds its float.
        """
        if self._in_where(node):
            self.body.append('<div class="where-item">')
        super().visit_definition_list_item(node)

    def depart_definition_list_item(self, node: nodes.definition_list_item) -> None:
        super().depart_definition_list_item(node)
        if self._in_where(node):
            self.body.append("</div>\n")

    def visit_footnote_reference(self, node: nodes.footnote_reference) -> None:
        if not hasattr(self, "_footnotes"):
            self._footnotes = {fid: fn for fn in self.document.findall(nodes.footnote) for fid in fn["ids"]}
        footnote = self._footnotes.get(node.get("refid", ""))
        if footnote is None:
            super().visit_footnote_reference(node)
            return
        label_text = footnote[0].astext() if footnote.children and isinstance(footnote[0], nodes.label) else ""
        body = " ".join(child.astext() for child in footnote.children[1:])
        self.body.append(
            f'<span class="footnote" data-label="{self.attval(label_text)}">'
            f'{self.encode(body)}</span>')
        raise nodes.SkipNode

    def visit_footnote(self, node: nodes.footnote) -> None:
        raise nodes.SkipNode

    def visit_footnote_list(self, node) -> None:  # docutils >= 0.22 groups footnotes
        raise nodes.SkipNode

    def visit_section(self, node: nodes.section) -> None:
        role = stdnodes.section_role(node)
        if role and self.section_level == 0:
            node["classes"] = [*node["classes"], "role-" + role]
        super().visit_section(node)


def _safe(docname: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", docname)


class StandardPDFBuilder(StandaloneHTMLBuilder):
    """Builds ``<slug>.pdf`` for every standard (or those in ``std_pdf_standards``)."""

    name = "stdpdf"
    format = "html"
    epilog = "The PDFs are in %(outdir)s."
    supported_image_types = ["image/svg+xml", "image/png", "image/jpeg", "image/gif"]
    default_translator_class = PrintHTMLTranslator
    search = False
    copysource = False
    allow_parallel = False

    def init(self) -> None:
        super().init()
        self.results: list[PDFResult] = []
        self.jinja = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(PRINT_TEMPLATES)),
            autoescape=jinja2.select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    # URIs: every document lives in one file; cross-document links become anchors
    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return "#document-" + docname

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to)

    def get_outdated_docs(self):
        return "all standards"

    def write_documents(self, docnames) -> None:
        domain = self.env.domains["standard"]
        wanted = self.config.std_pdf_standards or sorted(domain.standards)
        jobs = []
        for slug in wanted:
            entry = domain.standards.get(slug)
            if entry is None:
                logger.warning("no standard %r in this repository", slug, type="std", subtype="pdf")
                continue
            meta = domain.metadata(slug)
            if meta is None:
                self.results.append(PDFResult(slug, False, message="invalid metadata (see the warnings above)"))
                logger.warning("%s: no PDF, its metadata is invalid", slug, type="std", subtype="pdf",
                               location=(entry["docname"], 1))
                continue
            logger.info(darkgreen(f"assembling {slug}"))
            html_path = Path(self.outdir) / f"{slug}.print.html"
            write_atomic(html_path, self.print_html(slug, meta).encode("utf-8"))
            jobs.append((slug, html_path))
        self.copy_image_files()
        workers = max(1, min(self.config.std_pdf_jobs or os.cpu_count() or 1, len(jobs) or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for result in pool.map(lambda job: self.render_pdf(*job), jobs):
                self.results.append(result)
                if result.ok:
                    logger.info("%s: %d pages in %.1f s", result.path, result.pages, result.seconds)
                else:
                    logger.warning("%s: PDF not written: %s", result.slug, result.message,
                                   type="std", subtype="pdf")
        write_atomic(Path(self.outdir) / "pdf-report.json",
                     json.dumps([asdict(r) for r in self.results], indent=2, ensure_ascii=False).encode())

    def write_doc(self, docname, doctree) -> None:  # pragma: no cover - write_documents does the work
        pass

    def finish(self) -> None:
        self.copy_image_files()

    # -- assembling -------------------------------------------------------------------------
    def assemble(self, slug: str) -> nodes.document:
        """One doctree for the whole standard, numbered and resolved, with IDs unique per document."""
        index = f"{slug}/index"
        tree = self.env.get_doctree(index)
        tree = inline_all_toctrees(self, set(), index, tree, darkgreen, [index])
        _fix_parents(tree)  # inline_all_toctrees moves children without updating their parent links
        tree["docname"] = index
        offsets = self.env.domains["standard"].data.get("footnote_offsets", {})
        for sof in tree.findall(addnodes.start_of_file):
            for footnote in sof.findall(nodes.footnote):
                footnote.setdefault("std_footnote_offset", offsets.get(sof["docname"], 0))
        self.env.resolve_references(tree, index, self)
        self._unique_ids(tree, index)
        return tree

    def _unique_ids(self, tree: nodes.document, index: str) -> None:
        """Prefix every ID with its document, so IDs from different files never collide."""
        mapping: dict[str, dict[str, str]] = {}

        def owner(node: nodes.Node) -> str:
            while node is not None:
                if isinstance(node, addnodes.start_of_file):
                    return node["docname"]
                node = node.parent
            return index

        for node in tree.findall(nodes.Element):
            if not node.get("ids"):
                continue
            doc = owner(node)
            table = mapping.setdefault(doc, {})
            new_ids = [f"{_safe(doc)}--{old}" for old in node["ids"]]
            if isinstance(node, (nodes.section, nodes.table, nodes.figure, nodes.math_block)):
                # one anchor per section, table, figure and formula (its own label rather than an
                # automatic id): extra ids would be empty spans that a page break can separate from
                # the element, misplacing table-of-contents page numbers and links ("见表3" opening
                # the page before the table)
                labelled = [new for old, new in zip(node["ids"], new_ids) if not re.fullmatch(r"id\d+", old)]
                new_ids = (labelled or new_ids)[:1] * len(new_ids)
            for old, new in zip(node["ids"], new_ids):
                table[old] = new
            node["ids"] = list(dict.fromkeys(new_ids))
        for sof in tree.findall(addnodes.start_of_file):
            sof["ids"] = [f"document-{_safe(sof['docname'])}"]
        inside = {index, *(sof["docname"] for sof in tree.findall(addnodes.start_of_file))}
        for ref in list(tree.findall(nodes.reference)):
            uri = ref.get("refuri", "")
            if uri.startswith("#document-") and uri[len("#document-"):].partition("#")[0] not in inside:
                ref.replace_self(ref.children)  # another standard: its text stays, the link cannot
        for node in tree.findall(nodes.Element):
            if "refid" in node:
                node["refid"] = mapping.get(owner(node), {}).get(node["refid"], node["refid"])
            if "backrefs" in node:
                table = mapping.get(owner(node), {})
                node["backrefs"] = [table.get(b, b) for b in node["backrefs"]]
            uri = node.get("refuri", "")
            if uri.startswith("#document-"):
                doc, _, anchor = uri[len("#document-"):].partition("#")
                if anchor:
                    node["refuri"] = "#" + mapping.get(doc, {}).get(anchor, f"{_safe(doc)}--{anchor}")
                else:
                    node["refuri"] = f"#document-{_safe(doc)}"

    def print_html(self, slug: str, meta: StandardMetadata) -> str:
        """The print HTML of a standard (what WeasyPrint renders)."""
        tree = self.assemble(slug)
        self.current_docname = f"{slug}/index"
        for toctree in list(tree.findall(addnodes.toctree)):
            toctree.parent.remove(toctree)
        self._split_front_matter(tree, meta)
        body = self.render_body(tree)
        context = self.print_context(slug, meta, tree)
        context["body"] = body
        return self.jinja.get_template("document.html").render(**context)

    def _split_front_matter(self, tree: nodes.document, meta: StandardMetadata) -> None:
        """Put the foreword and introduction in a front-matter block and the rest in the body block.

        The print CSS gives them different named pages (roman and arabic folios);
        the body starts with the document title (GB/T 1.1-2020 Figure E.3).
        """
        front = nodes.container(classes=["std-front-matter"])
        main = nodes.container(classes=["std-main"])
        title = nodes.container(ids=["std-body"], classes=["std-body-title"])
        for element in meta.title_elements(meta.language):
            title += nodes.paragraph(element, element)
        main += title
        for section in _top_sections(tree):
            section.parent.remove(section)
            (front if stdnodes.section_role(section) in ("foreword", "introduction") else main).append(section)
        footnotes = list(tree.findall(nodes.footnote))  # placed at their calls by the translator
        tree.clear()
        tree += front
        tree += main
        tree += nodes.container("", *footnotes, classes=["std-footnotes"])

    def render_body(self, tree: nodes.document) -> str:
        """The HTML of the assembled doctree (the body of the print document)."""
        tree.settings = self.docsettings
        self.secnumbers, self.fignumbers = {}, {}
        self.imgpath = "_images"
        self.post_process_images(tree)
        visitor = self.create_translator(tree, self)
        tree.walkabout(visitor)
        return "".join(visitor.fragment)

    def print_context(self, slug: str, meta: StandardMetadata, tree: nodes.document) -> dict[str, Any]:
        """Values for the print templates: metadata, labels, the table of contents, the CSS to load."""
        lang = meta.language
        toc = []
        depth = self.config.std_pdf_toc_depth
        for section in tree.findall(nodes.section):
            level = 0
            parent = section.parent
            while parent is not None:
                if isinstance(parent, nodes.section):
                    level += 1
                parent = parent.parent
            if level >= depth or "untitled" in section.get("classes", ()):
                continue
            top = section
            while isinstance(top.parent, nodes.section):
                top = top.parent
            toc.append({
                "level": level,
                "anchor": section["ids"][0],
                "text": " ".join(section[0].astext().split(" ")).strip(),
                "role": stdnodes.section_role(section) if level == 0 else None,
                "front": stdnodes.section_role(top) in ("foreword", "introduction"),
            })
        css = [PRINT_TEMPLATES / "base.css", PRINT_TEMPLATES / f"{meta.profile}.css"]
        return {
            "m": meta,
            "slug": slug,
            "lang": lang,
            "html_lang": "zh-CN" if lang == "zh" else "en",
            "designation": meta.display_designation(),
            "running_designation": meta.display_designation() + ("" if meta.profile == "gb" or lang == "zh" else "(E)"),
            "L": lambda key, n=None: label(lang, key, n),
            "cover": cover_values(meta),
            "toc": toc,
            "stylesheets": [p.as_uri() for p in css],
            "created": (meta.issued or meta.draft_date).isoformat() if (meta.issued or meta.draft_date) else None,
            "first_body_anchor": _first_body_anchor(toc),
        }

    # -- rendering --------------------------------------------------------------------------
    def render_pdf(self, slug: str, html_path: Path) -> PDFResult:
        """Render ``html_path`` to ``<slug>.pdf`` in a child process with the configured time limit."""
        out = Path(self.outdir) / f"{slug}.pdf"
        start = time.monotonic()
        try:
            info, warnings = render_in_child(html_path, out, self.config.std_root, self.config.std_pdf_timeout,
                                             self.config.std_pdf_worker or None)
        except RenderError as exc:
            hint = " (raise std_pdf_timeout to allow more)" if exc.timed_out else ""
            return PDFResult(slug, False, message=str(exc) + hint, seconds=time.monotonic() - start)
        for line in warnings:
            logger.warning("%s: %s", slug, line, type="std", subtype="pdf-render")
        return PDFResult(slug, True, str(out), info.get("pages", 0), info.get("seconds", time.monotonic() - start))


class RenderError(Exception):
    """The PDF renderer failed, crashed, could not start or ran out of time (``timed_out``)."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


def render_in_child(html_path: str | Path, out: str | Path, root: str | Path, timeout: float,
                    worker: list[str] | None = None) -> tuple[dict, list[str]]:
    """Render the print HTML ``html_path`` to the PDF ``out`` in a child process.

    The child (:mod:`tooling.render.pdf_worker`, or the argv prefix ``worker``, as the
    ``std_pdf_worker`` setting) reads nothing outside ``root`` and is stopped after
    ``timeout`` seconds, so a crash or a hang costs one PDF, not the build.

    Returns:
        ``(info, warnings)``: the worker's JSON report (``{"pages", "seconds"}``) and its
        warnings (missing glyphs …), one string per line.

    Raises:
        RenderError: when the renderer exits non-zero (the message ends with its last line
        of output), cannot be started, or runs longer than ``timeout``.
    """
    cmd = [*(worker or [sys.executable, "-m", "tooling.render.pdf_worker"]), str(html_path), str(out),
           "--root", str(Path(root).resolve())]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
    except subprocess.TimeoutExpired:
        raise RenderError(f"rendering took longer than the time limit of {timeout:g} s; the render was stopped",
                          timed_out=True) from None
    except OSError as exc:
        raise RenderError(f"the PDF renderer could not be started: {exc}") from None
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RenderError(f"the renderer failed (exit status {proc.returncode}): {tail}")
    try:
        info = json.loads(proc.stdout or "{}")
    except ValueError:
        info = {}
    return info, [line.strip() for line in proc.stderr.splitlines() if line.strip()]


def _fix_parents(node: nodes.Element) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        for child in current.children:
            child.parent = current
            if isinstance(child, nodes.Element):
                stack.append(child)


def _top_sections(tree: nodes.document) -> list[nodes.section]:
    """Sections not inside another section, in document order."""
    return [s for s in tree.findall(nodes.section) if not isinstance(s.parent, nodes.section)
            and not any(isinstance(a, nodes.section) for a in ancestors(s))]



def _first_body_anchor(toc: list[dict]) -> str | None:
    for entry in toc:
        if entry["level"] == 0 and entry["role"] not in ("foreword", "introduction"):
            return entry["anchor"]
    return None


def setup(app) -> None:
    app.add_builder(StandardPDFBuilder)
    app.set_translator("stdpdf", PrintHTMLTranslator, override=True)
    app.set_translator("stdparallel", PrintHTMLTranslator, override=True)
    app.add_config_value("std_pdf_standards", [], "", types=(list,))
    app.add_config_value("std_pdf_timeout", 300, "", types=(int, float))
    app.add_config_value("std_pdf_jobs", 0, "", types=(int,))
    app.add_config_value("std_pdf_toc_depth", 2, "", types=(int,))
    # the command that renders one PDF (argv prefix); e.g. to run the renderer under a sandbox
    app.add_config_value("std_pdf_worker", [], "", types=(list,))
