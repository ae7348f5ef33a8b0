"""Lint reports: text, JSON and SARIF 2.1.0; the gating ladder; the baseline of accepted findings.

Gating (``--fail-on error|warning|info|never``): the exit status is 1 when a
finding that is neither suppressed in the source nor in the baseline reaches
the level. Without the option, each standard's stage decides: drafts for
comments and review fail on errors, drafts for approval and published texts
on warnings (a 征求意见稿 fails on errors, a 报批稿 on warnings).

The baseline (``lint-baseline.json``, written by ``std lint --update-baseline``)
holds fingerprints of accepted legacy findings — the rule, the file name and
the text concerned, not the line — so they do not fail CI while new ones do.

Besides the drafting rules' findings, a report holds the build's problems
(:mod:`tooling.model.problems`: code ``std.include``, ``std.metadata`` …, from the
Sphinx message), which no suppression and no baseline accepts. Findings of the
bilingual rules (``BL``) compare a master with its translation: they gate the
translated edition, never the master (:meth:`LintResult.blocking`). So do the
problems of the translation catalogs (``std.po``: :func:`tooling.translate.catalogs.catalog_findings`),
which, like the build's problems, no baseline accepts.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .context import Finding
from .registry import SEVERITIES, all_rules, get_rule

__all__ = ["LintResult", "Baseline", "default_fail_on", "gate", "gates_translation", "is_build_problem",
           "is_catalog_problem", "relative_path", "to_json", "to_sarif", "to_text"]

LEVELS = {"error": 0, "warning": 1, "info": 2, "never": -1}
_STRICT_STAGES = ("draft-for-approval", "published", "fdis")
#: Rule families that compare a master with its translation: they gate the translated edition, not the master.
TRANSLATION_FAMILIES = ("BL",)
#: Codes of the problems of a translation catalog (broken PO syntax, not UTF-8, dropped markup, a PO file in
#: the wrong place): they gate the translated edition, not the master, and no baseline accepts them.
CATALOG_CODES = ("std.po",)


def is_catalog_problem(finding: Finding) -> bool:
    """A problem of a translation catalog (``std.po``), found outside the build of the master."""
    return finding.code in CATALOG_CODES


def is_build_problem(finding: Finding) -> bool:
    """A problem of the build (its code is a Sphinx message type such as ``std.include``), not a rule's finding
    nor a problem of a translation catalog (which stops only the translated edition)."""
    return get_rule(finding.code) is None and not is_catalog_problem(finding)


def gates_translation(finding: Finding) -> bool:
    """A finding about a translation (bilingual alignment, its catalog), which gates the translated edition only."""
    if is_catalog_problem(finding):
        return True
    return finding.code[:2] in TRANSLATION_FAMILIES and get_rule(finding.code) is not None


def _acceptable(finding: Finding) -> bool:
    """Whether a baseline may accept the finding (a rule's, not a problem of the build or of a catalog)."""
    return not is_build_problem(finding) and not is_catalog_problem(finding)


def default_fail_on(meta) -> str:
    """The gating level a standard's stage implies (see the module docstring)."""
    if meta is None:
        return "error"
    return "warning" if meta.stage.ascii in _STRICT_STAGES else "error"


@dataclass
class Baseline:
    """Accepted findings, by fingerprint."""

    path: Path
    fingerprints: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file; a missing file is an empty baseline.

        Raises:
            ValueError: when the file is not a baseline (message names the file).
        """
        if not path.is_file():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, {item["fingerprint"] for item in data["findings"]})
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a lint baseline ({exc})") from None

    def write(self, findings: list[Finding]) -> None:
        """Accept ``findings`` (the rules' findings; build problems are never accepted)."""
        items = sorted({(f.fingerprint, f.code, Path(f.file).name, f.snippet[:60]) for f in findings
                        if _acceptable(f)})
        data = {"comment": "Accepted lint findings (std lint --update-baseline); new findings still fail.",
                "findings": [{"fingerprint": fp, "code": code, "file": name, "text": text}
                             for fp, code, name, text in items]}
        self.path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass
class LintResult:
    """Findings sorted out: active, suppressed in the source, accepted in the baseline."""

    active: list[Finding]
    suppressed: list[Finding]
    baselined: list[Finding]
    fail_on: dict[str, str]  # standard -> level
    failed: bool = False
    default_level: str = "error"  # the level of findings outside the standards of fail_on

    def blocking(self, standard: str, translation: bool = False) -> list[Finding]:
        """The active findings of ``standard`` at its gating level that stop its master edition from
        publishing, or (``translation``) its translated editions: the bilingual rules' findings."""
        level = self.fail_on.get(standard, self.default_level)
        if level == "never":
            return []
        return [f for f in self.active if f.standard == standard and gates_translation(f) == translation
                and LEVELS[f.severity] <= LEVELS[level]]

    def summary(self) -> dict:
        by_severity = Counter(f.severity for f in self.active)
        return {
            "total": len(self.active),
            "by_severity": {level: by_severity.get(level, 0) for level in SEVERITIES},
            "by_code": dict(sorted(Counter(f.code for f in self.active).items())),
            "by_standard": dict(sorted(Counter(f.standard or "" for f in self.active).items())),
            "suppressed": len(self.suppressed),
            "baselined": len(self.baselined),
            "fail_on": dict(sorted(self.fail_on.items())),
            "failed": self.failed,
        }


def gate(findings: list[Finding], baseline: Baseline, fail_on: str | None, standards_meta: dict) -> LintResult:
    """Sort findings and decide the exit status.

    Args:
        findings: every finding of the run.
        baseline: accepted findings.
        fail_on: ``error``, ``warning``, ``info``, ``never``, or ``None`` for each standard's stage default.
        standards_meta: slug → metadata (for the stage defaults).
    """
    findings = sorted(findings, key=lambda f: (f.file, f.line or 0, f.column or 0, f.code))
    suppressed = [f for f in findings if f.suppressed is not None]
    accepted = {id(f) for f in findings if f.fingerprint in baseline.fingerprints and _acceptable(f)}
    baselined = [f for f in findings if f.suppressed is None and id(f) in accepted]
    active = [f for f in findings if f.suppressed is None and id(f) not in accepted]
    levels = {slug: fail_on or default_fail_on(meta) for slug, meta in standards_meta.items()}
    failed = False
    for finding in active:
        level = levels.get(finding.standard or "", fail_on or "error")
        if level != "never" and LEVELS[finding.severity] <= LEVELS[level]:
            failed = True
    return LintResult(active, suppressed, baselined, levels, failed, fail_on or "error")


def relative_path(file: str, root: Path | None) -> str:
    """``file`` relative to the repository root (POSIX separators), or as it is when outside it."""
    if root is None or not file:
        return file
    try:
        return Path(file).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file


def to_text(result: LintResult, root: Path | None = None) -> str:
    """``file:line:col: CODE severity message`` lines, then suppressed findings with their reasons.

    A finding about a whole block has no column: ``file:line: CODE …`` (as SARIF omits it and
    JSON has ``null``); one about a whole file has neither line nor column.
    """
    def where(f: Finding) -> str:
        path = relative_path(f.file, root)
        if not f.line:
            return path
        return f"{path}:{f.line}" + (f":{f.column}" if f.column else "")

    lines = [f"{where(f)}: {f.code} {f.severity} {_message(f)}" for f in result.active]
    lines += [f"{where(f)}: {f.code} suppressed ({f.suppressed}) {f.message}" for f in result.suppressed]
    s = result.summary()
    lines.append(f"{s['total']} finding(s): {s['by_severity']['error']} error(s), {s['by_severity']['warning']} "
                 f"warning(s), {s['by_severity']['info']} info; {s['suppressed']} suppressed, "
                 f"{s['baselined']} in the baseline")
    return "\n".join(lines) + "\n"


def _message(f: Finding) -> str:
    """The message in English, then in Chinese (a build problem's: the Chinese name of its kind)."""
    return f"{f.message} （{f.message_zh}）" if f.message_zh else f.message


def to_json(result: LintResult, root: Path | None = None) -> dict:
    """``{"findings": [...], "suppressed": [...], "summary": {...}}`` (the finding shape of DESIGN.md).

    With ``root``, each ``file`` is relative to it, as in the text and SARIF reports.
    """
    def entry(f: Finding) -> dict:
        return {**f.to_json(), "file": relative_path(f.file, root)}

    return {
        "findings": [entry(f) for f in result.active],
        "suppressed": [{**entry(f), "reason": f.suppressed} for f in result.suppressed],
        "baselined": [entry(f) for f in result.baselined],
        "summary": result.summary(),
    }


def to_sarif(result: LintResult, root: Path) -> dict:
    """A SARIF 2.1.0 log with the rule metadata and every finding (suppressed ones marked)."""
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    levels = {"error": "error", "warning": "warning", "info": "note"}

    def result_of(f: Finding, suppression: str | None = None, baselined: bool = False) -> dict:
        try:
            uri = Path(f.file).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            uri = Path(f.file).as_uri()
        region = {"startLine": f.line or 1}
        if f.column:
            region["startColumn"] = f.column
        item = {
            "ruleId": f.code,
            "level": levels[f.severity],
            "message": {"text": _message(f)},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "ROOT"},
                                                "region": region}}],
            "partialFingerprints": {"stdlint/v1": f.fingerprint},
        }
        if f.code in index:  # a rule's finding (a build problem has no rule)
            item["ruleIndex"] = index[f.code]
        if suppression is not None:
            item["suppressions"] = [{"kind": "inSource", "justification": suppression}]
        elif baselined:
            item["baselineState"] = "unchanged"
        return item

    results = [result_of(f) for f in result.active]
    results += [result_of(f, f.suppressed) for f in result.suppressed]
    results += [result_of(f, baselined=True) for f in result.baselined]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "std lint",
                "informationUri": "https://www.iso.org/directives-and-policies.html",
                "rules": [{
                    "id": r.code,
                    "name": r.title,
                    "shortDescription": {"text": r.title},
                    "fullDescription": {"text": r.documentation()},
                    "defaultConfiguration": {"level": levels[r.severity]},
                    "properties": {"source": r.source, "profiles": list(r.profiles), "languages": list(r.languages)},
                } for r in rules],
            }},
            "originalUriBaseIds": {"ROOT": {"uri": root.resolve().as_uri() + "/"}},
            "results": results,
        }],
    }
