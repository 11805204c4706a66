"""The garbage collector and a command: what lives as long as the command (the modules it
imports, the checked playbook and its pages while the engine builds) is frozen, so that
collections do not walk it again and again; nothing stays frozen after, and a caller that
goes on in the same process (the tests) finds the collector as it was."""

from __future__ import annotations

import gc

import pytest

from macros import commands
from macros.commands import validate
from macros.site import publish
from macros.site.build_context import BuildContext
from tests.helpers import ROOT, run_main


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
    """A caller that goes on in the same process (the tests; `playbook pdf`, which prints
    after it builds) can collect what a build froze once it replaces it."""
    seen: dict = {}
    monkeypatch.setattr(publish.engines, "build", _engine_that_records(seen, fails=True))
    with pytest.raises(RuntimeError):
        publish.build_into(context, tmp_path / "site")
    assert seen["frozen"] > 0
    assert gc.get_freeze_count() == 0


def test_a_command_runs_with_what_it_imported_frozen(monkeypatch):
    seen: dict = {}

    def run(args) -> int:
        seen["frozen"] = gc.get_freeze_count()
        seen["collecting"] = gc.isenabled()
        # A module the command imported is in no generation: no collection walks it.
        seen["modules walked"] = any(item is vars(publish) for item in gc.get_objects())
        return 0

    monkeypatch.setattr(validate, "run", run)
    assert commands.main(["validate"]) == 0
    assert seen["frozen"] > 0
    assert seen["collecting"]
    assert not seen["modules walked"]


@pytest.mark.parametrize(
    "argv, code",
    [
        (["validate"], 0),  # success
        (["--project", "no-such-folder", "validate"], 1),  # a content problem
        (["no-such-command"], 2),  # a usage mistake, refused by argparse
    ],
)
def test_after_a_command_the_collector_is_on_and_nothing_is_frozen(argv, code):
    assert run_main(*argv).returncode == code
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_caller_that_turned_the_collector_off_finds_it_off():
    gc.disable()
    try:
        run_main("validate", check=True)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_inside_a_command_leaves_the_commands_freeze_to_the_command(
    context, tmp_path, monkeypatch
):
    """Freezing does not nest: the build must not unfreeze what the command froze at its
    start (`playbook pdf` prints after it builds, with all of it still frozen)."""
    seen: dict = {}
    monkeypatch.setattr(publish.engines, "build", _engine_that_records(seen))
    held_by_the_command = [object()]  # a container: the collector tracks it
    gc.freeze()  # as `main` does before it runs a command
    try:
        assert publish.build_into(context, tmp_path / "site")
        # Still frozen: in no generation. (The count of frozen objects may drop meanwhile,
        # as frozen objects that nothing holds any more are freed.)
        assert not any(item is held_by_the_command for item in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(item is held_by_the_command for item in gc.get_objects())
