"""Checking an uploaded CV: a real PDF of at most 5 MB, without active content, cheap to inspect.

- Size: `CvSizeLimit` is an upload handler that stops reading the request body as soon as the file
  passes 5 MB; the rest is never read, into memory or onto disk.
- Active content: JavaScript, actions that run when the file is opened or a page is shown (`/OpenAction`
  other than going to a page, `/AA`), starting programs (`/Launch`) and embedded files or media are refused:
  the employer's editors open these files.
- Bombs: every stream is decompressed the way a viewer would, counting bytes and keeping none, and the
  whole file may inflate to at most `MAX_INFLATED_BYTES`. pypdf's own decoding (object streams) runs
  under tight limits, and the inspection under a limit on objects and seconds. What exceeds a limit is
  refused.
"""

import logging
import time
import zlib

from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError, PyPdfError
from pypdf.filters import ASCII85Decode, ASCIIHexDecode, LZWDecode, RunLengthDecode
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

logger = logging.getLogger(__name__)

MAX_CV_BYTES = 5 * 1024 * 1024
MAX_INFLATED_BYTES = 100 * 1024 * 1024  # all streams together, decompressed (a CV with scans: some tens of MB)
MAX_LAYER_BYTES = 8 * 1024 * 1024  # one decoded layer held in memory (object streams, LZW, run-length)
MAX_OBJECTS = 50_000
MAX_SECONDS = 5.0
MAX_DEPTH = 64
CHUNK = 64 * 1024

TOO_LARGE = "Je cv is groter dan 5 MB. Maak het bestand kleiner en probeer het opnieuw."
NOT_PDF = "Je cv is geen pdf-bestand. Sla het op als pdf en probeer het opnieuw."
BROKEN = "Je cv-bestand is beschadigd of geen geldige pdf."
NO_PAGES = "Je cv-bestand heeft geen pagina's."
ENCRYPTED = "Je cv is met een wachtwoord beveiligd. Sla het op zonder wachtwoord en probeer het opnieuw."
ACTIVE = (
    "Je cv bevat {what}. Zulke pdf's nemen we om veiligheidsredenen niet aan. Sla je cv opnieuw op als "
    "gewone pdf (bijvoorbeeld met Afdrukken → Opslaan als pdf) en probeer het opnieuw."
)
TOO_COMPLEX = (
    "Je cv-bestand is te ingewikkeld of pakt uit tot te veel gegevens om te controleren. Sla het opnieuw op "
    "als gewone pdf (bijvoorbeeld met Afdrukken → Opslaan als pdf) en probeer het opnieuw."
)

JAVASCRIPT = "JavaScript"
# Action types (/S) that run something or reach outside the document.
ACTIVE_ACTIONS = {
    "/JavaScript": JAVASCRIPT,
    "/Launch": "een opdracht om een programma te starten",
    "/ImportData": "een opdracht om gegevens te laden",
    "/GoToE": "een ingesloten bestand",
    "/RichMediaExecute": "ingesloten media",
}
FLATE = {"/FlateDecode", "/Fl"}
IMAGE_CODECS = {"/DCTDecode", "/DCT", "/JPXDecode", "/CCITTFaxDecode", "/CCF", "/JBIG2Decode"}
OTHER_LAYERS = {
    "/ASCIIHexDecode": ASCIIHexDecode, "/AHx": ASCIIHexDecode, "/ASCII85Decode": ASCII85Decode,
    "/A85": ASCII85Decode, "/LZWDecode": LZWDecode, "/LZW": LZWDecode, "/RunLengthDecode": RunLengthDecode,
    "/RL": RunLengthDecode,
}
# pypdf decodes object streams itself: never more than one layer's worth, never for long.
PYPDF_LIMITS = dict(
    maximum_declared_stream_length=MAX_CV_BYTES,
    zlib_maximum_output_length=MAX_LAYER_BYTES,
    zlib_maximum_recovery_input_length=256 * 1024,
    lzw_maximum_output_length=MAX_LAYER_BYTES,
    run_length_maximum_output_length=MAX_LAYER_BYTES,
    array_based_stream_maximum_output_length=MAX_LAYER_BYTES,
    stream_decoding_work_maximum_length=2 * MAX_LAYER_BYTES,
    brotli_maximum_output_length=MAX_LAYER_BYTES,
)


class Refused(Exception):
    """The CV is refused; the message is for the candidate, `reason` for the log."""

    def __init__(self, message, reason):
        super().__init__(message)
        self.message = message
        self.reason = reason


class CvSizeLimit(FileUploadHandler):
    """Stops the upload once a file passes MAX_CV_BYTES, without reading the rest of the request.

    Fields sent before the file are kept; the view learns of the refusal from `request.cv_too_large`.
    """

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        request.cv_too_large = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_CV_BYTES:
            self.request.cv_too_large = True
            logger.info("Cv-upload afgebroken na %d bytes (grens %d)", self.received, MAX_CV_BYTES)
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None


def inspect(upload):
    """Raise `Refused` unless `upload` is a PDF of at most 5 MB without active content or bombs."""
    if upload.size > MAX_CV_BYTES:
        raise Refused(TOO_LARGE, f"{upload.size} bytes")
    upload.seek(0)
    if upload.read(5) != b"%PDF-":
        raise Refused(NOT_PDF, "geen %PDF-kop")
    upload.seek(0)
    try:
        with apply_configuration(**PYPDF_LIMITS):
            _inspect(PdfReader(upload, strict=False))
    except Refused:
        raise
    except LimitReachedError as exc:  # pypdf stopped decoding at one of PYPDF_LIMITS
        raise Refused(TOO_COMPLEX, f"pypdf-grens: {exc}"[:200]) from exc
    except RecursionError as exc:
        raise Refused(TOO_COMPLEX, "te diep genest") from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, zlib.error) as exc:
        raise Refused(BROKEN, type(exc).__name__) from exc
    finally:
        upload.seek(0)


