"""Loading a revision into a :class:`~tooling.diff.model.Snapshot`.

A revision is given as:

- a git ref (tag, branch, commit) of the repository: its tree is exported into
  a temporary repository (nothing in the working tree changes);
- a folder: a standard's folder (``standards/<slug>``, with ``index.md``) or a
  whole repository (``conf.py`` and ``standards/``);
- a Markdown file, or a folder of Markdown files without ``index.md``: imported
  on the fly with the same options as ``std import``.

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

from docutils import nodes

from ..directives import nodes as stdnodes
from ..project import Project
from .model import Block, Clause, Snapshot

__all__ = ["ImportOptions", "RevisionError", "load_revision", "load_revisions", "snapshot"]


class RevisionError(ValueError):
    """A revision that cannot be loaded (unknown ref, no such standard, broken source); the message says which."""


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


@contextmanager
def _materialise(rev: str, repo: Path, options: ImportOptions | None):
    """Yield a repository root holding the revision, in a temporary folder when needed."""
    path = Path(rev)
    with tempfile.TemporaryDirectory(prefix="std-diff-") as tmp:
        tmp_root = Path(tmp) / "repo"
        if path.is_dir() and (path / "conf.py").is_file() and (path / "standards").is_dir():
            yield path.resolve()
        elif path.is_dir() and (path / "index.md").is_file():
            (tmp_root / "standards").mkdir(parents=True)
            _scaffold(tmp_root, repo)
            shutil.copytree(path, tmp_root / "standards" / path.resolve().name)
            yield tmp_root
        elif path.exists():
            if options is None or not options.designation or not options.lang:
                raise RevisionError(f"{rev}: a Markdown revision is imported: give --designation and --lang")
            from ..importer import ImportError_, import_standard

            try:
                import_standard(path, designation=options.designation, lang=options.lang, profile=options.profile,
                                translation=options.translation, stage=None,
                                target=tmp_root / "standards" / "imported", force=True)
            except ImportError_ as exc:
                raise RevisionError(str(exc)) from None
            yield tmp_root
        elif _is_git_ref(repo, rev):
            archive = _git(repo, "archive", "--format=tar", rev, "--", "standards", "conf.py", binary=True)
            tmp_root.mkdir(parents=True)
            subprocess.run(["tar", "-x", "-C", str(tmp_root)], input=archive, check=True, timeout=120)
            if not (tmp_root / "conf.py").is_file():
                _scaffold(tmp_root, repo)
            yield tmp_root
        else:
            raise RevisionError(f"{rev}: not a git ref of {repo}, nor a folder, nor a Markdown file")


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
                  options: ImportOptions | None = None) -> Snapshot:
    """Load revision ``rev`` of standard ``slug`` (see the module docstring).

    Args:
        rev: git ref, folder or Markdown file.
        repo: the repository (for git refs and its ``conf.py``).
        slug: the standard; may be omitted when the revision holds exactly one.
        lang: the language to compare in (default: the master's); another language uses the
            standard's translation catalog in that revision.
        options: import options for a Markdown revision.

    Raises:
        RevisionError: for an unknown revision or standard, or a revision that does not build.
    """
    def pick(slugs: list[str]) -> list[str]:
        if slug in slugs:
            return [slug]
        if slug is None and len(slugs) == 1:
            return slugs
        if slug is None and "imported" in slugs:
            return ["imported"]
        raise RevisionError(f"{rev}: " + (f"no standard {slug!r}" if slug else "several standards")
                            + f" (standards: {', '.join(slugs) or 'none'}); choose one with --standard")

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
    return _load(rev, repo, lambda slugs: slugs, lang, options)


def _load(rev, repo, pick, lang, options) -> tuple[dict[str, Snapshot], dict[str, str]]:
    with _materialise(rev, repo, options) as root:
        project = Project(root)
        chosen = pick(project.standard_slugs())
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
                except RevisionError as exc:
                    problems[slug] = str(exc) + _first_problems(result.warnings, root, slug)
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


def _block(kind: str, node: nodes.Node, file: str, line: int, key: str = "") -> Block:
    return Block(kind, _text(node), key=key, line=line, file=file, stable=_stable(node))


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
                                    stable=" | ".join(_stable(e) for e in cells)))
        elif isinstance(child, nodes.note):
            blocks.append(_block("note", child, file, line))
        elif isinstance(child, stdnodes.example):
            blocks.append(_block("example", child, file, line))
        elif isinstance(child, nodes.figure):
            blocks.append(_block("figure", child, file, line, key=(child["ids"] or [""])[0]))
        elif isinstance(child, nodes.math_block):
            blocks.append(Block("formula", child.astext().strip(), key=child.get("label") or "", line=line,
                                file=file))
        elif isinstance(child, stdnodes.titled_block):
            blocks.extend(Block("block", b.text, b.key, b.line, file, b.stable) for b in _blocks_of(child, file))
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
    """The clause model of ``slug`` from a built Sphinx application (numbers and labels resolved)."""
    env = app.env
    domain = env.domains["standard"]
    meta = domain.metadata(slug)
    if meta is None:
        raise RevisionError(f"{label}: the metadata of {slug} is invalid")
    keys = {k: n for k, n in domain.numbers.items() if n.docname.startswith(slug + "/")}
    clauses: list[Clause] = []
    for docname in domain.docs_of(slug):
        if docname == f"{slug}/index":
            continue
        tree = env.get_and_resolve_doctree(docname, app.builder, tags=app.tags)
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
    edition = str(meta.designation.year) if meta.designation.dated else (
        meta.draft_date.isoformat() if meta.draft_date else meta.edition_name)
    return Snapshot(label, slug, meta.display_designation(), meta.language, meta.profile, edition, clauses)


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
