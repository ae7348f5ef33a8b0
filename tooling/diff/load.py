"""Loading a revision into a :class:`~tooling.diff.model.Snapshot`.

A revision is given as:

- a git ref (tag, branch, commit) of the repository: its tree is exported into
  a temporary repository (nothing in the working tree changes);
- a folder: a standard's folder (``standards/<slug>``, with ``index.md`` and its
  metadata) or a whole repository (``conf.py`` and ``standards/``). A standard's folder
  is built among the other standards of its repository (the one it lies in, else the
  working tree of this one), in a copy where it takes the place of the standard of the
  same slug or designation: its citations of the other standards (``见ISO/IEC XXXXX的3.1``)
  and of the catalogue resolve, and read, as they do in the whole repository;
- a Markdown file, or a folder of Markdown files without a standard's ``index.md``:
  imported on the fly with the same options as ``std import`` (its document title,
  the H1 title line of the source, becomes the metadata's title and is compared).

A revision that holds exactly one standard (a standard's folder, a Markdown file,
a repository with one standard) is compared whatever that standard's slug (a folder
renamed between revisions); the slug chooses among the standards of a revision that
holds several. A slug that neither revision holds, when each holds one standard under
another slug, is refused (:class:`StandardNotInRevisions`, naming the slug of each): a
Markdown revision has no slug of its own, so with two Markdown revisions the slug only
names the redline.

Each is built (Sphinx, no output written; in the language asked, through the
standard's catalogs) and reduced to its clause model: every clause, annex and
term entry with its stable ID, computed number, title, type, parent and ordered
blocks of text — what a reader sees, never rendered pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml
from docutils import nodes

from ..directives import nodes as stdnodes
from ..project import Project
from .model import Block, Clause, Snapshot

__all__ = ["IMPORTED_SLUG", "ImportOptions", "NoSuchStandard", "RevisionError", "SeveralStandards",
           "StandardNotInRevisions", "load_revision", "load_revisions", "metadata_fields", "snapshot"]

#: The slug of a revision imported from Markdown (it has none of its own).
IMPORTED_SLUG = "imported"


class RevisionError(ValueError):
    """A revision that cannot be loaded (unknown ref, no such standard, broken source); the message says which."""


class NoSuchStandard(RevisionError):
    """The standard asked for is not in the revision (the message names both, and the standards it holds)."""


class NoCatalog(RevisionError):
    """The standard has no (usable) translation catalog in the language asked for."""


class SeveralStandards(RevisionError):
    """The revision holds several standards and none was chosen (the message lists them)."""

    def __init__(self, message: str, slugs: list[str]) -> None:
        super().__init__(message)
        self.slugs = slugs


class StandardNotInRevisions(NoSuchStandard):
    """``--standard`` names a standard that neither revision holds, each holding one standard under another slug.

    ``slugs``: the slug each revision holds (``None`` for a Markdown revision), the other revision first.
    """

    def __init__(self, message: str, slugs: tuple[str | None, str | None]) -> None:
        super().__init__(message)
        self.slugs = slugs


@dataclass
class ImportOptions:
    """How to import a revision given as a Markdown file (see ``std import``)."""

    designation: str = ""
    lang: str = ""
    profile: str | None = None
    translation: Path | None = None


def _git(repo: Path, *args: str, binary: bool = False):
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, timeout=120)
    if result.returncode != 0:
        raise RevisionError(result.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return result.stdout if binary else result.stdout.decode("utf-8")


def _is_git_ref(repo: Path, rev: str) -> bool:
    try:
        _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        return True
    except (RevisionError, OSError):
        return False


def _has_front_matter(index: Path) -> bool:
    try:
        return index.read_text(encoding="utf-8").lstrip("\ufeff").startswith("---")
    except (OSError, UnicodeDecodeError):
        return True  # let the build report what is wrong with it


@contextmanager
def _materialise(rev: str, repo: Path, options: ImportOptions | None, lang: str | None = None):
    """Yield ``(root, kind, only)``: a repository root holding the revision (in a temporary folder when needed),
    what the revision is (``repository``, ``standard`` (a standard's folder), ``markdown`` or ``git``) and,
    for a standard's folder built among the other standards of its repository, its slug (the revision's
    one standard; ``None``: every standard of ``root``)."""
    if not rev.strip():
        raise RevisionError("empty revision: give a git ref, a folder or a Markdown file")
    path = Path(rev)
    with tempfile.TemporaryDirectory(prefix="std-diff-") as tmp:
        tmp_root = Path(tmp) / "repo"
        if path.is_dir() and (path / "conf.py").is_file() and (path / "standards").is_dir():
            yield path.resolve(), "repository", None
        elif path.is_dir() and (path / "index.md").is_file() and (
                _has_front_matter(path / "index.md") or not any(path.glob("*/index.md"))):
            slug = path.resolve().name
            _with_repository(tmp_root, path.resolve(), _repository_of(path.resolve()) or repo)
            yield tmp_root, "standard", [slug]
        elif path.is_dir() and any(path.glob("*/index.md")) and not (path / "conf.py").is_file():
            # a repository's standards/ folder, a folder of standards' folders: not one standard
            held = sorted(p.parent.name for p in path.glob("*/index.md"))
            raise RevisionError(
                f"{rev}: a folder that is neither a repository (conf.py and standards/) nor a standard's folder "
                f"(index.md with the standard's metadata): it holds the standards {', '.join(held)}; give the "
                f"repository ({path.resolve().parent}) or one standard's folder ({path / held[0]})")
        elif path.exists():
            missing = [name for name, value in (("--designation (its designation)", options and options.designation),
                                                ("--source-lang (the language it is written in)",
                                                 options and options.lang)) if not value]
            if missing:
                raise RevisionError(f"{rev}: a Markdown revision is imported: give {' and '.join(missing)}")
            if lang and lang != options.lang and options.translation is None:
                raise RevisionError(f"{rev}: --lang {lang} compares a translation through the standard's catalogs; "
                                    f"a Markdown revision has none (it is written in {options.lang}, "
                                    f"--source-lang): compare it without --lang")
            from ..importer import ImportError_, import_standard

            try:
                import_standard(path, designation=options.designation, lang=options.lang, profile=options.profile,
                                translation=options.translation, stage=None,
                                target=tmp_root / "standards" / IMPORTED_SLUG, force=True)
            except ImportError_ as exc:  # std diff's option for the import's --lang is --source-lang
                raise RevisionError(re.sub(r"--lang\b", "--source-lang", str(exc))) from None
            yield tmp_root, "markdown", None
        elif _is_git_ref(repo, rev):
            archive = _git(repo, "archive", "--format=tar", rev, "--", "standards", "conf.py", binary=True)
            tmp_root.mkdir(parents=True)
            subprocess.run(["tar", "-x", "-C", str(tmp_root)], input=archive, check=True, timeout=120)
            if not (tmp_root / "conf.py").is_file():
                _scaffold(tmp_root, repo)
            yield tmp_root, "git", None
        else:
            raise RevisionError(f"{rev}: not a git ref of {repo}, nor a folder, nor a Markdown file")


def _repository_of(folder: Path) -> Path | None:
    """The repository a standard's folder lies in (``<root>/standards/<slug>``), if it lies in one."""
    parent = folder.parent
    if parent.name == "standards" and (parent.parent / "conf.py").is_file():
        return parent.parent
    return None


def _designation_key(index: Path) -> str:
    """The year-less designation a standard's ``index.md`` declares (``""``: none, unreadable, or a
    placeholder such as ``GB/T XXXXX``, which identifies no document)."""
    from ..model.designation import DesignationError, parse_designation
    from ..model.yamlsource import split_front_matter

    try:
        text, _, _ = split_front_matter(index.read_text(encoding="utf-8").lstrip("\ufeff"))
        data = yaml.safe_load(text or "") if text else None
        designation = parse_designation(str(data.get("designation") or "")) if isinstance(data, dict) else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, DesignationError):
        return ""
    return "" if designation is None or designation.is_placeholder else designation.key


