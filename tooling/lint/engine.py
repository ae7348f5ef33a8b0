"""Running the rules inside Sphinx and reporting their findings the Sphinx way.

- :class:`LintDocument`, a docutils transform, runs the document rules on each
  document as it is read (parallel-safe: findings travel with the document's
  data in the ``standard`` domain).
- :func:`lint_standards` runs the standard rules on each standard after all
  documents are read and numbered (``env-get-updated``), with every document's doctree.
- Findings become Sphinx warnings ``file:line: WARNING: message [stdlint.CODE]``
  (``type="stdlint"``, ``subtype=CODE``), so ``-W``, ``--keep-going`` and
  ``suppress_warnings = ["stdlint.VF004"]`` work as usual. Info findings and
  suppressed ones are kept for reports only.

Configuration (``conf.py``)::

    std_lint = {
        "VF004": {"severity": "error"},      # per-rule severity
        "UQ004": {"enabled": False},         # switch a rule off
        "VF001": {"profiles": ["gb"]},       # limit a rule to profiles
        "select": ["VF", "NE", "ST001"],     # only these rules or families (default: all)
        "ignore": ["ED"],                    # not these
    }
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from ..model.domain import standard_of
from ..model.metadata import MetadataError, StandardMetadata, load_metadata
from .context import DocContext, Finding
from .registry import all_rules, get_rule

logger = logging.getLogger(__name__)

__all__ = ["LintDocument", "StandardContext", "collected_findings", "make_finding", "setup"]


@functools.lru_cache(maxsize=64)
def _metadata(path: str, mtime: float) -> StandardMetadata | None:
    try:
        return load_metadata(Path(path))
    except MetadataError:
        return None


def metadata_for(env, docname: str) -> StandardMetadata | None:
    """The metadata of ``docname``'s standard, read from its index (documents may be read before their index)."""
    slug = standard_of(env, docname)
    if slug is None:
        return None
    path = env.doc2path(f"{slug}/index")
    try:
        return _metadata(str(path), Path(path).stat().st_mtime)
    except OSError:
        return None


def _settings(config: dict, code: str) -> dict:
    """The per-rule settings of ``std_lint`` (``{"severity": …, "enabled": …, "profiles": […]}``)."""
    return config.get(code, {}) if isinstance(config.get(code), dict) else {}


def rule_enabled(code: str, meta: StandardMetadata, config: dict) -> bool:
    """Whether rule ``code`` runs on ``meta``'s standard.

    ``config`` is ``std_lint``; its key ``select`` (a list of codes or family prefixes,
    like ruff's) limits the rules to those, ``ignore`` switches some off.
    """
    rule = get_rule(code)
    if rule is None or not rule.applies(meta.profile, meta.language):
        return False
    select, ignore = config.get("select"), config.get("ignore") or ()
    if select and not any(code.startswith(prefix) for prefix in select):
        return False
    if any(code.startswith(prefix) for prefix in ignore):
        return False
    settings = _settings(config, code)
    if settings.get("enabled") is False:
        return False
    profiles = settings.get("profiles")
    return not profiles or meta.profile in profiles


def make_finding(code: str, meta: StandardMetadata, config: dict, file: str, line: int | None, column: int | None,
                 docname: str, snippet: str, args: dict[str, Any], severity: str | None = None) -> Finding | None:
    """A finding of rule ``code`` with its configured severity and messages, or ``None`` when the rule is off.

    ``severity`` is the rule's own choice for this finding (e.g. NE rules: error for a
    requirement, warning for a recommendation); configuration still overrides it.
    """
    rule = get_rule(code)
    if rule is None or not rule_enabled(code, meta, config):
        return None
    severity = (_settings(config, code).get("severity") or severity
                or rule.default_severity(meta.profile, meta.language))
    fields = {key: str(value) for key, value in args.items()}
    try:
        message = rule.message.format(**fields)
        message_zh = rule.message_zh.format(**fields)
    except (KeyError, IndexError):
        message, message_zh = rule.message, rule.message_zh
    return Finding(code, severity, message, message_zh, file, line, column, docname, meta.slug, snippet)


def emit(finding: Finding) -> None:
    """Report a finding as a Sphinx warning (not for info findings or suppressed ones)."""
    if finding.suppressed is not None or finding.severity == "info":
        return
    location = f"{finding.file}:{finding.line}" if finding.line else finding.file
    logger.warning("%s: %s（%s）", finding.severity, finding.message, finding.message_zh,
                   location=location, type="stdlint", subtype=finding.code)


