"""``std``: the command line of the standards pipeline.

Commands stay thin: they parse options, call the module that does the work and
report. Data goes to stdout, messages to stderr. Exit status 0 means success,
1 that the work found problems (a standard failed, findings at the gating level),
2 a usage error.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path

import click

from .project import Project, ProjectError, find_root

__all__ = ["main"]


class Context:
    """What every command gets: the repository."""

    def __init__(self, root: Path | None) -> None:
        self._root = root

    @property
    def project(self) -> Project:
        try:
            return Project(find_root(self._root) if self._root is None else self._root.resolve())
        except ProjectError as exc:
            raise click.ClickException(str(exc)) from None


pass_context = click.make_pass_decorator(Context)


def _error(message: str) -> None:
    click.secho(message, fg="red", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), envvar="STD_ROOT",
              help="Repository root (default: the nearest folder with conf.py and standards/).")
@click.version_option(package_name="std-tooling")
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """Author, check and publish standards written in MyST Markdown."""
    ctx.obj = Context(root)


def _check_standards(project, standards: tuple[str, ...]) -> None:
    """Refuse --standard values that name no standard of the repository (click.BadParameter)."""
    unknown = sorted(set(standards) - set(project.standard_slugs()))
    folders = [slug for slug in unknown if (project.srcdir / slug).is_dir()]
    if folders:
        from .model.problems import no_index_message

        raise click.BadParameter("; ".join(no_index_message(f"{project.srcdir.name}/{slug}") for slug in folders),
                                 param_hint="--standard")
    if unknown:
        raise click.BadParameter(f"no standard {', '.join(unknown)} in {project.srcdir} "
                                 f"(standards: {', '.join(project.standard_slugs()) or 'none'})",
                                 param_hint="--standard")


@main.command()
@click.option("--standard", "standards", multiple=True, metavar="SLUG",
              help="Only this standard (repeatable; PDF only: HTML always builds the whole site).")
@click.option("--format", "formats", type=click.Choice(["html", "pdf", "parallel"]), multiple=True,
              help="Output format (repeatable; default: html). parallel: the bilingual edition (with --lang).")
@click.option("--fresh", is_flag=True, help="Read every source again instead of an incremental build.")
@click.option("-j", "--jobs", default=1, show_default=True, help="Parallel processes for reading and writing.")
@click.option("--lang", type=click.Choice(["zh", "en"]),
              help="Build the editions in this language (translations through the catalogs) into build/html-LANG "
                   "and build/pdf-LANG; default: each standard in its master language.")
@pass_context
def build(obj: Context, standards: tuple[str, ...], formats: tuple[str, ...], fresh: bool, jobs: int,
          lang: str | None) -> None:
    """Build the preview: the HTML site in build/html, PDFs in build/pdf."""
    project = obj.project
    _check_standards(project, standards)
    failed = False
    suffix = f"-{lang}" if lang else ""
    if "parallel" in formats and not lang:
        raise click.BadParameter("the parallel edition needs --lang (the translation's language)", param_hint="--lang")
    if lang:
        _warn_missing_catalogs(project, standards, lang)
    for fmt in formats or ("html",):
        builder = {"pdf": "stdpdf", "parallel": "stdparallel"}.get(fmt, "html")
        overrides = {"std_pdf_standards": list(standards)} if standards and fmt == "pdf" else {}
        if lang:
            overrides["std_output_language"] = lang
        if fmt == "parallel":
            # the master column comes from the master build's doctrees: bring them up to date (incremental)
            master = project.sphinx("dummy", project.build_dir / "dummy", jobs=jobs, echo=sys.stderr,
                                    doctreedir=project.build_dir / "doctrees")
            failed = failed or master.app is None
            overrides["std_master_doctrees"] = str(project.build_dir / "doctrees")
            overrides["std_pdf_standards"] = list(standards)
        out = project.build_dir / ({"pdf": "pdf", "parallel": "parallel"}.get(fmt, "html") + suffix)
        result = project.sphinx(builder, out, fresh=fresh, jobs=jobs, overrides=overrides, echo=sys.stderr,
                                doctreedir=project.build_dir / f"doctrees{suffix}")
        if fmt in ("pdf", "parallel"):
            report = json.loads((out / "pdf-report.json").read_text(encoding="utf-8"))
            for item in report:
                if item["ok"]:
                    click.echo(f"{item['path']}: {item['pages']} pages", err=True)
                else:
                    failed = True
                    _error(f"{item['slug']}: no PDF: {item['message']}")
        else:
            click.echo(f"HTML site: {out / 'index.html'}", err=True)
        failed = failed or bool(result.errors)
    sys.exit(1 if failed else 0)


def _warn_missing_catalogs(project: Project, standards: tuple[str, ...], lang: str) -> None:
    """Warn for each standard whose edition in ``lang`` can only show its master text (it has no catalog)."""
    from .model.metadata import MetadataError, load_metadata
    from .translate.catalogs import catalog_path

    for slug in standards or project.standard_slugs():
        try:
            meta = load_metadata(project.srcdir / slug / "index.md")
        except (MetadataError, OSError):
            continue  # the build reports it
        path = catalog_path(project.root, slug, lang)
        if meta.master_language != lang and not path.is_file():
            click.echo(f"warning: {slug}: no {lang} catalog ({path.relative_to(project.root)}): its {lang} edition "
                       "shows the master text; std translate update creates the catalog", err=True)


@main.command()
@click.option("--standard", "standards", multiple=True, metavar="SLUG", help="Only this standard (repeatable).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Publish folder (default: build/publish).")
@pass_context
def publish(obj: Context, standards: tuple[str, ...], out: Path | None) -> None:
    """Build every standard's official HTML and PDF into build/publish/<slug>/<edition>/.

    A fresh build of the whole repository. A standard that fails (invalid
    metadata, build errors, a PDF that crashes or exceeds its time limit) is
    reported and skipped; the others are published. Exit status 1 when any failed;
    2 (nothing built) when --standard names no standard of the repository.
    """
    from .publish import _source_commit
    from .publish import publish as run_publish

    project = obj.project
    _check_standards(project, standards)  # before building anything: an unknown --standard is a usage error
    report = run_publish(project, out or project.build_dir / "publish", only=list(standards))
    for item in report.standards:
        if item.ok:
            click.echo(f"published {item.slug} ({', '.join(item.languages)}) → {item.folder}")
        else:
            _error(f"{item.slug}: not published: {item.reason}")
        for note in item.notes:
            click.echo(f"{item.slug}: {note}", err=True)
    click.echo(f"index: {report.index}", err=True)
    source = _source_commit(project.root, changes=True)
    if source["dirty"] and any(item.ok for item in report.standards):  # the manifests say so too
        changes = source["changes"]
        shown = ", ".join(changes[:3]) + (f", … ({len(changes)} in all)" if len(changes) > 3 else "")
        click.echo(f"warning: publishing uncommitted changes ({shown}): the manifest records the commit with "
                   '"dirty": true', err=True)
    sys.exit(0 if report.ok else 1)


@main.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--designation", required=True, help="Designation of the imported standard, e.g. 'ISO/IEC DIS 18974'.")
@click.option("--lang", type=click.Choice(["zh", "en"]), required=True, help="Language of SOURCE.")
@click.option("--profile", type=click.Choice(["gb", "iso"]), help="Drafting profile (default: from the designation).")
@click.option("--translation", type=click.Path(exists=True, path_type=Path),
              help="The same standard in the other language (a file or a folder).")
@click.option("--stage", help="Stage of the imported text (default: a draft stage of the profile).")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Completion date of the draft (default: the source's last git commit, else its file date).")
@click.option("--to", "target", required=True, type=click.Path(path_type=Path),
              help="Folder to create, standards/<slug>.")
@click.option("--force", is_flag=True, help="Replace the target folder if it exists.")
def import_(source: Path, designation: str, lang: str, profile: str | None, translation: Path | None,
            stage: str | None, date: str | None, target: Path, force: bool) -> None:
    """Import a standard written in plain Markdown (a file, or a folder of files in name order).

    Hand-typed clause numbers decide the hierarchy; clauses get stable IDs and
    computed numbers. Everything that could not be mapped is reported with its
    file and line; nothing is dropped silently. A repository is created around
    the target when there is none (conf.py and standards/index.md).
    """
    from .importer import ImportError_, import_standard

    try:
        report = import_standard(source, designation=designation, lang=lang, profile=profile,
                                 translation=translation, stage=stage, target=target, force=force, date=date)
    except ImportError_ as exc:
        raise click.ClickException(str(exc)) from None
    for line in report.messages:
        click.echo(line, err=True)
    counts = [f"{report.clauses} clauses", f"{report.terms} term entries"] + (
        [f"{report.requirements} requirement IDs"] if report.requirements else [])
    click.echo(f"imported {', '.join(counts[:-1])} and {counts[-1]} into {report.target}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--check", is_flag=True, help="Only list what lacks an ID; exit 1 when something does.")
@pass_context
def ids(obj: Context, paths: tuple[Path, ...], check: bool) -> None:
    """Add missing stable IDs to clauses, annexes, term entries, tables, figures and formulas.

    IDs are ASCII, derived once from the title (Chinese through pinyin), unique
    within the standard. Nothing else in the files changes. Lines read
    ``file:line: added|needs ID 'id' (kind)``, the file relative to the repository root.
    With --check, an ID used twice in a standard is listed too (``file:line: duplicate
    ID 'id': used at … and …``, as the build reports it).
    """
    from .lint.report import relative_path
    from .model.ids import add_missing_ids

    project = obj.project
    _check_standard_paths(project, paths)
    files = [f for p in paths for f in ([p] if p.is_file() else sorted(p.rglob("*.md")))] \
        or sorted(project.srcdir.glob("*/**/*.md"))
    unreadable: list[tuple[Path, str]] = []
    changes = add_missing_ids(files, write=not check, unreadable=unreadable)
    for path, reason in unreadable:
        _error(f"{relative_path(str(path), project.root)}: {reason}; its IDs were not checked")
    for change in changes:
        click.echo(f"{relative_path(str(change.path), project.root)}:{change.line}: "
                   f"{'needs' if check else 'added'} ID {change.label!r} ({change.kind})")
    duplicates = _duplicate_ids(project, files) if check else []
    for finding in duplicates:
        click.echo(f"{relative_path(finding.file, project.root)}:{finding.line}: {finding.message}")
    if not changes and not duplicates and not unreadable:
        click.echo("every element has an ID", err=True)
    sys.exit(1 if unreadable or (check and (changes or duplicates)) else 0)


def _duplicate_ids(project: Project, files: list[Path]) -> list:
    """The build's duplicate-ID problems (:func:`tooling.model.problems.check_labels`) located in ``files``."""
    from .model.problems import DUPLICATE_ID, problem_findings

    result = project.sphinx("dummy", project.build_dir / "lint", echo=None)
    wanted = {f.resolve() for f in files}
    return [f for f in problem_findings(result.app.env) if f.code == DUPLICATE_ID and Path(f.file).resolve() in wanted]


