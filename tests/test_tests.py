"""The tests import their helpers one way, `tests.helpers`, so that plain `pytest` and
`python -m pytest` both collect them, and no module is imported twice under two names."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT

TEST_FILES = sorted((ROOT / "tests").rglob("*.py"))
# conftest.py is pytest's to import; another test module is not a library either.
FORBIDDEN = re.compile(r"^\s*(from|import)\s+(tests\.)?(conftest|test_\w+)\b", re.MULTILINE)


@pytest.mark.parametrize(
    "path", TEST_FILES, ids=[p.relative_to(ROOT).as_posix() for p in TEST_FILES]
)
def test_helpers_come_from_tests_helpers_not_from_conftest_or_another_test(path):
    assert FORBIDDEN.findall(path.read_text(encoding="utf-8")) == []
