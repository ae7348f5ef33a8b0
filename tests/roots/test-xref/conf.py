from tooling.config import *  # noqa: F403

project = "xref"
