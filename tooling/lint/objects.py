"""TF — tables, figures and formulas (ISO/IEC Directives Part 2, 27–29; GB/T 1.1-2020 9.7–9.9)."""

from __future__ import annotations
