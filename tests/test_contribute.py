"""The contributor guide: edit links to the exact file, a field reference that covers the
model, and a story walkthrough that does what the guide says."""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from macros.content import model
from macros.content.settings import published_path
from macros.editor.fields import documented_kinds, field_docs
from macros.editor.scaffold_text import record_to_copy
from macros.pages.field_reference import field_reference
from tests.helpers import ROOT, Project, fetch, free_port, wait_for

GUIDE = ROOT / "docs" / "contribute"
REPO_EDIT = "https://github.com/integrated-care-playbook/playbook/edit/main/"
EDIT_BUTTON = re.compile(r'<a href="([^"]*)" title="Edit this page" class="md-content__button')


def _edit_links(site: Path) -> dict[str, str | None]:
    links = {}
    for page in sorted(site.rglob("*.html")):
        found = EDIT_BUTTON.search(page.read_text(encoding="utf-8"))
        links[page.relative_to(site).as_posix()] = found.group(1) if found else None
    return links


@pytest.mark.build
def test_every_page_has_an_edit_button_that_opens_the_file_it_comes_from(real_site):
    # 404 and print views gather no single file; every other page has its source.
    links = {
        page: link
        for page, link in _edit_links(real_site).items()
        if page != "404.html" and not page.startswith("print/")
    }
    assert len(links) > 20
    for page, link in links.items():
        assert link and link.startswith(REPO_EDIT), f"{page}: edit link {link!r}"
        target = link.removeprefix(REPO_EDIT)
        assert (ROOT / target).is_file(), f"{page}: the edit link opens {target}, missing"
        hand_written = (ROOT / "docs" / page.replace("index.html", "index.md")).is_file() or (
            ROOT / "docs" / (page.removesuffix("/index.html") + ".md")
        ).is_file()
        if hand_written:
            assert target.startswith("docs/"), page
        elif page == "contribute/fields/index.html":
            assert target == "macros/content/model.py"
        else:
            assert target.startswith("playbook_data/"), f"{page}: {target}"


@pytest.mark.build
def test_generated_pages_open_their_own_data_file(real_site):
    links = _edit_links(real_site)
    assert links["index.html"] == REPO_EDIT + "playbook_data/playbook.yml"
    assert links["glossary/index.html"] == REPO_EDIT + "playbook_data/glossary.yml"
    assert links["themes/relationship-building/index.html"] == (
        REPO_EDIT + "playbook_data/themes/01-relationship-building.yml"
    )
    assert links["contribute/add-a-story/index.html"] == (
        REPO_EDIT + "docs/contribute/add-a-story.md"
    )


