from django import forms

from kern.forms import HoneypotMixin


class AanmeldForm(HoneypotMixin, forms.Form):
    """Name and e-mail address; for a signed-in employee the address comes from the sign-in."""

    naam = forms.CharField(label="Naam", max_length=200)
    email = forms.EmailField(label="E-mailadres", max_length=254)

    def __init__(self, *args, medewerker=None, **kwargs):
        super().__init__(*args, **kwargs)
        if medewerker is not None:
            del self.fields["email"]
