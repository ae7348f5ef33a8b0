"""Inventories: what other repositories can cite in this one, and what this one can cite in others.

Export: the ``standard`` domain lists every standard (type ``standard:document``,
name = its year-less designation, e.g. ``GB/T XXXXX``) and every numbered element
(``standard:clause``, ``standard:term``, ``standard:table``, ``standard:figure``,
``standard:formula``; name ``GB/T XXXXX#stable-id``, display name its number), so
Sphinx writes them into ``objects.inv``, the ecosystem's inventory format.

Import, offline (nothing is fetched at build time)::

    std_inventories = {
        "tc28": {"base": "https://std.example.org/tc28/", "file": "inventories/tc28-objects.inv"},
    }

``file`` is a copy of the other repository's ``objects.inv`` kept in this
repository; ``base`` is where its pages are published. A citation whose document
is neither in this repository nor in the catalogue resolves there. Problems
(missing or unreadable files, an inventory that describes this repository's own
standards — a cycle) are reported with the ``conf.py`` line of the entry.
"""

from __future__ import annotations

import functools
from pathlib import Path

from sphinx.util import logging
from sphinx.util.inventory import InventoryFile

from ..model.designation import Designation

logger = logging.getLogger(__name__)

__all__ = ["OBJECT_TYPES", "export_objects", "load_inventories", "lookup"]

OBJECT_TYPES = ("document", "clause", "term", "table", "figure", "formula")


def export_objects(domain):
    """``(name, dispname, type, docname, anchor, priority)`` for Sphinx's inventory (see the module docstring)."""
    for slug, entry in sorted(domain.standards.items()):
        meta = entry["metadata"]
        if meta is None:
            continue
        key = meta.designation.key
        yield key, meta.display_designation(), "document", entry["docname"], "", 1
        for numbered in domain.numbered(slug):
            if numbered.label:
                yield (f"{key}#{numbered.label}", numbered.number or numbered.title or numbered.label,
                       numbered.kind, numbered.docname, numbered.node_id, 1)


@functools.lru_cache(maxsize=32)
def _read(path: str, mtime: float, base: str):
    with open(path, "rb") as stream:
        return InventoryFile.load(stream, base, lambda a, b: a.rstrip("/") + "/" + b)


def load_inventories(app) -> dict[str, dict]:
    """The configured inventories: name → {``base``, ``objects``} with the standard-domain entries only."""
    result: dict[str, dict] = {}
    config = app.config.std_inventories or {}
    root = Path(app.config.std_root)
    # placeholder designations (GB/T XXXXX) of drafts are not identities: they cannot form a cycle
    own = {entry["metadata"].designation.key for entry in app.env.domains["standard"].standards.values()
           if entry["metadata"] is not None and not entry["metadata"].designation.is_placeholder}
    for name, spec in sorted(config.items()):
        where = _conf_location(root, name)
        if not isinstance(spec, dict) or not spec.get("file") or not spec.get("base"):
            logger.error("std_inventories[%r]: give 'file' (a local objects.inv) and 'base' (its published address)",
                         name, location=where, type="std", subtype="inventory")
            continue
        path = (root / spec["file"]).resolve()
        try:
            inventory = _read(str(path), path.stat().st_mtime, spec["base"])
        except (OSError, ValueError) as exc:
            logger.error("std_inventories[%r]: cannot read %s: %s", name, path, exc, location=where,
                         type="std", subtype="inventory")
            continue
        objects = {}
        for objtype, items in _items(inventory):
            if not objtype.startswith("standard:"):
                continue
            for item_name, item in items:
                objects[item_name] = (objtype.split(":", 1)[1], item)
        cycle = sorted(k for k, (kind, _) in objects.items() if kind == "document" and k in own)
        if cycle:
            logger.error("std_inventories[%r] describes this repository's own standard(s) %s: a cycle; it is ignored",
                         name, ", ".join(cycle), location=where, type="std", subtype="inventory")
            continue
        result[name] = {"base": spec["base"], "objects": objects}
    return result


def _conf_location(root: Path, name: str) -> str:
    """``conf.py:line`` of the inventory entry ``name`` (the line that names it), for messages."""
    conf = root / "conf.py"
    try:
        for number, line in enumerate(conf.read_text(encoding="utf-8").splitlines(), 1):
            if f'"{name}"' in line or f"'{name}'" in line:
                return f"{conf}:{number}"
    except OSError:
        pass
    return f"{conf}:1"


def _items(inventory):
    """``(objtype, [(name, item), …])`` for both the old dict and the new inventory API."""
    data = getattr(inventory, "data", inventory)
    for objtype, items in data.items():
        yield objtype, list(items.items())


def lookup(env, designation: Designation, target_id: str = "", same_edition: bool = False):
    """Resolve a citation against the imported inventories, or ``None``.

    With ``same_edition``, an inventory whose document is another edition than a dated
    ``designation`` (its display name gives the year) does not count.
    """
    from .citations import Resolution

    inventories = getattr(env, "_std_inventories", None) or {}
    for name, inventory in inventories.items():
        objects = inventory["objects"]
        doc = objects.get(designation.key)
        if doc is None:
            continue
        kind, item = doc
        if same_edition and designation.dated and not _same_year(_dispname(item), designation):
            continue
        uri = _uri(item)
        if target_id:
            element = objects.get(f"{designation.key}#{target_id}")
            if element is None:
                return Resolution("inventory", uri=uri, missing=f"#{target_id}", title=name)
            kind, item = element
            return Resolution("inventory", uri=_uri(item), number=_dispname(item), kind=kind, title=name,
                              label=target_id)
        return Resolution("inventory", uri=uri, title=name)
    return None


def _same_year(shown: str, designation: Designation) -> bool:
    """True unless ``shown`` (an inventory document's display name) is a dated edition of another year."""
    from ..model.designation import DesignationError, parse_designation

    try:
        edition = parse_designation(shown)
    except DesignationError:
        return True
    return not edition.dated or edition.year == designation.year


def _uri(item) -> str:
    return getattr(item, "uri", None) or item[2]


def _dispname(item) -> str:
    name = getattr(item, "display_name", None)
    if name is None:
        name = item[3]
    return "" if name == "-" else name
