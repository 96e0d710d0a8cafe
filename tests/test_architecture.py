"""Guards that keep the code base as README's Layout and docs/architecture.md describe it."""

import ast
import re

from tests.project import APPLICATION_PACKAGES, ROOT

MAX_FUNCTION_LINES = 60


def _functions():
    for package in APPLICATION_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield path.relative_to(ROOT), node


def test_no_function_is_longer_than_a_screen():
    """Functions of the application fit on a screen (migrations, demo data and benchmarks aside)."""
    long = [
        f"{path}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path, node in _functions()
        if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []


def test_the_architecture_page_names_only_files_that_exist():
    """docs/architecture.md's table of where each rule lives stays true as files move."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`([\w/]+\.py)`", page))
    assert len(named) > 20, "the scan of the page is broken"
    missing = [name for name in sorted(named) if "/" in name and not (ROOT / name).exists()]
    assert missing == []
