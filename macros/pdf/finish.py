"""What Chromium leaves undone in a tagged PDF, done with pikepdf (qpdf).

    finish(pdf_bytes, Metadata(...), links={...}, headings=[...]) -> (bytes, pages)

- Running header and footer: Chromium draws @page margin boxes (and page backgrounds)
  outside any marked content; PDF/UA wants every painted thing either tagged or marked as
  an artifact. Every text object, path and image painted outside marked content becomes an
  /Artifact.
- Link annotations get a description (/Contents): where the link goes, in words.
- Figures without alternative text get the text the print view gave them (none is left
  without: an empty /Alt would be as bad as none).
- Document metadata: title, author, subject, language, dates from SOURCE_DATE_EPOCH, and an
  XMP packet with the PDF/UA identifier (pdfuaid:part 1); the viewer shows the title.
- Bookmarks keep the words of their headings (Chromium drops the space at a line break).
- The bytes are a function of the input: fixed trailer /ID, ids of structure elements
  numbered in order (Chromium's differ between runs), no time of processing.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

PAINT_OPS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"}
PATH_OPS = {"m", "l", "c", "v", "y", "h", "re"}


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    language: str = "en"
    epoch: int | None = None  # the date of the content (SOURCE_DATE_EPOCH)
    producer: str = ""


def pdf_date(epoch: int) -> str:
    stamp = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return stamp.strftime("D:%Y%m%d%H%M%S+00'00'")


def xmp_date(epoch: int) -> str:
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def xmp_packet(meta: Metadata) -> bytes:
    """XMP with Dublin Core, the PDF/UA identifier and the producer, in a fixed order."""
    dates = ""
    if meta.epoch is not None:
        stamp = xmp_date(meta.epoch)
        dates = (
            f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
            f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>"
        )
    lang = escape(meta.language)
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">'
        "<dc:format>application/pdf</dc:format>"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.title)}</rdf:li>'
        "</rdf:Alt></dc:title>"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(meta.subject)}'
        "</rdf:li></rdf:Alt></dc:description>"
        f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>"
        f"<pdf:Producer>{escape(meta.producer)}</pdf:Producer>"
        "<xmp:CreatorTool>playbook pdf (headless Chromium)</xmp:CreatorTool>"
        f"{dates}<pdfuaid:part>1</pdfuaid:part>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return text.encode("utf-8")


def _artifact(ops: list) -> list:
    """The page's instructions with whatever is painted outside marked content wrapped in
    /Artifact BMC … EMC (a text object whole; a path from its first segment to its paint)."""
    import pikepdf

    begin = pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC"))
    end = pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))
    out, depth, pending, in_text = [], 0, [], False
    for ins in ops:
        op = str(ins.operator)
        if depth == 0 and not in_text and op == "BT":
            in_text, pending = True, [ins]
            continue
        if in_text:
            pending.append(ins)
            if op == "ET":
                in_text = False
                out += [begin, *pending, end]
                pending = []
            continue
        if op in ("BDC", "BMC"):
            out += pending
            pending = []
            depth += 1
            out.append(ins)
            continue
        if op == "EMC":
            depth -= 1
            out.append(ins)
            continue
        if depth > 0:
            out.append(ins)
            continue
        if op in PATH_OPS:
            pending.append(ins)
        elif op in PAINT_OPS:
            out += [begin, *pending, ins, end]
            pending = []
        elif pending and op in ("n", "W", "W*"):
            pending.append(ins)
            if op == "n":  # a clipping path paints nothing
                out += pending
                pending = []
        else:
            out += pending
            pending = []
            out.append(ins)
    return out + pending


# The tokens of a content stream that matter here, in one pass over the bytes: strings and
# dictionaries are skipped whole (their bytes may look like operators), operators found.
_TOKENS = re.compile(
    rb"\((?:[^\\)]|\\.)*\)"  # a literal string (Chromium escapes its parentheses)
    rb"|<<|>>|<[0-9A-Fa-f\s]*>"  # dictionary brackets, a hex string
    rb"|/[^\s/\[\]()<>{}%]*"  # a name
    rb"|%[^\r\n]*"  # a comment
    rb"|[A-Za-z'\"*][A-Za-z0-9'\"*]*",  # an operator (or true, false, null)
    re.S,
)
_KEYWORDS = {b"true", b"false", b"null"}
_PAINT = {op.encode() for op in PAINT_OPS}
_PATH = {op.encode() for op in PATH_OPS}


# Inside marked content only the operators that open or close it matter (and an inline
# image, which this scanner does not read): everything else is skipped in one match, in C.
# Most of a page is marked content (its text, glyph by glyph, and the QR codes' paths).
_MARKED_SKIP = re.compile(
    rb"""(?:
        [^(<%/A-Za-z'"*]+  # numbers, arrays, whitespace
      | \((?:[^\\)]|\\.)*\)  # a literal string
      | <<|>>|<[0-9A-Fa-f\s]*>  # dictionary brackets, a hex string
      | /[^\s/\[\]()<>{}%]*  # a name
      | %[^\r\n]*  # a comment
      | (?!(?:BDC|BMC|EMC|BI)(?![A-Za-z0-9'"*]))[A-Za-z'"*][A-Za-z0-9'"*]*  # another operator
    )*+""",
    re.S | re.X,
)


def artifact_bytes(stream: bytes) -> bytes | None:
    """The same as _artifact, on the bytes of a content stream, ten times faster (a 40-page
    print holds some 300 000 operations); None when the stream holds an inline image, which
    this scanner does not read."""
    inserts: list[tuple[int, bytes]] = []  # (offset, text to insert there)
    depth, start, path_start, text_start = 0, 0, None, None
    position = 0
    while True:
        if depth > 0 and text_start is None:
            position = _MARKED_SKIP.match(stream, position).end()
        match = _TOKENS.search(stream, position)
        if match is None:
            break
        position = match.end()
        token = match.group()
        first = token[:1]
        if first in b"(</%>" or token in _KEYWORDS:
            continue
        op, end = token, match.end()
        if op == b"BI":
            return None
        if text_start is not None:
            if op == b"ET":
                inserts += [(text_start, b"/Artifact BMC\n"), (end, b"\nEMC")]
                text_start = None
        elif op in (b"BDC", b"BMC"):
            depth, path_start = depth + 1, None
        elif op == b"EMC":
            depth -= 1
        elif depth == 0 and op == b"BT":
            text_start = start
        elif depth == 0 and op in _PATH:
            path_start = start if path_start is None else path_start
        elif depth == 0 and op in _PAINT:
            at = start if path_start is None else path_start
            inserts += [(at, b"/Artifact BMC\n"), (end, b"\nEMC")]
            path_start = None
        elif op not in (b"W", b"W*"):
            path_start = None
        start = end
    out, last = [], 0
    for offset, text in inserts:
        out += [stream[last:offset], text]
        last = offset
    out.append(stream[last:])
    return b"".join(out)


def mark_artifacts(doc) -> None:
    import pikepdf

    for page in doc.pages:
        raw = page.Contents.read_bytes() if "/Contents" in page else b""
        fast = artifact_bytes(raw)
        if fast is None:
            fast = pikepdf.unparse_content_stream(_artifact(pikepdf.parse_content_stream(page)))
        page.Contents = doc.make_stream(fast)


def _struct_elements(root):
    """Every structure element under the tree's root, in document order."""
    import pikepdf

    stack = [root.get("/K")]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
            continue
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            stack.append(node.get("/K"))


def number_ids(doc) -> None:
    """Chromium names structure elements by ids that change between runs: number them in
    document order instead (the tree's /IDTree follows)."""
    import pikepdf

    root = doc.Root.get("/StructTreeRoot")
    if root is None:
        return
    names, renamed = [], {}
    elements = list(_struct_elements(root))
    for index, element in enumerate(e for e in elements if "/ID" in e):
        new = pikepdf.String(f"pb{index}")
        renamed[bytes(element.ID)] = new
        element.ID = new
        names += [new, element]
    # Table cells name their header cells by those ids (/A << /O /Table /Headers [...] >>).
    for element in elements:
        attributes = element.get("/A")
        if attributes is None:
            continue
        for owner in attributes if isinstance(attributes, pikepdf.Array) else [attributes]:
            if isinstance(owner, pikepdf.Dictionary) and "/Headers" in owner:
                owner.Headers = pikepdf.Array([renamed.get(bytes(h), h) for h in owner.Headers])
    if "/IDTree" in root:
        root.IDTree = doc.make_indirect(pikepdf.Dictionary(Names=pikepdf.Array(names)))


def figure_alt(doc, alts: list[str]) -> int:
    """Figures without /Alt get the print view's alternative texts, in order; returns how
    many were still without one."""
    import pikepdf

    root = doc.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    missing = [e for e in _struct_elements(root) if e.S == "/Figure" and not e.get("/Alt")]
    for element, text in zip(missing, alts, strict=False):
        element.Alt = pikepdf.String(text)
    return max(0, len(missing) - len(alts))


def describe_links(doc, destinations: dict[str, str], addresses: dict[str, str]) -> None:
    """Each link annotation's /Contents: "Go to <heading>" for a destination in the
    document, "<text> (<address>)" for an address on the web."""
    import pikepdf

    for page in doc.pages:
        for annot in page.get("/Annots") or []:
            if annot.get("/Subtype") != "/Link":
                continue
            text = ""
            if "/Dest" in annot:
                name = str(annot.Dest)[1:] if isinstance(annot.Dest, pikepdf.Name) else ""
                text = destinations.get(name) or "Go to another part of this document"
            elif "/A" in annot and "/URI" in annot.A:
                uri = str(annot.A.URI)
                text = addresses.get(uri) or f"Open {uri}"
            if text:
                annot.Contents = pikepdf.String(text)


_SPACES = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    return _SPACES.sub("", text)


def fix_outline(doc, headings: list[str]) -> None:
    """Chromium drops the space where a heading wraps onto a second line ("associationscan
    meet"): each bookmark gets the words of the heading it was made from."""
    import pikepdf

    wanted = {_squeezed(h): " ".join(h.split()) for h in headings}
    outlines = doc.Root.get("/Outlines")
    stack = [outlines.get("/First")] if outlines is not None else []
    while stack:
        node = stack.pop()
        if node is None:
            continue
        title = str(node.get("/Title", ""))
        better = wanted.get(_squeezed(title))
        if better and better != title:
            node.Title = pikepdf.String(better)
        stack += [node.get("/Next"), node.get("/First")]


def finish(
    pdf: bytes,
    meta: Metadata,
    *,
    destinations: dict[str, str] | None = None,
    addresses: dict[str, str] | None = None,
    headings: list[str] = (),
    alts: list[str] = (),
) -> tuple[bytes, int]:
    """The PDF made accessible and reproducible as described above, and its page count."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        producer = str(doc.docinfo.get("/Producer", ""))
        meta = Metadata(**{**meta.__dict__, "producer": meta.producer or producer})
        mark_artifacts(doc)
        number_ids(doc)
        figure_alt(doc, list(alts))
        describe_links(doc, destinations or {}, addresses or {})
        fix_outline(doc, list(headings))
        doc.Root.Lang = pikepdf.String(meta.language)
        doc.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        prefs = doc.Root.get("/ViewerPreferences") or pikepdf.Dictionary()
        prefs.DisplayDocTitle = True
        doc.Root.ViewerPreferences = prefs
        info = {
            "/Title": meta.title,
            "/Author": meta.author,
            "/Subject": meta.subject,
            "/Creator": "playbook pdf (headless Chromium)",
            "/Producer": meta.producer,
        }
        if meta.epoch is not None:
            info["/CreationDate"] = info["/ModDate"] = pdf_date(meta.epoch)
        else:  # no date of the content: the time of printing, as Chromium wrote it
            for key in ("/CreationDate", "/ModDate"):
                if key in doc.docinfo:
                    info[key] = str(doc.docinfo[key])
        doc.docinfo = doc.make_indirect(
            pikepdf.Dictionary({k: pikepdf.String(v) for k, v in info.items()})
        )
        metadata = doc.make_stream(xmp_packet(meta))
        metadata.Type = pikepdf.Name.Metadata
        metadata.Subtype = pikepdf.Name.XML
        doc.Root.Metadata = metadata
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue(), len(doc.pages)
