"""TD — terms and definitions (ISO/IEC Directives Part 2, 16; GB/T 1.1-2020 8.7)."""

from __future__ import annotations
