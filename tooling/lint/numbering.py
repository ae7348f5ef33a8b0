"""NM — numbering (ISO/IEC Directives Part 2, 22–29; GB/T 1.1-2020 7, 9)."""

from __future__ import annotations
