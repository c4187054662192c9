"""PostgreSQL: Dutch full-text search without accents, and a GIN index on title || body.

- `dutch_unaccent`: a copy of the `dutch` configuration that folds accents before stemming
  ("café" and "cafe" both become "caf"); `simple_unaccent` does the same without stemming, for prefix
  suggestions. Both need the `unaccent` extension (CREATE EXTENSION needs a superuser or a
  database owner on PostgreSQL 13+ where unaccent is a trusted extension).
- The GIN index on `title || body` serves the query modelsearch sends (`(title || body) @@ query`);
  without it every search reads the whole index table.

SQLite and other databases: nothing to do (the SQLite index is analysed in Python).
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'dutch_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION dutch_unaccent (COPY = pg_catalog.dutch);
            ALTER TEXT SEARCH CONFIGURATION dutch_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, dutch_stem;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent') THEN
            CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = pg_catalog.simple);
            ALTER TEXT SEARCH CONFIGURATION simple_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        END IF;
    END
    $$
    """,
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
    "ON wagtailsearch_indexentry USING GIN ((title || body))",
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_indexentry_title_body_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS dutch_unaccent",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD), elidable=False)]