def _with_repository(root: Path, folder: Path, context: Path) -> None:
    """Lay out at ``root`` a repository holding the standard's folder ``folder`` among the standards, the
    catalogue and the other files of ``standards/`` of the repository ``context`` (with its ``conf.py``), as
    a git ref's revision holds them: the folder takes the place of the standard of the same slug, and of
    one of the same designation (a renamed folder), so the revision still holds that standard once."""
    slug = folder.name
    key = _designation_key(folder / "index.md")
    source = context / "standards"
    (root / "standards").mkdir(parents=True)
    for item in sorted(source.iterdir()) if source.is_dir() else []:
        if item.name.startswith(".") or item.name == "_build":
            continue
        if item.is_dir():
            if item.resolve() == folder or item.name == slug or (
                    key and (item / "index.md").is_file() and _designation_key(item / "index.md") == key):
                continue
            shutil.copytree(item, root / "standards" / item.name, ignore=shutil.ignore_patterns("_build"))
        elif item.is_file():
            shutil.copy2(item, root / "standards" / item.name)
    _scaffold(root, context)
    shutil.copytree(folder, root / "standards" / slug, ignore=shutil.ignore_patterns("_build"))


def _scaffold(root: Path, repo: Path) -> None:
    """conf.py and the catalogue page for a revision that brings only a standard."""
    conf = repo / "conf.py"
    text = conf.read_text(encoding="utf-8") if conf.is_file() else "from tooling.config import *  # noqa: F403\n"
    (root / "conf.py").write_text(text, encoding="utf-8")
    index = root / "standards" / "index.md"
    if not index.exists():
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text("# Standards\n\n```{toctree}\n:hidden:\n:glob:\n\n*/index\n```\n", encoding="utf-8")


