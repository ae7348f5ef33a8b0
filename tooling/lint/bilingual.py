"""BL — bilingual alignment of a master and its translation (RULES.md BL family)."""

from __future__ import annotations
