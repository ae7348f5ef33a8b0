"""The parallel bilingual edition: master and translation side by side, aligned per segment.

Built in the translation's build (``std_output_language`` set) by the
``stdparallel`` builder: for each standard translated into that language, it
assembles the translated standard from this build and the master from the
master build's doctrees (``std_master_doctrees``), resolves the master with the
master's labels, and walks both in step — the gettext machinery keeps the
structure, so the n-th block of one is the n-th block of the other. Each pair
becomes a row of two cells (master left, translation right). The page is one
self-contained HTML file, ``<outdir>/<slug>.html`` (the screen view), and the
same document is rendered as a PDF in two aligned columns, ``<outdir>/<slug>.pdf``.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from docutils import nodes
from docutils.utils import new_document
from sphinx.util import logging
from sphinx.util.nodes import inline_all_toctrees

from ..directives import nodes as stdnodes
from ..translate.catalogs import catalog_path
from .files import write_atomic
from .pdf import PRINT_TEMPLATES, StandardPDFBuilder, _fix_parents

logger = logging.getLogger(__name__)

__all__ = ["ParallelBuilder", "blocks", "setup"]

#: Elements that make one row of the parallel view.
BLOCKS = (nodes.paragraph, nodes.bullet_list, nodes.enumerated_list, nodes.definition_list, nodes.table,
          nodes.figure, nodes.math_block, nodes.note, stdnodes.example, stdnodes.term_entry, nodes.literal_block,
          stdnodes.formula_where, stdnodes.titled_block, nodes.field_list, nodes.block_quote)


def blocks(tree: nodes.Node) -> list[tuple[str, nodes.Node]]:
    """The rows of a standard in reading order: ``("title", section)`` and ``("block", element)``.

    Sections contribute their title, then their blocks and subsections; a block is
    taken whole (a note with its paragraphs is one row).
    """
    rows: list[tuple[str, nodes.Node]] = []

    def walk(node: nodes.Node) -> None:
        for child in node.children:
            if isinstance(child, nodes.section):
                rows.append(("title", child))
                walk(child)
            elif isinstance(child, BLOCKS):
                rows.append(("block", child))
            elif isinstance(child, nodes.Element) and not isinstance(child, (nodes.title, nodes.target,
                                                                             nodes.comment, nodes.footnote)):
                walk(child)

    walk(tree)
    return rows


class ParallelBuilder(StandardPDFBuilder):
    """``stdparallel``: the parallel edition of every standard translated into the build's language."""

    name = "stdparallel"
    epilog = "The parallel editions are in %(outdir)s."

    def write_documents(self, docnames) -> None:
        lang = self.config.std_output_language
        if not lang:
            logger.warning("stdparallel needs std_output_language (the translation's language)",
                           type="std", subtype="parallel")
            return
        domain = self.env.domains["standard"]
        root = Path(self.config.std_root)
        jobs = []
        for slug, entry in sorted(domain.standards.items()):
            meta = entry["metadata"]
            wanted = self.config.std_pdf_standards
            if meta is None or meta.language == lang or (wanted and slug not in wanted):
                continue
            if not catalog_path(root, slug, lang).is_file():
                continue
            html = self.parallel_html(slug)
            path = Path(self.outdir) / f"{slug}.html"
            write_atomic(path, html.encode("utf-8"))
            jobs.append((slug, path))
        self.copy_image_files()
        for slug, path in jobs:
            result = self.render_pdf(slug, path)
            self.results.append(result)
            if not result.ok:
                logger.warning("%s: parallel PDF not written: %s", slug, result.message, type="std",
                               subtype="pdf")
        import json
        from dataclasses import asdict

        write_atomic(Path(self.outdir) / "pdf-report.json",
                     json.dumps([asdict(r) for r in self.results], indent=2, ensure_ascii=False).encode())

    # -- the two sides ----------------------------------------------------------------------
    def master_tree(self, slug: str) -> nodes.document:
        """The master standard, assembled from the master build's doctrees and resolved in its language."""
        doctrees = Path(self.config.std_master_doctrees or (Path(self.config.std_root) / "build" / "doctrees"))
        index = f"{slug}/index"

        def load(docname: str) -> nodes.document:
            with open(doctrees / f"{docname}.doctree", "rb") as handle:
                tree = pickle.load(handle)
            tree.settings.env = self.env
            tree.reporter = new_document("", tree.settings).reporter
            return tree

        original = self.env.get_doctree
        self.env.get_doctree = load  # inline_all_toctrees reads through the environment
        try:
            tree = inline_all_toctrees(self, set(), index, load(index), lambda s: s, [index])
        finally:
            self.env.get_doctree = original
        _fix_parents(tree)
        lang = self.config.std_output_language
        self.config.std_output_language = ""  # the master keeps its own labels and number forms
        try:
            self.env.resolve_references(tree, index, self)
        finally:
            self.config.std_output_language = lang
        return tree

    def parallel_html(self, slug: str) -> str:
        translated = self.assemble(slug)
        master = self.master_tree(slug)
        self._unique_ids(master, f"{slug}/index")
        left, right = blocks(master), blocks(translated)
        if len(left) != len(right):
            logger.warning("%s: the master has %d blocks and the translation %d; rows after the first "
                           "difference may not match", slug, len(left), len(right), type="std", subtype="parallel")
        meta = self.env.domains["standard"].metadata(slug)
        master_meta = self.env.domains["standard"].standards[slug]["metadata"]
        self.current_docname = f"{slug}/index"
        self.secnumbers, self.fignumbers, self.imgpath = {}, {}, "_images"
        for image in master.findall(nodes.image):
            # the master's own figures (images/x.svg) are not the translation build's (images/x.en.svg)
            if image["uri"] not in self.env.images and (Path(self.srcdir) / image["uri"]).is_file():
                self.env.images.add_file(f"{slug}/index", image["uri"])
        self.post_process_images(master)
        self.post_process_images(translated)
        # footnotes are set at their calls (GB/T 1.1-2020 9.12): each column looks them up in its own tree
        notes = {side: {fid: fn for fn in tree.findall(nodes.footnote) for fid in fn["ids"]}
                 for side, tree in (("master", master), ("translation", translated))}
        for node in master.findall(nodes.Element):
            # anchors that links follow live in the translation's column: the master's own become unique dummies
            node["ids"] = [f"master-{i}" for i in node["ids"]]
        rows = []
        for (kind, a), (_, b) in zip(left, right):
            rows.append({"kind": kind, "level": _level(a) if kind == "title" else 0,
                         "anchor": b["ids"][0] if kind == "title" and b["ids"] else "",
                         "left": self._render(a, kind, master_meta.language, notes["master"]),
                         "right": self._render(b, kind, meta.language, notes["translation"])})
        context = self.print_context(slug, meta, translated)
        context.update(rows=rows, master=master_meta, translation=meta,
                       css=[(PRINT_TEMPLATES / name).read_text(encoding="utf-8")
                            for name in ("base.css", f"{meta.profile}.css", "parallel.css")])
        return self.jinja.get_template("parallel.html").render(**context)

    def _render(self, node: nodes.Node, kind: str, lang: str, footnotes: dict[str, nodes.footnote]) -> str:
        if kind == "title":
            title = node[0] if node.children and isinstance(node[0], nodes.title) else None
            text = " ".join(title.astext().split()) if title is not None else ""
            return self.encode(text)
        document = new_document("", self.docsettings)
        document.settings.env = self.env
        document += node.deepcopy()
        _fix_parents(document)
        visitor = self.create_translator(document, self)
        visitor.std_lang = lang
        visitor._footnotes = footnotes
        document.walkabout(visitor)
        return "".join(visitor.fragment)

    @staticmethod
    def encode(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _level(section: nodes.section) -> int:
    level, parent = 0, section.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            level += 1
        parent = parent.parent
    return level


def setup(app) -> None:
    app.add_builder(ParallelBuilder)
    app.add_config_value("std_master_doctrees", "", "", types=(str,))
