"""RF — references (ISO/IEC Directives Part 2, 10, 15; GB/T 1.1-2020 8.6, 9.5)."""

from __future__ import annotations
