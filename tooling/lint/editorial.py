"""ED — editorial rules (ISO house style; GB/T 1.1-2020 7.2, 7.5)."""

from __future__ import annotations
