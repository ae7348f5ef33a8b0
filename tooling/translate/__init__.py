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
edition shows the master text there instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

from ..render.files import write_atomic

logger = logging.getLogger(__name__)


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
    sources = sorted((Path(app.srcdir)).glob(f"*/locales/{lang}/LC_MESSAGES/*.po"))
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


def setup(app) -> None:
    app.connect("config-inited", _locale_setup, priority=600)  # after std_root has its default
