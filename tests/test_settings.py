"""The data folder is a setting in one place: the playbook plugin's `data_dir` in mkdocs.yml,
read by the build and by every command."""

from __future__ import annotations

import pytest

from macros.content.settings import DEFAULT_DATA_DIR, data_dir_name


def use_data_folder(project, name: str) -> None:
    project.data.rename(project.path / name)
    config = project.path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - playbook  #" in text
    config.write_text(
        text.replace("  - playbook  #", f"  - playbook:\n      data_dir: {name}\n  #", 1),
        encoding="utf-8",
    )


def test_without_a_setting_the_data_folder_is_playbook_data(project):
    assert data_dir_name(project.path) == DEFAULT_DATA_DIR == "playbook_data"


def test_the_setting_names_the_data_folder(project):
    use_data_folder(project, "content")
    assert data_dir_name(project.path) == "content"


def test_an_unreadable_configuration_leaves_the_default_for_the_engine_to_report(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("plugins: [unclosed\n", encoding="utf-8")
    assert data_dir_name(tmp_path) == "playbook_data"


def test_tags_only_mkdocs_resolves_do_not_hide_the_setting(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [SITE_URL, 'http://x']\nplugins:\n  - playbook:\n      data_dir: d\n",
        encoding="utf-8",
    )
    assert data_dir_name(tmp_path) == "d"


def test_validate_reads_the_configured_folder(project):
    use_data_folder(project, "content")
    result = project.main("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All good:")


@pytest.mark.build
def test_build_reads_the_configured_folder(project):
    use_data_folder(project, "content")
    result = project.playbook("build")
    assert result.returncode == 0, result.stderr
    assert (project.path / "site" / "themes" / "first-theme" / "index.html").is_file()
