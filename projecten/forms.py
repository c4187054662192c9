"""The project edit form: the importer's open warnings about the project, to tick off while editing."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class ImportWarningChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"Regel {obj.regel} – {obj.get_soort_display()}: {obj.melding}"


class ProjectPageForm(WagtailAdminPageForm):
    importmeldingen_afgehandeld = ImportWarningChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        label="Meldingen van de laatste import",
        help_text="Vink een melding aan als je haar hebt bekeken en het project zo nodig hebt aangepast; "
        "ze verdwijnt dan uit de lijst Importmeldingen.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        open_warnings = (
            self.instance.importmeldingen.filter(afgehandeld=False).order_by("regel", "pk")
            if self.instance.pk else None
        )
        if open_warnings is None or not open_warnings.exists():
            del self.fields["importmeldingen_afgehandeld"]
        else:
            self.fields["importmeldingen_afgehandeld"].queryset = open_warnings

    def save(self, commit=True):
        page = super().save(commit=commit)
        for warning in self.cleaned_data.get("importmeldingen_afgehandeld") or ():
            warning.mark_handled(self.for_user)
            warning.save(update_fields=["afgehandeld", "afgehandeld_door", "afgehandeld_op"])
        return page
