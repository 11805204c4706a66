"""The typed content model: one pydantic class per kind of record.

Everything known about a field is declared on the field, here and nowhere else:
- its type and limits (the `Annotated` types below: ids, state codes, text lengths);
- a description and an example (`Field(description=…, examples=[…])`), which feed the JSON
  Schemas, the commented records of `playbook new` and the contributor guide's field
  reference;
- what it refers to (`RefersTo("theme")`): references.py checks every such field in one loop,
  and the field reference says where the valid values live.

Rules that need only the record itself live here (types, lengths, slugs, URLs); rules between
records (references, unique ids) live in `references.py`.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr
from pydantic.fields import FieldInfo
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
# What _text refuses character by character, found at once (most texts hold none of it):
# the characters that turn text around, and control characters (Cc) but tab and newline.
_REFUSED = re.compile("[" + "".join(sorted(_BIDI)) + "\x00-\x08\x0b-\x1f\x7f-\x9f]")
_PLAINLY_VISIBLE = re.compile("[0-9A-Za-z]")
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")


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
    if _TWO_SCHEMES.match(value):  # a paste over an address already typed
        raise problem(
            f"'{shown(value)}' starts with http:// or https:// twice",
            "keep only the second, for example 'https://example.org/report'",
        )
    return value


_HOST = re.compile(r"[\w.-]+|[0-9a-fA-F:.]+")  # as render/escape.py: IPv6 without brackets
_TWO_SCHEMES = re.compile(r"https?://+https?:", re.IGNORECASE)


def _text(max_length: int, *, one_line: bool):
    def check(value: str) -> str:
        value = value.strip()
        if not value:
            raise problem("this text is empty", "write the text, or remove the field if optional")
        if not _PLAINLY_VISIBLE.search(value) and all(
            unicodedata.category(c)[0] in "CZ" for c in value
        ):
            raise problem(
                "this text is empty (it holds only spaces or invisible characters)",
                "write the text, or remove the field if optional",
            )
        if one_line and _LINE_BREAK.search(value):
            raise problem(
                "this text must be on one line",
                "remove the line breaks (a long value can continue on the next line if the "
                "field starts with `>-`)",
            )
        refused = _REFUSED.search(value)
        if refused:
            position, char = refused.start() + 1, refused.group()
            if char in _BIDI:
                raise problem(
                    f"this text holds a character that turns the direction of text around "
                    f"(U+{ord(char):04X}, character {position})",
                    "delete it: it can make the text show differently from what it says",
                )
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


@dataclass(frozen=True)
class RefersTo:
    """Field metadata: the value (or each item of a list) is the id of a record of another
    kind, named as in kinds.py ("theme", "state", …; "strategy" for a theme's strategies)."""

    kind: str


def refers_to(info: FieldInfo) -> str | None:
    """The kind a field refers to, found in its metadata or inside its type (`X | None`,
    `list[X]`), or None."""

    def search(items) -> str | None:
        for item in items:
            if isinstance(item, RefersTo):
                return item.kind
            origin = typing.get_origin(item)
            if origin is Annotated or origin in (list, typing.Union, types.UnionType):
                found = search(typing.get_args(item))
                if found:
                    return found
        return None

    return search([*info.metadata, info.annotation])


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
# Where in its source a record comes from: a section heading or a short pointer.
Locator = Annotated[str, _text(120, one_line=True)]

LOCATOR_HINT = (
    "add `locator:` with the part of the source this comes from, as a reader can find it "
    "there, for example 'Theme 3, strategy 1'"
)
# Hints for a required field that is missing, where the generic hint says too little.
MISSING_HINTS = {"locator": LOCATOR_HINT}


def _locator(description: str, example: str):
    return Field(description=description, examples=[example])


ShortText = Annotated[str, _text(20, one_line=True)]
# References: the id of another record (or a state's code).
SourceId = Annotated[Id, RefersTo("source")]
CohortId = Annotated[Id, RefersTo("cohort")]
StateRef = Annotated[StateCode, RefersTo("state")]
PolicyAreaId = Annotated[Id, RefersTo("policy_area")]
ThemeId = Annotated[Id, RefersTo("theme")]
StrategyId = Annotated[Id, RefersTo("strategy")]
ResourceId = Annotated[Id, RefersTo("resource")]

# Descriptions shared by fields of several records.
ID = (
    "Stable id of this record: lowercase letters, digits and hyphens. Other records refer "
    "to it, so do not change it once published."
)
SOURCE = "Id of the source this comes from (see sources.yml)."


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
    subtitle: Title = Field(
        description="One line under the title.",
        examples=["What state associations learned by working together"],
    )
    publisher: Title = Field(description="Who publishes this site.", examples=["The Delta Center"])
    version: ShortText = Field(
        description="Version of the content, shown on the cover and in PDFs.", examples=["1.0"]
    )
    date: dt.date = Field(
        description="Date of this version (YYYY-MM-DD).", examples=[dt.date(2024, 3, 1)]
    )
    funding_statement: ShortProse = Field(
        description="Funding and lobbying statement (Markdown).",
        examples=["This work was funded by a grant from a foundation."],
    )
    summary: Prose = Field(
        description="What the playbook is and who it is for (Markdown).",
        examples=["What state associations learned by working together."],
    )
    closing: Prose | None = Field(
        None, description="Closing summary (Markdown).", examples=["What comes next is up to you."]
    )
    sources: list[SourceId] = Field(
        default_factory=list,
        description="Ids of the sources the playbook draws on, in order.",
        examples=[["delta-center-playbook"]],
    )


class Source(Record):
    """A publication or collaborative that content comes from."""

    id: Id = Field(description="Stable id.", examples=["delta-center-playbook"])
    title: Title = Field(
        description="Full title of the publication or collaborative.",
        examples=["Delta Center Partner Playbook"],
    )
    short_title: Name = Field(
        description="Short name used in citations.", examples=["Delta Center playbook"]
    )
    publisher: Title = Field(
        description="Organisation(s) that published it.", examples=["The Delta Center"]
    )
    year: ShortText = Field(description="Year or span of years.", examples=["2024", "2018–2024"])
    kind: Literal["publication", "collaborative", "web page"] = Field(
        description="What kind of source this is.", examples=["publication"]
    )
    place: Name | None = Field(
        None, description="Where it took place, if local.", examples=["Kansas"]
    )
    url: Url | None = Field(
        None,
        description="Web address; leave out when not known.",
        examples=["https://example.org/report"],
    )
    document: Name | None = Field(
        None,
        description="File name of the source text we hold.",
        examples=["evaluation-report.pdf"],
    )
    summary: Prose = Field(
        description="What the source is, in our own words (Markdown).",
        examples=["A guide written with the associations that took part."],
    )
    facts: list[Line] = Field(
        default_factory=list,
        description="Key facts, one a line.",
        examples=[["Ten states took part."]],
    )
    delta_center: bool = Field(
        False,
        description="true when the source documents the Delta Center for a Thriving Safety "
        "Net itself; stories from any other source are labelled as not from Delta Center "
        "grantees.",
        examples=[True],
    )


class Cohort(Record):
    """A group of grantee states that took part together."""

    id: Id = Field(description=ID, examples=["phase-2"])
    name: Name = Field(description="Name of the cohort.", examples=["Phase 2 grantees"])
    years: ShortText = Field(description="Year or span of years.", examples=["2021–2024"])
    description: ShortProse = Field(
        description="Who took part and what they did (Markdown).",
        examples=["What this is, in a sentence or two."],
    )
    source: SourceId = Field(description="Id of the source.", examples=["delta-center-playbook"])


class State(Record):
    """A US state or DC, so that stories can name where they happened."""

    code: StateCode = Field(description="Two-letter USPS code.", examples=["KS"])
    name: Name = Field(description="Full name.", examples=["Kansas"])
    cohorts: list[CohortId] = Field(
        default_factory=list,
        description="Ids of the Delta Center cohorts the state's associations were in, only "
        "where a source says so.",
        examples=[["phase-2"]],
    )
    associations: list[Name] = Field(
        default_factory=list,
        description="Names of the state's associations (PCA, BHSA or partners in their work), "
        "only as a source names them.",
        examples=[["Oklahoma Primary Care Association"]],
    )
    associations_source: SourceId | None = Field(
        None,
        description="Id of the source that names the associations (required with them).",
        examples=["delta-center-playbook"],
    )


class PolicyArea(Record):
    """A shared policy priority area (the playbook's Figure 2)."""

    id: Id = Field(description=ID, examples=["telehealth"])
    order: Order = Field(description="Position in lists, from 1.", examples=[1])
    name: Name = Field(description="Name, as shown on the site.", examples=["Telehealth"])
    description: ShortProse = Field(
        description="What the area covers (Markdown).",
        examples=["What this is, in a sentence or two."],
    )
    source: SourceId = Field(description=SOURCE, examples=["delta-center-playbook"])


class Strategy(Record):
    """A key strategy within a theme."""

    id: Id = Field(description=ID, examples=["consistent-communication"])
    order: Order = Field(description="Position within its theme, from 1.", examples=[1])
    title: Title = Field(
        description="The strategy, as one sentence.",
        examples=["Set a regular schedule for communicating"],
    )
    locator: Locator = _locator(
        "Where in the theme's source the strategy and its approaches are.",
        "Theme 1, strategy 3",
    )
    description: Prose = Field(
        description="What it means and how teams did it (Markdown).",
        examples=["What this is, in a sentence or two."],
    )
    approaches_intro: Line | None = Field(
        None,
        description="Lead-in line for the list of effective approaches.",
        examples=["Approaches that worked:"],
    )
    approaches: list[ShortProse] = Field(
        default_factory=list,
        description="Effective approaches, in order (Markdown).",
        examples=[["Meet on a fixed schedule."]],
    )


class Theme(Record):
    """One of the playbook's themes, with its key strategies in order."""

    id: Id = Field(description=ID, examples=["relationship-building"])
    order: Order = Field(description="Position in the playbook, from 1.", examples=[1])
    title: Title = Field(
        description="Title of the theme.",
        examples=["Invest in intentional relationship building"],
    )
    tagline: Line = Field(
        description="One sentence that says what the theme is about.",
        examples=["Trust grows out of mutual understanding and collaboration."],
    )
    locator: Locator = _locator("Where in its source the theme is.", "Theme 1")
    intro: Prose = Field(
        description="Introduction (Markdown).",
        examples=["This theme is about building the relationship on purpose."],
    )
    strategies_intro: Prose | None = Field(
        None,
        description="Text before the list of key strategies (Markdown).",
        examples=["Ask for the views of people who receive care, and act on what you hear."],
    )
    # Its example is the Strategy record's own fields.
    strategies: list[Strategy] = Field(min_length=1, description="Key strategies.")
    source: SourceId = Field(description=SOURCE, examples=["delta-center-playbook"])


class Story(Record):
    """A state story: what one or more states did, linked to a theme and strategy."""

    id: Id = Field(description=ID, examples=["kansas-licensure-billing"])
    title: Title = Field(
        description="Short headline.", examples=["Kansas aligns licensure and billing rules"]
    )
    states: list[StateRef] = Field(
        default_factory=list,
        description="States involved; leave empty when the source names only a cohort.",
        examples=[["KS"]],
    )
    cohort: CohortId | None = Field(
        None, description="Cohort the story comes from, if known.", examples=["phase-2"]
    )
    theme: ThemeId = Field(
        description="Id of the theme the story illustrates.", examples=["relationship-building"]
    )
    strategy: StrategyId | None = Field(
        None,
        description="Id of the key strategy (within the theme).",
        examples=["consistent-communication"],
    )
    policy_areas: list[PolicyAreaId] = Field(
        default_factory=list, description="Ids of policy areas.", examples=[["telehealth"]]
    )
    year: Annotated[int, Field(ge=1990, le=2100)] | None = Field(
        None, description="Year of the outcome, if the source gives one.", examples=[2023]
    )
    summary: Line = Field(
        description="One-sentence summary for cards and lists.",
        examples=["The two associations wrote a joint letter to the state."],
    )
    body: Prose = Field(
        description="The story, in our own words (Markdown).",
        examples=["In 2023 the two associations **jointly** asked the state to align its rules."],
    )
    source: SourceId = Field(description=SOURCE, examples=["delta-center-playbook"])
    locator: Locator = _locator("Where in the source the story is told.", "Theme 3, strategy 1")
    resources: list[ResourceId] = Field(
        default_factory=list,
        description="Ids of related resources.",
        examples=[["delta-center-phase-2-evaluation"]],
    )


class Quote(Record):
    """A short quotation, always attributed."""

    id: Id = Field(description=ID, examples=["kansas-whats-off-the-table"])
    text: QuoteText = Field(
        description="The words quoted, without quotation marks.",
        examples=["Working together was worth every meeting."],
    )
    attribution: Name = Field(description="Who said it.", examples=["Kansas team"])
    state: StateRef | None = Field(
        None, description="State of the speaker, if any.", examples=["KS"]
    )
    theme: ThemeId | None = Field(
        None, description="Theme the quote belongs to.", examples=["relationship-building"]
    )
    strategy: StrategyId | None = Field(
        None,
        description="Key strategy the quote belongs to.",
        examples=["consistent-communication"],
    )
    source: SourceId = Field(description=SOURCE, examples=["delta-center-playbook"])
    locator: Locator = _locator("Where in the source the words are.", "Theme 1, strategy 2")


class Resource(Record):
    """A further reading or tool."""

    id: Id = Field(description=ID, examples=["delta-center-phase-2-evaluation"])
    title: Title = Field(
        description="Title, as shown on the site.",
        examples=["Delta Center Phase 2 Final Evaluation Report"],
    )
    url: Url | None = Field(
        None,
        description="Web address; leave out when not yet available.",
        examples=["https://example.org/report"],
    )
    description: Line | None = Field(
        None,
        description="One sentence on what it offers.",
        examples=["What this is, in a sentence or two."],
    )
    states: list[StateRef] = Field(
        default_factory=list,
        description="Two-letter codes of the states concerned.",
        examples=[["KS"]],
    )
    themes: list[ThemeId] = Field(
        default_factory=list,
        description="Ids of the themes concerned.",
        examples=[["relationship-building"]],
    )
    source: SourceId = Field(description=SOURCE, examples=["delta-center-playbook"])


class Term(Record):
    """A glossary entry: an acronym or a term a reader meets."""

    id: Id = Field(description=ID, examples=["pca"])
    term: Name = Field(description="The term or acronym as written.", examples=["PCA"])
    expansion: Name | None = Field(
        None, description="What an acronym stands for.", examples=["primary care association"]
    )
    definition: Line = Field(
        description="Plain-language definition.",
        examples=["A membership organisation of primary care providers."],
    )
    source: SourceId | None = Field(
        None,
        description="Id of the source in which the reader meets the term; a general "
        "definition is ours, not that source's.",
        examples=["delta-center-playbook"],
    )
