"""The README maps the code: its Architecture section names every package under macros/ and
every sub-command of `playbook`, and every path of the code it names exists."""

from __future__ import annotations

import re

import pytest

from tests.helpers import ROOT, run_main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## )", README, flags=re.MULTILINE | re.DOTALL)
    assert match, f"the README has no '## {title}' section"
    return match.group(1)


ARCHITECTURE = _section("Architecture")
PACKAGES = sorted(
    p.parent.relative_to(ROOT).as_posix() + "/" for p in (ROOT / "macros").glob("*/__init__.py")
)


def _sub_commands() -> list[str]:
    """The sub-commands, as `playbook --help` lists them."""
    result = run_main("--help")
    assert result.returncode == 0
    listed = result.stdout.split("COMMAND\n", 2)[-1].split("\n\n")[0]
    return re.findall(r"^    (\S+)", listed, flags=re.MULTILINE)


def test_there_are_packages_and_sub_commands_to_document():
    assert "macros/content/" in PACKAGES and len(PACKAGES) >= 8
    assert {"validate", "build", "new"} <= set(_sub_commands())


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_under_macros_is_in_the_architecture_section(package):
    assert f"| `{package}` |" in ARCHITECTURE


@pytest.mark.parametrize("command", _sub_commands())
def test_every_sub_command_is_in_the_architecture_section(command):
    assert f"| `playbook {command}` |" in ARCHITECTURE


@pytest.mark.parametrize("path", sorted(set(re.findall(r"`(macros/[^`\s]*)`", README))))
def test_every_path_of_the_code_the_readme_names_exists(path):
    assert (ROOT / path).exists(), f"the README names {path}, which does not exist"
