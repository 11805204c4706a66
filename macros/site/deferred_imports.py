"""Modules a plugin imports but our build never calls, loaded only if something uses them.

mkdocs-macros imports `requests` when it loads, for one purpose: to ask PyPI about a pluglet
named under its `modules:` setting that fails to import. Our mkdocs.yml names none.
Importing `requests` and urllib3 is about 0.05 s of CPU, a twentieth of a small build.
While MkDocs loads its plugins, `deferred()` puts a stand-in for the module in
`sys.modules`: the plugin's `import requests` gets the stand-in, which imports the real
module the first time one of its names is used, and from then on hands every use on to it.
Once the plugins are loaded the stand-in leaves `sys.modules`, so the rest of the process
(a macro of ours, a test) imports the real module as usual.

Importlib's own LazyLoader does not do here: Python 3.11 reads a lazy module's `__spec__` at
every later `import` of it, which loads it. The stand-in carries the real spec as a plain
attribute, and only the names it lacks reach its `__getattr__` (PEP 562).

What a holder of the stand-in should know: it is not the module itself (`is` and
`importlib.reload` see two objects), and should the real module fail to import at its first
use, that use raises the ImportError.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

UNUSED_BY_OUR_BUILD = ("requests",)  # by mkdocs-macros (mkdocs_macros/util.py)


class DeferredModule(ModuleType):
    """Stands for a module not imported yet: the first name asked of it imports the real
    one, and every name read, set or deleted after that is the real module's."""

    # Two threads using a stand-in at once would import the module once, not twice.
    _importing = threading.RLock()

    def __getattr__(self, attribute: str):
        return getattr(_real(self), attribute)

    def __setattr__(self, attribute: str, value) -> None:
        # Before its first use a stand-in is being set up (`defer`); after, a patch of a name
        # (a test's mock) must reach the module everyone else uses.
        target = self.__dict__.get("_real_module") or super()
        target.__setattr__(attribute, value)

    def __delattr__(self, attribute: str) -> None:
        target = self.__dict__.get("_real_module") or super()
        target.__delattr__(attribute)

    def __dir__(self) -> list[str]:
        return dir(_real(self))


def _real(stand_in: DeferredModule) -> ModuleType:
    """The module `stand_in` stands for, imported the first time. (A function, not a method:
    a method's name would hide the module's own name, such as a module's `load`.)"""
    real = stand_in.__dict__.get("_real_module")
    if real is not None:
        return real
    name = stand_in.__name__
    with DeferredModule._importing:
        real = stand_in.__dict__.get("_real_module")
        if real is None:
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
            real = importlib.import_module(name)
            stand_in.__dict__["_real_module"] = real
    return real


def defer(name: str) -> DeferredModule | None:
    """Put a stand-in for `name` in `sys.modules`, unless it is imported already or not
    installed (the plugin's own import then reports it); the stand-in put there."""
    if name in sys.modules:
        return None
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    stand_in = DeferredModule(name)
    stand_in.__spec__ = spec
    stand_in.__loader__ = spec.loader
    stand_in.__package__ = spec.parent
    sys.modules[name] = stand_in
    return stand_in


@contextmanager
def deferred(names: tuple[str, ...] = UNUSED_BY_OUR_BUILD) -> Iterator[None]:
    """Within the block, an import of one of `names` gets a stand-in (`defer`). After it, a
    stand-in not used yet leaves `sys.modules`: whoever imported it keeps it, and the next
    `import` gets the real module."""
    stand_ins = [stand_in for name in names if (stand_in := defer(name)) is not None]
    try:
        yield
    finally:
        for stand_in in stand_ins:
            if sys.modules.get(stand_in.__name__) is stand_in:
                del sys.modules[stand_in.__name__]
