from django import forms
from django.core.validators import MaxLengthValidator

from kern.forms import HoneypotMixin

from .models import Onderwerp, Vraag


class VraagForm(HoneypotMixin, forms.ModelForm):
    """Name, e-mail address, employer, topic and question. A signed-in employee's employer is known: the
    field is then left out and the view fills in the employer from the sign-in."""

    onderwerp = forms.ModelChoiceField(
        queryset=Onderwerp.objects.all(), label="Onderwerp", empty_label="Kies een onderwerp",
        error_messages={"required": "Kies een onderwerp.", "invalid_choice": "Kies een onderwerp uit de lijst."},
    )

    class Meta:
        model = Vraag
        fields = ["naam", "email", "werkgever_naam", "onderwerp", "vraag"]
        labels = {
            "naam": "Naam", "email": "E-mailadres", "werkgever_naam": "Werkgever (niet verplicht)",
            "vraag": "Je vraag",
        }
        help_texts = {"werkgever_naam": "", "vraag": "Zet er geen gegevens over je gezondheid of over anderen in."}
        error_messages = {
            "naam": {"required": "Vul je naam in."},
            "email": {"required": "Vul je e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres."},
            "vraag": {"required": "Schrijf je vraag."},
        }

    def __init__(self, *args, medewerker=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vraag"].validators.append(MaxLengthValidator(5000, "Je vraag is te lang (hoogstens 5000 tekens)."))
        if medewerker is not None:
            del self.fields["werkgever_naam"]


class ReactieForm(forms.Form):
    """The asker's reaction to the answer, on the thread page."""

    reactie = forms.CharField(
        label="Reageer op het antwoord", widget=forms.Textarea, max_length=5000,
        error_messages={"required": "Schrijf je reactie.", "max_length": "Je reactie is te lang (hoogstens 5000 tekens)."},
    )