def load_revision(rev: str, repo: Path, slug: str | None = None, lang: str | None = None,
                  options: ImportOptions | None = None, prefer: str | None = None) -> Snapshot:
    """Load revision ``rev`` of standard ``slug`` (see the module docstring).

    Args:
        rev: git ref, folder or Markdown file.
        repo: the repository (for git refs and its ``conf.py``).
        slug: the standard, among the standards of a revision that holds several; a revision
            that holds exactly one is compared whatever its slug, unless the other revision's
            (``prefer``) is not ``slug`` either.
        lang: the language to compare in (default: the master's); another language uses the
            standard's translation catalog in that revision.
        options: import options for a Markdown revision.
        prefer: the slug of the other revision (already loaded). Without ``slug``, the standard to
            take from a revision that holds several when it holds this one; with ``slug``, when
            both revisions hold one standard, one of them must be ``slug``.

    Raises:
        NoSuchStandard: ``slug`` is not among the several standards of the revision.
        StandardNotInRevisions: ``slug`` is neither this revision's one standard nor ``prefer`` (a
            Markdown revision has no slug: two of them are never refused).
        SeveralStandards: the revision holds several standards and neither ``slug`` nor ``prefer`` chose one.
        RevisionError: for an unknown revision, a standard without the catalog ``lang`` needs, or a
            revision that does not build.
    """
    def pick(slugs: list[str], kind: str) -> list[str]:
        if len(slugs) == 1:
            if slug and prefer is not None and slug not in (slugs[0], prefer):
                here = None if kind == "markdown" else slugs[0]
                other = None if prefer == IMPORTED_SLUG else prefer
                if here or other:
                    raise StandardNotInRevisions(_not_held(slug, rev, here, other), (other, here))
            return slugs
        held = f"(standards: {', '.join(slugs) or 'none'})"
        if slug:
            if slug in slugs:
                return [slug]
            raise NoSuchStandard(f"no standard {slug!r} in {rev} {held}")
        if prefer in slugs:
            return [prefer]
        if not slugs:
            raise RevisionError(f"{rev}: no standard (no standards/<slug>/index.md)")
        raise SeveralStandards(f"{rev} holds several standards {held}: choose one with --standard", slugs)

    snapshots, problems = _load(rev, repo, pick, lang, options)
    for problem in problems.values():
        raise RevisionError(problem)
    return next(iter(snapshots.values()))


