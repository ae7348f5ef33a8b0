"""Translation: catalogs per standard (:mod:`.catalogs`), editions in the other language.

A build with ``std_output_language`` set (``std build --lang en``) applies each
standard's catalog in that language through Sphinx's i18n machinery, and takes
``images/x.en.svg`` instead of ``images/x.svg`` where such a variant exists. The
catalogs are copied into ``build/locales`` first, so Sphinx compiles its ``.mo``
files there and never writes into ``standards/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path


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
    for po in sorted((Path(app.srcdir)).glob(f"*/locales/{lang}/LC_MESSAGES/*.po")):
        destination = target / lang / "LC_MESSAGES" / po.name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if not destination.exists() or destination.read_bytes() != po.read_bytes():
            shutil.copyfile(po, destination)
    config.locale_dirs = [str(target)]
    config.gettext_compact = True


def setup(app) -> None:
    app.connect("config-inited", _locale_setup, priority=600)  # after std_root has its default