class LintDocument(SphinxTransform):
    """Run the document rules on the document being read."""

    default_priority = 870  # after the model collected it (845), before doctree-read (880)

    def apply(self, **kwargs: Any) -> None:
        env = self.env
        docname = env.current_document.docname
        domain = env.domains["standard"]
        meta = metadata_for(env, docname)
        if meta is None or docname == f"{meta.slug}/index" or self.config.std_output_language:
            # translations are checked against their master by the BL rules, not linted as drafts
            domain.note_findings(docname, [])
            return
        config = self.config.std_lint or {}
        ctx = DocContext(self.document, docname, meta, config)
        for rule in all_rules():
            if rule.scope != "document" or rule.check is None or not rule_enabled(rule.code, meta, config):
                continue
            rule.check(ctx)
        for finding in ctx.findings:
            emit(finding)
        domain.note_findings(docname, ctx.findings)


class StandardContext:
    """A whole standard as standard rules see it: its documents' doctrees (read phase) in order."""

    def __init__(self, env, slug: str, meta: StandardMetadata, config: dict) -> None:
        self.env = env
        self.slug = slug
        self.meta = meta
        self.profile = meta.profile
        self.lang = meta.language
        self.config = config
        self.domain = env.domains["standard"]
        self.findings: list[Finding] = []
        self._doctrees: dict[str, nodes.document] = {}

    @property
    def docnames(self) -> list[str]:
        """The standard's documents in reading order, its index first."""
        return self.domain.docs_of(self.slug)

    def doctree(self, docname: str) -> nodes.document:
        if docname not in self._doctrees:
            self._doctrees[docname] = self.env.get_doctree(docname)
        return self._doctrees[docname]

    def documents(self):
        """``(docname, doctree)`` for each document of the standard except its index, in order."""
        for docname in self.docnames:
            if docname != f"{self.slug}/index":
                yield docname, self.doctree(docname)

    def numbered(self):
        return self.domain.numbered(self.slug)

    def report(self, code: str, docname: str, node: nodes.Node | None = None, needle: str = "",
               line: int | None = None, snippet: str = "", severity: str | None = None, **args: str) -> Finding | None:
        """Record a finding in ``docname`` at ``needle`` inside ``node`` (or at ``line``)."""
        if node is not None:
            ctx = DocContext(self.doctree(docname), docname, self.meta, self.config)
            file, at, column = ctx.locate(node, needle)
        else:
            file, at, column = str(self.env.doc2path(docname)), line, None
        finding = make_finding(code, self.meta, self.config, file, at, column, docname,
                               snippet or needle or (node.astext()[:80] if node is not None else ""), args, severity)
        if finding is not None:
            from .context import suppression_reason

            finding.suppressed = suppression_reason(node, code) if node is not None else None
            self.findings.append(finding)
        return finding


def lint_standards(app, env) -> list[str]:
    """``env-get-updated`` (after numbering): run the standard rules on every standard with valid metadata.

    Runs on every build, before the environment is saved, so the findings are
    kept with it and ``std lint`` can report them without reading anything again.
    """
    domain = env.domains["standard"]
    config = app.config.std_lint or {}
    results: dict[str, list[Finding]] = {}
    if app.config.std_output_language:
        domain.data["standard_findings"] = results
        return []
    for slug, entry in sorted(domain.standards.items()):
        meta = entry["metadata"]
        if meta is None:
            continue
        ctx = StandardContext(env, slug, meta, config)
        for rule in all_rules():
            if rule.scope != "standard" or rule.check is None or not rule_enabled(rule.code, meta, config):
                continue
            rule.check(ctx)
        for finding in ctx.findings:
            emit(finding)
        results[slug] = ctx.findings
    domain.data["standard_findings"] = results
    return []


def collected_findings(env) -> list[Finding]:
    """Every finding the environment keeps: the document rules', the standard rules' and the build's problems,
    and the problems of the translation catalogs.

    Build problems (:func:`tooling.model.problems.problem_findings`: invalid metadata, a refused
    include, an ID used twice, a reference to a missing target …) are findings with the code of
    their Sphinx message (``std.metadata``); they are kept per document like the rules' findings,
    so every run reports the same, incremental or not. The catalogs of the standards
    (``standards/<slug>/locales/…``, which the master build does not read) are checked afresh on
    every call (:func:`tooling.translate.catalogs.catalog_findings`, code ``std.po``: broken PO
    syntax, not UTF-8, a translation that drops the master's markup, a PO file in the wrong place);
    like the bilingual rules' findings they gate the translated edition only.
    """
    from ..model.problems import problem_findings
    from ..translate.catalogs import catalog_findings

    domain = env.domains["standard"]
    findings = [f for items in domain.data["findings"].values() for f in items]
    findings += [f for items in domain.data["standard_findings"].values() for f in items]
    standards = {slug: entry["metadata"] for slug, entry in domain.standards.items()}
    return findings + problem_findings(env) + catalog_findings(Path(env.config.std_root), standards)


def setup(app) -> None:
    app.add_config_value("std_lint", {}, "env", types=(dict,))
    app.add_config_value("std_lint_fail_on", "", "", types=(str,))
    app.add_config_value("std_lint_baseline", "lint-baseline.json", "", types=(str,))
    app.add_transform(LintDocument)
    app.connect("env-get-updated", lint_standards, priority=700)
