"""`playbook new KIND`: start a story, strategy, quote, resource or glossary term the right way
(the work is done in macros/editor/scaffold.py)."""

from __future__ import annotations

import argparse

__all__ = ["add_parser", "run"]


def run(args: argparse.Namespace) -> int:
    # Imported when the command runs: every `playbook` command imports this module.
    from macros.editor.scaffold import run as scaffold

    return scaffold(args)


def add_parser(commands) -> argparse.ArgumentParser:
    new = commands.add_parser("new", help="start a new story, strategy, quote, resource or term")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--id", help="the new record's id (default: made from its name)")

    def kind(name: str, text: str, *, source: bool = True):
        sub = kinds.add_parser(name, help=text, parents=[common], description=text)
        if source:
            sub.add_argument("--source", help="source id (default: the playbook's first)")
        return sub

    story = kind("story", "a state story, in a new file under playbook_data/stories/")
    story.add_argument("--state", action="append", help="state code, e.g. KS (repeatable)")
    story.add_argument("--cohort", help="cohort id, when the source names no state")
    story.add_argument("--theme", required=True, help="theme id, e.g. collective-action")
    story.add_argument("--strategy", help="id of a key strategy of that theme")
    story.add_argument("--title", help="short headline")

    strategy = kind("strategy", "a key strategy, added to its theme's file", source=False)
    strategy.add_argument("--theme", required=True, help="theme id")
    strategy.add_argument("--title", help="the strategy, as one sentence")

    quote = kind("quote", "a quotation, added to playbook_data/quotes.yml")
    quote.add_argument("--state", help="state code of the speaker")
    quote.add_argument("--theme", help="theme id")
    quote.add_argument("--strategy", help="id of a key strategy of that theme")
    quote.add_argument("--attribution", help="who said it, e.g. 'Kansas team'")

    resource = kind("resource", "a further reading, added to playbook_data/resources.yml")
    resource.add_argument("--title", help="title of the resource")
    resource.add_argument("--url", help="web address")
    resource.add_argument("--state", action="append", help="state code (repeatable)")
    resource.add_argument("--theme", action="append", help="theme id (repeatable)")

    term = kind("term", "a glossary term, added to playbook_data/glossary.yml")
    term.add_argument("--term", required=True, help="the term or acronym, e.g. FQHC")
    term.add_argument("--expansion", help="what the acronym stands for")
    return new