def load_revisions(rev: str, repo: Path, lang: str | None = None,
                   options: ImportOptions | None = None) -> tuple[dict[str, Snapshot], dict[str, str]]:
    """Load every standard of revision ``rev``, from one build.

    Returns:
        ``(snapshots, problems)``: slug → :class:`Snapshot` for each standard that loaded,
        and slug → message (with the first problems' file and line) for each that did not,
        so one broken standard does not stop the others from being compared.

    Raises:
        RevisionError: for an unknown revision, or one that does not build at all.
    """
    return _load(rev, repo, lambda slugs, kind: slugs, lang, options)


def _not_held(slug: str, rev: str, here: str | None, other: str | None) -> str:
    def holds(found: str | None) -> str:
        return f"holds {found!r}" if found else "is a Markdown file (no slug)"

    return (f"no standard {slug!r} in the revisions compared: the other revision {holds(other)}, {rev} "
            f"{holds(here)} (a revision that holds one standard is compared whatever its slug: leave out "
            "--standard, or name the standard of one of them)")


def _load(rev, repo, pick, lang, options) -> tuple[dict[str, Snapshot], dict[str, str]]:
    with _materialise(rev, repo, options, lang) as (root, kind, only):
        project = Project(root)
        chosen = pick(only or project.standard_slugs(), kind)
        with tempfile.TemporaryDirectory(prefix="std-diff-build-") as build:
            overrides = {"std_lint": {"select": ["none"]}}
            if lang:
                overrides["std_output_language"] = lang
            result = project.sphinx("dummy", Path(build) / "out", doctreedir=Path(build) / "doctrees", fresh=True,
                                    overrides=overrides)
            if result.app is None:
                raise RevisionError(f"{rev}: the revision does not build" + _first_problems(result.errors, root))
            snapshots, problems = {}, {}
            for slug in chosen:
                try:
                    snapshots[slug] = snapshot(result.app, slug, rev)
                except NoCatalog as exc:
                    problems[slug] = str(exc)
                except RevisionError as exc:
                    problems[slug] = str(exc) + _first_problems(result.warnings, root, slug)
                else:
                    snapshots[slug].source = kind
                    snapshots[slug].imported = kind == "markdown"
                    if snapshots[slug].imported:
                        snapshots[slug].metadata.pop("draft_date", None)  # the file's date, not the source's
            return snapshots, problems


def _first_problems(lines: list[str], root: Path, slug: str = "", limit: int = 3) -> str:
    """The first build problems (of ``slug``'s files), paths made relative to the revision, for an error message."""
    chosen = [line.replace(str(root) + "/", "") for line in lines if f"standards/{slug}" in line or not slug]
    if not chosen:
        return ""
    more = f"\n  … and {len(chosen) - limit} more" if len(chosen) > limit else ""
    return ":\n  " + "\n  ".join(chosen[:limit]) + more


