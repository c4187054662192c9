from django import forms

from kern.forms import HoneypotMixin
from vacatures.choices import Vakgebied

from .models import Ruilaanbod


class RuilaanbodForm(HoneypotMixin, forms.ModelForm):
    wens_vakgebieden = forms.MultipleChoiceField(
        label="In welke vakgebieden wil je werken?", choices=Vakgebied.choices, required=False,
        widget=forms.CheckboxSelectMultiple, help_text="Niets aangevinkt: elk vakgebied.",
    )

    class Meta:
        model = Ruilaanbod
        fields = [
            "naam", "functie", "vakgebied", "schaal", "uren", "plaats", "vroegste_start", "maanden",
            "wens_vakgebieden", "wens_plaatsen", "toelichting",
        ]
        widgets = {"vroegste_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {
            "naam": {"required": "Vul je naam in."},
            "functie": {"required": "Vul je functie in."},
            "vakgebied": {"required": "Kies je vakgebied."},
            "schaal": {"required": "Vul je salarisschaal in."},
            "uren": {"required": "Vul je uren per week in."},
            "plaats": {"required": "Vul je standplaats in."},
            "vroegste_start": {"required": "Vul de vroegste startdatum in.", "invalid": "Dit is geen geldige datum."},
            "maanden": {"required": "Kies hoe lang je wilt ruilen."},
        }
