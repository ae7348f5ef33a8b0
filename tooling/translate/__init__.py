"""Translation: catalogs per standard (:mod:`.catalogs`), editions in the other language.

A build with ``std_output_language`` set (``std build --lang en``) applies each
standard's catalog in that language through Sphinx's i18n machinery, and takes
``images/x.en.svg`` instead of ``images/x.svg`` where such a variant exists. The
catalogs are copied into ``build/locales`` first, so Sphinx compiles its ``.mo``
files there and never writes into ``standards/``.

Each catalog is validated on the way (:mod:`.validate`): every problem is a Sphinx
warning at the PO file's line (``type="std"``, ``subtype="po"``); a message whose
translation breaks the master's markup is copied untranslated, and a catalog that
cannot be read (broken syntax, not UTF-8, empty) is not copied at all, so the
edition shows the master text there instead of failing. Only the catalog of each
standard (``<slug>/locales/<lang>/LC_MESSAGES/<slug>.po``, for a standard drafted in
another language) is used; every other PO file of its ``locales/`` is a warning
(:func:`.catalogs.misplaced_catalogs`), never the catalog of another standard.

Where the edition shows the master text (a message untranslated, fuzzy, refused for its
markup, or a catalog that cannot be used), the element is marked
(:class:`MarkUntranslated`): class ``std-untranslated`` and the ``lang`` of the master
(``lang="zh-CN"``), so that readers see it and screen readers read it in its language.
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.nodes import extract_messages

from ..render.files import write_atomic

logger = logging.getLogger(__name__)

#: The ``lang`` of HTML text in each language of the standards.
HTML_LANG = {"zh": "zh-CN", "en": "en"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _locale_setup(app, config) -> None:
    # Sphinx caches message catalogs per text domain for the whole process, whatever the language:
    # forget the standards' catalogs, so that one build never applies another build's translations
    import sphinx.locale

    for key in [k for k in sphinx.locale.translators if k[0] == "general" and k[1] != "sphinx"]:
        del sphinx.locale.translators[key]
    lang = config.std_output_language
    if not lang:
        config.figure_language_filename = "{root}{ext}"  # a master edition shows its own figures
        return
    config.language = lang
    config.figure_language_filename = "{root}.{language}{ext}"  # images/flow.en.svg in the English edition
    root = Path(config.std_root or app.confdir)
    target = root / "build" / "locales"
    sources = _catalogs(Path(app.srcdir), root, lang)
    names = {po.name for po in sources}
    for stale in (target / lang / "LC_MESSAGES").glob("*.[pm]o"):
        if stale.with_suffix(".po").name not in names:  # its catalog was removed from standards/
            stale.unlink()
    for po in sources:
        destination = target / lang / "LC_MESSAGES" / po.name
        data = _validated(po, root)
        if data is None:  # unusable: no catalog at all (and no .mo compiled from an earlier version)
            destination.unlink(missing_ok=True)
            destination.with_suffix(".mo").unlink(missing_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(destination, data)  # only when it changed: Sphinx compiles the .mo again from its mtime
    config.locale_dirs = [str(target)]
    config.gettext_compact = True


def _catalogs(srcdir: Path, root: Path, lang: str) -> list[Path]:
    """The catalogs a build in ``lang`` applies: ``<slug>/locales/<lang>/LC_MESSAGES/<slug>.po`` of each standard
    drafted in another language. The other PO files of those standards' ``locales/`` are reported (a warning
    each) and left out: a file named after another standard never becomes that standard's catalog."""
    from ..model.metadata import MetadataError, load_metadata
    from .catalogs import misplaced_catalogs

    found = []
    for index in sorted(srcdir.glob("*/index.md")):
        slug = index.parent.name
        po = index.parent / "locales" / lang / "LC_MESSAGES" / f"{slug}.po"
        try:
            master = load_metadata(index).language
        except (MetadataError, OSError):
            master = None  # the build reports the metadata; its catalog, if any, is used as ever
        if master == lang:
            continue  # the standard's own language: nothing to translate
        if po.is_file():
            found.append(po)
        if master is None:
            continue
        for stray in misplaced_catalogs(root, slug, master):
            # line 1, as for the other problems of a whole catalog (a location needs one)
            logger.warning("%s", stray.message, location=f"{stray.location(root)}:1", type="std", subtype="po")
    return found


def _validated(po: Path, root: Path) -> bytes | None:
    """The content of catalog ``po`` for the build, after reporting its problems as warnings.

    Returns:
        The bytes to compile (messages with a problem left untranslated), or ``None`` when the
        catalog is unusable. Never raises for bad content.
    """
    from .validate import check_catalog

    check = check_catalog(po)
    for problem in check.problems:
        logger.warning(problem.message, location=problem.location(root), type="std", subtype="po")
    return check.build_bytes()


def in_language(text: str, lang: str) -> bool:
    """Whether the MyST source ``text`` holds prose in ``lang`` (Chinese characters; English words of two or more
    lowercase letters), once roles, links, formulas, literals and footnote marks are set aside (as the BL rules
    read a message: symbols, numbers and designations are in no language)."""
    from ..lint.bilingual import clean_text

    prose = clean_text(text)
    if lang == "zh":
        return bool(_CJK.search(prose))
    return bool(re.search(r"[a-z]{2,}", _CJK.sub(" ", prose)))


class MarkUntranslated(SphinxTransform):
    """In an edition in another language, mark each element that shows its master text instead of a translation.

    Sphinx's ``Locale`` transform leaves a message untranslated when the catalog has no translation for it,
    only a fuzzy one, or one refused for its markup (:mod:`.validate`), and leaves the whole document so when
    the catalog cannot be used. Each such element (paragraph, title, caption, table cell text …) whose text is
    in the master language gets the class ``std-untranslated`` (the site's stylesheet marks it), and its content
    is wrapped in an inline with the master's language (``language-zh-CN``, which the HTML writer turns into
    ``<span lang="zh-CN">``), so that the labels the build inserts later (``NOTE``, ``Annex A``) stay in the
    edition's language.
    """

    default_priority = 30  # after Sphinx's Locale (20) and its count of translated messages (25)

    def apply(self, **kwargs) -> None:
        lang = self.config.std_output_language
        if not lang:
            return
        from ..lint.engine import metadata_for

        meta = metadata_for(self.env, self.env.current_document.docname)
        if meta is None or meta.master_language == lang or meta.master_language not in HTML_LANG:
            return
        master = meta.master_language
        for node, message in extract_messages(self.document):
            if node.get("translated") is True or not isinstance(node, nodes.TextElement) \
                    or isinstance(node, nodes.FixedTextElement):
                continue
            if not in_language(message, master):
                continue  # no words: a number, a formula, a designation is the same in every language
            if "std-untranslated" in node["classes"]:
                continue
            node["classes"].append("std-untranslated")
            # the master's text in its language; labels inserted later (NOTE, Annex A) stay outside, in the edition's
            children = list(node.children)
            node.clear()
            node += nodes.inline("", "", *children, classes=[f"language-{HTML_LANG[master]}"])


def setup(app) -> None:
    app.connect("config-inited", _locale_setup, priority=600)  # after std_root has its default
    app.add_transform(MarkUntranslated)
