"""Which pages hold each common word, as a bitset, so that a word in most pages costs one row instead of a
pass over most of the index. Both database backends use it; their SQL lives in `postgres.py` and
`sqlite.py`, what they share lives here.

Why: an index finds the entries of a word quickly, but then hands back one key per entry. PostgreSQL
must read each matching row of the index table (rows of about 1.2 kB: three vectors, stored inline) to
get its object_id: for a word in 60,000 pages some 9,400 table pages and 40–90 ms. SQLite's FTS5 decodes
a doclist of 60,000 entries and maps each to its page. The bitset of 60,000 pages is 7.5 kB.

- `search_commonterm` (migration search/0002): a row per (field, lexeme, content type) for each lexeme in
  at least `min_docs` entries. Fields: "text" (title and body, what a search matches), "title" (the
  title tier of the ranking) and "prefix" (the beginnings, from two letters, of the autocomplete words:
  what a suggestion matches). Bit n is set when the entry with object_id n holds the lexeme
  (PostgreSQL's get_bit order, which is NumPy's little bit order).
- `search_changedentry`: entries changed since their bits were written, kept by triggers on the index
  table (only while there are common terms, so a small site pays nothing). A match reads the bitsets and
  these entries in one statement, so from one snapshot: bits for the unchanged entries, the entry's own
  index row for the changed ones (`answer`). The answer is always the index's own; only the cost differs.
- Folding writes the changed entries into the bitsets (`new_bits`); it runs after a commit that changed
  the index, once more than FOLD_AT entries wait. A rebuild recomputes everything, including which
  words are common: after `update_index`, and with `manage.py search_common_terms`. A word that became
  common since is simply matched through the index.

Only plain queries use it: every word joined by AND (or one prefix, for a suggestion), every word common,
no scores asked.
"""

import numpy as np
from django.db import connections, transaction

FIELDS = ("text", "title", "prefix")
MIN_DOCS = 1000  # the backend's COMMON_TERM_MIN_DOCS; below this the index itself is fast enough
FOLD_AT = 100  # changed entries a match reads one by one before they are folded into the bitsets
PREFIX_FROM = 2  # letters


# --------------------------------------------------------------------------- bitsets


def to_bits(ids) -> bytes:
    ids = np.asarray(ids, dtype=np.int64)
    flags = np.zeros(int(ids.max()) + 1 if len(ids) else 0, dtype=np.uint8)
    flags[ids] = 1
    return np.packbits(flags, bitorder="little").tobytes()


def unpack(bits) -> np.ndarray:
    return np.unpackbits(np.frombuffer(bits, dtype=np.uint8), bitorder="little")


def from_bits(bits) -> np.ndarray:
    return np.flatnonzero(unpack(bits))


def grow(flags, size) -> np.ndarray:
    return flags if len(flags) >= size else np.concatenate([flags, np.zeros(size - len(flags), dtype=np.uint8)])


def holds_any(bits, ids) -> bool:
    array = np.frombuffer(bits, dtype=np.uint8)
    ids = ids[ids < len(array) * 8]
    return bool(((array[ids >> 3] >> (ids & 7)) & 1).any())


def intersect(bitsets) -> bytes:
    arrays = [np.frombuffer(bits, dtype=np.uint8) for bits in bitsets]
    size = min(len(array) for array in arrays)
    return np.bitwise_and.reduce([array[:size] for array in arrays]).tobytes()


def terms(field, lexemes):
    """What `field` holds for an entry with these lexemes (for "prefix": their beginnings)."""
    if field != "prefix":
        return lexemes
    return {word[:letters] for word in lexemes for letters in range(PREFIX_FROM, len(word) + 1)}


# --------------------------------------------------------------------------- matching


def answer(words, rows) -> np.ndarray | None:
    """The object ids that hold every one of `words`, from one statement's rows:
    ("c", lexeme, content type, bits or None where the content type is not wanted, None, None) for the
    bitsets of the words, and ("d", None, content type, None, object_id, matches) for each changed entry
    of the wanted content types. None when a word has no bitset (it is not common)."""
    bits, common = {}, set()
    changed, changed_matching = [], []
    for kind, lexeme, content_type, row_bits, object_id, matches in rows:
        if kind == "d":
            if str(object_id).isdigit():
                changed.append(int(object_id))
                if matches:
                    changed_matching.append(int(object_id))
        elif kind == "c":
            common.add(lexeme)
            if row_bits is not None:
                bits.setdefault(content_type, {})[lexeme] = bytes(row_bits)
    if not words or common != set(words):
        return None
    # One flag per object_id: the entries of every content type that hold every word, then the changed ones.
    flags = np.zeros(max(changed, default=-1) + 1, dtype=np.uint8)
    for by_lexeme in bits.values():
        if len(by_lexeme) == len(common):
            holding = unpack(intersect(by_lexeme.values()))
            flags = grow(flags, len(holding))
            flags[: len(holding)] |= holding
    flags[changed] = 0
    flags[changed_matching] = 1
    return np.flatnonzero(flags)


