"""PostgreSQL: which pages hold each common word, as a bitset, so that a word in most pages costs one row
instead of a pass over most of the index.

Why: the GIN index finds the entries of a word quickly, but PostgreSQL must then read each matching entry
from the table (rows of about 1.2 kB: three vectors, stored inline) to get its object_id; for a word in
60,000 pages that is some 9,400 table pages and 40–90 ms. The bitset of 60,000 pages is 7.5 kB.

- `search_commonterm` (migration search/0002): a row per (field, lexeme, content type) for each lexeme in
  at least `min_docs` entries. Fields: "text" (title || body, what a search matches), "title" (the
  title tier of the ranking) and "prefix" (the beginnings, from two letters, of the autocomplete
  lexemes: what a suggestion matches). Bit n is set when the entry with object_id n holds the lexeme
  (PostgreSQL's get_bit order, which is NumPy's little bit order).
- `search_changedentry`: entries changed since their bits were written, kept by a trigger on the index
  table. `match` reads the bitsets and these entries in one statement, so from one snapshot: bits for
  the unchanged entries, the entry's own vector for the changed ones. The answer is always the GIN
  query's answer; only the cost differs.
- `fold` writes the changed entries into the bitsets; it runs after a commit that changed the index,
  once more than FOLD_AT entries are waiting. `rebuild` recomputes everything, including which words
  are common: after `update_index`, and with `manage.py search_common_terms`. A word that became common
  since then is simply matched through the GIN index.

Only plain queries use it: every word a lexeme joined by AND (or one prefix, for suggestions), every
lexeme common, no scores asked.
"""

import re

import numpy as np
from django.db import connections, transaction

from search.backends.database import keys_from_string

FIELDS = {"text": "(e.title || e.body)", "title": "e.title", "prefix": "e.autocomplete"}
PREFIX_FROM = 2  # letters
MIN_DOCS = 1000  # the backend's COMMON_TERM_MIN_DOCS; below this the GIN query is fast enough
FOLD_AT = 100  # changed entries a match reads one by one before they are folded into the bitsets
LOCK = 0x5EA2C4  # advisory lock: one fold or rebuild at a time
ENTRIES = "wagtailsearch_indexentry"
PLAIN_QUERY = {"text": re.compile(r"'[^']+'(?: & '[^']+')*"), "title": re.compile(r"'[^']+'(?: & '[^']+')*"),
               "prefix": re.compile(r"'[^']+':\*")}


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


# --------------------------------------------------------------------------- matching


def match(alias, field, config, query, types) -> np.ndarray | None:
    """Every object_id of `types` whose `field` matches `to_tsquery(config, query)`, or None when the
    query is not a plain AND of lexemes or holds one that is not common (then the GIN index is the
    better way). One statement, so one snapshot: the parsed query, the bitsets, the changed entries."""
    sql = f"""
        SELECT 'q', to_tsquery(%(config)s::regconfig, %(query)s)::text, NULL::integer, NULL::bytea, NULL::text,
               NULL::boolean
        UNION ALL
        SELECT 'c', c.lexeme, c.content_type_id, CASE WHEN c.content_type_id = ANY(%(types)s) THEN c.bits END,
               NULL, NULL
          FROM search_commonterm c
         WHERE c.field = %(field)s
           AND c.lexeme = ANY(tsvector_to_array(to_tsvector(%(config)s::regconfig, %(query)s)))
        UNION ALL
        SELECT 'd', NULL, d.content_type_id, NULL, d.object_id,
               coalesce({FIELDS[field]} @@ to_tsquery(%(config)s::regconfig, %(query)s), false)
          FROM search_changedentry d
          LEFT JOIN {ENTRIES} e ON e.content_type_id = d.content_type_id AND e.object_id = d.object_id
         WHERE d.content_type_id = ANY(%(types)s)
    """
    params = {"types": list(types), "field": field, "config": config, "query": query}
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    parsed = next(lexeme for kind, lexeme, *_ in rows if kind == "q")
    if not parsed or not PLAIN_QUERY[field].fullmatch(parsed):
        return None
    words = set(re.findall(r"'([^']+)'", parsed))
    bits, common = {}, set()
    changed, changed_matching = [], []
    for kind, lexeme, content_type, row_bits, object_id, matches in rows:
        if kind == "q":
            continue
        if kind == "d":
            changed.append(int(object_id))
            if matches:
                changed_matching.append(int(object_id))
            continue
        common.add(lexeme)
        if row_bits is not None:
            bits.setdefault(content_type, {})[lexeme] = bytes(row_bits)
    if common != words:
        return None
    # One flag per object_id: the entries of every content type that hold every word, then the changed ones.
    flags = np.zeros(max(changed, default=-1) + 1, dtype=np.uint8)
    for by_lexeme in bits.values():
        if len(by_lexeme) == len(words):
            holding = unpack(intersect(by_lexeme.values()))
            flags = grow(flags, len(holding))
            flags[: len(holding)] |= holding
    flags[changed] = 0
    flags[changed_matching] = 1
    return np.flatnonzero(flags)


