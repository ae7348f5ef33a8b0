"""The publish pipeline (``make publish`` / ``std publish``).

A release build is fresh: the whole repository is built once to HTML and once
to PDF in a work folder, then each standard that succeeded is copied into
``<out>/<slug>/<edition>/``:

- ``html/`` — the standard's pages with the site's static files, its images and
  a search index restricted to its pages;
- ``<slug>-<lang>.pdf`` — the official PDF in the master language;
- ``manifest.json`` — sha256 and size of every file, the source commit, the
  versions of Python, Sphinx, docutils, MyST-Parser, WeasyPrint and the fonts.

A standard fails — and is reported and skipped while the others publish — when
its metadata is invalid, when the build reports errors in its files, when the
drafting-rule lint finds problems at its stage's gating level (errors for drafts
for comments and review, warnings for drafts for approval and published texts;
``std_lint_fail_on`` in ``conf.py`` overrides; suppressed and baselined findings
do not count; the bilingual rules' findings skip only the translated edition), or when its PDF crashes or
exceeds the time limit (case C13). Build errors are the build's problems kept in the environment
(:mod:`tooling.model.problems`), each counted and printed once. What an earlier publish
wrote for it stays untouched. Each edition folder is assembled beside its
target and swapped in with renames; ``<out>/index.html`` lists what was
published. The same commit publishes to the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path, PurePosixPath

import jinja2

from . import TEMPLATES
from .lint.report import is_build_problem
from .project import Project
from .render.files import write_atomic

__all__ = ["PublishReport", "StandardOutcome", "publish"]

FONT_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "Caladea")


@dataclass
class StandardOutcome:
    """One standard's result: ``ok`` and its ``folder``, or the ``reason`` it was skipped."""

    slug: str
    ok: bool
    folder: Path | None = None
    reason: str = ""
    designation: str = ""
    edition: str = ""
    title: str = ""
    files: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # published languages, the master's first
    notes: list[str] = field(default_factory=list)  # why a language was not published


@dataclass
class PublishReport:
    """The outcome of a publish: one :class:`StandardOutcome` per standard, and the index page."""

    out: Path
    standards: list[StandardOutcome]
    index: Path

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.standards)


