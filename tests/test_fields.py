"""Field knowledge lives on the field: the description, the example and what a field refers
to are declared once, in macros/content/model.py, and everything else reads them there. A
new field is one edit in one file."""

from __future__ import annotations

import pytest
from pydantic import Field

from macros.content import model
from macros.content.references import check_references
from macros.content.validate import read_records
from macros.editor.fields import documented_kinds, field_docs
from tests.helpers import MINIMAL

MODELS = [record_model for _kind, record_model in documented_kinds()]


@pytest.mark.parametrize("record_model", MODELS, ids=[m.__name__ for m in MODELS])
def test_every_field_declares_its_description_and_example(record_model):
    for name, info in record_model.model_fields.items():
        assert info.description, f"{record_model.__name__}.{name}"
        if name != "strategies":  # a list of records: the Strategy's own fields show
            assert info.examples, f"{record_model.__name__}.{name}"
    assert [doc.example for doc in field_docs(record_model)] == [
        (info.examples or [None])[0] for info in record_model.model_fields.values()
    ]


def test_a_field_without_an_example_is_a_programming_error_named_at_once():
    class Sketch(model.Record):
        """A record under construction."""

        note: model.Line = Field(description="A note.")

    with pytest.raises(ValueError, match=r"^Sketch.note has no example \(Field\(examples="):
        field_docs(Sketch)


def test_every_reference_is_declared_on_its_field():
    declared = {
        f"{record_model.__name__}.{name}": model.refers_to(info)
        for record_model in MODELS
        for name, info in record_model.model_fields.items()
        if model.refers_to(info)
    }
    assert declared == {
        "PlaybookInfo.sources": "source",
        "Cohort.source": "source",
        "State.cohorts": "cohort",
        "State.associations_source": "source",
        "PolicyArea.source": "source",
        "Theme.source": "source",
        "Story.states": "state",
        "Story.cohort": "cohort",
        "Story.theme": "theme",
        "Story.strategy": "strategy",
        "Story.policy_areas": "policy_area",
        "Story.source": "source",
        "Story.resources": "resource",
        "Quote.state": "state",
        "Quote.theme": "theme",
        "Quote.strategy": "strategy",
        "Quote.source": "source",
        "Resource.states": "state",
        "Resource.themes": "theme",
        "Resource.source": "source",
        "Term.source": "source",
    }


def test_a_new_reference_field_is_checked_with_no_other_edit():
    """A field added to a model with `RefersTo` is checked by the same loop as the others."""

    class MentoredQuote(model.Quote):
        mentor_theme: model.ThemeId | None = Field(
            None, description="A theme.", examples=["first-theme"]
        )
        mentor_states: list[model.StateRef] = Field(
            default_factory=list, description="States.", examples=[["KS"]]
        )

    records, problems = read_records(MINIMAL)
    assert problems == []
    info = records.pop("playbook")[0]
    quote = records["quote"][0]
    records["quote"] = [
        MentoredQuote(
            **quote.model_dump(), mentor_theme="frist-theme", mentor_states=["KS", "TX"]
        ).located(quote.origin)
    ]
    found = [str(p) for p in check_references(records, info, set())]
    assert found == [
        "playbook_data/quotes.yml:2: quotes[1].mentor_theme: unknown theme 'frist-theme'\n"
        "    hint: Did you mean 'first-theme'? valid themes: first-theme, second-theme",
        "playbook_data/quotes.yml:2: quotes[1].mentor_states[2]: unknown state 'TX'\n"
        "    hint: Valid states: KS, LA, MS",
    ]
    assert [doc.refers_to for doc in field_docs(MentoredQuote)][-2:] == ["theme", "state"]