def _inspect(reader):
    if reader.is_encrypted and not reader.decrypt(""):
        raise Refused(ENCRYPTED, "versleuteld")
    deadline = time.monotonic() + MAX_SECONDS
    budget = [MAX_INFLATED_BYTES]
    references = [(num, gen) for gen, numbers in reader.xref.items() for num in numbers]
    references += [(num, 0) for num in reader.xref_objStm]
    if len(references) > MAX_OBJECTS:
        raise Refused(TOO_COMPLEX, f"{len(references)} objecten")
    for count, (num, gen) in enumerate(references):
        if count % 64 == 0 and time.monotonic() > deadline:
            raise Refused(TOO_COMPLEX, f"controle duurde langer dan {MAX_SECONDS:.0f} s")
        obj = reader.get_object(IndirectObject(num, gen, reader))
        _check_tree(obj, budget, deadline)
    if len(reader.pages) < 1:
        raise Refused(NO_PAGES, "geen pagina's")
    _check_tree(reader.trailer, budget, deadline)


def _check_tree(root, budget, deadline):
    """Check `root` and the objects written inside it (references are checked in their own turn)."""
    stack = [(root, 0)]
    while stack:
        obj, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise Refused(TOO_COMPLEX, "te diep genest")
        if isinstance(obj, DictionaryObject):
            _check_dictionary(obj)
            if isinstance(obj, StreamObject):
                _count_stream(obj, budget)
                if time.monotonic() > deadline:
                    raise Refused(TOO_COMPLEX, f"controle duurde langer dan {MAX_SECONDS:.0f} s")
            stack.extend((value, depth + 1) for value in obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend((value, depth + 1) for value in obj)


def _check_dictionary(d):
    if "/JS" in d or "/JavaScript" in d:
        raise Refused(ACTIVE.format(what=JAVASCRIPT), "JavaScript")
    if "/AA" in d:
        raise Refused(ACTIVE.format(what="automatische acties"), "/AA")
    if "/EmbeddedFiles" in d or d.get("/Type") == "/EmbeddedFile" or d.get("/Subtype") == "/FileAttachment":
        raise Refused(ACTIVE.format(what="een ingesloten bestand"), "ingesloten bestand")
    if d.get("/Subtype") == "/RichMedia":
        raise Refused(ACTIVE.format(what="ingesloten media"), "/RichMedia")
    action = d.get("/S")
    if action in ACTIVE_ACTIONS:
        raise Refused(ACTIVE.format(what=ACTIVE_ACTIONS[action]), str(action))
    if "/OpenAction" in d:
        opening = d["/OpenAction"]
        opening = opening.get_object() if isinstance(opening, IndirectObject) else opening
        # Opening at a page (a destination, or a GoTo action) is harmless; any other action is not.
        if isinstance(opening, DictionaryObject) and opening.get("/S") != "/GoTo":
            raise Refused(ACTIVE.format(what="een actie die start bij het openen"), "/OpenAction")


def _filters(stream):
    names = stream.get("/Filter")
    names = names.get_object() if isinstance(names, IndirectObject) else names
    if names is None:
        return []
    return [str(n) for n in names] if isinstance(names, ArrayObject) else [str(names)]


def _count_stream(stream, budget):
    """Decode `stream` as a viewer would, counting the bytes against `budget` and keeping none of the
    last layer. Layers before the last (rare; a stream compressed twice) are held, at most MAX_LAYER_BYTES."""
    data = stream._data  # the encoded bytes as stored in the file (get_data() would decode them all)
    filters = _filters(stream)
    for position, name in enumerate(filters):
        last = position == len(filters) - 1
        if name in IMAGE_CODECS:
            break  # image data: decoded by the viewer's image codec, not inflated here
        if name in FLATE:
            if last:
                _spend(budget, _inflated_size(data, budget[0]))
                return
            data = _inflate(data, MAX_LAYER_BYTES)
        elif name in OTHER_LAYERS:
            data = OTHER_LAYERS[name].decode(data)
        else:
            raise Refused(TOO_COMPLEX, f"onbekend filter {name[:40]}")
        if len(data) > MAX_LAYER_BYTES:
            raise Refused(TOO_COMPLEX, f"laag van {len(data)} bytes")
    _spend(budget, len(data))


def _spend(budget, size):
    budget[0] -= size
    if budget[0] < 0:
        raise Refused(TOO_COMPLEX, f"pakt uit tot meer dan {MAX_INFLATED_BYTES} bytes")


def _inflated_size(data, limit):
    """The size of `data` inflated, counted in chunks of CHUNK bytes; stops past `limit`."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header, as pypdf accepts
    total = 0
    try:
        out = inflater.decompress(data, CHUNK)
        while out:
            total += len(out)
            if total > limit:
                raise Refused(TOO_COMPLEX, f"pakt uit tot meer dan {MAX_INFLATED_BYTES} bytes")
            out = inflater.decompress(inflater.unconsumed_tail, CHUNK)
    except zlib.error:
        pass  # a damaged stream: what inflated so far is what a viewer gets
    return total


def _inflate(data, limit):
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        return b""
    if len(out) > limit:
        raise Refused(TOO_COMPLEX, f"laag van meer dan {limit} bytes")
    return out
