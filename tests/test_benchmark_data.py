"""The benchmark's synthetic playbooks (benchmarks/synthetic.py) are valid content that grows
every kind of page: copies get their own ids and text and spread over states, strategies
and policy areas."""

from __future__ import annotations

from benchmarks.synthetic import MAX_STATES, generate
from macros.content.validate import load_playbook
from tests.helpers import ROOT


def test_a_playbook_at_scale_3_is_valid_and_three_times_the_real_one(tmp_path):
    real = load_playbook(ROOT / "playbook_data")
    project = generate(3, tmp_path)
    pb = load_playbook(project / "playbook_data", project)  # raises on any problem

    assert len(pb.stories) == 3 * len(real.stories)
    assert len(pb.quotes) == 3 * len(real.quotes)
    assert len(pb.resources) == 3 * len(real.resources)
    assert (pb.themes.keys(), pb.terms.keys()) == (real.themes.keys(), real.terms.keys())
    assert len({s.body for s in pb.stories.values()}) == len(pb.stories)
    assert set(real.stories) < set(pb.stories)  # the first copy is the real content

    def spread(playbook, field):
        return {value for s in playbook.stories.values() for value in getattr(s, field)}

    assert len(spread(real, "states")) < len(spread(pb, "states")) <= MAX_STATES
    assert len(spread(real, "policy_areas")) <= len(spread(pb, "policy_areas"))
    assert {s.strategy for s in real.stories.values()} < {s.strategy for s in pb.stories.values()}
