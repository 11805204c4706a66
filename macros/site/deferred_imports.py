"""Modules a plugin imports but our build never calls, loaded only if something uses them.

mkdocs-macros imports `requests` when it loads, to include files from a web address and to
look packages up on PyPI; our pages do neither (a built page never asks another host for
anything). Importing `requests` and urllib3 is about 0.05 s of CPU, a twentieth of a small
build. Before MkDocs loads its plugins, `defer` puts a stand-in for the module in
`sys.modules`: `import requests` finds it, and the first use of any of its names imports the
real module in its place, so a macro that does call it still works.

Importlib's own LazyLoader does not do here: Python 3.11 reads a lazy module's `__spec__` at
every later `import` of it, which loads it. The stand-in carries the real spec as a plain
attribute, and only names it lacks reach its `__getattr__` (PEP 562).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

UNUSED_BY_OUR_BUILD = ("requests",)  # by mkdocs-macros (mkdocs_macros/util.py)


class DeferredModule(ModuleType):
    """Stands in `sys.modules` for a module not imported yet; the first name asked of it
    imports the real one, which then replaces it there and lends it all its names."""

    def __getattr__(self, attribute: str):
        real = self.load()
        return getattr(real, attribute)

    def load(self) -> ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        # Whoever holds the stand-in (a plugin's module) now finds every name on it directly.
        self.__dict__.update(real.__dict__)
        return real


def defer(names: tuple[str, ...] = UNUSED_BY_OUR_BUILD) -> None:
    """Put a stand-in for each module in `names` that is installed and not imported yet."""
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue  # not installed: the plugin's own import reports it
        stand_in = DeferredModule(name)
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in
