from django import forms

from kern.forms import HoneypotMixin


class InlogForm(HoneypotMixin):
    email = forms.EmailField(
        label="Je e-mailadres op het werk", max_length=254,
        error_messages={"required": "Vul je e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres."},
    )
