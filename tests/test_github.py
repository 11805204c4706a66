"""The GitHub side: pull-request checks, deployment, the weekly external-link check, the
pull-request template, issue forms and the pre-commit hook. GitHub itself cannot run here:
these tests read the files as GitHub would and check that each does its part."""

from __future__ import annotations

import re
import shlex
import subprocess

import pytest

from macros.content.validate import load_playbook
from tests.github_files import GITHUB, WORKFLOWS, load, steps
from tests.helpers import ROOT

FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
REPO = "https://github.com/integrated-care-playbook/playbook/"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def step_index(workflow: dict, needle: str) -> int:
    for number, step in enumerate(steps(workflow)):
        if needle in step.get("run", "") or needle in step.get("uses", ""):
            return number
    raise AssertionError(f"no step runs or uses {needle!r}")


def test_there_are_the_three_workflows():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "external-links.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned_to_an_exact_version(path):
    used = [step["uses"] for step in steps(load(path)) if "uses" in step]
    assert used
    for action in used:
        assert PINNED.match(action), f"{path.name}: {action} is not pinned to vX.Y.Z or a SHA"
    for job in load(path)["jobs"].values():
        image = job.get("container", "")
        assert not image or re.match(r"^[\w.-]+:\d+\.\d+-\w+$", image), image


def test_a_pull_request_is_validated_tested_built_and_link_checked_with_a_preview():
    workflow = load(GITHUB / "workflows" / "pull-request.yml")
    assert workflow["name"] == "Pull request"  # named so in docs/contribute/preview.md
    assert "pull_request" in workflow["on"]
    order = [
        step_index(workflow, needle)
        for needle in (
            "nodejs npm",  # before the set-up, which then installs Paged.js
            "make setup",
            "playbook validate --format github",
            "python -m pytest",
            "playbook build",
            "playbook check-links",
            "actions/upload-artifact",
        )
    ]
    assert order == sorted(order)
    apt = "apt-get install -y -qq --no-install-recommends chromium poppler-utils nodejs npm"
    assert apt in runs(workflow)
    upload = steps(workflow)[order[-1]]
    assert upload["with"]["name"] == "site-preview"
    assert upload["with"]["path"] == "site/"
    assert "steps.build.outcome == 'success'" in upload["if"]  # a preview even if links fail
    for file, name in re.findall(r"--deselect (\S+)::(\w+)", runs(workflow)):
        assert f"def {name}(" in (ROOT / file).read_text(encoding="utf-8"), name
    (job,) = workflow["jobs"].values()
    assert job["container"].startswith("python:3.11-")
    assert job["env"]["CI"] == "true"  # browser tests must run, not be skipped
    preview = (ROOT / "docs" / "contribute" / "preview.md").read_text(encoding="utf-8")
    assert "**Pull request** workflow" in preview and "**site-preview**" in preview


def test_main_is_deployed_to_github_pages_with_its_pdfs():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    # npm before the set-up, which then installs Paged.js: the site ships it for packets.
    assert step_index(workflow, "nodejs npm") < step_index(workflow, "make setup")
    assert step_index(workflow, "make setup") < step_index(workflow, "playbook pdf")
    assert step_index(workflow, "playbook validate") < step_index(workflow, "playbook pdf")
    assert step_index(workflow, "playbook pdf") < step_index(workflow, "upload-pages-artifact")
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert workflow["concurrency"]["cancel-in-progress"] is False


def test_external_links_are_checked_weekly_and_reported_in_an_issue_not_on_pull_requests():
    workflow = load(GITHUB / "workflows" / "external-links.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    (schedule,) = workflow["on"]["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday.isdigit()  # once a week
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    check = steps(workflow)[step_index(workflow, "check-links")]
    assert "--external" in check["run"]
    assert check["run"].lstrip().startswith("set +e")  # a broken link does not fail the run
    report = steps(workflow)[step_index(workflow, "gh issue create")]
    assert report["if"] == "${{ steps.links.outputs.status != '0' }}"
    assert "gh issue comment" in report["run"]  # an open issue gets a comment, not a twin
    close = steps(workflow)[step_index(workflow, "gh issue close")]
    assert close["if"] == "${{ steps.links.outputs.status == '0' }}"


def test_the_pull_request_template_is_a_checklist_that_points_to_the_style_guide():
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, flags=re.MULTILINE)
    assert len(boxes) >= 6
    text = " ".join(boxes)
    for needle in ("playbook validate", "make serve", "site-preview", "source:", "consent"):
        assert needle in text, needle
    links = re.findall(r"\]\(([^)]+)\)", template)
    assert links
    for link in links:  # a pull request's description resolves no relative link
        assert link.startswith(REPO + "blob/main/"), link
        assert (ROOT / link.removeprefix(REPO + "blob/main/")).is_file(), link


ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("path", [p for p in FORMS if p.name != "config.yml"], ids=lambda p: p.name)
def test_issue_forms_follow_githubs_form_schema(path):
    form = load(path)
    assert {"name", "description", "body"} <= set(form)
    ids, labels = [], []
    for element in form["body"]:
        assert element["type"] in ELEMENT_TYPES
        attributes = element["attributes"]
        if element["type"] == "markdown":
            assert attributes["value"].strip()
            continue
        ids.append(element["id"])
        labels.append(attributes["label"])
        if element["type"] in {"dropdown", "checkboxes"}:
            assert attributes["options"]
    assert all(re.match(r"^[A-Za-z0-9_-]+$", i) for i in ids)
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)
    assert any(e.get("validations", {}).get("required") for e in form["body"])


def test_the_two_issue_forms_and_the_chooser():
    names = {load(p)["name"] for p in FORMS if p.name != "config.yml"}
    assert names == {"Suggest a state story", "Report a correction"}  # as the guide says
    config = load(GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config["contact_links"]:
        assert {"name", "url", "about"} <= set(link)
        assert (ROOT / link["url"].removeprefix(REPO + "blob/main/")).is_file(), link["url"]


def test_the_story_form_offers_the_playbooks_themes_in_order():
    form = load(GITHUB / "ISSUE_TEMPLATE" / "suggest-a-state-story.yml")
    theme = next(e for e in form["body"] if e.get("id") == "theme")
    playbook = load_playbook(ROOT / "playbook_data")
    titles = [t.title for t in sorted(playbook.themes.values(), key=lambda t: t.order)]
    assert theme["attributes"]["options"] == [*titles, "Not sure"]


def test_the_pre_commit_hook_runs_the_validator_and_it_passes_on_the_content():
    config = load(ROOT / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    validate = hooks["playbook-validate"]
    assert validate["entry"] == ".venv/bin/playbook validate"
    assert validate["language"] == "system" and validate["pass_filenames"] is False
    assert re.search(validate["files"], "playbook_data/stories/kansas-licensure-billing.yml")
    assert not re.search(validate["files"], "README.md")
    schema = hooks["playbook-schema"]  # the schemas follow the model, not the data files
    assert re.search(schema["files"], "macros/content/model.py")
    assert not re.search(schema["files"], "playbook_data/stories/kansas-licensure-billing.yml")
    for hook in hooks.values():
        command = shlex.split(hook["entry"])
        if not (ROOT / command[0]).exists():
            pytest.skip(f"{command[0]} is not installed here (make setup)")
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
