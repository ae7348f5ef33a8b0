"""Default Sphinx configuration of a standards repository.

A repository's ``conf.py`` starts with ``from tooling.config import *`` and then
sets what differs (project name, per-rule lint settings …).
"""

extensions = ["tooling"]
root_doc = "index"
source_suffix = {".md": "markdown"}
exclude_patterns = ["**/locales/**", "**/README.md", "_build", "**/.*"]
gettext_compact = True  # one translation catalog per standard (the top folder)
locale_dirs: list[str] = []  # set per build from standards/<slug>/locales (tooling.translate)
myst_enable_extensions = [
    "attrs_block",  # {#id .scope} before a heading: stable ID and role
    "attrs_inline",
    "colon_fence",  # :::{note} … :::
    "deflist",  # the "where" list of a formula
    "dollarmath",  # $…$ and $$…$$ (label)
    "fieldlist",
    "substitution",
]
myst_heading_anchors = 0
myst_update_mathjax = False
myst_footnote_transition = False
myst_title_to_header = False
html_theme = "standard"
html_math_renderer = "svg"
html_search_language = "zh"  # jieba-based; handles Latin words too
# Sphinx would re-load jieba's own dictionary as a user dictionary on every build (≈ 1 s, the same
# words jieba already has); an empty path skips that (benchmarks/README.md).
html_search_options = {"dict": ""}
html_permalinks_icon = "¶"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
templates_path: list[str] = []
language = "en"
