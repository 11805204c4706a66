"""Synthetic playbooks for the build benchmark, and the same content as a plain MkDocs project.

    generate(scale, folder) -> project       # the real playbook's content, `scale` times over
    export_plain(project, folder) -> plain   # its pages as Markdown, for MkDocs + Material alone

A playbook at scale N holds N copies of every story, quote and resource of the real one. Each
copy has its own id and title and is moved to other states (at most 50), to another theme
and key strategy, and to other policy areas, so that every kind of page grows as it would
with real content. Themes, policy areas, cohorts, sources and the glossary are kept as they
are: they describe the programme, not its stories.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REAL_DATA = ROOT / "playbook_data"
MAX_STATES = 50
STATE_STEP = 7  # each copy moves a story this many states along the list (prime to 50)
EXPORT_DIR_ENV = "PLAYBOOK_EXPORT_DIR"


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


class Spread:
    """Where copy `k` of a record goes: states, theme and strategy, policy areas."""

    def __init__(self, data: Path):
        self.states = [s["code"] for s in _read(data / "states.yml")["states"]][:MAX_STATES]
        self.areas = [a["id"] for a in _read(data / "policy_areas.yml")["policy_areas"]]
        self.pairs: list[tuple[str, str | None]] = []  # (theme, strategy) in reading order
        for file in sorted((data / "themes").glob("*.yml")):
            theme = _read(file)
            self.pairs += [(theme["id"], s["id"]) for s in theme["strategies"]]

    def state(self, code: str, k: int) -> str:
        if code not in self.states:
            return code
        return self.states[(self.states.index(code) + STATE_STEP * k) % len(self.states)]

    def area(self, area: str, k: int) -> str:
        return self.areas[(self.areas.index(area) + k) % len(self.areas)]

    def pair(self, theme: str, strategy: str | None, k: int) -> tuple[str, str | None]:
        """Copy k's theme and strategy: k strategies further on, or k themes for a record
        that names a theme without a strategy."""
        if k == 0:
            return theme, strategy
        if strategy is None:
            themes = list(dict.fromkeys(t for t, _ in self.pairs))
            return themes[(themes.index(theme) + k) % len(themes)], None
        index = [s for _, s in self.pairs].index(strategy)
        return self.pairs[(index + k) % len(self.pairs)]


def copy_id(record_id: str, k: int) -> str:
    return record_id if k == 0 else f"{record_id}-copy-{k}"


def copy_story(story: dict, k: int, spread: Spread) -> dict:
    out = dict(story)
    out["id"] = copy_id(story["id"], k)
    if k:  # every copy says something of its own, as a real story would
        out["title"] = f"{story['title']} (variant {k + 1})"
        out["body"] = f"{story['body'].rstrip()}\n\nVariant {k + 1} of this story.\n"
    out["states"] = [spread.state(code, k) for code in story.get("states", [])]
    out["theme"], strategy = spread.pair(story["theme"], story.get("strategy"), k)
    if strategy:
        out["strategy"] = strategy
    else:
        out.pop("strategy", None)
    if story.get("policy_areas"):
        out["policy_areas"] = [spread.area(a, k) for a in story["policy_areas"]]
    if story.get("resources"):
        out["resources"] = [copy_id(r, k) for r in story["resources"]]
    return out


def copy_quote(quote: dict, k: int, spread: Spread) -> dict:
    out = dict(quote, id=copy_id(quote["id"], k))
    if quote.get("state"):
        out["state"] = spread.state(quote["state"], k)
    if quote.get("strategy"):
        out["theme"], out["strategy"] = spread.pair(quote.get("theme") or "", quote["strategy"], k)
    elif quote.get("theme"):
        out["theme"], _ = spread.pair(quote["theme"], None, k)
    return out


def copy_resource(resource: dict, k: int, spread: Spread) -> dict:
    out = dict(resource, id=copy_id(resource["id"], k))
    if k:
        out["title"] = f"{resource['title']} (variant {k + 1})"
    if resource.get("states"):
        out["states"] = [spread.state(code, k) for code in resource["states"]]
    if resource.get("themes"):
        out["themes"] = list(dict.fromkeys(spread.pair(t, None, k)[0] for t in resource["themes"]))
    return out


def generate(scale: int, folder: Path) -> Path:
    """A project in `folder`: the real configuration, pages and code, with content at `scale`.

    Quotes name their theme only through their strategy in the real data; a copy moved to
    another strategy names the theme that holds it, so it stays valid.
    """
    project = folder / "project"
    data = project / "playbook_data"
    shutil.copytree(REAL_DATA, data, ignore=shutil.ignore_patterns("stories"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "overrides").symlink_to(ROOT / "overrides")
    (project / "macros").symlink_to(ROOT / "macros")
    spread = Spread(REAL_DATA)

    for file in sorted((REAL_DATA / "stories").glob("*.yml")):
        story = _read(file)
        for k in range(scale):
            copy = copy_story(story, k, spread)
            _write(data / "stories" / f"{copy['id']}.yml", copy)
    quotes = _read(REAL_DATA / "quotes.yml")["quotes"]
    _write(
        data / "quotes.yml",
        {"quotes": [copy_quote(q, k, spread) for k in range(scale) for q in quotes]},
    )
    resources = _read(REAL_DATA / "resources.yml")["resources"]
    _write(
        data / "resources.yml",
        {"resources": [copy_resource(r, k, spread) for k in range(scale) for r in resources]},
    )
    return project


def export_plain(project: Path, folder: Path) -> Path:
    """The pages our build hands to MkDocs, written out as a plain MkDocs + Material project.

    One build of `project` with benchmarks/export_hook.py added records each page's final
    Markdown (after our page generation and macros), the navigation, the glossary's
    abbreviations and the generated data files. The plain project has the same theme,
    templates, stylesheets and Markdown extensions, without our hooks and macros.
    """
    plain = folder / "plain"
    docs = plain / "docs"
    config = _read(project / "mkdocs.yml")
    config["hooks"] = [*config.get("hooks", []), str(Path(__file__).with_name("export_hook.py"))]
    export_config = project / "mkdocs-export.yml"
    _write(export_config, config)
    env = {**os.environ, EXPORT_DIR_ENV: str(docs), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(export_config), "--site-dir", str(folder / "export-site")]
    subprocess.run(command, cwd=project, env=env, check=True)
    export_config.unlink()
    shutil.rmtree(folder / "export-site")

    recorded = json.loads((docs / "_export.json").read_text(encoding="utf-8"))
    (docs / "_export.json").unlink()
    config.pop("hooks")
    config.pop("watch", None)
    config["plugins"] = ["search"]
    config["nav"] = recorded["nav"]
    config["not_in_nav"] = "\n".join(recorded["not_in_nav"])
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    extensions = []
    for extension in config["markdown_extensions"]:
        if extension == "abbr":
            extension = {"abbr": {"glossary": recorded["abbreviations"]}}
        extensions.append(extension)
    config["markdown_extensions"] = extensions
    _write(plain / "mkdocs.yml", config)
    return plain
