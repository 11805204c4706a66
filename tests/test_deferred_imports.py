"""Modules a plugin imports but our build never calls (mkdocs-macros' `requests`) are left
unloaded by `playbook build`, and still work the moment anything uses them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

from macros.site import deferred_imports
from macros.site.deferred_imports import DeferredModule
from tests.helpers import ROOT


@pytest.fixture
def a_package(tmp_path, monkeypatch) -> Iterator[str]:
    """An installed package of our own, `shelf`, with a submodule; not imported yet."""
    package = tmp_path / "shelf"
    package.mkdir()
    (package / "__init__.py").write_text("BOOKS = 3\n\ndef count():\n    return BOOKS\n")
    (package / "drawer.py").write_text("SPOONS = 12\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "shelf"
    for name in ("shelf", "shelf.drawer"):
        sys.modules.pop(name, None)


def test_a_deferred_module_is_not_run_by_an_import_of_it(a_package):
    deferred_imports.defer((a_package,))
    import shelf

    assert isinstance(shelf, DeferredModule)
    assert "BOOKS" not in vars(shelf)  # its code has not run


def test_the_first_name_used_loads_the_real_module_in_its_place(a_package):
    deferred_imports.defer((a_package,))
    import shelf

    assert shelf.count() == 3
    assert not isinstance(sys.modules["shelf"], DeferredModule)
    assert sys.modules["shelf"].BOOKS == 3
    assert vars(shelf)["BOOKS"] == 3  # the holder of the stand-in now finds it directly


def test_from_imports_and_submodules_of_a_deferred_package_work(a_package):
    deferred_imports.defer((a_package,))
    from shelf import BOOKS
    from shelf.drawer import SPOONS

    assert (BOOKS, SPOONS) == (3, 12)


def test_a_module_already_imported_or_not_installed_is_left_alone(a_package):
    import shelf

    deferred_imports.defer((a_package, "no_such_module_here"))
    assert sys.modules["shelf"] is shelf
    assert "no_such_module_here" not in sys.modules


@pytest.mark.build
def test_playbook_build_never_loads_requests_for_mkdocs_macros(tmp_path):
    # In a fresh interpreter, as a user runs it; the build's pages come from mkdocs-macros too.
    script = textwrap.dedent(
        f"""
        import sys
        from macros.commands import main
        code = main(["--project", {str(ROOT)!r}, "build", "--site-dir", {str(tmp_path)!r}])
        import mkdocs_macros.util
        print("LOADED", code, "urllib3" in sys.modules, type(mkdocs_macros.util.requests).__name__)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    last = result.stdout.splitlines()[-1] if result.stdout else result.stderr
    assert last.split() == ["LOADED", "0", "False", "DeferredModule"], result.stderr
    assert (tmp_path / "index.html").is_file()
