"""How a checked playbook is handed to the engine (site/publish.py): its pages made first,
and the whole of it frozen for the garbage collector while the engine builds, never after."""

from __future__ import annotations

import gc

import pytest

from macros.site import publish
from macros.site.build_context import BuildContext
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def context() -> BuildContext:
    return BuildContext.load(ROOT)


def _engine_that_records(seen: dict, *, fails: bool = False):
    def build(engine, context, site, epoch) -> bool:
        seen["pages made"] = "pages" in vars(context)  # functools.cached_property
        seen["frozen"] = gc.get_freeze_count()
        # Frozen objects are in no generation: the collector no longer walks them.
        seen["pages walked"] = any(item is context.pages for item in gc.get_objects())
        if fails:
            raise RuntimeError("the engine failed")
        return True

    return build


def test_the_engine_builds_with_the_pages_made_and_frozen_with_the_playbook(
    context, tmp_path, monkeypatch
):
    seen: dict = {}
    monkeypatch.setattr(publish.engines, "build", _engine_that_records(seen))
    assert publish.build_into(context, tmp_path / "site")
    assert seen["pages made"]
    assert seen["frozen"] > 0
    assert not seen["pages walked"]


def test_after_the_build_everything_can_be_collected_again_even_when_it_failed(
    context, tmp_path, monkeypatch
):
    """`playbook serve` builds again and again in one process: what a build froze must be
    collectable once a later build replaces it."""
    seen: dict = {}
    monkeypatch.setattr(publish.engines, "build", _engine_that_records(seen, fails=True))
    with pytest.raises(RuntimeError):
        publish.build_into(context, tmp_path / "site")
    assert seen["frozen"] > 0
    assert gc.get_freeze_count() == 0
