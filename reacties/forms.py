import logging
from uuid import UUID

from django import forms

from kern.forms import HoneypotMixin

from . import cv
from .models import KlusReactie, Reactie

logger = logging.getLogger(__name__)


def check_pdf(upload):
    """A CV must really be a PDF of at most 5 MB, without active content: checked by its content."""
    try:
        cv.inspect(upload)
    except cv.Refused as refused:
        logger.info("Cv geweigerd: %s", refused.reason)
        raise forms.ValidationError(refused.message) from refused
    return upload


class ReactieForm(HoneypotMixin, forms.ModelForm):
    # A one-time token per filled-in form: a second submit of the same form stores nothing new.
    formulier = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    class Meta:
        model = Reactie
        fields = ["naam", "email", "telefoon", "motivatie", "cv", "toestemming_bewaren"]
        labels = {
            "telefoon": "Telefoon (niet verplicht)",
            "cv": "Je cv (pdf, hoogstens 5 MB)",
            "toestemming_bewaren": "Mijn gegevens mogen een jaar bewaard worden voor andere passende vacatures",
        }
        help_texts = {
            "toestemming_bewaren": "Zonder toestemming verwijderen we je reactie vier weken nadat de vacature is "
            "vervuld of gesloten.",
        }
        error_messages = {
            "naam": {"required": "Vul je naam in."},
            "email": {"required": "Vul je e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres."},
            "motivatie": {"required": "Schrijf kort waarom je reageert."},
            "cv": {"required": "Voeg je cv toe als pdf."},
        }

    def __init__(self, *args, cv_too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        if cv_too_large:
            # The upload was stopped at 5 MB (cv.CvSizeLimit), so the file is missing: say why.
            self.fields["cv"].error_messages = {**self.fields["cv"].error_messages, "required": cv.TOO_LARGE}

    def clean_formulier(self):
        """The token as a UUID; a missing or mangled one is no reason to refuse the reaction (None: the
        view makes a new one, so only that submit is unprotected against a double)."""
        try:
            return UUID(self.cleaned_data["formulier"])
        except ValueError:
            return None

    def clean_cv(self):
        return check_pdf(self.cleaned_data["cv"])


class KlusReactieForm(HoneypotMixin, forms.ModelForm):
    """The short form for a klus: no CV. It asks about the manager only when the klus needs their agreement."""

    formulier = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    class Meta:
        model = KlusReactie
        fields = ["naam", "email", "telefoon", "motivatie", "besproken"]
        labels = {
            "telefoon": "Telefoon (niet verplicht)",
            "motivatie": "Waarom wil je deze klus doen?",
            "besproken": "Heb je dit met je leidinggevende besproken?",
        }
        widgets = {"besproken": forms.RadioSelect}
        error_messages = {
            "naam": {"required": "Vul je naam in."},
            "email": {"required": "Vul je e-mailadres in.", "invalid": "Dit is geen geldig e-mailadres."},
            "motivatie": {"required": "Schrijf kort waarom je reageert."},
        }

    def __init__(self, *args, klus, **kwargs):
        super().__init__(*args, **kwargs)
        if klus.akkoord_leidinggevende:
            field = self.fields["besproken"]
            field.required = True
            field.choices = [c for c in field.choices if c[0]]
            field.error_messages["required"] = "Zeg of je de klus met je leidinggevende hebt besproken."
            field.help_text = "Voor deze klus is het akkoord van je leidinggevende nodig."
        else:
            del self.fields["besproken"]

    clean_formulier = ReactieForm.clean_formulier
