"""Bitsets of the entries that hold each common lexeme (see search/backends/common_terms.py).

- `search_commonterm`: a row per (field, lexeme, content type); bit n of `bits` is set when the entry
  with object_id n holds the lexeme.
- `search_changedentry`: entries whose title, body or autocomplete words changed (or that were added or
  deleted) since the bitsets were written. Triggers on the index table keep it, but only while there are
  common terms, so a small site without any pays nothing. TRUNCATE (PostgreSQL) empties both.

PostgreSQL: statement triggers with transition tables. SQLite: row triggers. Other databases: nothing.
"""

from django.db import migrations

COMMON_TERMS_TABLE = """
    CREATE TABLE IF NOT EXISTS search_commonterm (
        field varchar(16) NOT NULL,
        lexeme text NOT NULL,
        content_type_id integer NOT NULL,
        bits {binary} NOT NULL,
        PRIMARY KEY (field, lexeme, content_type_id)
    )
"""

POSTGRES_FORWARD = [
    COMMON_TERMS_TABLE.format(binary="bytea"),
    "CREATE SEQUENCE IF NOT EXISTS search_changedentry_seq",
    """
    CREATE TABLE IF NOT EXISTS search_changedentry (
        content_type_id integer NOT NULL,
        object_id varchar(50) NOT NULL,
        seq bigint NOT NULL,
        PRIMARY KEY (content_type_id, object_id)
    )
    """,
    # `seq` changes with every change, so that folding (which deletes the rows it has written into the
    # bitsets, by seq) never drops a change made while it ran.
    """
    CREATE OR REPLACE FUNCTION search_note_changed_entries() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM search_commonterm) THEN
            RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
            INSERT INTO search_changedentry (content_type_id, object_id, seq)
            SELECT content_type_id, object_id, nextval('search_changedentry_seq')
              FROM (SELECT DISTINCT content_type_id, object_id FROM new_rows) changed
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET seq = EXCLUDED.seq;
        ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO search_changedentry (content_type_id, object_id, seq)
            SELECT content_type_id, object_id, nextval('search_changedentry_seq')
              FROM (SELECT DISTINCT content_type_id, object_id FROM old_rows) changed
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET seq = EXCLUDED.seq;
        ELSE
            INSERT INTO search_changedentry (content_type_id, object_id, seq)
            SELECT content_type_id, object_id, nextval('search_changedentry_seq')
              FROM (
                SELECT n.content_type_id, n.object_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.title IS DISTINCT FROM o.title OR n.body IS DISTINCT FROM o.body
                    OR n.autocomplete IS DISTINCT FROM o.autocomplete
                    OR n.content_type_id <> o.content_type_id OR n.object_id <> o.object_id
                UNION
                SELECT o.content_type_id, o.object_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.content_type_id <> o.content_type_id OR n.object_id <> o.object_id
              ) changed
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET seq = EXCLUDED.seq;
        END IF;
        RETURN NULL;
    END
    $$
    """,
    # TRUNCATE has no transition table: the bitsets go too, and matching falls back to the GIN index
    # until the next rebuild.
    """
    CREATE OR REPLACE FUNCTION search_forget_common_terms() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM search_commonterm;
        DELETE FROM search_changedentry;
        RETURN NULL;
    END
    $$
    """,
    "DROP TRIGGER IF EXISTS search_indexentry_inserted ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_indexentry_updated ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_indexentry_deleted ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_indexentry_truncated ON wagtailsearch_indexentry",
    "CREATE TRIGGER search_indexentry_truncated AFTER TRUNCATE ON wagtailsearch_indexentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_forget_common_terms()",
    "CREATE TRIGGER search_indexentry_inserted AFTER INSERT ON wagtailsearch_indexentry "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_note_changed_entries()",
    "CREATE TRIGGER search_indexentry_updated AFTER UPDATE ON wagtailsearch_indexentry "
    "REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_note_changed_entries()",
    "CREATE TRIGGER search_indexentry_deleted AFTER DELETE ON wagtailsearch_indexentry "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_note_changed_entries()",
]

POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_inserted ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_indexentry_updated ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_indexentry_deleted ON wagtailsearch_indexentry",
    "DROP TRIGGER IF EXISTS search_indexentry_truncated ON wagtailsearch_indexentry",
    "DROP FUNCTION IF EXISTS search_note_changed_entries()",
    "DROP FUNCTION IF EXISTS search_forget_common_terms()",
    "DROP TABLE IF EXISTS search_changedentry",
    "DROP SEQUENCE IF EXISTS search_changedentry_seq",
    "DROP TABLE IF EXISTS search_commonterm",
]


# SQLite: row triggers. One writer at a time, and a fold writes from its first statement, so an entry
# that is already listed needs no new seq. (INSERT OR REPLACE would not do: inside a trigger the conflict
# rule of the statement that fired it wins.)
SQLITE_NOTE = (
    "INSERT INTO search_changedentry (content_type_id, object_id) VALUES ({row}.content_type_id, "
    "{row}.object_id) ON CONFLICT (content_type_id, object_id) DO NOTHING;"
)
SQLITE_FORWARD = [
    COMMON_TERMS_TABLE.format(binary="blob"),
    """
    CREATE TABLE IF NOT EXISTS search_changedentry (
        seq integer PRIMARY KEY AUTOINCREMENT,
        content_type_id integer NOT NULL,
        object_id varchar(50) NOT NULL,
        UNIQUE (content_type_id, object_id)
    )
    """,
    "CREATE TRIGGER IF NOT EXISTS search_indexentry_inserted AFTER INSERT ON wagtailsearch_indexentry "
    f"WHEN EXISTS (SELECT 1 FROM search_commonterm) BEGIN {SQLITE_NOTE.format(row='NEW')} END",
    "CREATE TRIGGER IF NOT EXISTS search_indexentry_updated AFTER UPDATE ON wagtailsearch_indexentry "
    "WHEN EXISTS (SELECT 1 FROM search_commonterm) AND (NEW.title IS NOT OLD.title OR NEW.body IS NOT OLD.body "
    "OR NEW.autocomplete IS NOT OLD.autocomplete OR NEW.content_type_id IS NOT OLD.content_type_id "
    "OR NEW.object_id IS NOT OLD.object_id) "
    f"BEGIN {SQLITE_NOTE.format(row='OLD')} {SQLITE_NOTE.format(row='NEW')} END",
    "CREATE TRIGGER IF NOT EXISTS search_indexentry_deleted AFTER DELETE ON wagtailsearch_indexentry "
    f"WHEN EXISTS (SELECT 1 FROM search_commonterm) BEGIN {SQLITE_NOTE.format(row='OLD')} END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_inserted",
    "DROP TRIGGER IF EXISTS search_indexentry_updated",
    "DROP TRIGGER IF EXISTS search_indexentry_deleted",
    "DROP TABLE IF EXISTS search_changedentry",
    "DROP TABLE IF EXISTS search_commonterm",
]

FORWARD = {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}
BACKWARD = {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}


def run(statements):
    def apply(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_dutch_text_search")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD), elidable=False)]
