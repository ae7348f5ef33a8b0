"""ST — structure and front matter (ISO/IEC Directives Part 2, 6, 12–22; GB/T 1.1-2020 7, 8)."""

from __future__ import annotations
