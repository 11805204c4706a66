"""The project's settings for the content, read from one place: the `playbook` plugin's
entry in mkdocs.yml (which every engine reads too).

    plugins:
      - playbook:
          data_dir: playbook_data   # the default

Commands that run without an engine (`playbook validate`, `new`, `schema`) read it here.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DEFAULT_DATA_DIR = "playbook_data"
CONFIG_FILE = "mkdocs.yml"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that only MkDocs resolves."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def data_dir_name(project: Path) -> str:
    """The data folder's name, relative to the project: the plugin's `data_dir` setting."""
    try:
        config = yaml.load((project / CONFIG_FILE).read_text(encoding="utf-8"), _TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return DEFAULT_DATA_DIR  # the engine reports a broken mkdocs.yml in its own words
    for entry in (config or {}).get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("playbook"), dict):
            value = entry["playbook"].get("data_dir")
            if isinstance(value, str) and value:
                return value
    return DEFAULT_DATA_DIR


def data_dir(project: Path) -> Path:
    return project / data_dir_name(project)