def shown(markdown: str) -> str:
    """The Markdown as a reader sees it: backslash escapes (of `.`, `(`, `-`…) removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def test_the_field_reference_lists_every_field_of_every_model():
    page = shown(field_reference())
    sections = re.split(r"^## ", page, flags=re.MULTILINE)[1:]
    models = documented_kinds()
    assert len(sections) == len(models)
    for section, (_kind, record_model) in zip(sections, models, strict=True):
        for doc in field_docs(record_model):
            required = "**required**" if doc.required else "optional"
            row = f"| `{doc.name}` | "
            assert row in section, f"{record_model.__name__}.{doc.name} is not documented"
            line = next(ln for ln in section.splitlines() if ln.startswith(row))
            assert f"| {required} |" in line
            assert doc.description.split("(")[0].strip()[:30] in line.replace("&#x27;", "'")


def test_a_field_reference_row_gives_type_rule_description_and_example():
    assert (
        "| `states` | list of state codes (two capital letters (USPS)) | optional | States "
        "involved; leave empty when the source names only a cohort. Refers to: the code of a "
        "state, in `playbook_data/states.yml`. | `[KS]` |"
    ) in shown(field_reference())


def test_the_field_reference_has_a_record_to_copy_and_says_what_references_name():
    page = shown(field_reference())
    assert "```yaml\n" + record_to_copy(model.Story, item=False) + "```" in page
    assert "```yaml\n" + record_to_copy(model.Quote, item=True) + "```" in page
    assert (
        "To add one by hand, copy this to the end of the `quotes:` list, leave out the "
        "optional fields you do not need and replace the examples:"
    ) in page
    assert (
        "| Id of the theme the story illustrates. Refers to: the id of a theme, in "
        "`playbook_data/themes/*.yml`. |"
    ) in page
    assert "Refers to: a key strategy, in `playbook_data/themes/*.yml`." in page
    assert "Refers to: the code of a state, in `playbook_data/states.yml`." in page


@pytest.mark.build
def test_the_field_reference_is_in_the_contribute_section(real_site):
    html = (real_site / "contribute" / "fields" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="field-reference">Field reference' in html
    assert "<code>summary</code>" in html
    nav = (real_site / "contribute" / "index.html").read_text(encoding="utf-8")
    for page in ["fix-a-typo", "add-a-story", "preview", "checks", "style", "fields"]:
        assert f'href="{page}/"' in nav, page


def _blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", markdown, flags=re.DOTALL)


@pytest.mark.build
def test_the_story_walkthrough_does_what_the_guide_says(tmp_path):
    """Steps 1-4 of 'Add a state story', on a copy of the real content, with the guide's own
    commands: create, fill in, check, break on purpose and read the line, preview."""
    guide = (GUIDE / "add-a-story.md").read_text(encoding="utf-8")
    checks = (GUIDE / "checks.md").read_text(encoding="utf-8")
    project = Project(tmp_path / "project", data=ROOT / "playbook_data")
    new, validate, serve = [shlex.split(b.replace("\\\n", " ")) for b in _blocks(guide, "sh")]
    assert new[:3] == [".venv/bin/playbook", "new", "story"]
    assert validate == [".venv/bin/playbook", "validate"]
    assert serve == ["make", "serve"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\n\t$(BIN)/playbook serve --port $(PORT)\n" in makefile  # what `make serve` runs

    # 1. The command prints what the guide shows, with the lines to fill in.
    result = project.playbook(*new[1:])
    assert result.returncode == 0, result.stderr
    printed = _blocks(guide, "text")[0]
    assert result.stdout.startswith(printed)
    todo = re.findall(r"^  (\S+):(\d+): (\w+)$", printed, flags=re.MULTILINE)
    assert [field for _file, _line, field in todo] == ["summary", "body", "locator"]
    story = project.path / todo[0][0]
    lines = story.read_text(encoding="utf-8").split("\n")
    for _file, line, field in todo:
        assert lines[int(line) - 1].startswith(f"{field}:"), (line, field)

    # 2. Fill it in: replace each FILL IN text, use `year` and the suggested strategy.
    filled = [ln.replace("FILL IN: ", "") for ln in lines]
    for optional in ("# year: 2023", "# strategy: shared-priorities"):
        filled[filled.index(optional)] = optional.removeprefix("# ")
    text = "\n".join(filled)
    story.write_text(text, encoding="utf-8")

    # 3. It validates; broken on purpose, the message names the line, and it is the message
    # the checks page explains.
    result = project.playbook(*validate[1:])
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("All good: ")
    broken = text.replace("\nstates: [KS]\n", "\nstates: [Kansas]\n")
    story.write_text(broken, encoding="utf-8")
    result = project.playbook(*validate[1:])
    explained = (
        "states[1]: 'Kansas' is not a state code\n"
        "    hint: use the two-letter USPS code in capitals, for example 'KS' for Kansas"
    )
    line = text.split("\n").index("states: [KS]") + 1
    assert result.returncode == 1
    assert f"{todo[0][0]}:{line}: {explained}" in result.stdout
    assert explained in checks
    story.write_text(text, encoding="utf-8")

    # 4. The preview shows it on the state's page; a problem saved while it runs is shown
    # in the terminal, and the fixed story comes back.
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "macros.commands", "--project", str(project.path), "serve"]
            + ["--port", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,  # its own process group, so that mkdocs stops with it
        )
    try:
        kansas = f"http://127.0.0.1:{port}{published_path(ROOT)}states/kansas/"
        assert "Kansas aligns licensure rules" in wait_for(lambda: fetch(kansas))
        story.write_text(broken, encoding="utf-8")
        wait_for(lambda: explained in log.read_text(encoding="utf-8"))
        story.write_text(text.replace("licensure rules", "licensure rules again"), encoding="utf-8")
        wait_for(lambda: "Kansas aligns licensure rules again" in (fetch(kansas) or ""))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def test_the_example_problem_on_the_checks_page_is_what_validate_prints(tmp_path):
    checks = (GUIDE / "checks.md").read_text(encoding="utf-8")
    example = _blocks(checks, "text")[0].rstrip("\n")
    project = Project(tmp_path / "project", data=ROOT / "playbook_data")
    project.edit("stories/kansas-licensure-billing.yml", "states: [KS]", "states: [Kansas]")
    assert project.problems() == [example]
