from django import forms

from kern.forms import HoneypotMixin

from .models import Frequentie


class AlertForm(HoneypotMixin):
    email = forms.EmailField(
        label="Je e-mailadres", max_length=254,
        error_messages={"required": "Vul je e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres."},
    )
    frequentie = forms.ChoiceField(
        label="Hoe vaak wil je mail?", choices=[
            (Frequentie.DAGELIJKS, "Dagelijks (alleen als er nieuwe vacatures zijn)"),
            (Frequentie.WEKELIJKS, "Wekelijks, op maandag"),
        ],
        initial=Frequentie.DAGELIJKS, widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe vaak je mail wilt.", "invalid_choice": "Kies dagelijks of wekelijks."},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class FrequentieForm(forms.Form):
    frequentie = AlertForm.base_fields["frequentie"]