# --------------------------------------------------------------------------- keeping the bitsets


UPSERT = (
    "INSERT INTO search_commonterm (field, lexeme, content_type_id, bits) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (field, lexeme, content_type_id) DO UPDATE SET bits = excluded.bits"
)


def clear(cursor):
    """The start of a rebuild: no bitsets, nothing waiting."""
    cursor.execute("DELETE FROM search_commonterm")
    cursor.execute("DELETE FROM search_changedentry")


def write(cursor, rows) -> int:
    """Write (field, lexeme, content type, bits) rows; returns the number of (field, lexeme) pairs."""
    cursor.executemany(UPSERT, rows)
    return len({(field, lexeme) for field, lexeme, _, _ in rows})


def changed_entries(cursor, entries, columns):
    """The changes waiting to be folded: (seq, content type, object id, still in the index, *columns)
    per change, where `columns` are SQL expressions over its index entry `e` (in the table `entries`)."""
    cursor.execute(
        f"""
        SELECT d.seq, d.content_type_id, d.object_id, e.id IS NOT NULL, {columns}
          FROM search_changedentry d
          LEFT JOIN {entries} e ON e.content_type_id = d.content_type_id AND e.object_id = d.object_id
        """
    )
    return cursor.fetchall()


def fold(cursor, changed, lock=""):
    """Write changed entries into the bitsets: (content type, object_id, {field: lexemes it holds now})
    per entry, an empty dict for a deleted one. `lock`: " FOR UPDATE" where writers run alongside."""
    cursor.execute("SELECT DISTINCT field, lexeme FROM search_commonterm")
    common = set(cursor.fetchall())
    types = sorted({int(content_type) for content_type, _, _ in changed})
    cursor.execute(
        "SELECT field, lexeme, content_type_id, bits FROM search_commonterm "
        f"WHERE content_type_id IN ({', '.join(['%s'] * len(types))}){lock}",
        types,
    )
    current = {(field, lexeme, content_type): bytes(bits) for field, lexeme, content_type, bits in cursor.fetchall()}
    write(cursor, new_bits(changed, common, current))


def postings(rows) -> list:
    """(field, lexeme, content type, bits) from (field, lexeme, content type, object ids)."""
    return [(field, lexeme, content_type, to_bits(ids)) for field, lexeme, content_type, ids in rows if len(ids)]


def new_bits(changed, common, current) -> list:
    """The bitset rows to write for changed entries.

    changed: (content type, object_id, {field: lexemes the entry holds now}) per changed entry (an empty
    dict for a deleted one); common: the (field, lexeme) pairs with bitsets; current: their bits per
    (field, lexeme, content type) for the content types of the changed entries."""
    ids, holding = {}, {}
    for content_type, object_id, fields in changed:
        if not str(object_id).isdigit():
            continue
        ids.setdefault(content_type, []).append(int(object_id))
        for field, lexemes in fields.items():
            for lexeme in terms(field, lexemes):
                holding.setdefault((field, lexeme, content_type), []).append(int(object_id))
    writes = []
    for content_type, changed_ids in ids.items():
        changed_ids = np.array(changed_ids)
        for field, lexeme in common:
            key = (field, lexeme, content_type)
            now = holding.get(key, [])
            old = current.get(key, b"")
            if not now and not holds_any(old, changed_ids):
                continue
            flags = grow(unpack(old), int(changed_ids.max()) + 1)
            flags[changed_ids] = 0
            flags[now] = 1
            bits = np.packbits(flags, bitorder="little").tobytes()
            if bits.rstrip(b"\0") != old.rstrip(b"\0"):
                writes.append((field, lexeme, content_type, bits))
    return writes


def fold_after_commit(alias, fold):
    """After the commit: `fold(alias)` once more than FOLD_AT changed entries wait."""

    def fold_when_due():
        with connections[alias].cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM search_changedentry LIMIT {FOLD_AT + 1}) waiting")
            due = cursor.fetchone()[0] > FOLD_AT
        if due:
            fold(alias)

    transaction.on_commit(fold_when_due, using=alias)


class RebuildAfterIndexing:
    """A rebuilder mixin: `update_index` ends by recomputing the bitsets (before an atomic rebuild commits)."""

    def finish(self):
        try:
            self.index.backend.rebuild_common_terms()
        finally:
            super().finish()


def rebuilding_common_terms(rebuilder):
    """modelsearch's `rebuilder` class, ending with the bitsets (RebuildAfterIndexing)."""
    return type(f"Dutch{rebuilder.__name__}", (RebuildAfterIndexing, rebuilder), {"__module__": rebuilder.__module__})
