from django import forms
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from medewerkers.forms import HoneypotMixin

from .models import Reactie

MAX_CV_BYTES = 5 * 1024 * 1024


def check_pdf(upload):
    """A CV must really be a PDF of at most 5 MB: checked by its content, not by its name."""
    if upload.size > MAX_CV_BYTES:
        raise forms.ValidationError("Je cv is groter dan 5 MB. Maak het bestand kleiner en probeer het opnieuw.")
    upload.seek(0)
    if upload.read(5) != b"%PDF-":
        raise forms.ValidationError("Je cv is geen pdf-bestand. Sla het op als pdf en probeer het opnieuw.")
    upload.seek(0)
    try:
        if len(PdfReader(upload).pages) < 1:
            raise forms.ValidationError("Je cv-bestand heeft geen pagina's.")
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise forms.ValidationError("Je cv-bestand is beschadigd of geen geldige pdf.") from exc
    upload.seek(0)
    return upload


class ReactieForm(HoneypotMixin, forms.ModelForm):
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

    def clean_cv(self):
        return check_pdf(self.cleaned_data["cv"])
