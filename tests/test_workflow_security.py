"""The pull-request and deploy workflows are hardened (issue 10, item 6): every action pinned
to a full commit SHA (a tag can be moved to other code; a commit cannot), the least
permissions each job needs, no token left in `.git/config` after checkout, and no `${{ }}`
expression inside a `run:` script (where a value would be pasted into the shell). zizmor,
GitHub Actions' static auditor (pinned in pyproject.toml), then finds nothing above "low".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.github_files import WORKFLOWS, load, steps

SHA_PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
ZIZMOR = Path(sys.executable).parent / "zizmor"
IDS = [p.name for p in WORKFLOWS]


@pytest.mark.parametrize("path", WORKFLOWS, ids=IDS)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(path):
    text = path.read_text(encoding="utf-8")
    for step in steps(load(path)):
        if "uses" in step:
            assert SHA_PINNED.match(step["uses"]), f"{path.name}: {step['uses']}"
    # The version a SHA stands for is written beside it, for people and for updates.
    uses_lines = [line for line in text.splitlines() if "uses:" in line]
    assert uses_lines
    for line in uses_lines:
        assert re.search(r"@[0-9a-f]{40}  # v\d+\.\d+\.\d+$", line), line


@pytest.mark.parametrize("path", WORKFLOWS, ids=IDS)
def test_permissions_are_given_per_job_and_only_what_the_job_needs(path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} says nothing about permissions"
        assert all(level in {"read", "write"} for level in job["permissions"].values())
    writes = {
        (path.name, job, scope)
        for job, spec in workflow["jobs"].items()
        for scope, level in spec["permissions"].items()
        if level == "write"
    }
    allowed = {
        ("deploy.yml", "deploy", "pages"),
        ("deploy.yml", "deploy", "id-token"),
        ("external-links.yml", "links", "issues"),
    }
    assert writes <= allowed


@pytest.mark.parametrize("path", WORKFLOWS, ids=IDS)
def test_checkouts_keep_no_credentials(path):
    checkouts = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


@pytest.mark.parametrize("path", WORKFLOWS, ids=IDS)
def test_no_expression_is_pasted_into_a_shell_script(path):
    for step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}"


def test_zizmor_finds_nothing_above_low():
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--format", "json", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout)
    serious = [
        (f["ident"], f["determinations"]["severity"])
        for f in findings
        if f["determinations"]["severity"] not in {"Informational", "Low", "Unknown"}
    ]
    assert serious == [], result.stderr


def test_zizmor_sees_a_finding_when_there_is_one(tmp_path):
    """The audit is real: an unpinned action and a pasted expression are reported."""
    bad = tmp_path / ".github" / "workflows" / "bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n"
        "    permissions: {}\n    steps:\n      - uses: actions/checkout@v6\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--format", "json", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    idents = {f["ident"] for f in json.loads(result.stdout)}
    assert {"unpinned-uses", "template-injection"} <= idents