def publish(project: Project, out: Path, only: list[str] | None = None) -> PublishReport:
    """Build and publish the standards of ``project`` into ``out``.

    Args:
        project: the repository.
        out: the publish folder (``build/publish``).
        only: slugs to publish (default: all).

    Returns:
        A :class:`PublishReport`; problems in standards are reported there, not raised.

    Raises:
        tooling.project.ProjectError: when Sphinx cannot run at all (broken conf.py).
    """
    import sys

    work = project.build_dir / "publish-work"
    shutil.rmtree(work, ignore_errors=True)
    doctrees = work / "doctrees"
    translations, notes = _translations_to_publish(project, only)
    links = {"std_language_links": {slug: langs for slug, langs in translations.items()}}
    others = tuple(f"/{project.srcdir.name}/{slug}/" for slug in project.standard_slugs() if only and slug not in only)
    echo = _Once(sys.stderr, others)  # several builds report the same problems: each is printed once
    html = project.sphinx("html", work / "html", fresh=True, doctreedir=doctrees, echo=echo, overrides=links)
    project.sphinx("stdpdf", work / "pdf", doctreedir=doctrees, echo=echo,
                   overrides={"std_pdf_standards": list(only or []), **links})
    env = html.app.env
    domain = env.domains["standard"]
    pdf_report = {item["slug"]: item for item in
                  json.loads((work / "pdf" / "pdf-report.json").read_text(encoding="utf-8"))}
    translated = _build_translations(project, work, translations, links, notes, echo)
    lint = _lint_gate(project, html.app, only)
    commit = _source_commit(project.root)
    tools = _tool_versions()
    outcomes: list[StandardOutcome] = []
    ready: list[tuple[StandardOutcome, object]] = []  # published in this run: outcome and metadata
    for slug in sorted(domain.standards):
        if only and slug not in only:
            continue
        entry = domain.standards[slug]
        meta = entry["metadata"]
        if meta is None:
            index = project.srcdir.relative_to(project.root) / slug / "index.md"
            outcomes.append(StandardOutcome(slug, False, reason="invalid metadata: " + "; ".join(
                f"{index}:{line}: {message}" if line else f"{index}: {message}" for line, message in entry["errors"])))
            continue
        outcome = StandardOutcome(slug, False, designation=meta.display_designation(), edition=meta.edition_name,
                                  title=meta.title_text(meta.language))
        own_errors = [f for f in lint.active if f.standard == slug and is_build_problem(f)
                      and f.severity == "error"]  # whatever the gating level
        report = pdf_report.get(slug)
        blocking = lint.blocking(slug)
        if own_errors:
            outcome.reason = f"{len(own_errors)} build error(s), first: {_where(project, own_errors[0])}"
        elif blocking:
            outcome.reason = (f"drafting-rule lint fails at level {lint.fail_on.get(slug)} (std lint); first: "
                              f"{_where(project, blocking[0])}")
        elif report is None or not report["ok"]:
            outcome.reason = "PDF failed: " + (report["message"] if report else "not rendered")
        else:
            folder = out / slug / meta.edition_name
            languages = [lang for lang in translations.get(slug, []) if slug in translated.get(lang, ())]
            misaligned = lint.blocking(slug, translation=True)  # bilingual findings gate the translations only
            for lang in languages if misaligned else ():
                notes.setdefault(slug, []).append(
                    f"{lang} edition not published: bilingual lint fails at level {lint.fail_on.get(slug)} "
                    f"(std lint); first: {_where(project, misaligned[0])}")
            outcome.ok, outcome.folder = True, folder
            outcome.languages = [meta.language, *([] if misaligned else languages)]
            ready.append((outcome, meta))
        outcome.notes = notes.get(slug, [])
        outcomes.append(outcome)
    earlier = _published_editions(out)
    editions = {slug: manifests[0] for slug, manifests in earlier.items()}
    editions.update({o.slug: {"edition": o.edition, "language": o.languages[0], "translations": o.languages[1:],
                              "this_run": True} for o, _ in ready})
    for outcome, meta in ready:
        before = next((m for m in earlier.get(outcome.slug, []) if m["folder"] == outcome.edition), None)
        dropped = sorted({before.get("language"), *before.get("translations", [])} - set(outcome.languages)) \
            if before else []
        if dropped:  # the same edition published again, without a language it had
            outcome.notes = [*outcome.notes, f"{', '.join(dropped)} edition removed from {outcome.edition}: it was "
                                             "published there earlier and is not published this time"]
        outcome.files = _stage_edition(work, outcome.slug, meta, outcome.folder, commit, tools,
                                       outcome.languages[1:], _Editions(out, work, editions))
    for slug in sorted({f.standard for f in lint.active if f.standard and f.standard not in domain.standards
                        and (project.srcdir / f.standard).is_dir() and (not only or f.standard in only)}):
        first = next(f for f in lint.active if f.standard == slug)  # a folder that is no standard (no index.md)
        outcomes.append(StandardOutcome(slug, False, reason=first.message))
    index = out / "index.html"
    _write_index(index, outcomes, commit, earlier)
    return PublishReport(out, outcomes, index)


def _lint_gate(project: Project, app, only: list[str] | None):
    """The lint findings of the build, sorted out by suppressions, the baseline and each stage's gating level."""
    from .lint.engine import collected_findings
    from .lint.report import Baseline, gate

    domain = app.env.domains["standard"]
    findings = collected_findings(app.env)
    baseline = Baseline.load(project.root / (app.config.std_lint_baseline or "lint-baseline.json"))
    metas = {slug: entry["metadata"] for slug, entry in domain.standards.items() if not only or slug in only}
    return gate(findings, baseline, app.config.std_lint_fail_on or None, metas)


class _Once:
    """A stream that writes each line once (the builds of a publish report the same problems).

    ``others``: folders (``/standards/<slug>/``) of standards not being published, whose
    problems are left out (the builds read the whole repository).
    """

    def __init__(self, stream, others: tuple[str, ...] = ()) -> None:
        self.stream = stream
        self.others = others
        self.seen: set[str] = set()

    def write(self, text: str) -> int:
        for line in text.splitlines(keepends=True):
            if (line.strip() and line in self.seen) or any(folder in line for folder in self.others):
                continue
            self.seen.add(line)
            self.stream.write(line)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return getattr(self.stream, "isatty", lambda: False)()


