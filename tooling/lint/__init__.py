"""Drafting-rule lint: the rules of GB/T 1.1-2020 and ISO/IEC Directives Part 2 as docutils transforms.

One module per rule family (``verbal`` VF, ``structure`` ST, ``numbering`` NM,
``terms`` TD, ``references`` RF, ``informative`` NE, ``objects`` TF, ``units``
UQ, ``editorial`` ED); :mod:`.registry` maps codes to rules, :mod:`.classifier`
is the verbal-form classifier, :mod:`.engine` runs the rules inside Sphinx and
:mod:`.report` turns findings into text, JSON and SARIF with a gating ladder.
"""

from __future__ import annotations


def setup(app) -> None:
    from . import engine

    engine.setup(app)
