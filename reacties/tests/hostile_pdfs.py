"""Hostile PDFs, made here: active content (JavaScript, actions, embedded files) and decompression bombs.

`classic_pdf` writes a PDF with a classic cross-reference table from object bodies; `object_stream_pdf`
puts the document's objects in a compressed object stream with a cross-reference stream (PDF 1.5).
"""

import functools
import io
import struct
import zlib

from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import Link
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

MB = 1024 * 1024


def classic_pdf(objects, root=1):
    """`objects`: bodies of objects 1..n (bytes, without 'n 0 obj'); a stream body may hold raw bytes."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def stream(data, dictionary=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), dictionary) + data + b"\nendstream"


PAGE_TREE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
]


@functools.cache
def zeros_deflated(megabytes):
    """`megabytes` MB of zero bytes, deflated (about a thousandth of the size)."""
    inflater = zlib.compressobj(9)
    chunk = bytes(MB)
    return b"".join(inflater.compress(chunk) for _ in range(megabytes)) + inflater.flush()


def flate_bomb(streams=12, megabytes=200):
    """A one-page PDF whose content streams inflate to streams × megabytes (2.4 GB by default)."""
    data = zeros_deflated(megabytes)
    contents = b" ".join(b"%d 0 R" % (4 + i) for i in range(streams))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [%s] >>" % contents
    return classic_pdf(PAGE_TREE + [page] + [stream(data, b"/Filter /FlateDecode")] * streams)


def object_stream_pdf(bodies, padding=0):
    """Objects 2.. live in one deflated object stream (object 1), followed by `padding` bytes of spaces
    inside it: the reader must inflate all of it to read the objects."""
    offsets, parts, position = [], [], 0
    for body in bodies:
        offsets.append(position)
        parts.append(body + b"\n")
        position += len(body) + 1
    header = b" ".join(b"%d %d" % (2 + i, offset) for i, offset in enumerate(offsets)) + b"\n"
    inflater = zlib.compressobj(9)
    packed = inflater.compress(header + b"".join(parts))
    blank = b" " * MB
    for _ in range(padding // MB):
        packed += inflater.compress(blank)
    packed += inflater.flush()
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    object_stream_at = out.tell()
    out.write(b"1 0 obj\n" + stream(packed, b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode"
                                    % (len(bodies), len(header))) + b"\nendobj\n")
    size = len(bodies) + 3  # free object 0, the object stream, the objects, the xref stream
    xref_at = out.tell()
    rows = [struct.pack(">BIH", 0, 0, 65535), struct.pack(">BIH", 1, object_stream_at, 0)]
    rows += [struct.pack(">BIH", 2, 1, i) for i in range(len(bodies))]
    rows.append(struct.pack(">BIH", 1, xref_at, 0))
    table = b"".join(rows)
    out.write(b"%d 0 obj\n" % (size - 1) + stream(table, b"/Type /XRef /Size %d /W [1 4 2] /Root 2 0 R" % size)
              + b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def page_tree_from(first=2):
    """Catalog, pages and one page, numbered from `first` (for object streams)."""
    return [
        b"<< /Type /Catalog /Pages %d 0 R >>" % (first + 1),
        b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (first + 2),
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] >>" % (first + 1),
    ]


def object_stream_bomb(padding=150 * MB):
    return object_stream_pdf(page_tree_from(), padding=padding)


def written(writer):
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def blank_writer():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def with_javascript():
    writer = blank_writer()
    writer.add_open_action(JavaScript("app.alert('Hallo');"))
    return written(writer)


def with_launch_on_open():
    writer = blank_writer()
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject({
        NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe"),
    })
    return written(writer)


def with_page_action():
    writer = blank_writer()
    writer.pages[0][NameObject("/AA")] = DictionaryObject({
        NameObject("/O"): DictionaryObject({NameObject("/S"): NameObject("/GoTo"), NameObject("/D"): NameObject("/x")}),
    })
    return written(writer)


def with_attachment():
    writer = blank_writer()
    writer.add_attachment("macro.xlsm", b"PK\x03\x04 een werkmap met macro's")
    return written(writer)


def with_escaped_javascript():
    """JavaScript behind name escapes (#4A = J, #53 = S): a search for the bytes '/JavaScript' misses it."""
    return classic_pdf(PAGE_TREE[:1] + [
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /#4AavaScript /#4A#53 (app.alert(1)) >> >>",
    ])


def javascript_in_object_stream():
    """The catalog, with an action run on opening, hidden in a compressed object stream."""
    tree = page_tree_from()
    tree[0] = b"<< /Type /Catalog /Pages 3 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"
    return object_stream_pdf(tree)


def with_link_and_open_at_first_page():
    """Harmless: a web link (a LinkedIn profile, say) and 'open at page 1, fit the window'."""
    writer = blank_writer()
    writer._root_object[NameObject("/OpenAction")] = ArrayObject([writer.pages[0].indirect_reference, NameObject("/Fit")])
    writer.add_annotation(0, Link(rect=(50, 50, 200, 70), url="https://www.linkedin.com/in/voorbeeld"))
    return written(writer)