def _where(project: Project, finding) -> str:
    """``file:line: CODE message`` of a finding, the file relative to the repository root."""
    from .lint.report import relative_path

    line = f":{finding.line}" if finding.line else ""
    return f"{relative_path(finding.file, project.root)}{line}: {finding.code} {finding.message}"


def _translations_to_publish(project: Project, only: list[str] | None) -> tuple[dict, dict]:
    """Which translations are complete enough to publish: slug → [lang], and slug → [why not].

    A draft's translation is published from ``std_translation_threshold`` (a share of
    messages translated and not fuzzy, default 0.9); a published standard's needs all of
    them translated and none fuzzy. A catalog with problems (broken PO syntax, not UTF-8,
    a translation that drops the master's markup: :mod:`tooling.translate.validate`) is not
    published whatever its share; the note names the catalog's first problem and its line.
    """
    from .translate.catalogs import status

    config = _config_value(project, "std_translation_threshold", 0.9)
    publish, notes = {}, {}
    for row in status(project, only or None):
        meta = _metadata(project, row.slug)
        if meta is None:
            continue
        if not row.path.is_file():
            notes.setdefault(row.slug, []).append(
                f"{row.language} edition not published: no translation ({row.path.relative_to(project.root)} does "
                "not exist; std translate update creates it)")
            continue
        final = not meta.is_draft
        threshold = 1.0 if final else float(config)
        if row.problems:
            first = row.problems[0]
            notes.setdefault(row.slug, []).append(
                f"{row.language} edition not published: its catalog has {len(row.problems)} problem(s), first: "
                f"{first.location(project.root)}: {first.message} (std translate status)")
        elif row.ratio >= threshold and not (final and row.fuzzy):
            publish.setdefault(row.slug, []).append(row.language)
        else:
            need = "100 % and no fuzzy message (final stage)" if final else f"{threshold:.0%}"
            notes.setdefault(row.slug, []).append(
                f"{row.language} edition not published: {row.ratio:.0%} translated, {row.fuzzy} fuzzy, "
                f"{row.missing} missing (needs {need}; std translate status)")
    return publish, notes


def _config_value(project: Project, name: str, default):
    namespace: dict = {}
    try:
        exec(compile((project.root / "conf.py").read_text(encoding="utf-8"), "conf.py", "exec"), namespace)
    except Exception:  # noqa: BLE001 - conf.py problems surface in the Sphinx build itself
        return default
    return namespace.get(name, default)


def _metadata(project: Project, slug: str):
    from .model.metadata import MetadataError, load_metadata

    try:
        return load_metadata(project.srcdir / slug / "index.md")
    except MetadataError:
        return None


def _build_translations(project: Project, work: Path, translations: dict, links: dict, notes: dict,
                        echo=None) -> dict:
    """Build the editions in each translation language: site, PDFs, parallel editions. lang → {slugs built}.

    ``echo``: where the builds print their problems (default ``sys.stderr``).
    """
    import sys

    echo = echo or sys.stderr
    built: dict[str, set[str]] = {}
    for lang in sorted({lang for langs in translations.values() for lang in langs}):
        slugs = sorted(slug for slug, langs in translations.items() if lang in langs)
        doctrees = work / f"doctrees-{lang}"
        overrides = {"std_output_language": lang, "std_pdf_standards": slugs, **links}
        html = project.sphinx("html", work / f"html-{lang}", fresh=True, doctreedir=doctrees, echo=echo,
                              overrides=overrides)
        project.sphinx("stdpdf", work / f"pdf-{lang}", doctreedir=doctrees, echo=echo, overrides=overrides)
        project.sphinx("stdparallel", work / f"parallel-{lang}", doctreedir=doctrees, echo=echo,
                       overrides={**overrides, "std_master_doctrees": str(work / "doctrees")})
        reports = {}
        for kind in ("pdf", "parallel"):
            path = work / f"{kind}-{lang}" / "pdf-report.json"
            reports[kind] = {r["slug"]: r for r in json.loads(path.read_text(encoding="utf-8"))} if path.is_file() \
                else {}
        for slug in slugs:
            problems = [f"{kind} PDF: {reports[kind][slug]['message']}" for kind in reports
                        if not reports[kind].get(slug, {}).get("ok")]
            problems += [e for e in html.errors if f"standards/{slug}/" in e]
            if problems:
                notes.setdefault(slug, []).append(f"{lang} edition not published: {problems[0]}")
            else:
                built.setdefault(lang, set()).add(slug)
    return built


