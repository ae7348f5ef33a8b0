"""BL rules on a real pair: OpenChain Security Assurance Specification 1.1, Chinese master, English translation.

The findings recorded in docs/bilingual-findings.md are real misalignments of the two
texts (each read by hand); this test holds the lint to exactly that set, so a new false
positive and a lost real finding both fail. Needs ../shared/corpus beside the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tooling.project import Project

from ..test_import_translation import OPENCHAIN, _import

#: (code, master file, master line): every BL finding of the imported OpenChain 1.1 pair.
EXPECTED = {
    # the translator's credit （中文版。翻译人：…） has no counterpart in the English text
    ("BL001", "01-gui-fan-jie-shao.md", 8),
    # 应/应该 (requirement) ↔ should (recommendation)
    ("BL002", "01-gui-fan-jie-shao.md", 16),
    ("BL002", "01-gui-fan-jie-shao.md", 18),
    ("BL002", "03-shu-yu-ding-yi-he-shi-li.md", 11),
    ("BL002", "04-yao-qiu.md", 20),  # and 可能 ↔ may
    ("BL002", "04-yao-qiu.md", 61),
    ("BL002", "04-yao-qiu.md", 72),  # and 可能 ↔ may
    # 可能 (possibility) ↔ may (permission)
    ("BL002", "01-gui-fan-jie-shao.md", 24),
    ("BL002", "03-shu-yu-ding-yi-he-shi-li.md", 66),
    # 不可 (prohibition) ↔ "is not designed to be modified"; 可以 (permission) ↔ can (possibility)
    ("BL002", "01-gui-fan-jie-shao.md", 28),
    # 应 (requirement) ↔ could
    ("BL002", "03-shu-yu-ding-yi-he-shi-li.md", 88),
    # 可以 (permission) ↔ can (possibility)
    ("BL002", "04-yao-qiu.md", 118),
    # 必须 (requirement) ↔ "It is vital for a Program to …" (no provision)
    ("BL002", "04-yao-qiu.md", 227),
    # 程序 (the defined term Program) ↔ "procedure", or not rendered
    ("BL005", "04-yao-qiu.md", 78),
    ("BL005", "04-yao-qiu.md", 123),
    ("BL005", "04-yao-qiu.md", 148),
    ("BL005", "04-yao-qiu.md", 167),
    # SBOM (Software Bill of Materials) ↔ "bill of materials"
    ("BL005", "04-yao-qiu.md", 162),
    ("BL005", "04-yao-qiu.md", 178),
    # English definitions end with a period or start with an article (ISO style: neither)
    *{("BL008", "03-shu-yu-ding-yi-he-shi-li.md", line)
      for line in (11, 18, 24, 31, 38, 45, 52, 59, 66, 73, 80, 88, 95, 102)},
}


@pytest.fixture(scope="module")
def openchain_findings(tmp_path_factory, corpus):
    root = tmp_path_factory.mktemp("bl-openchain-1-1")
    _import(OPENCHAIN / "1.1-zh-Hans.md", root / "standards" / "openchain", "ISO/IEC DIS 18974", "zh",
            OPENCHAIN / "1.1-en.md")
    result = Project(root).sphinx("dummy", root / "build" / "dummy", fresh=True)
    domain = result.app.env.domains["standard"]
    findings = [f for items in domain.data["findings"].values() for f in items]
    findings += [f for items in domain.data["standard_findings"].values() for f in items]
    return [f for f in findings if f.code.startswith("BL") and f.suppressed is None]


@pytest.mark.corpus
def test_openchain_11_pair_reports_its_real_misalignments(openchain_findings):
    got = {(f.code, Path(f.file).name, f.line) for f in openchain_findings}
    assert got - EXPECTED == set(), "new findings (false positives?)"
    assert EXPECTED - got == set(), "real misalignments no longer found"


@pytest.mark.corpus
def test_openchain_11_must_vs_it_is_vital(openchain_findings):
    """The Chinese text says 必须 where the English only says 'It is vital for a Program to …'."""
    finding = next(f for f in openchain_findings if (f.code, f.line) == ("BL002", 227))
    assert "requirement (必须/应)" in finding.message and "the translation no verbal form" in finding.message
    assert finding.severity == "warning"
