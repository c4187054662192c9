"""Search backends: Dutch text analysis on top of Wagtail's (modelsearch's) backends.

- `search.backends.database`: SQLite FTS5 with Snowball Dutch stemming and accent folding done in
  Python; PostgreSQL with the `dutch_unaccent` text search configuration (migration 0001).
- `search.backends.elasticsearch`: Elasticsearch 8/9 and OpenSearch 2/3 with every facet bucket.

`config/settings/search.py` picks one from the environment.
"""