class _Editions:
    """Where the standards' pages are published, for the links between editions (:mod:`tooling.render.relink`).

    ``editions``: slug → the edition linked to (``edition``, ``language``, ``translations``;
    ``this_run`` when this publish writes it, else it is already in ``out``).
    """

    def __init__(self, out: Path, work: Path, editions: dict) -> None:
        self.out, self.work, self.editions = out, work, editions

    def relink(self, staging: Path, published_as: PurePosixPath, language: str) -> None:
        """Rewrite the links of every page of an edition assembled in ``staging``.

        ``published_as``: the edition folder relative to ``out``; ``language``: its master language.
        """
        from .render.relink import relink_page

        def locate(target: PurePosixPath) -> str | None:
            if (staging / target).is_file():
                return "keep"
            site, *inner = target.parts
            other = len(inner) > 1 and site.startswith("html") and inner[0] != published_as.parts[0]
            edition = self.editions.get(inner[0]) if other else None
            if edition is None:  # not another standard's page (its own: an edition language not published)
                return None
            wanted = language if site == "html" else site.removeprefix("html-")
            site = "html" if edition["language"] == wanted or wanted not in edition["translations"] \
                else f"html-{wanted}"
            path = PurePosixPath(inner[0], edition["edition"], site, *inner)
            exists = (self.work / site).joinpath(*inner) if edition.get("this_run") else self.out / path
            return str(path) if exists.is_file() else None

        for page in sorted(staging.rglob("*.html")):
            inside = PurePosixPath(page.relative_to(staging).as_posix())
            text = page.read_text(encoding="utf-8")
            relinked = relink_page(text, inside, published_as / inside, locate)
            if relinked != text:
                page.write_text(relinked, encoding="utf-8")


def _copy_site(site: Path, slug: str, html_out: Path) -> None:
    """One standard's pages of a built site, its static files, its images and its own search index."""
    shutil.copytree(site / slug, html_out / slug)
    shutil.copytree(site / "_static", html_out / "_static")
    used_images = set()
    for page in (html_out / slug).rglob("*.html"):
        used_images |= set(re.findall(r"_images/([^\"'?#]+)", page.read_text(encoding="utf-8")))
    _copy_images(site / "_images", html_out / "_images", used_images)
    if (site / "search.html").is_file():
        shutil.copy2(site / "search.html", html_out / "search.html")
        write_atomic(html_out / "searchindex.js", _filtered_search_index(site / "searchindex.js", slug))
    write_atomic(html_out / "index.html", _redirect(f"{slug}/index.html"))


def _copy_images(source: Path, target: Path, names) -> None:
    for name in sorted(names):
        if (source / name).is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target / name)


