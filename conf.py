"""Sphinx configuration of this standards repository.

The pipeline's defaults come from ``tooling.config``; set here only what differs.
"""

from tooling.config import *  # noqa: F403

project = "Standards repository 标准文件库"