# --------------------------------------------------------------------------- keeping the bitsets


def _postings(vector):
    return f"""
        SELECT lexeme, e.content_type_id, string_agg(e.object_id, ' ')
          FROM {ENTRIES} e, unnest(tsvector_to_array({vector})) lexeme
         WHERE lexeme IN (SELECT word FROM ts_stat('SELECT {vector.replace("e.", "")} FROM {ENTRIES}') WHERE ndoc >= %s)
           AND e.object_id ~ '^[0-9]+$'
         GROUP BY 1, 2
    """


# Per field: (lexeme, content type, space-separated object ids) for each lexeme in at least %s entries.
POSTINGS = {
    "text": _postings(FIELDS["text"]),
    "title": _postings(FIELDS["title"]),
    "prefix": f"""
        WITH prefixes AS MATERIALIZED (
            SELECT DISTINCT e.content_type_id, e.object_id, left(word, letters) AS lexeme
              FROM {ENTRIES} e, unnest(tsvector_to_array({FIELDS["prefix"]})) word,
                   generate_series({PREFIX_FROM}, length(word)) letters
             WHERE e.object_id ~ '^[0-9]+$'
        )
        SELECT lexeme, content_type_id, string_agg(object_id, ' ') FROM prefixes
         WHERE lexeme IN (SELECT lexeme FROM prefixes GROUP BY lexeme HAVING count(*) >= %s)
         GROUP BY 1, 2
    """,
}


def terms(field, lexemes):
    """What `field` holds for an entry with these lexemes (for "prefix": their beginnings)."""
    if field != "prefix":
        return lexemes
    return {word[:letters] for word in lexemes for letters in range(PREFIX_FROM, len(word) + 1)}


def rebuild(alias, min_docs=MIN_DOCS) -> int:
    """Recompute every bitset from the index; returns the number of common (field, lexeme) pairs.
    Writers to the index wait while it runs (a few seconds at 60,000 entries)."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute(f"LOCK TABLE {ENTRIES} IN SHARE MODE")
        cursor.execute("DELETE FROM search_commonterm")
        cursor.execute("DELETE FROM search_changedentry")
        pairs = set()
        for field in FIELDS:
            cursor.execute(POSTINGS[field], [min_docs])
            rows = [(field, lexeme, content_type, to_bits(keys_from_string(ids)))
                    for lexeme, content_type, ids in cursor.fetchall()]
            pairs.update((field, lexeme) for _, lexeme, _, _ in rows)
            cursor.executemany(
                "INSERT INTO search_commonterm (field, lexeme, content_type_id, bits) VALUES (%s, %s, %s, %s)", rows
            )
    return len(pairs)


def fold(alias) -> int:
    """Write the changed entries into the bitsets; returns how many. Skips if another fold runs."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK])
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute(
            f"""
            SELECT d.content_type_id, d.object_id, d.seq,
                   tsvector_to_array(e.title || e.body), tsvector_to_array(e.title), tsvector_to_array(e.autocomplete)
              FROM search_changedentry d
              LEFT JOIN {ENTRIES} e ON e.content_type_id = d.content_type_id AND e.object_id = d.object_id
            """
        )
        changed = cursor.fetchall()
        if not changed:
            return 0
        # Per content type: the changed ids, and per (field, lexeme) those that hold it now.
        ids, holding = {}, {}
        for content_type, object_id, _, *vectors in changed:
            if not object_id.isdigit():
                continue
            ids.setdefault(content_type, []).append(int(object_id))
            for field, words in zip(FIELDS, vectors, strict=True):
                for lexeme in terms(field, words or ()):
                    holding.setdefault((field, lexeme, content_type), []).append(int(object_id))
        cursor.execute("SELECT DISTINCT field, lexeme FROM search_commonterm")
        common = set(cursor.fetchall())
        cursor.execute(
            "SELECT field, lexeme, content_type_id, bits FROM search_commonterm "
            "WHERE content_type_id = ANY(%s) FOR UPDATE",
            [list(ids)],
        )
        current = {(field, lexeme, content_type): bytes(bits) for field, lexeme, content_type, bits in cursor}
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
        cursor.executemany(
            "INSERT INTO search_commonterm (field, lexeme, content_type_id, bits) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (field, lexeme, content_type_id) DO UPDATE SET bits = EXCLUDED.bits",
            writes,
        )
        cursor.execute(
            "DELETE FROM search_changedentry d USING unnest(%s::integer[], %s::text[], %s::bigint[]) f(t, o, s) "
            "WHERE d.content_type_id = f.t AND d.object_id = f.o AND d.seq = f.s",
            [[row[0] for row in changed], [row[1] for row in changed], [row[2] for row in changed]],
        )
    return len(changed)


def fold_when_due(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM search_changedentry LIMIT {FOLD_AT + 1}) waiting")
        due = cursor.fetchone()[0] > FOLD_AT
    if due:
        fold(alias)


def fold_after_commit(alias):
    transaction.on_commit(lambda: fold_when_due(alias), using=alias)