def _clean(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def _text(node: nodes.Node) -> str:
    return _clean(node.astext())


def _stable(node: nodes.Node) -> str:
    """The text without generated numbers and labels; references to elements as ``[→id]``."""
    parts: list[str] = []

    def walk(n: nodes.Node) -> None:
        if isinstance(n, nodes.Text):
            parts.append(str(n))
        elif isinstance(n, nodes.Element):
            classes = n.get("classes", ())
            if "std-number" in classes or "std-label" in classes or "std-label-line" in classes:
                return
            if n.get("std_target"):
                parts.append(f"[→{n['std_target'].split(':', 1)[-1]}]")
                return
            for child in n.children:
                walk(child)

    walk(node)
    return _clean("".join(parts))


def _untranslated(node: nodes.Node) -> int:
    """Segments of ``node`` that a translated edition left in the master's language (Sphinx marks each
    translatable node ``translated`` True or False when the standard has a catalog)."""
    return sum(1 for n in _segments(node) if n["translated"] is False)


def _segments(node: nodes.Node) -> list[nodes.Element]:
    """The translatable segments of ``node`` (Sphinx's ``translated`` mark; an image's is always False, even
    when its alternative text was translated, so images are left out)."""
    if not isinstance(node, nodes.Element):
        return []
    return [n for n in node.findall(nodes.Element) if "translated" in n.attributes and not isinstance(n, nodes.image)]


def _literals(node: nodes.Node) -> list[str]:
    """The texts of the inline code in ``node``."""
    if not isinstance(node, nodes.Element):
        return []
    return [_clean(n.astext()) for n in node.findall(nodes.literal) if _clean(n.astext())]


def _block(kind: str, node: nodes.Node, file: str, line: int, key: str = "") -> Block:
    return Block(kind, _text(node), key=key, line=line, file=file, stable=_stable(node), literals=_literals(node),
                 untranslated=_untranslated(node))


def _row_key(row: nodes.row) -> str:
    first = next(row.findall(nodes.entry), None)
    if first is None:
        return ""
    for node in first.findall(nodes.Element):
        if node.get("ids") and not isinstance(node, nodes.entry):
            return node["ids"][0]
    return _text(first)


def _blocks_of(container: nodes.Element, file: str) -> list[Block]:
    """The blocks directly in a clause (not in its subclauses or term entries)."""
    blocks: list[Block] = []
    for child in container.children:
        line = getattr(child, "line", 0) or 0
        if isinstance(child, (nodes.section, stdnodes.term_entry, nodes.title, nodes.target, nodes.comment,
                              nodes.system_message)):
            continue
        if isinstance(child, stdnodes.term_head):
            continue  # the entry's number and term are the clause's own number and title
        if isinstance(child, (nodes.bullet_list, nodes.enumerated_list)):
            for item in child.children:
                blocks.append(_block("list-item", item, file, getattr(item, "line", 0) or line))
        elif isinstance(child, nodes.table):
            title = next((c for c in child.children if isinstance(c, nodes.title)), None)
            if title is not None:
                blocks.append(_block("table-title", title, file, line))
            for row in child.findall(nodes.row):
                cells = list(row.findall(nodes.entry))
                blocks.append(Block("table-row", " | ".join(_text(e) for e in cells), key=_row_key(row),
                                    line=getattr(row, "line", 0) or line, file=file,
                                    stable=" | ".join(_stable(e) for e in cells), literals=_literals(row),
                                    untranslated=_untranslated(row)))
        elif isinstance(child, nodes.note):
            blocks.append(_block("note", child, file, line))
        elif isinstance(child, stdnodes.example):
            blocks.append(_block("example", child, file, line))
        elif isinstance(child, nodes.figure):
            blocks.append(_block("figure", child, file, line, key=(child["ids"] or [""])[0]))
        elif isinstance(child, nodes.math_block):
            blocks.append(Block("formula", child.astext().strip(), key=child.get("label") or "", line=line,
                                file=file, untranslated=_untranslated(child)))
        elif isinstance(child, stdnodes.titled_block):
            blocks.extend(Block("block", b.text, b.key, b.line, file, b.stable, b.literals, b.untranslated)
                          for b in _blocks_of(child, file))
        elif isinstance(child, stdnodes.term_line):
            blocks.append(_block("term-line", child, file, line))
        elif isinstance(child, (nodes.paragraph, nodes.literal_block, stdnodes.formula_where, nodes.definition_list,
                                nodes.block_quote, nodes.field_list)):
            if _text(child):
                blocks.append(_block("paragraph" if isinstance(child, nodes.paragraph) else child.tagname, child,
                                     file, line))
        elif isinstance(child, nodes.Element):
            blocks.extend(_blocks_of(child, file))
    return blocks


def snapshot(app, slug: str, label: str) -> Snapshot:
    """The clause model of ``slug`` from a built Sphinx application (numbers and labels resolved).

    Raises:
        RevisionError: invalid metadata.
        NoCatalog: the build is of another language than the standard's master, and the standard
            has no catalog in that language (or one that cannot be used).
    """
    env = app.env
    domain = env.domains["standard"]
    meta = domain.metadata(slug)
    if meta is None:
        raise RevisionError(f"{label}: the metadata of {slug} is invalid")
    keys = {k: n for k, n in domain.numbers.items() if n.docname.startswith(slug + "/")}
    clauses: list[Clause] = []
    segments = untranslated = 0
    for docname in domain.docs_of(slug):
        if docname == f"{slug}/index":
            continue
        tree = env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
        found = _segments(tree)
        segments += len(found)
        untranslated += sum(1 for n in found if n["translated"] is False)
        file = str(env.doc2path(docname))
        for node in tree.findall(lambda n: isinstance(n, (nodes.section, stdnodes.term_entry))):
            item = keys.get(node.get("std_key", ""))
            if item is None or item.kind not in ("clause", "term"):
                continue
            stable = item.label or ""
            clauses.append(Clause(id=stable, key=stable or node["std_key"], number=item.number,
                                  title=item.title_in(meta.language), kind=item.kind, role=item.role,
                                  obligation=item.obligation, parent=_parent_key(keys, item.parent),
                                  level=_depth(node), blocks=_blocks_of(node, file), file=file, line=item.line))
    catalog = ""
    if meta.is_translation:
        catalog = f"standards/{slug}/locales/{meta.language}/LC_MESSAGES/{slug}.po"
        if not (Path(app.srcdir) / slug / "locales" / meta.language / "LC_MESSAGES" / f"{slug}.po").is_file():
            raise NoCatalog(f"{label}: standard {slug} has no {meta.language} translation catalog ({catalog}): "
                            f"it is drafted in {meta.master_language}; compare it without --lang")
        if clauses and not segments:
            raise NoCatalog(f"{label}: the {meta.language} translation catalog of {slug} ({catalog}) cannot be "
                            "used (see `std translate status`)")
    edition = str(meta.designation.year) if meta.designation.dated else (
        meta.draft_date.isoformat() if meta.draft_date else meta.edition_name)
    return Snapshot(label, slug, meta.display_designation(), meta.language, meta.profile, edition, clauses,
                    metadata=metadata_fields(meta), master_language=meta.master_language,
                    segments=segments if catalog else 0, untranslated=untranslated if catalog else 0, catalog=catalog)


def _plain(value) -> str:
    """A metadata value as one line of text: ``{zh, en}`` as ``zh / en``, a list joined with ``; ``."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return " / ".join(_plain(value[k]) for k in ("zh", "en") if value.get(k))
    if isinstance(value, (list, tuple)):
        return "; ".join(t for t in (_plain(v) for v in value) if t)
    return str(value).strip()


def metadata_fields(meta) -> dict[str, str]:
    """The metadata of a standard as ``field → text`` (:data:`~tooling.diff.model.METADATA_FIELDS`; absent
    fields left out): what a revision diff compares besides the clauses."""
    raw = meta.raw or {}
    adoption = meta.adoption or {}
    values = {
        "designation": meta.display_designation(),
        "title.zh": meta.title_text("zh"),
        "title.en": meta.title_text("en"),
        "doctype": meta.doctype,
        "stage": meta.stage.code,
        "edition": meta.edition,
        "draft_date": meta.draft_date.isoformat() if meta.draft_date else "",
        "issued": meta.issued.isoformat() if meta.issued else "",
        "implemented": meta.implemented.isoformat() if meta.implemented else "",
        "replaces": [d.format(meta.profile) for d in meta.replaces],
        "replaced_by": meta.replaced_by.format(meta.profile) if meta.replaced_by else "",
        "status": meta.status,
        "adoption.document": adoption.get("document"),
        "adoption.degree": adoption.get("degree"),
        "adoption.title": adoption.get("title"),
        "profile": meta.profile,
        "language": meta.master_language,
        "ics": meta.ics,
        "ccs": meta.ccs,
        "record_no": meta.record_no,
        **{name: raw.get(name) for name in ("committee", "proposer", "drafting_organisations", "drafters", "issuer",
                                            "history")},
    }
    return {name: text for name, text in ((n, _plain(v)) for n, v in values.items()) if text}


def _parent_key(keys: dict, parent: str | None) -> str | None:
    if not parent:
        return None
    item = keys.get(parent)
    return (item.label or parent) if item is not None else parent


def _depth(node: nodes.Node) -> int:
    depth, parent = 1, node.parent
    while parent is not None:
        if isinstance(parent, (nodes.section, stdnodes.term_entry)):
            depth += 1
        parent = parent.parent
    return depth
