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
do not count), or when its PDF crashes or exceeds the time limit (case C13). What an earlier publish
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
from pathlib import Path

import jinja2

from . import TEMPLATES
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
    html = project.sphinx("html", work / "html", fresh=True, doctreedir=doctrees, echo=sys.stderr)
    pdf = project.sphinx("stdpdf", work / "pdf", doctreedir=doctrees, echo=sys.stderr,
                         overrides={"std_pdf_standards": list(only or [])})
    env = html.app.env
    domain = env.domains["standard"]
    pdf_report = {item["slug"]: item for item in
                  json.loads((work / "pdf" / "pdf-report.json").read_text(encoding="utf-8"))}
    errors = html.errors + pdf.errors
    lint = _lint_gate(project, html.app, only)
    commit = _source_commit(project.root)
    tools = _tool_versions()
    outcomes: list[StandardOutcome] = []
    for slug in sorted(domain.standards):
        if only and slug not in only:
            continue
        entry = domain.standards[slug]
        meta = entry["metadata"]
        if meta is None:
            outcomes.append(StandardOutcome(slug, False, reason="invalid metadata: " + "; ".join(
                f"line {line}: {message}" for line, message in entry["errors"])))
            continue
        outcome = StandardOutcome(slug, False, designation=meta.display_designation(), edition=meta.edition_name,
                                  title=meta.title_text(meta.language))
        own_errors = [e for e in errors if f"standards/{slug}/" in e or e.startswith(f"{slug}:")]
        report = pdf_report.get(slug)
        blocking = [f for f in lint.active if f.standard == slug]
        if own_errors:
            outcome.reason = f"{len(own_errors)} build error(s), first: {own_errors[0]}"
        elif lint.failed and blocking and _blocks(blocking, lint.fail_on.get(slug, "error")):
            first = next(f for f in blocking if _blocks([f], lint.fail_on.get(slug, "error")))
            outcome.reason = (f"drafting-rule lint fails at level {lint.fail_on.get(slug)} (std lint); first: "
                              f"{first.file}:{first.line}: {first.code} {first.message}")
        elif report is None or not report["ok"]:
            outcome.reason = "PDF failed: " + (report["message"] if report else "not rendered")
        else:
            folder = out / slug / meta.edition_name
            files = _stage_edition(work, slug, meta, folder, commit, tools)
            outcome.ok, outcome.folder, outcome.files = True, folder, files
        outcomes.append(outcome)
    index = out / "index.html"
    _write_index(index, outcomes, commit)
    return PublishReport(out, outcomes, index)


def _lint_gate(project: Project, app, only: list[str] | None):
    """The lint findings of the build, sorted out by suppressions, the baseline and each stage's gating level."""
    from .lint.report import Baseline, gate

    domain = app.env.domains["standard"]
    findings = [f for items in domain.data["findings"].values() for f in items]
    findings += [f for items in domain.data["standard_findings"].values() for f in items]
    baseline = Baseline.load(project.root / (app.config.std_lint_baseline or "lint-baseline.json"))
    metas = {slug: entry["metadata"] for slug, entry in domain.standards.items() if not only or slug in only}
    return gate(findings, baseline, app.config.std_lint_fail_on or None, metas)


def _blocks(findings, level: str) -> bool:
    from .lint.report import LEVELS

    return level != "never" and any(LEVELS[f.severity] <= LEVELS[level] for f in findings)


def _stage_edition(work: Path, slug: str, meta, folder: Path, commit: dict, tools: dict) -> list[str]:
    """Assemble the edition folder beside its target, then swap it in."""
    staging = folder.parent / f".staging-{folder.name}"
    shutil.rmtree(staging, ignore_errors=True)
    site = work / "html"
    html_out = staging / "html"
    shutil.copytree(site / slug, html_out / slug)
    shutil.copytree(site / "_static", html_out / "_static")
    used_images = set()
    for page in (html_out / slug).rglob("*.html"):
        used_images |= set(re.findall(r"_images/([^\"'?#]+)", page.read_text(encoding="utf-8")))
    for name in sorted(used_images):
        source = site / "_images" / name
        if source.is_file():
            (html_out / "_images").mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, html_out / "_images" / name)
    if (site / "search.html").is_file():
        shutil.copy2(site / "search.html", html_out / "search.html")
        write_atomic(html_out / "searchindex.js", _filtered_search_index(site / "searchindex.js", slug))
    write_atomic(html_out / "index.html", _redirect(f"{slug}/index.html"))
    pdf_name = f"{slug}-{meta.language}.pdf"
    shutil.copy2(work / "pdf" / f"{slug}.pdf", staging / pdf_name)
    files = sorted(str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file())
    manifest = {
        "standard": slug,
        "designation": meta.display_designation(),
        "edition": meta.edition_name,
        "stage": meta.stage.code,
        "language": meta.language,
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


def _source_commit(root: Path) -> dict:
    """The git commit of the sources and whether the work tree differs from it."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30,
                                  check=True).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    commit = git("rev-parse", "HEAD")
    dirty = bool(git("status", "--porcelain", "--", "standards", "templates", "conf.py")) if commit else False
    return {"commit": commit or None, "dirty": dirty}


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


def _write_index(path: Path, outcomes: list[StandardOutcome], commit: dict) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES / "publish")),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    rows = []
    for outcome in outcomes:
        entry = {"slug": outcome.slug, "ok": outcome.ok, "designation": outcome.designation or outcome.slug,
                 "title": outcome.title, "edition": outcome.edition, "reason": outcome.reason}
        if outcome.ok:
            base = f"{outcome.slug}/{outcome.edition}"
            entry["html"] = f"{base}/html/{outcome.slug}/index.html"
            entry["pdfs"] = [f"{base}/{f}" for f in outcome.files if f.endswith(".pdf")]
            entry["manifest"] = f"{base}/manifest.json"
        rows.append(entry)
    write_atomic(path, env.get_template("index.html").render(rows=rows, commit=commit).encode("utf-8"))
