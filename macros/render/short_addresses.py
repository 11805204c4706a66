"""Web addresses shortened for paper, told apart within a document.

    shown = ShortAddresses(every_address_the_document_may_print)
    shown["https://example.org/a/very/long/path/report-2024.pdf"] -> "example.org/…/report-2024.pdf"
    short_address(url) -> the same shortening for one address alone

On paper an address is printed under its QR code, in a column 22 mm wide (print.css
`.pb-online`): at most LIMIT characters, about three lines with "Online: ". An address a
reader types (no scheme, no `www.`, no final slash) that is longer keeps its host and the
end of its path, which is what tells one page of a site from another; the middle goes:

    host/…/last-segment                   when the end of the path fits
    host/…/start-of-last…end-of-last      when even the last segment is too long
    …end.of.a.very.long.host/…            a host longer than HOST_LIMIT keeps its end

Shortened alone, two addresses may come out the same (two stories whose names differ only
in their middle), and a reader could not tell them apart; their QR codes differ. So the
shortening is worked out for every address a document may print at once: addresses that
would print the same text are shortened otherwise, each step showing another part of them
(more of the end, then a window sliding along the path), until every text is its own. An
address no shortening tells apart within the limit is printed whole (the address exactly
as given, which no other address is). The result depends only on the set of addresses, not
on their order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

ELLIPSIS = "…"
# 22 mm at 6.5 pt holds about 22 characters a line; "Online: " and 60 make about three
# lines (a line breaks after a "/" or a "-" rather than in a word: one more, at times).
LIMIT = 60
HOST_LIMIT = 36
# A cut in the middle of a word moves back to the word's start when that loses at most
# WORD_SLACK characters; the end starts after a fragment of FRAGMENT characters at most.
WORD_SLACK, FRAGMENT = 8, 8


def readable(url: str) -> str:
    """The address as a reader types it: no scheme, no `www.`, no final slash."""
    return re.sub(r"^https?://(www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")


def short_host(host: str, limit: int = HOST_LIMIT) -> str:
    """A host that fits in `limit` characters: a longer one keeps its last labels (the
    domain that says whose site it is), after an ellipsis."""
    if len(host) <= limit:
        return host
    kept = ""
    for label in reversed(host.split(".")):
        longer = f"{label}.{kept}" if kept else label
        if len(longer) > limit - 1:
            break
        kept = longer
    # Whole labels when more than the top-level domain fits, else the host's last characters.
    return ELLIPSIS + (kept if "." in kept else host[-(limit - 1) :])


def cut_middle(text: str, length: int, head: int) -> str:
    """`text` in `length` characters: its first `head`, an ellipsis and its end."""
    if len(text) <= length:
        return text
    tail = length - 1 - head
    return text[:head] + ELLIPSIS + (text[-tail:] if tail > 0 else "")


def cut_between_words(text: str, length: int) -> str:
    """`text` in `length` characters, cut in the middle between words (at a `-`, `_` or
    `.` no further than WORD_SLACK characters away) when it can be, so that the start and
    the end read as words: `illinois-…-criteria`."""
    if len(text) <= length:
        return text
    seps = "-_."
    head = (length - 1) // 2
    if text[head - 1] not in seps and text[head] not in seps:  # mid-word: back to its start
        cut = max(text.rfind(sep, 0, head) for sep in seps) + 1
        if cut and head - cut <= WORD_SLACK:
            head = cut
    tail = length - 1 - head
    end = text[-tail:]
    if end[0] not in seps and text[-tail - 1] not in seps:  # mid-word: on to the next one
        start = min((i for i in map(end.find, seps) if i >= 0), default=-1)
        if 0 < start <= FRAGMENT:
            end = end[start:]
    return text[:head] + ELLIPSIS + end


def candidates(url: str, limit: int = LIMIT) -> list[str]:
    """The ways of printing `url`, the most readable first; each but the last within
    `limit` characters, and the last the address in full."""
    text = readable(url)
    if len(text) <= limit:
        return [text, url] if text != url else [url]
    # The host ends at the first "/", "?" or "#"; what follows a "/" is printed after one.
    host = re.match(r"[^/?#]*", text).group()
    rest = text[len(host) :]
    slash = "/" if rest.startswith("/") else ""
    rest = rest.removeprefix(slash)
    host = short_host(host, min(HOST_LIMIT, limit))
    if not rest:
        return [host, url]
    room = limit - len(host) - len(slash)  # for what follows "host/"
    # The path's last segment, with the query and fragment however many slashes they hold.
    path_end = re.search(r"[?#]", rest)
    split = rest.rfind("/", 0, path_end.start() if path_end else len(rest)) + 1
    last, segments = rest[split:], rest[: max(split - 1, 0)].split("/") if split else []

    def rest_from(kept: int) -> str:  # the path from `kept` segments before the last
        return "/".join([*segments[len(segments) - kept :], last])

    shown: list[str] = []
    if segments and len(last) + 2 <= room:
        # As many whole segments from the end as fit after "…/".
        kept = 0
        while kept < len(segments) and len(rest_from(kept + 1)) + 2 <= room:
            kept += 1
        lead = f"{ELLIPSIS}/" if kept < len(segments) else ""
        shown.append(f"{host}{slash}{lead}{rest_from(kept)}")
    # The end of the path from more and more segments back, cut in the middle when too long;
    # then the last segment cut with more and more of its end.
    for kept in range(len(segments) + 1):
        end = rest_from(kept)
        lead = f"{ELLIPSIS}/" if kept < len(segments) else ""
        if room - len(lead) >= 3:
            shown.append(f"{host}{slash}{lead}{cut_between_words(end, room - len(lead))}")
    lead = f"{ELLIPSIS}/" if segments else ""
    length = room - len(lead)
    if length >= 3 and len(last) > length:
        head = (length - 1) // 2
        shown += [f"{host}{slash}{lead}{cut_middle(last, length, h)}" for h in range(head, -1, -1)]
    # Then windows along the whole path, from its end back to its start.
    width = room - 2
    if width >= 1:
        for start in range(len(rest) - width, -1, -1):
            window = rest[start : start + width]
            before = ELLIPSIS if start > 0 else ""
            after = ELLIPSIS if start + width < len(rest) else ""
            shown.append(f"{host}{slash}{before}{window}{after}")
    shown.append(url)
    return list(dict.fromkeys(shown))  # each once, in order


def short_address(url: str, limit: int = LIMIT) -> str:
    """`url` shortened on its own (a document's addresses: ShortAddresses)."""
    return candidates(url, limit)[0]


class ShortAddresses:
    """The printed text of every address of a document, no two the same. `taken`: the texts
    other addresses of the document already print ({text: address}), which these avoid."""

    def __init__(
        self, urls: Iterable[str], limit: int = LIMIT, *, taken: Mapping[str, str] | None = None
    ):
        taken = taken or {}
        self._choices = {url: candidates(url, limit) for url in sorted(set(urls)) if url}
        step = dict.fromkeys(self._choices, 0)
        while True:
            printing = defaultdict(list, {text: [url] for text, url in taken.items()})
            for url, index in step.items():
                printing[self._choices[url][index]].append(url)
            shared = [urls for urls in printing.values() if len(set(urls)) > 1]
            if not shared:
                break
            # Every address of a shared text takes its next way, all at once (so that the
            # result does not depend on an order). The last way, the address itself, is
            # another's text only if that one was typed with two schemes ("https://http://…",
            # which validation refuses); should it be, the loop still ends when none moves.
            moved = False
            for urls in shared:
                for url in urls:
                    if url in step and step[url] < len(self._choices[url]) - 1:  # not taken
                        step[url] += 1
                        moved = True
            if not moved:  # only an address printed whole is left alike to a taken text
                break
        self._shown = {url: self._choices[url][index] for url, index in step.items()}

    def texts(self) -> dict[str, str]:
        """{text: address} of every address."""
        return {text: url for url, text in self._shown.items()}

    def __getitem__(self, url: str) -> str:
        return self._shown[url]

    def __iter__(self):
        """The addresses."""
        return iter(self._shown)
