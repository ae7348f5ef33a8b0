"""UQ — units and quantities (ISO/IEC Directives Part 2, 9; GB/T 1.1-2020 9.13; ISO 80000)."""

from __future__ import annotations
