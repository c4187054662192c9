"""API v2 fields of ProjectPage. Their names are a contract: other tools read them."""

from rest_framework import serializers


class OrganisatiesField(serializers.Field):
    def to_representation(self, page):
        return [{"naam": o.naam, "slug": o.slug} for o in page.organisatie_list()]


class ThemaField(serializers.Field):
    def to_representation(self, thema):
        return thema.naam if thema else None


class StatusField(serializers.Field):
    def to_representation(self, page):
        return page.status


class MateriaalField(serializers.Field):
    def to_representation(self, page):
        return [
            {"soort": m.soort, "titel": m.titel, "url": m.link or None}
            for m in page.materiaal.all()
        ]


class ExtraVeldenField(serializers.Field):
    def to_representation(self, page):
        return [{"label": v.label, "waarde": v.waarde} for v in page.extra_velden.all()]
