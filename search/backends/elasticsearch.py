"""Wagtail's Elasticsearch 8/9 and OpenSearch 2/3 backends, with every facet bucket.

modelsearch's `facet()` sends a terms aggregation without a size, so the engine returns its default
of 10 buckets (wagtail issue 5668): an 11th organisation or theme silently disappears. Here the
size is the number of distinct values of the column in the database (plus one for "missing"), so
every bucket comes back.

Also:
- `ranked_pks()`: the primary keys of all hits, best first, read from the engine without loading
  objects (the faceted-search service filters and pages them in the database);
- `unavailable_errors`: the client exceptions that mean the cluster could not answer; the service
  turns them into `search.service.SearchUnavailable`.

The Dutch analyzer comes from INDEX_SETTINGS (config/settings/search.py).
"""

from collections import OrderedDict

import elastic_transport
import elasticsearch
import opensearchpy
from modelsearch.backends import elasticsearch8, elasticsearch9, opensearch2, opensearch3
from modelsearch.backends.base import FilterFieldError

SCROLL = "1m"


class AllBucketsResultsMixin:
    def facet_size(self, attname):
        """At least as many buckets as the column has distinct values, plus the "missing" bucket."""
        model = self.query_compiler.queryset.model
        distinct = model._default_manager.order_by().values(attname).distinct().count()
        return max(distinct + 1, 10)

    def facet_body(self, field_name):
        """The request body of `facet(field_name)`: the query, and a terms aggregation of every bucket."""
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to {self.query_compiler.queryset.model.__name__}.search_fields.',
                field_name=field_name,
            )
        body = self._get_es_body()
        body["aggregations"] = {
            field_name: {
                "terms": {
                    "field": self.query_compiler.mapping.get_field_column_name(field),
                    "missing": 0,
                    "size": self.facet_size(field_name),
                }
            }
        }
        return body

    def facet(self, field_name):
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model).name
        response = self._backend_do_search(self.facet_body(field_name), index=index, size=0)
        return OrderedDict(
            (bucket["key"] if bucket["key"] != 0 else None, bucket["doc_count"])
            for bucket in response["aggregations"][field_name]["buckets"]
        )

    def ranked_pks(self, page_size=1000):
        """Primary keys of every hit, best first (scrolling; only the stored pk field is read)."""
        model = self.query_compiler.queryset.model
        params = {
            "index": self.backend.get_index_for_model(model).name,
            "_source": False,
            self.fields_param_name: "pk",
            "scroll": SCROLL,
            "size": page_size,
        }
        page = self._backend_do_search(self._get_es_body(), **params)
        pks = []
        try:
            while page["hits"]["hits"]:
                pks.extend(model._meta.pk.to_python(hit["fields"]["pk"][0]) for hit in page["hits"]["hits"])
                if "_scroll_id" not in page or len(page["hits"]["hits"]) < page_size:
                    break
                page = self.backend.es.scroll(scroll_id=page["_scroll_id"], scroll=SCROLL)
        finally:
            if "_scroll_id" in page:
                self.backend.es.clear_scroll(scroll_id=page["_scroll_id"])
        return pks


# --------------------------------------------------------------------------- Elasticsearch 8 and 9

ELASTICSEARCH_ERRORS = (elastic_transport.TransportError, elasticsearch.ApiError)


class Elasticsearch8SearchResults(AllBucketsResultsMixin, elasticsearch8.Elasticsearch8SearchResults):
    pass


class Elasticsearch8SearchBackend(elasticsearch8.Elasticsearch8SearchBackend):
    results_class = Elasticsearch8SearchResults
    unavailable_errors = ELASTICSEARCH_ERRORS


class Elasticsearch9SearchResults(AllBucketsResultsMixin, elasticsearch9.Elasticsearch9SearchResults):
    pass


class Elasticsearch9SearchBackend(elasticsearch9.Elasticsearch9SearchBackend):
    results_class = Elasticsearch9SearchResults
    unavailable_errors = ELASTICSEARCH_ERRORS


# --------------------------------------------------------------------------- OpenSearch 2 and 3

OPENSEARCH_ERRORS = (opensearchpy.exceptions.TransportError,)


class OpenSearch2SearchResults(AllBucketsResultsMixin, opensearch2.OpenSearch2SearchResults):
    pass


class OpenSearch2SearchBackend(opensearch2.OpenSearch2SearchBackend):
    results_class = OpenSearch2SearchResults
    unavailable_errors = OPENSEARCH_ERRORS


class OpenSearch3SearchResults(AllBucketsResultsMixin, opensearch3.OpenSearch3SearchResults):
    pass


class OpenSearch3SearchBackend(opensearch3.OpenSearch3SearchBackend):
    results_class = OpenSearch3SearchResults
    unavailable_errors = OPENSEARCH_ERRORS


SearchBackend = OpenSearch3SearchBackend
