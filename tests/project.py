"""Facts about the project's own tree that tests share, read from where they are declared."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The application's packages: import-linter's root packages (pyproject.toml), less the demo data.
APPLICATION_PACKAGES = tuple(
    package
    for package in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
    if package != "demo"
)
