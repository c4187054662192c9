"""The question desk in the admin, in one menu ‘Vragen’: the queue of questions (filters on status, topic,
adviser and overdue), the FAQ, the topics and the routing. Who sees what: permissions.py."""

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .models import FaqVraag, Onderwerp, Routering, Status, Vraag, answer_time_target
from .permissions import adviser_policy, coordinator_policy, question_policy
from .roles import is_adviser
from .tasks import send_answer

register_permission_policy(Vraag, question_policy(Vraag))
register_permission_policy(FaqVraag, adviser_policy(FaqVraag))
register_permission_policy(Onderwerp, coordinator_policy(Onderwerp))
register_permission_policy(Routering, coordinator_policy(Routering))


class VraagFilterSet(WagtailFilterSet):
    te_laat = django_filters.BooleanFilter(label="Over de antwoordtermijn", method="filter_overdue")

    class Meta:
        model = Vraag
        fields = ["status", "onderwerp", "adviseur"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Vraag.objects.overdue(answer_time_target()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class DeadlineColumn(Column):
    def get_value(self, instance):
        termijn = instance.termijn  # set by VraagIndexView.get_table: one settings query per page
        deadline = instance.deadline(termijn)
        text = deadline.strftime("%d-%m-%Y")
        return f"{text} (te laat)" if instance.is_overdue(termijn) else text


class FaqColumn(Column):
    def get_value(self, instance):
        if instance.status != Status.BEANTWOORD:
            return ""
        url = reverse("vragen_faq:add") + f"?vraag={instance.pk}"
        return format_html('<a href="{}">Publiceer als veelgestelde vraag</a>', url)


class VraagIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("onderwerp", "adviseur")

    def get_table(self, object_list):
        termijn = answer_time_target()
        for vraag in object_list:
            vraag.termijn = termijn
        return super().get_table(object_list)


class VraagEditView(EditView):
    """Saving a new answer marks the question answered (the first answer's moment is kept) and mails the
    answer to the asker with a thread link, from a background task."""

    def save_instance(self):
        answered = "antwoord" in self.form.changed_data and self.form.cleaned_data.get("antwoord", "").strip()
        if answered:
            self.form.instance.status = Status.BEANTWOORD
            self.form.instance.beantwoord_op = self.form.instance.beantwoord_op or timezone.now()
        instance = super().save_instance()
        if answered:
            send_answer.enqueue(instance.pk)
        return instance

    def get_success_message(self):
        if "antwoord" in self.form.changed_data and self.form.instance.antwoord.strip():
            return "Het antwoord is opgeslagen en wordt naar de vrager gemaild."
        return super().get_success_message()


class VraagViewSet(ModelViewSet):
    model = Vraag
    icon = "help"
    menu_label = "Vragen"
    name = "vragen_vraag"
    url_prefix = "vragen/vraag"
    index_view_class = VraagIndexView
    edit_view_class = VraagEditView
    list_display = [
        Column("onderwerp", label="Onderwerp"), Column("naam", label="Naam"),
        Column("status", label="Status", accessor="get_status_display"),
        Column("adviseur", label="Adviseur"), DateColumn("ontvangen", label="Ontvangen"),
        DeadlineColumn("termijn", label="Antwoord uiterlijk"), FaqColumn("faq", label="FAQ"),
    ]
    filterset_class = VraagFilterSet
    search_fields = ["naam", "email", "vraag", "antwoord"]
    search_backend_name = None
    inspect_view_enabled = False
    copy_view_enabled = False



class FaqCreateView(CreateView):
    """?vraag=<id> starts from an answered question: its text, to be rewritten without personal details."""

    def source(self):
        pk = self.request.GET.get("vraag", "")
        if pk.isdigit() and is_adviser(self.request.user):
            return Vraag.objects.filter(pk=int(pk), status=Status.BEANTWOORD).first()
        return None

    def get_initial(self):
        initial = super().get_initial()
        vraag = self.source()
        if vraag is not None:
            initial.update(onderwerp=vraag.onderwerp_id, vraag=vraag.vraag, antwoord=vraag.antwoord)
        return initial

    def get_add_url(self):
        url = super().get_add_url()
        vraag = self.source()
        return f"{url}?vraag={vraag.pk}" if vraag is not None else url

    def get_initial_form_instance(self):
        # The source is known before validation, so FaqVraag.clean can check the text for the asker's name.
        return FaqVraag(bron=self.source())


class FaqViewSet(ModelViewSet):
    model = FaqVraag
    icon = "list-ul"
    menu_label = "Veelgestelde vragen"
    name = "vragen_faq"
    url_prefix = "vragen/faq"
    add_view_class = FaqCreateView
    form_fields = ["onderwerp", "vraag", "antwoord", "gepubliceerd", "volgorde"]
    list_display = ["vraag", "onderwerp", "gepubliceerd", DateColumn("bijgewerkt", label="Bijgewerkt")]
    list_filter = ["onderwerp", "gepubliceerd"]
    inspect_view_enabled = False



class OnderwerpViewSet(ModelViewSet):
    model = Onderwerp
    icon = "tag"
    menu_label = "Onderwerpen"
    name = "vragen_onderwerpen"
    url_prefix = "vragen/onderwerpen"
    form_fields = ["naam", "volgorde"]
    list_display = ["naam", "volgorde"]
    inspect_view_enabled = False



class RouteringViewSet(ModelViewSet):
    model = Routering
    icon = "resubmit"
    menu_label = "Routering"
    name = "vragen_routering"
    url_prefix = "vragen/routering"
    form_fields = ["onderwerp", "regio", "adviseur"]
    list_display = ["onderwerp", "regio", "adviseur"]
    inspect_view_enabled = False



class VragenGroup(ViewSetGroup):
    menu_label = "Vragen"
    menu_icon = "help"
    menu_order = 175
    items = (VraagViewSet, FaqViewSet, OnderwerpViewSet, RouteringViewSet)


@hooks.register("register_admin_viewset")
def register_question_desk():
    return VragenGroup()
