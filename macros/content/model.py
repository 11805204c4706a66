"""The typed content model: one pydantic class per kind of record.

Each field carries a description and an example: they feed the JSON Schema that editors'
tools use and the field reference in the contributor guide. Rules that need only the record
itself live here (types, lengths, slugs, URLs); rules between records (references, unique
ids) live in `validate.py`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STATE_CODE = re.compile(r"^[A-Z]{2}$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def problem(message: str, hint: str = "") -> PydanticCustomError:
    """A validation error whose message and hint are shown to editors as written."""
    return PydanticCustomError("playbook", "{message}", {"message": message, "hint": hint})


# Characters that stay invisible or turn text around: shown by their code in messages,
# refused in text (see _text). Line breaks are refused in one-line text.
_LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(value: str, limit: int = 60) -> str:
    """A value as an editor can read it in a message: one line, invisible characters
    written as their code (`\\n`, `\\u200b`), at most `limit` characters."""
    out = []
    for char in value[:limit]:
        if char == "\n":
            out.append("\\n")
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") or char in _BIDI:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out) + ("…" if len(value) > limit else "")


def _slug(value: str) -> str:
    if len(value) > 80 or not SLUG.fullmatch(value):
        raise problem(
            f"'{shown(value)}' is not a valid id",
            "ids use lowercase letters, digits and single hyphens, at most 80 characters, "
            "for example 'kansas-licensure-billing'",
        )
    return value


def _state_code(value: str) -> str:
    if not STATE_CODE.fullmatch(value):
        raise problem(
            f"'{shown(value)}' is not a state code",
            "use the two-letter USPS code in capitals, for example 'KS' for Kansas",
        )
    return value


def _url(value: str) -> str:
    # The same reading as the pages' (render/escape.py link_target): an address that passes
    # here is one the build can write.
    try:
        parts = urlsplit(value)
        readable = bool(URL.fullmatch(value))
        _port = parts.port  # raises ValueError when the port is not a number
    except ValueError:
        readable = False
    if not readable or not _HOST.fullmatch(parts.hostname or ""):
        raise problem(
            f"'{shown(value)}' is not a web address",
            "links start with https:// (or http://), for example 'https://example.org/report'",
        )
    if parts.username is not None or parts.password is not None:
        raise problem(
            f"'{shown(value)}' holds a user name or password",
            "remove the part before '@' in the address",
        )
    return value


_HOST = re.compile(r"[\w.-]+|\[[0-9a-fA-F:.]+\]")


def _text(max_length: int, *, one_line: bool):
    def check(value: str) -> str:
        value = value.strip()
        if not value:
            raise problem("this text is empty", "write the text, or remove the field if optional")
        if not "".join(c for c in value if unicodedata.category(c)[0] not in "CZ"):
            raise problem(
                "this text is empty (it holds only spaces or invisible characters)",
                "write the text, or remove the field if optional",
            )
        if one_line and any(c in _LINE_BREAKS for c in value):
            raise problem(
                "this text must be on one line",
                "remove the line breaks (a long value can continue on the next line if the "
                "field starts with `>-`)",
            )
        for position, char in enumerate(value, start=1):
            if char in _BIDI:
                raise problem(
                    f"this text holds a character that turns the direction of text around "
                    f"(U+{ord(char):04X}, character {position})",
                    "delete it: it can make the text show differently from what it says",
                )
            if unicodedata.category(char) == "Cc" and char not in "\t\n":
                raise problem(
                    f"this text holds an invisible control character (U+{ord(char):04X}, "
                    f"character {position})",
                    "delete it (it often comes with text copied from a PDF or a word processor)",
                )
        if len(value) > max_length:
            raise problem(
                f"this text is too long ({len(value)} characters; at most {max_length})",
                "shorten it",
            )
        return value

    return AfterValidator(check)


Id = Annotated[str, AfterValidator(_slug)]
StateCode = Annotated[str, AfterValidator(_state_code)]
Url = Annotated[str, AfterValidator(_url)]
Order = Annotated[int, Field(ge=1, le=99)]
# Plain text: one line, escaped wherever it is shown, never Markdown.
Name = Annotated[str, _text(120, one_line=True)]
Title = Annotated[str, _text(300, one_line=True)]
Line = Annotated[str, _text(600, one_line=True)]
QuoteText = Annotated[str, _text(1200, one_line=True)]
# Markdown text: paragraphs, lists, emphasis and links; raw HTML is shown as text.
ShortProse = Annotated[str, _text(1500, one_line=False)]
Prose = Annotated[str, _text(8000, one_line=False)]


class Origin:
    """Where a record was read: its file, its raw data (with line numbers) and, for a
    record inside another one or inside a list, the field path that leads to it."""

    def __init__(self, file: str, raw: Any, prefix: str = ""):
        self.file = file
        self.raw = raw
        self.prefix = prefix

    @property
    def line(self) -> int:
        return getattr(self.raw, "line", 1)

    def line_of(self, field: str, index: int | None = None) -> int:
        """The line of `field` (or of item `index` of a list field) in the file."""
        if not isinstance(self.raw, dict) or field not in self.raw:
            return self.line
        value = self.raw[field]
        if index is not None and hasattr(value, "line_of"):
            return value.line_of(index)
        return self.raw.line_of(field)

    def path(self, field: str, index: int | None = None) -> str:
        item = f"[{index + 1}]" if index is not None else ""
        return f"{self.prefix}.{field}{item}" if self.prefix else f"{field}{item}"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin:
        return self._origin or Origin("", None)

    def located(self, origin: Origin):
        self._origin = origin
        return self


class PlaybookInfo(Record):
    """The playbook as a publication: what its cover and home page say."""

    title: Name = Field(description="Title of the playbook.", examples=["Integrated Care Playbook"])
    subtitle: Title = Field(description="One line under the title.")
    publisher: Title = Field(description="Who publishes this site.")
    version: Annotated[str, _text(20, one_line=True)] = Field(
        description="Version of the content, shown on the cover and in PDFs.", examples=["1.0"]
    )
    date: dt.date = Field(description="Date of this version (YYYY-MM-DD).")
    funding_statement: ShortProse = Field(description="Funding and lobbying statement (Markdown).")
    summary: Prose = Field(description="What the playbook is and who it is for (Markdown).")
    closing: Prose | None = Field(None, description="Closing summary (Markdown).")
    sources: list[Id] = Field(
        default_factory=list, description="Ids of the sources the playbook draws on, in order."
    )


class Source(Record):
    """A publication or collaborative that content comes from."""

    id: Id = Field(description="Stable id.", examples=["delta-center-playbook"])
    title: Title = Field(description="Full title of the publication or collaborative.")
    short_title: Name = Field(description="Short name used in citations.")
    publisher: Title = Field(description="Organisation(s) that published it.")
    year: Annotated[str, _text(20, one_line=True)] = Field(
        description="Year or span of years.", examples=["2024", "2018–2024"]
    )
    kind: Literal["publication", "collaborative", "web page"] = Field(
        description="What kind of source this is."
    )
    place: Name | None = Field(None, description="Where it took place, if local.")
    url: Url | None = Field(None, description="Web address; leave out when not known.")
    document: Name | None = Field(None, description="File name of the source text we hold.")
    summary: Prose = Field(description="What the source is, in our own words (Markdown).")
    facts: list[Line] = Field(default_factory=list, description="Key facts, one a line.")


class Cohort(Record):
    """A group of grantee states that took part together."""

    id: Id = Field(examples=["phase-2"])
    name: Name = Field(description="Name of the cohort.", examples=["Phase 2 grantees"])
    years: Annotated[str, _text(20, one_line=True)] = Field(examples=["2021–2024"])
    description: ShortProse = Field(description="Who took part and what they did (Markdown).")
    source: Id = Field(description="Id of the source.")


class State(Record):
    """A US state or DC, so that stories can name where they happened."""

    code: StateCode = Field(description="Two-letter USPS code.", examples=["KS"])
    name: Name = Field(description="Full name.", examples=["Kansas"])
    cohorts: list[Id] = Field(
        default_factory=list, description="Ids of the cohorts the state's associations were in."
    )


class PolicyArea(Record):
    """A shared policy priority area (the playbook's Figure 2)."""

    id: Id = Field(examples=["telehealth"])
    order: Order = Field(description="Position in lists, from 1.")
    name: Name = Field(examples=["Telehealth"])
    description: ShortProse = Field(description="What the area covers (Markdown).")
    source: Id


class Strategy(Record):
    """A key strategy within a theme."""

    id: Id = Field(examples=["consistent-communication"])
    order: Order = Field(description="Position within its theme, from 1.")
    title: Title = Field(description="The strategy, as one sentence.")
    description: Prose = Field(description="What it means and how teams did it (Markdown).")
    approaches_intro: Line | None = Field(
        None, description="Lead-in line for the list of effective approaches."
    )
    approaches: list[ShortProse] = Field(
        default_factory=list, description="Effective approaches, in order (Markdown)."
    )


class Theme(Record):
    """One of the playbook's themes, with its key strategies in order."""

    id: Id = Field(examples=["relationship-building"])
    order: Order = Field(description="Position in the playbook, from 1.")
    title: Title = Field(description="Title of the theme.")
    tagline: Line = Field(description="One sentence that says what the theme is about.")
    intro: Prose = Field(description="Introduction (Markdown).")
    strategies_intro: Prose | None = Field(
        None, description="Text before the list of key strategies (Markdown)."
    )
    strategies: list[Strategy] = Field(min_length=1, description="Key strategies.")
    source: Id


class Story(Record):
    """A state story: what one or more states did, linked to a theme and strategy."""

    id: Id = Field(examples=["kansas-licensure-billing"])
    title: Title = Field(description="Short headline.")
    states: list[StateCode] = Field(
        default_factory=list,
        description="States involved; leave empty when the source names only a cohort.",
    )
    cohort: Id | None = Field(None, description="Cohort the story comes from, if known.")
    theme: Id = Field(description="Id of the theme the story illustrates.")
    strategy: Id | None = Field(None, description="Id of the key strategy (within the theme).")
    policy_areas: list[Id] = Field(default_factory=list, description="Ids of policy areas.")
    year: Annotated[int, Field(ge=1990, le=2100)] | None = Field(
        None, description="Year of the outcome, if the source gives one."
    )
    summary: Line = Field(description="One-sentence summary for cards and lists.")
    body: Prose = Field(description="The story, in our own words (Markdown).")
    source: Id
    resources: list[Id] = Field(default_factory=list, description="Ids of related resources.")


class Quote(Record):
    """A short quotation, always attributed."""

    id: Id
    text: QuoteText = Field(description="The words quoted, without quotation marks.")
    attribution: Name = Field(description="Who said it.", examples=["Kansas team"])
    state: StateCode | None = Field(None, description="State of the speaker, if any.")
    theme: Id | None = Field(None, description="Theme the quote belongs to.")
    strategy: Id | None = Field(None, description="Key strategy the quote belongs to.")
    source: Id


class Resource(Record):
    """A further reading or tool."""

    id: Id
    title: Title
    url: Url | None = Field(None, description="Web address; leave out when not yet available.")
    description: Line | None = Field(None, description="One sentence on what it offers.")
    states: list[StateCode] = Field(default_factory=list)
    themes: list[Id] = Field(default_factory=list)
    source: Id


class Term(Record):
    """A glossary entry: an acronym or a term a reader meets."""

    id: Id
    term: Name = Field(description="The term or acronym as written.", examples=["PCA"])
    expansion: Name | None = Field(None, description="What an acronym stands for.")
    definition: Line = Field(description="Plain-language definition.")
    source: Id | None = None
