"""Modules a plugin imports but our build never calls (mkdocs-macros' `requests`) are left
unloaded by `playbook build`, and still work the moment anything uses them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from unittest import mock

import pytest

from macros.site import deferred_imports
from macros.site.deferred_imports import DeferredModule
from tests.helpers import ROOT


@pytest.fixture
def shelf(tmp_path, monkeypatch) -> Iterator[str]:
    """An installed package of our own, `shelf`, with a submodule; not imported yet. Its
    `load` has the name of a function of json's or yaml's kind."""
    package = tmp_path / "shelf"
    package.mkdir()
    (package / "__init__.py").write_text(
        "class Broken(Exception):\n    pass\n\n"
        "BOOKS = 3\n\ndef count():\n    return BOOKS\n\ndef load(text):\n    return text.split()\n"
    )
    (package / "drawer.py").write_text("SPOONS = 12\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "shelf"
    for name in ("shelf", "shelf.drawer"):
        sys.modules.pop(name, None)


def imported_within(name: str) -> DeferredModule:
    """What a plugin's `import name` gets while the plugins load."""
    with deferred_imports.deferred((name,)):
        return __import__(name)


def test_an_import_while_the_plugins_load_gets_a_stand_in_that_has_not_run_the_module(shelf):
    held = imported_within(shelf)
    assert isinstance(held, DeferredModule)
    assert "BOOKS" not in vars(held)
    assert shelf not in sys.modules  # gone once the plugins are loaded


def test_the_first_name_used_imports_the_real_module_and_every_name_is_its_own(shelf):
    held = imported_within(shelf)
    assert held.count() == 3
    real = sys.modules[shelf]
    assert not isinstance(real, DeferredModule)
    assert held.Broken is real.Broken  # an `except held.Broken` catches what it raises
    assert held.load("a b") == ["a", "b"]  # a module's own `load` is not hidden
    assert "count" in dir(held)


def test_after_the_plugins_load_an_import_gets_the_real_module_which_a_patch_reaches(shelf):
    held = imported_within(shelf)
    import shelf as imported_after

    assert not isinstance(imported_after, DeferredModule)
    with mock.patch("shelf.BOOKS", 5):  # as a test would patch it
        assert held.count() == 5
        assert held.BOOKS == 5
    with mock.patch.object(held, "BOOKS", 7):  # a patch through the stand-in
        assert imported_after.BOOKS == 7
    assert held.BOOKS == imported_after.BOOKS == 3


def test_from_imports_and_submodules_of_a_stand_in_work(shelf):
    with deferred_imports.deferred((shelf,)):
        import shelf as held
        from shelf import BOOKS
        from shelf.drawer import SPOONS

    assert (BOOKS, SPOONS, held.drawer.SPOONS) == (3, 12, 12)


def test_a_module_already_imported_or_not_installed_is_left_alone(shelf):
    import shelf as imported_before

    with deferred_imports.deferred((shelf, "no_such_module_here")):
        assert sys.modules[shelf] is imported_before
        assert "no_such_module_here" not in sys.modules


@pytest.mark.build
def test_playbook_build_never_loads_requests_and_mkdocs_macros_can_still_use_it(tmp_path):
    # In a fresh interpreter, as a user runs the command.
    script = textwrap.dedent(
        f"""
        import sys
        from macros.commands import main
        code = main(["--project", {str(ROOT)!r}, "build", "--site-dir", {str(tmp_path)!r}])
        loaded = "urllib3" in sys.modules
        import mkdocs_macros.util
        from requests.exceptions import RequestException
        held = mkdocs_macros.util.requests
        usable = held.exceptions.RequestException is RequestException
        print("BUILT", code, loaded, type(held).__name__, usable)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    last = result.stdout.splitlines()[-1] if result.stdout else ""
    assert last.split() == ["BUILT", "0", "False", "DeferredModule", "True"], result.stderr
    assert (tmp_path / "index.html").is_file()
