"""Cross-references across standards: citations, the catalogue, inventories, "cited by".

:mod:`.citations` collects and renders citations, :mod:`.catalogue` reads
``standards/catalogue.yaml``, :mod:`.inventory` exports and imports inventories,
:mod:`.rules` holds the reference rules that need the citation model (RF003,
RF004, RF008–RF011), :mod:`.graph` answers "who cites what".
"""

from __future__ import annotations

from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def _prepare(app, env) -> list[str]:
    """After reading: report catalogue problems, load the inventories (before the lint and the writers use them)."""
    from .catalogue import catalogue_for
    from .inventory import load_inventories

    catalogue = catalogue_for(Path(app.srcdir))
    for line, message in catalogue.problems:
        logger.error("catalogue: %s", message, location=f"{catalogue.path}:{line}", type="std", subtype="catalogue")
    env._std_inventories = load_inventories(app)
    return []


def _catalogue_changed(app, env) -> list[str]:
    """Documents with citations are written again when the catalogue changes (titles, status, links)."""
    from .catalogue import catalogue_for

    fingerprint = catalogue_for(Path(app.srcdir)).fingerprint
    domain = env.domains["standard"]
    if domain.data.get("catalogue_fingerprint") == fingerprint:
        return []
    domain.data["catalogue_fingerprint"] = fingerprint
    return sorted(doc for doc, citations in domain.data["citations"].items() if citations)


def _cited_by_changed(app, env) -> list[str]:
    """A standard's index page and the catalogue show who cites it: write them again when that changes."""
    domain = env.domains["standard"]
    cited: dict[str, list] = {}
    for docname, citations in sorted(domain.data["citations"].items()):
        for citation in citations:
            cited.setdefault(citation.key, []).append((docname, citation.clause, citation.normative))
    old = domain.data.get("cited_by", {})
    domain.data["cited_by"] = cited
    changed = {key for key in set(old) | set(cited) if old.get(key) != cited.get(key)}
    docs = [entry["docname"] for entry in domain.standards.values()
            if entry["metadata"] is not None and entry["metadata"].designation.key in changed]
    return [*docs, app.config.root_doc] if docs else []


def setup(app) -> None:
    from . import citations, normrefs

    app.add_config_value("std_inventories", {}, "env", types=(dict,))
    app.add_config_value("std_normative_references", "check", "env", types=(str,))
    citations.setup(app)
    normrefs.setup(app)
    app.connect("env-get-updated", _catalogue_changed)
    app.connect("env-get-updated", _cited_by_changed)
    app.connect("env-get-updated", _prepare, priority=650)  # after numbering (600), before the lint (700)
