"""The project installs as a package: a wheel holds every module and template under macros/,
and, installed (not editable) in a fresh virtual environment, its `playbook` command builds
the playbook of a checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.build

# What a source distribution of the project holds, which is all a wheel is built from.
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "macros")


PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# A requirement pinned to one release: name==version, nothing else (no ranges, no extras).
_EXACT_PIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*==[0-9][0-9A-Za-z.]*")


def test_every_requirement_is_pinned_to_one_release_the_build_backend_too():
    """The same checkout builds the same site and the same wheel next year: no requirement
    may move when a package releases (setuptools included, which builds the wheel)."""
    project = PYPROJECT["project"]
    requirements = {
        "build-system.requires": PYPROJECT["build-system"]["requires"],
        "project.dependencies": project["dependencies"],
        **{f"extra {k}": v for k, v in project["optional-dependencies"].items()},
    }
    loose = [
        f"{where}: {req}"
        for where, reqs in requirements.items()
        for req in reqs
        if not _EXACT_PIN.fullmatch(req)
    ]
    assert loose == []
    assert PYPROJECT["build-system"]["requires"] != []


def test_the_licence_is_an_spdx_expression_with_its_text_in_the_checkout():
    """PEP 639: `license = "MIT"` and the file it names. The old table form
    (`license = {text = …}`) is refused by setuptools releases after February 2027."""
    assert PYPROJECT["project"]["license"] == "MIT"
    for name in PYPROJECT["project"]["license-files"]:
        assert "Permission is hereby granted" in (ROOT / name).read_text(encoding="utf-8")


def test_the_wheel_carries_the_licence(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT" in text


def _run(*command, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("PYTHONPATH", None)
    env.pop("PYTEST_ADDOPTS", None)  # the options of the run around this one (`-v`) are not ours
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(
                ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheels")
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "-w",
        str(out),
        ".",
        cwd=source,
    )
    (built,) = out.glob("*.whl")
    return built


def test_the_wheel_holds_every_package_and_every_template_under_macros(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    files = [
        p for p in (ROOT / "macros").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    expected = {p.relative_to(ROOT).as_posix() for p in files if p.suffix != ".pyc"}
    assert expected - names == set()
    assert "macros/pages/__init__.py" in names  # the package a wheel once lacked


def test_the_installed_wheel_builds_the_playbook_of_a_checkout(wheel: Path, tmp_path: Path):
    fresh = tmp_path / "venv"
    venv.create(fresh)  # without pip of its own: this one installs into it (`pip --python`)
    python = fresh / "bin" / "python"
    _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "--quiet",
        "--no-deps",
        "--no-index",
        str(wheel),
        cwd=tmp_path,
    )
    # The dependencies, without a download: this environment's, as plain folders on the path
    # (their .pth files, among them the editable install of the checkout, are not read).
    site_packages = Path(sysconfig.get_path("purelib"))
    target = Path(
        _run(
            str(python),
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
            cwd=tmp_path,
        ).stdout.strip()
    )
    (target / "playbook_dependencies.pth").write_text(f"{site_packages}\n", encoding="utf-8")

    where = _run(
        str(python), "-c", "import macros.pages; print(macros.pages.__file__)", cwd=tmp_path
    )
    assert Path(where.stdout.strip()).is_relative_to(target)  # the wheel's, not the checkout's

    site = tmp_path / "site"
    build = _run(str(fresh / "bin" / "playbook"), "build", "--site-dir", str(site), cwd=ROOT)
    assert "Built the site in" in build.stdout
    assert (site / "index.html").is_file()
    assert (site / "themes" / "relationship-building" / "index.html").is_file()
    assert (site / "contribute" / "fields" / "index.html").is_file()


def test_plain_pytest_collects_every_test_in_a_fresh_checkout(tmp_path: Path):
    """`pytest`, not `python -m pytest`, from the folder of a checkout: every test module
    imports its helpers (a module imported twice, or not at all, would fail here)."""
    tracked = _run("git", "ls-files", "-z", cwd=ROOT).stdout.split("\0")
    checkout = tmp_path / "checkout"
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (checkout / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, checkout / name)
    pytest_program = Path(sys.executable).with_name("pytest")
    result = _run(
        str(pytest_program), "--collect-only", "-q", "-p", "no:cacheprovider", cwd=checkout
    )
    assert "ERROR" not in result.stdout
    assert re.search(r"^\d+ tests collected in ", result.stdout, flags=re.MULTILINE), result.stdout
