"""The project's settings for the content, read from one place: the `playbook` plugin's
entry in mkdocs.yml (which every engine reads too).

    plugins:
      - playbook:
          data_dir: playbook_data   # the default

Commands that run without an engine (`playbook validate`, `new`, `schema`) read it here.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import yaml

try:  # libyaml's parser, as in content/loader.py: mkdocs.yml is read at every build
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

DEFAULT_DATA_DIR = "playbook_data"
CONFIG_FILE = "mkdocs.yml"


class _TolerantLoader(_SafeLoader):
    """mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that only MkDocs resolves."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def environment_value(loader: yaml.SafeLoader, node: yaml.Node):
    """`!ENV VAR` or `!ENV [VAR, …, default]` as MkDocs reads it: the first variable that is
    set, else the last item as the default (or None for a single name)."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node)
    for name in items[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return items[-1] if items else None


_TolerantLoader.add_constructor("!ENV", environment_value)


def _config(project: Path) -> dict:
    try:
        config = yaml.load((project / CONFIG_FILE).read_text(encoding="utf-8"), _TolerantLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # the engine reports a broken mkdocs.yml in its own words
    return config if isinstance(config, dict) else {}


def site_url(project: Path) -> str:
    """Where the site is published (mkdocs.yml's `site_url`), for citations; "" if not set."""
    value = _config(project).get("site_url")
    return value if isinstance(value, str) else ""


def published_path(project: Path) -> str:
    """The path the site is published under ("/playbook/" for site_url
    https://example.github.io/playbook/), or "/"."""
    path = urlsplit(site_url(project)).path or "/"
    return path if path.endswith("/") else path + "/"


def data_dir_name(project: Path) -> str:
    """The data folder's name, relative to the project: the plugin's `data_dir` setting."""
    config = _config(project)
    if not config:
        return DEFAULT_DATA_DIR
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("playbook"), dict):
            value = entry["playbook"].get("data_dir")
            if isinstance(value, str) and value:
                return value
    return DEFAULT_DATA_DIR


def data_dir(project: Path) -> Path:
    return project / data_dir_name(project)