def _stage_edition(work: Path, slug: str, meta, folder: Path, commit: dict, tools: dict,
                   languages: list[str], editions: _Editions) -> list[str]:
    """Assemble the edition folder beside its target, then swap it in.

    It holds the master edition (``html/``, ``<slug>-<lang>.pdf``) and, for each
    published translation, ``html-<lang>/``, ``<slug>-<lang>.pdf``, the parallel edition
    ``parallel-<lang>/<slug>.html`` and ``<slug>-<master>-<lang>.pdf``; links between them
    are relative, as in ``build/``.
    """
    staging = folder.parent / f".staging-{folder.name}"
    shutil.rmtree(staging, ignore_errors=True)
    _copy_site(work / "html", slug, staging / "html")
    shutil.copy2(work / "pdf" / f"{slug}.pdf", staging / f"{slug}-{meta.language}.pdf")
    for lang in languages:
        _copy_site(work / f"html-{lang}", slug, staging / f"html-{lang}")
        shutil.copy2(work / f"pdf-{lang}" / f"{slug}.pdf", staging / f"{slug}-{lang}.pdf")
        parallel = work / f"parallel-{lang}"
        (staging / f"parallel-{lang}").mkdir(parents=True, exist_ok=True)
        shutil.copy2(parallel / f"{slug}.html", staging / f"parallel-{lang}" / f"{slug}.html")
        page = (parallel / f"{slug}.html").read_text(encoding="utf-8")
        _copy_images(parallel / "_images", staging / f"parallel-{lang}" / "_images",
                     set(re.findall(r"_images/([^\"'?#]+)", page)))
        shutil.copy2(parallel / f"{slug}.pdf", staging / f"{slug}-{meta.language}-{lang}.pdf")
    editions.relink(staging, PurePosixPath(slug, folder.name), meta.language)
    files = sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())
    manifest = {
        "standard": slug,
        "designation": meta.display_designation(),
        "title": meta.title_text(meta.language),
        "edition": meta.edition_name,
        "stage": meta.stage.code,
        "language": meta.language,
        "translations": languages,
        "profile": meta.profile,
        "sample": meta.sample,
        "source": commit,
        "tools": tools,
        "files": [{"path": name, "sha256": _sha256(staging / name), "size": (staging / name).stat().st_size}
                  for name in files],
    }
    write_atomic(staging / "manifest.json",
                 (json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    old = folder.parent / f".old-{folder.name}"
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return [*files, "manifest.json"]


def _filtered_search_index(path: Path, slug: str) -> bytes:
    """Sphinx's search index restricted to one standard's pages (indices renumbered)."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text[text.index("(") + 1: text.rindex(")")])
    keep = [i for i, doc in enumerate(data["docnames"]) if doc.startswith(slug + "/")]
    new_index = {old: new for new, old in enumerate(keep)}

    def remap(value):
        if isinstance(value, int):
            return new_index.get(value)
        if isinstance(value, list):
            items = [remap(v) for v in value]
            return [v for v in items if v is not None] or None
        return value

    def remap_pairs(pairs):
        result = [[new_index[p[0]], *p[1:]] for p in pairs if isinstance(p, list) and p and p[0] in new_index]
        return result or None

    for key in ("docnames", "filenames", "titles"):
        data[key] = [data[key][i] for i in keep]
    for key in ("terms", "titleterms"):
        data[key] = {term: v for term, value in data[key].items() if (v := remap(value)) is not None}
    data["alltitles"] = {t: v for t, pairs in data.get("alltitles", {}).items() if (v := remap_pairs(pairs))}
    data["indexentries"] = {t: v for t, pairs in data.get("indexentries", {}).items() if (v := remap_pairs(pairs))}
    data["objects"] = {prefix: v for prefix, items in data.get("objects", {}).items() if (v := remap_pairs(items))}
    body = json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return f"Search.setIndex({body})".encode()


def _redirect(target: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{target}"><title>Redirect</title></head>'
            f'<body><a href="{target}">{target}</a></body></html>\n').encode()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _source_commit(root: Path, *, changes: bool = False) -> dict:
    """The git commit of the sources and whether the work tree differs from it (``standards/``,
    ``templates/``, ``conf.py``: uncommitted or untracked files).

    With ``changes``, also ``"changes"``: the paths that differ, as git names them (relative to the
    top of the work tree), in git's order; the manifest records only ``commit`` and ``dirty``.
    """
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30,
                                  check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return ""

    commit = git("rev-parse", "HEAD").strip()
    status = git("status", "--porcelain", "-z", "--", "standards", "templates", "conf.py") if commit else ""
    source: dict = {"commit": commit or None, "dirty": bool(status)}
    if changes:
        paths: list[str] = []
        entries = iter(status.split("\0"))
        for entry in entries:  # "XY path"; a rename or copy is followed by its original path
            if len(entry) > 3:
                paths.append(entry[3:])
                if entry[0] in "RC":
                    next(entries, None)
        source["changes"] = paths
    return source


def _tool_versions() -> dict:
    versions = {"python": platform.python_version()}
    for package in ("sphinx", "docutils", "myst-parser", "weasyprint", "pydyf", "pypdf", "ziamath", "std-tooling"):
        try:
            versions[package] = importlib_metadata.version(package)
        except importlib_metadata.PackageNotFoundError:
            versions[package] = None
    fonts = {}
    for family in FONT_FAMILIES:
        try:
            out = subprocess.run(["fc-match", "-f", "%{family[0]}|%{fontversion}|%{file}", family],
                                 capture_output=True, text=True, timeout=30).stdout
            name, version, file = out.split("|", 2)
            fonts[family] = {"matched": name, "version": round(int(version) / 65536, 3),
                             "file": Path(file).name}
        except (OSError, ValueError, subprocess.SubprocessError):
            fonts[family] = None
    versions["fonts"] = fonts
    return versions


def _published_editions(out: Path) -> dict[str, list[dict]]:
    """The editions already in the publish folder: slug → manifests, the most recently written first.

    Each manifest gets ``folder``, the edition folder's name. Folders without a
    readable manifest (an interrupted swap, something else) are not editions.
    """
    found: dict[str, list[tuple[float, dict]]] = {}
    for path in out.glob("*/*/manifest.json") if out.is_dir() else ():
        if path.parent.name.startswith(".") or path.parent.parent.name.startswith("."):
            continue
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            manifest["folder"] = path.parent.name
            found.setdefault(path.parent.parent.name, []).append((path.stat().st_mtime, manifest))
        except (OSError, ValueError):
            continue
    return {slug: [m for _, m in sorted(items, key=lambda item: (-item[0], item[1]["folder"]))]
            for slug, items in found.items()}


def _links(slug: str, edition: str, languages: list[str], files: list[str]) -> dict:
    """The index's links to one edition: its HTML sites, PDFs and manifest."""
    base = f"{slug}/{edition}"
    master, *translations = languages
    sites = [{"lang": master, "href": f"{base}/html/{slug}/index.html"}]
    sites += [{"lang": lang, "href": f"{base}/html-{lang}/{slug}/index.html"} for lang in translations]
    sites += [{"lang": f"{master}/{lang}", "href": f"{base}/parallel-{lang}/{slug}.html"} for lang in translations]
    pdfs = [{"href": f"{base}/{f}", "label": f[len(slug) + 1:-4].replace("-", "/")} for f in files if f.endswith(".pdf")]
    return {"sites": sites, "pdfs": pdfs, "manifest": f"{base}/manifest.json"}


def _write_index(path: Path, outcomes: list[StandardOutcome], commit: dict, earlier: dict[str, list[dict]]) -> None:
    """``<out>/index.html``: this run's outcomes, then every other edition the publish folder holds.

    ``earlier``: :func:`_published_editions` before this run. A standard this run
    did not publish (``--standard`` chose others, or it failed) keeps its earlier
    editions listed.
    """
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES / "publish")),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    rows = []

    def others(slug: str, current: str | None) -> list[dict]:
        return [{"edition": m["folder"], "designation": m.get("designation", slug), "stage": m.get("stage", ""),
                 **_links(slug, m["folder"], [m.get("language", ""), *m.get("translations", [])],
                          [f["path"] for f in m.get("files", [])])}
                for m in earlier.get(slug, []) if m["folder"] != current]

    for outcome in outcomes:
        entry = {"slug": outcome.slug, "ok": outcome.ok, "designation": outcome.designation or outcome.slug,
                 "title": outcome.title, "edition": outcome.edition, "reason": outcome.reason, "notes": outcome.notes,
                 "earlier": others(outcome.slug, outcome.edition if outcome.ok else None)}
        if outcome.ok:
            entry.update(_links(outcome.slug, outcome.edition, outcome.languages, outcome.files))
        rows.append(entry)
    for slug in sorted(set(earlier) - {o.slug for o in outcomes}):
        latest, *rest = earlier[slug]
        entry = {"slug": slug, "ok": True, "designation": latest.get("designation", slug),
                 "title": latest.get("title", ""), "edition": latest["folder"], "reason": "",
                 "notes": ["not part of this publish run: published earlier"], "earlier": others(slug, latest["folder"])}
        entry.update(_links(slug, latest["folder"], [latest.get("language", ""), *latest.get("translations", [])],
                            [f["path"] for f in latest.get("files", [])]))
        rows.append(entry)
    write_atomic(path, env.get_template("index.html").render(rows=rows, commit=commit).encode("utf-8"))