@main.command()
@click.option("--port", default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@pass_context
def preview(obj: Context, port: int, host: str) -> None:
    """Serve the HTML site and rebuild it on every change (sphinx-autobuild).

    The command becomes the sphinx-autobuild process (no child is left behind
    when it is stopped with Ctrl-C or a signal).
    """
    from . import TEMPLATES

    project = obj.project
    cmd = [sys.executable, "-m", "sphinx_autobuild", str(project.srcdir), str(project.build_dir / "html"),
           "-c", str(project.root), "-d", str(project.build_dir / "doctrees"), "--port", str(port), "--host", host]
    for folder in dict.fromkeys([project.root / "templates", TEMPLATES]):
        if folder.is_dir():
            cmd += ["--watch", str(folder)]
    click.echo(f"preview on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(project.root)
    os.execv(sys.executable, cmd)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that fails (default: each standard's stage: errors for drafts for comments "
                   "and review, warnings for drafts for approval and published texts).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to a file.")
@click.option("--update-baseline", is_flag=True, help="Accept the current findings into the baseline file.")
@click.option("--no-baseline", is_flag=True, help="Report findings of the baseline too.")
@pass_context
def lint(obj: Context, paths: tuple[Path, ...], fmt: str, fail_on: str | None, output: Path | None,
         update_baseline: bool, no_baseline: bool) -> None:
    """Check drafts against the drafting rules of GB/T 1.1-2020 and ISO/IEC Directives Part 2.

    PATHS limit the report to files or folders of standards (default: every
    standard); a path that is not part of any standard is a usage error (exit 2).
    Text lines read ``file:line:col: CODE severity message`` (``file:line: CODE …``
    for a finding about a whole block), paths relative to the repository root in
    every format. Suppress one finding in the source with ``<!-- lint-disable CODE
    reason: … -->`` before its block (see ``std rule CODE``). The build's own
    problems (invalid metadata, a refused include, an ID used twice, a reference
    to a missing target …) are findings too, coded by their Sphinx message
    (``std.metadata``), the same on every run.
    """
    from .lint.engine import collected_findings
    from .lint.report import Baseline, gate, to_json, to_sarif, to_text

    project = obj.project
    _check_standard_paths(project, paths)
    result = project.sphinx("dummy", project.build_dir / "lint", echo=None)
    if result.app is None:
        raise click.ClickException("the build could not run")
    domain = result.app.env.domains["standard"]
    findings = collected_findings(result.app.env)  # the build's problems too: every run reports the same
    if paths:
        wanted = [p.resolve() for p in paths]
        findings = [f for f in findings if any(Path(f.file).resolve() == w or w in Path(f.file).resolve().parents
                                               for w in wanted)]
    config = result.app.config
    baseline_path = project.root / (config.std_lint_baseline or "lint-baseline.json")
    try:
        baseline = Baseline(baseline_path) if no_baseline else Baseline.load(baseline_path)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if update_baseline:
        baseline.write([f for f in findings if f.suppressed is None])
        click.echo(f"baseline: {len(findings)} finding(s) accepted in {baseline_path}", err=True)
        return
    metas = {slug: entry["metadata"] for slug, entry in domain.standards.items()}
    report = gate(findings, baseline, fail_on or config.std_lint_fail_on or None, metas)
    if fmt == "text":
        text = to_text(report, project.root)
    else:
        data = to_json(report, project.root) if fmt == "json" else to_sarif(report, project.root)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    sys.exit(1 if report.failed else 0)


def _check_standard_paths(project: Project, paths: tuple[Path, ...]) -> None:
    """Raise a usage error (exit 2) for a path that is neither in a standard's folder nor holds one."""
    folders = [(project.srcdir / slug).resolve() for slug in project.standard_slugs()]
    for path in paths:
        wanted = path.resolve()  # it exists (click checked)
        if not any(wanted == f or wanted in f.parents or f in wanted.parents for f in folders):
            raise click.BadParameter(f"{path}: not part of any standard (a standard is a folder "
                                     f"{project.srcdir.name}/<slug>/ with an index.md)", param_hint="PATHS")


@main.command()
@click.argument("code", required=False)
@click.option("--list", "list_", is_flag=True, help="List every rule.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rule(code: str | None, list_: bool, fmt: str) -> None:
    """Print a drafting rule's documentation, or list the rules (--list)."""
    from .lint.registry import all_rules, get_rule

    if list_ or not code:
        rules = all_rules()
        if fmt == "json":
            click.echo(json.dumps({"rules": [r.to_json() for r in rules]}, ensure_ascii=False, indent=2))
        else:
            for r in rules:
                click.echo(f"{r.code}  {r.severity:<7}  {'/'.join(r.profiles):<6}  {'/'.join(r.languages):<5}  "
                           f"{r.title}  [{r.source}]")
        return
    found = get_rule(code)
    if found is None:
        raise click.BadParameter(f"no rule {code} (std rule --list shows them)", param_hint="CODE")
    if fmt == "json":
        click.echo(json.dumps({**found.to_json(), "documentation": found.documentation()}, ensure_ascii=False,
                              indent=2))
    else:
        click.echo(found.documentation(), nl=False)


@main.command()
@click.option("--cited-by", "cited_by", metavar="DESIGNATION[#ID]",
              help="List every citation of a document (or of one of its elements, by stable ID).")
@click.option("--graph", is_flag=True, help="Write the citation graph of the repository.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "dot"]), default="text", show_default=True,
              help="Output format (dot: Graphviz, for --graph).")
@pass_context
def refs(obj: Context, cited_by: str | None, graph: bool, fmt: str) -> None:
    """Who cites what: citations of a document or clause, or the whole citation graph.

    Documents are named by their designations as written (``ISO/IEC TS 4213``, ``GB/T 1.1—2020``);
    the year-less form names every edition. JSON for --cited-by: {"citations": [{"standard",
    "clause", "file", "line", "target", "normative"}]} (file relative to the repository root);
    for --graph: {"nodes": [{"id", "designation", "kind"}], "edges": [{"from", "to", "count",
    "normative"}]}, where ids, from and to are year-less designations. An ID that the cited
    standard (of this repository or an inventory) does not have is an error: "no element 'ID' in
    DESIGNATION" on stderr (with --format json, {"citations": []} on stdout) and exit status 1.
    """
    from .model.designation import DesignationError
    from .xref.graph import UnknownElement, citation_graph, to_dot
    from .xref.graph import cited_by as find_cited_by

    if not cited_by and not graph:
        raise click.UsageError("give --cited-by DESIGNATION[#ID] or --graph")
    project = obj.project
    result = project.sphinx("dummy", project.build_dir / "lint")
    env = result.app.env
    if graph:
        data = citation_graph(env)
        if fmt == "dot":
            click.echo(to_dot(data), nl=False)
        elif fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for edge in data["edges"]:
                kind = "normative" if edge["normative"] else "informative"
                click.echo(f"{edge['from']} → {edge['to']} ({edge['count']} citation(s), {kind})")
        return
    designation, _, target = cited_by.partition("#")
    try:
        rows = find_cited_by(env, designation, target)
    except DesignationError as exc:
        raise click.BadParameter(str(exc), param_hint="--cited-by") from None
    except UnknownElement as exc:
        if fmt == "json":
            click.echo(json.dumps({"citations": []}, ensure_ascii=False, indent=2))
        _error(str(exc))
        sys.exit(1)
    for row in rows:
        try:
            row["file"] = Path(row["file"]).resolve().relative_to(project.root.resolve()).as_posix()
        except ValueError:
            pass
    if fmt == "json":
        click.echo(json.dumps({"citations": rows}, ensure_ascii=False, indent=2))
        return
    for row in rows:
        path = row["file"]
        kind = "normative" if row["normative"] else "informative"
        click.echo(f"{path}:{row['line']}: {row['standard']} {row['clause'] or '-'} cites {row['target']} ({kind})")
    if not rows:
        click.echo(f"no citation of {cited_by}", err=True)


@main.group()
def translate() -> None:
    """Translation catalogs: a standard drafted in Chinese is translated into English and vice versa."""


@translate.command("update")
@click.option("--standard", "standards", multiple=True, metavar="SLUG", help="Only this standard (repeatable).")
@pass_context
def translate_update(obj: Context, standards: tuple[str, ...]) -> None:
    """Extract the messages of each standard and merge them into its catalog.

    Catalogs are standards/<slug>/locales/<lang>/LC_MESSAGES/<slug>.po; new messages
    are added, changed ones become fuzzy (with the previous text kept), removed ones obsolete.
    A catalog that cannot be read (broken PO syntax, not UTF-8) is left as it is and
    reported; the others are updated all the same, and the exit status is 1. PO files
    elsewhere under locales/ (another language, en_GB, another name) are not used: each
    is a warning that names the catalog's path. A standard whose index.md has invalid
    metadata is not updated: its problems are printed as file:line: message (on stderr),
    the others are updated all the same, and the exit status is 1.
    """
    from .translate.catalogs import update

    project = obj.project
    _check_standards(project, standards)
    invalid = []
    results = update(project, list(standards) or None, invalid)
    for problem in invalid:
        _error(f"{problem.location(project.root)}: {problem.message}")
    refused = bool(invalid)
    for path, what in results:
        shown = path.relative_to(project.root).as_posix()
        if what.startswith("catalog in the wrong place"):
            click.echo(f"{shown}: warning: {what}", err=True)
        elif what.startswith("not updated"):
            refused = True
            _error(f"{what}: {shown}")
        else:
            click.echo(f"{what}: {shown}")
    if refused:
        sys.exit(1)


@translate.command("status")
@click.option("--standard", "standards", multiple=True, metavar="SLUG", help="Only this standard (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@pass_context
def translate_status(obj: Context, standards: tuple[str, ...], fmt: str) -> None:
    """Translated, fuzzy (stale) and missing messages per standard and language, and the catalogs' problems.

    Each catalog is checked: PO syntax, UTF-8, and whether every translation keeps the
    markup of its master (roles, citations, reference targets, code, formulas, footnote
    references, placeholders). Problems are printed as file:line: message (on stderr);
    a message with a problem counts as missing, as a build leaves it untranslated, and a
    catalog with broken syntax is not used at all. Exit status 1 when there are problems.
    The share is rounded down (285 of 286 is 99 %, never 100 %). PO files elsewhere under a
    standard's locales/ (another language, en_GB, another name) are not used: each is a
    warning that names the catalog's path (it does not change the exit status). A standard
    whose index.md has invalid metadata has no status: its problems are printed as
    file:line: message (on stderr), the others are listed, and the exit status is 1.

    JSON: {"standards": [{"slug", "language", "translated", "fuzzy", "missing"[, "problems":
    [{"file", "line", "message", "scope"}]][, "misplaced": [{"file", "expected", "message"}]]}]
    [, "errors": [{"slug", "file", "line", "message"}]]}
    (problems only for a catalog that has some; scope: "catalog" for the whole file, "message"
    for one message; misplaced only when there are such files; errors only when a standard's
    metadata is invalid).
    """
    from .translate.catalogs import status

    project = obj.project
    _check_standards(project, standards)
    invalid = []
    rows = status(project, list(standards) or None, invalid)
    if fmt == "json":
        data = {"standards": [r.to_json(project.root) for r in rows]}
        if invalid:
            data["errors"] = [problem.to_json(project.root) for problem in invalid]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            click.echo(f"{row.slug} [{row.language}]: {row.translated}/{row.total} translated "
                       f"({math.floor(row.ratio * 100)}%), {row.fuzzy} fuzzy, {row.missing} missing"
                       + (f", {len(row.problems)} problem(s) in its catalog" if row.problems else "")
                       + (f", {len(row.misplaced)} PO file(s) in the wrong place" if row.misplaced else ""))
    for problem in invalid:
        _error(f"{problem.location(project.root)}: {problem.message}")
    for row in rows:
        for problem in row.problems:
            _error(f"{problem.location(project.root)}: {problem.message}")
        for stray in row.misplaced:
            click.echo(f"{stray.location(project.root)}: warning: {stray.message}", err=True)
    if invalid or any(row.problems for row in rows):
        sys.exit(1)


@main.command()
@click.option("--from", "old", required=True, metavar="REV", help="The earlier revision: git ref, folder or Markdown file.")
@click.option("--to", "new", required=True, metavar="REV", help="The later revision: git ref, folder or Markdown file.")
@click.option("--standard", metavar="SLUG",
              help="The standard to compare, among the standards of a revision that holds several (default: every "
                   "standard of the revisions; json needs one). A revision that holds one standard (a Markdown "
                   "file, a standard's folder) is compared whatever its slug, unless SLUG is neither side's.")
@click.option("--lang", type=click.Choice(["zh", "en"]),
              help="Compare in this language (a translation uses the standard's catalogs of each revision; "
                   "not for a Markdown revision, whose language is --source-lang).")
@click.option("--format", "formats", type=click.Choice(["text", "json", "html", "pdf"]), multiple=True,
              help="text or json on stdout; html and pdf redlines written to build/diff/<slug>.<format> "
                   "(two Markdown revisions: <old-stem>--<new-stem>.<format>, or --standard's name). "
                   "Repeat for several (e.g. --format html --format pdf). Default: text.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the html or pdf redline (one standard, one file format).")
@click.option("--foreword", is_flag=True, help="Also print the draft of the foreword's list of technical changes.")
@click.option("--designation", help="Designation, for a revision given as a Markdown file (imported on the fly).")
@click.option("--source-lang", type=click.Choice(["zh", "en"]), help="Language of a Markdown revision.")
@click.option("--profile", type=click.Choice(["gb", "iso"]), help="Profile of a Markdown revision.")
@pass_context
def diff(obj: Context, old: str, new: str, standard: str | None, lang: str | None, formats: tuple[str, ...],
         output: Path | None, foreword: bool, designation: str | None, source_lang: str | None,
         profile: str | None) -> None:
    """Compare two revisions clause by clause: a redline for reviewers.

    Clauses are matched by stable ID, then by title and content; each is
    unchanged, added, deleted, moved, renumbered or modified, and each change
    technical or editorial. The metadata (titles, designation, stage, dates …)
    is compared too. Without --standard every standard of the two revisions is
    compared (a standard that fails to load is reported and the others still
    compared); a revision that holds one standard is compared with the other's
    whatever their slugs, unless --standard names neither (a usage error; a
    Markdown revision has no slug, so with two of them --standard only names
    the redline). JSON (one standard): {"from", "to", "standard",
    "clauses": [{"id", "status", "old_number", "new_number", "title", "class",
    "changes"}], "summary", "metadata": [{"field", "old", "new", "class"}]}.
    """
    from .diff.load import (ImportOptions, NoSuchStandard, RevisionError, SeveralStandards, load_revision,
                            load_revisions)
    from .diff.text import untranslated_warning

    for rev, option in ((old, "--from"), (new, "--to")):
        if not rev.strip():  # not the current folder, silently
            raise click.UsageError(f"{option}: empty revision: give a git ref, a folder or a Markdown file")
    formats = tuple(dict.fromkeys(formats or ("text",)))
    if {"text", "json"} <= set(formats):
        raise click.UsageError("--format text and --format json both write to stdout; choose one")
    files = [f for f in formats if f in ("html", "pdf")]
    if output is not None and len(files) != 1:
        raise click.UsageError("--output names one file: give exactly one of --format html or --format pdf")
    project = obj.project
    options = ImportOptions(designation or "", source_lang or "", profile)

    def one(rev: str, option: str, prefer: str | None = None):
        try:
            return load_revision(rev, project.root, standard, lang, options, prefer=prefer)
        except (NoSuchStandard, SeveralStandards):
            raise
        except RevisionError as exc:
            raise click.ClickException(f"{option}: {exc}") from None

    imported = any(Path(rev).exists() and not (Path(rev) / "conf.py").is_file() for rev in (old, new))
    if standard or imported or "json" in formats:
        try:
            try:
                before = one(old, "--from")
            except SeveralStandards as several:  # the other revision may hold one standard: that one is compared
                try:
                    after = one(new, "--to")
                except SeveralStandards:
                    raise several from None
                before = one(old, "--from", prefer=after.slug)
            else:
                after = one(new, "--to", prefer=before.slug)
        except NoSuchStandard as exc:  # a usage error of --standard (exit status 2)
            raise click.BadParameter(str(exc), param_hint="--standard") from None
        except SeveralStandards as exc:
            why = "--format json compares one standard" if "json" in formats else "the other revision holds one"
            raise click.UsageError(f"--standard: {exc} ({why})") from None
        for snapshot, option in ((before, "--from"), (after, "--to")):
            if untranslated_warning(snapshot):
                click.echo(f"warning: {option} {untranslated_warning(snapshot)}", err=True)
        def stem(snapshot) -> str:
            """A Markdown revision's file name without its suffix (a folder's name), fit for a file name."""
            import re

            given = Path(snapshot.label.rstrip("/\\"))
            return re.sub(r"[^\w.-]+", "-", given.stem if given.is_file() else given.name).strip("-.") \
                or snapshot.slug

        # the redline's file name: --standard, else the slug of a side that has a real one (not an import's),
        # else (two Markdown revisions, so that one redline does not overwrite another) <old-stem>--<new-stem>
        name = standard or next((s.slug for s in (after, before) if not s.imported), None) \
            or f"{stem(before)}--{stem(after)}"
        _report_diff(project, before, after, formats, output, foreword, name)
        return

    try:
        befores, old_problems = load_revisions(old, project.root, lang, options)
    except RevisionError as exc:
        raise click.ClickException(f"--from: {exc}") from None
    try:
        afters, new_problems = load_revisions(new, project.root, lang, options)
    except RevisionError as exc:
        raise click.ClickException(f"--to: {exc}") from None
    old_slugs, new_slugs = [*befores, *old_problems], [*afters, *new_problems]
    if len(old_slugs) == 1 and len(new_slugs) == 1 and old_slugs != new_slugs:
        # one standard on each side under different slugs (a renamed folder): the same standard
        key = new_slugs[0]
        if old_slugs[0] in befores:
            befores = {key: befores[old_slugs[0]]}
        else:
            old_problems = {key: old_problems[old_slugs[0]]}
    slugs = list(dict.fromkeys([*befores, *old_problems, *afters, *new_problems]))
    if len(slugs) > 1 and output is not None:
        raise click.UsageError("--output names one file: give --standard")
    failed = False
    for slug in slugs:
        problem = old_problems.get(slug) and f"--from: {old_problems[slug]}" or (
            new_problems.get(slug) and f"--to: {new_problems[slug]}")
        if problem and len(slugs) == 1:
            raise click.ClickException(problem)
        if problem:
            click.echo(f"{slug}: not compared: {problem}", err=True)
            failed = True
        elif slug not in befores:
            click.echo(f"{slug}: new in {new} (nothing to compare)", err=True)
        elif slug not in afters:
            click.echo(f"{slug}: not in {new} (withdrawn or moved)", err=True)
        else:
            for snapshot, option in ((befores[slug], "--from"), (afters[slug], "--to")):
                if untranslated_warning(snapshot):
                    click.echo(f"warning: {option} {untranslated_warning(snapshot)}", err=True)
            _report_diff(project, befores[slug], afters[slug], formats, output, foreword, slug)
    if failed:
        sys.exit(1)


def _report_diff(project, before, after, formats: tuple[str, ...], output: Path | None, foreword: bool,
                 name: str | None = None) -> None:
    """Diff two snapshots and write what ``formats`` asks for (text/json on stdout, html/pdf files).

    ``name``: the redline's file name (``build/diff/<name>.<format>``; default: the new side's slug).
    """
    from .diff import diff_revisions, redline
    from .diff.foreword import technical_changes
    from .diff.text import summary_text

    result = diff_revisions(before, after)
    if "json" in formats:
        data = result.to_json()
        if foreword:
            data["foreword"] = technical_changes(result)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(summary_text(result).rstrip("\n"))
    for fmt in (f for f in formats if f in ("html", "pdf")):
        path = output or project.build_dir / "diff" / f"{name or after.slug}.{fmt}"
        try:  # the folder made when missing; an unwritable place is a RedlineError naming the path and why
            written = (redline.write_html(result, path) if fmt == "html"
                       else redline.write_pdf(result, path, project.root))
        except redline.RedlineError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"redline: {written}" + ("" if result.changed else " (no changes)"), err=True)
    if foreword and "json" not in formats:
        click.echo("\n" + technical_changes(result))


@main.command()
def schema() -> None:
    """Print the metadata schema: every front-matter field with its type and meaning."""
    from .model.metadata import schema as load_schema

    data = load_schema()
    defs = data.get("$defs", {})

    def describe(spec: dict) -> str:
        if "$ref" in spec:
            name = spec["$ref"].rsplit("/", 1)[-1]
            return name if name not in ("text", "texts") else ("text (string or {zh, en})" if name == "text"
                                                                  else "text or list of texts")
        if "enum" in spec:
            return " | ".join(map(str, spec["enum"]))
        if "oneOf" in spec:
            return " or ".join(describe(s) for s in spec["oneOf"])
        return spec.get("type", "value")

    required = set(data.get("required", []))
    for name, spec in data["properties"].items():
        flag = " (required)" if name in required else ""
        click.echo(f"{name}{flag}: {describe(spec)}")
        text = spec.get("description") or defs.get(spec.get("$ref", "").rsplit("/", 1)[-1], {}).get("description", "")
        for line in click.wrap_text(text, width=88, initial_indent="    ", subsequent_indent="    ").splitlines():
            click.echo(line)


if __name__ == "__main__":
    main()
