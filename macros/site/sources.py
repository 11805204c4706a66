"""The generate step for engines that do not run our MkDocs plugin: the generated pages, the
print view and the open data written as files, beside a copy of docs/, with a configuration
derived from mkdocs.yml. Engine-neutral: plain files and plain dicts, no engine imported.

    project/.playbook-build/ENGINE-XXXXXX/   (a folder of its own for each build)
        mkdocs.yml      mkdocs.yml with the nav expanded, the playbook plugin taken out,
                        the glossary's acronyms for `abbr`, and paths pointing here
        docs/           docs/ + every generated page + print/index.md + open data

The engine renders that folder as it would any MkDocs project; site/finish.py then does
what the plugin does on the final HTML. Inside the project, because engines require the
site and docs folders to be inside the configuration's folder.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml

from macros.content.settings import environment_value
from macros.render import glossary_terms
from macros.site.build_context import BuildContext
from macros.site.nav import expand_nav

CONFIG_NAME = "mkdocs.yml"
STAGING_DIR = ".playbook-build"  # git-ignored
PLUGIN_NAME = "playbook"


class SourcesError(ValueError):
    """mkdocs.yml or docs/ cannot be turned into sources for the engine (message ready)."""


@dataclass(frozen=True)
class Sources:
    """Where the sources for one engine were written, and what finishing them needs."""

    root: Path  # the folder of the derived configuration
    config_file: Path
    docs_dir: Path
    site_dir: Path  # where the engine writes the site (inside root)
    edit_base: str  # repo_url joined with edit_uri: the edit address of docs/
    docs_prefix: str  # docs/ relative to the project


class _ConfigLoader(yaml.CSafeLoader):
    """mkdocs.yml with `!ENV` resolved as MkDocs resolves it; any other tag is refused."""


_ConfigLoader.add_constructor("!ENV", environment_value)


def read_config(project: Path) -> dict:
    """mkdocs.yml as plain data: `!ENV` resolved here, so that the engine reads values; other
    tags (`!!python/name:`) only MkDocs understands, and are refused with a hint."""
    path = project / CONFIG_NAME
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except OSError as error:
        raise SourcesError(f"{CONFIG_NAME}: cannot be read: {error.strerror}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{CONFIG_NAME}:{mark.line + 1}" if mark else CONFIG_NAME
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise SourcesError(
            f"{where}: {problem}\n  hint: the engines other than MkDocs read mkdocs.yml as "
            "plain YAML (and !ENV): write the value itself instead of such a tag"
        ) from None
    if not isinstance(config, dict):
        raise SourcesError(f"{CONFIG_NAME}: must be a mapping of settings")
    return config


def write_sources(context: BuildContext, engine: str) -> Sources:
    """Write the sources for `engine` in a new folder under project/.playbook-build/ (one
    per build, so that two builds of one project at once, e.g. in parallel tests, never
    write into each other's sources)."""
    project = context.project
    config = read_config(project)
    root = _new_folder(project / STAGING_DIR, engine)
    try:
        return _fill(context, config, root)
    except BaseException:
        remove_sources(root)  # a build that stops here leaves nothing behind
        raise


def remove_sources(root: Path) -> None:
    """Remove one build's sources, and the staging folder once no other build uses it."""
    shutil.rmtree(root, ignore_errors=True)
    with contextlib.suppress(OSError):
        root.parent.rmdir()


def _new_folder(staging: Path, engine: str) -> Path:
    # Another build may remove the (empty) staging folder between the two calls: try again.
    for _attempt in range(5):
        staging.mkdir(exist_ok=True)
        try:
            return Path(tempfile.mkdtemp(prefix=f"{engine}-", dir=staging))
        except FileNotFoundError:
            continue
    raise OSError(f"cannot make a folder in {staging}")


def _fill(context: BuildContext, config: dict, root: Path) -> Sources:
    project = context.project
    docs_source = project / config.get("docs_dir", "docs")
    docs = root / "docs"
    shutil.copytree(docs_source, docs)

    clashes = [p.src_uri for p in context.pages if (docs / p.src_uri).exists()]
    if clashes:
        raise SourcesError(
            "\n".join(
                f"docs/{uri} is generated from playbook_data/ and must not exist in docs/: "
                "delete it or rename it"
                for uri in clashes
            )
        )
    # Printed addresses and QR codes use site_url, as the plugin sets it from the config.
    context.site_url = config.get("site_url") or ""
    view = context.print_view
    for page in [*context.pages, view]:
        _write(docs / page.src_uri, source_relative_links(page.markdown, page.src_uri))
    for name, content in context.extra_files.items():
        _write(docs / name, content)

    config_file = root / CONFIG_NAME
    derived = engine_config(context, config)
    config_file.write_text(
        yaml.dump(derived, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    repo_url = config.get("repo_url") or ""
    edit_uri = config.get("edit_uri") or ""
    return Sources(
        root=root,
        config_file=config_file,
        docs_dir=docs,
        site_dir=root / "site",
        edit_base=urljoin(repo_url.rstrip("/") + "/", edit_uri) if repo_url else "",
        docs_prefix=config.get("docs_dir", "docs"),
    )


def engine_config(context: BuildContext, config: dict) -> dict:
    """mkdocs.yml for an engine without our plugin: what the plugin does to the configuration
    (the nav, the acronyms), done here once, in plain data."""
    derived = dict(config)
    derived["docs_dir"] = "docs"
    derived["site_dir"] = "site"
    derived["nav"] = expand_nav(config.get("nav"), context.pages)
    derived["plugins"] = [
        plugin
        for plugin in config.get("plugins", [])
        if (next(iter(plugin)) if isinstance(plugin, dict) else plugin) != PLUGIN_NAME
    ]
    derived.pop("watch", None)  # the sources here are written, not edited
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((context.project / theme["custom_dir"]).resolve())
    # Zensical's "classic" look is Material's, which overrides/ and our CSS are written for
    # (its default, "modern", has other colours, fonts and icons). MkDocs ignores it.
    theme.setdefault("variant", "classic")
    derived["theme"] = theme
    # The macros of hand-written pages find the content from here (build_context.context_for).
    derived["extra"] = {**(config.get("extra") or {}), "playbook_project": str(context.project)}
    derived["markdown_extensions"] = _with_glossary(
        config.get("markdown_extensions") or [], glossary_terms.abbreviations(context.playbook)
    )
    return derived


def _with_glossary(extensions: list, terms: dict[str, str]) -> list:
    """The `abbr` extension with the glossary's acronyms, as the plugin configures it."""
    out = []
    for item in extensions:
        name = next(iter(item)) if isinstance(item, dict) else item
        if name == "abbr":
            options = dict(item["abbr"] or {}) if isinstance(item, dict) else {}
            options["glossary"] = {**terms, **(options.get("glossary") or {})}
            item = {"abbr": options}
        out.append(item)
    return out


# A link in raw HTML to a page address (not a .md file): href="../../states/kansas/".
_RAW_LINK = re.compile(r'(<a\b[^>]*?\bhref=")([^"#:?]+/)([#?][^"]*)?(")')


def source_relative_links(markdown: str, src_uri: str) -> str:
    """Raw-HTML links of a page written relative to its address, made relative to its source.

    The pages write links in raw HTML relative to the page's address, which MkDocs leaves as
    they are; Zensical reads every relative link as relative to the page's source file and
    rewrites it. For `policy-areas/matrix.md` (address `policy-areas/matrix/`) the two differ
    by one folder; for an index page they are the same, and nothing changes.
    """
    if src_uri == "index.md" or src_uri.endswith("/index.md"):
        return markdown
    address = posixpath.dirname(src_uri.removesuffix(".md") + "/")
    source = posixpath.dirname(src_uri)

    def rewrite(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(address, match.group(2)))
        relative = posixpath.relpath(target, source or ".") + "/"
        return f"{match.group(1)}{relative}{match.group(3) or ''}{match.group(4)}"

    return _RAW_LINK.sub(rewrite, markdown)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
