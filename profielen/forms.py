
from django import forms

from kern.contact_details import find_email, find_name, find_phone
from klussen.models import KlusPage, open_q
from reacties.forms import check_pdf
from reacties.models import Besproken
from taxonomie.models import Regio
from vacatures import phases
from vacatures.models import OrganisatiePage, VacaturePage

from .models import Profiel, Vaardigheid

EMAIL_ERROR = "Je tekst bevat een e-mailadres. Haal het weg: je kaart is anoniem."
PHONE_ERROR = "Je tekst bevat een telefoonnummer. Haal het weg: je kaart is anoniem."


def text_warnings(text, naam):
    """What in a card's free text could identify the employee (e-mail and phone also refuse the save)."""
    warnings = []
    if find_email(text):
        warnings.append(EMAIL_ERROR)
    if find_phone(text):
        warnings.append(PHONE_ERROR)
    if find_name(text, naam):
        warnings.append("Je tekst bevat (een deel van) je naam. Je kaart is anoniem: haal je naam weg als "
                        "werkgevers niet mogen zien wie je bent.")
    return warnings


class ProfielForm(forms.ModelForm):
    vaardigheden_invoer = forms.CharField(
        label="Vaardigheden", required=False, max_length=500,
        help_text="Gescheiden door komma's, bijvoorbeeld: projectleiding, Excel, wijkgericht werken.",
    )
    cv_verwijderen = forms.BooleanField(label="Mijn cv verwijderen", required=False)

    class Meta:
        model = Profiel
        fields = [
            "naam", "functie", "vakgebied", "salarisschaal", "uren", "regios", "plaatsen",
            "open_vacature", "open_klus", "open_detachering", "open_ruil", "beschikbaar_vanaf",
            "tekst", "cv", "zichtbaar", "zichtbaar_eigen_werkgever", "verborgen_voor",
        ]
        widgets = {
            "regios": forms.CheckboxSelectMultiple, "verborgen_voor": forms.CheckboxSelectMultiple,
            "beschikbaar_vanaf": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tekst": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"cv": "Cv (pdf, hoogstens 5 MB, niet verplicht)", "plaatsen": "Plaatsen (niet verplicht)"}
        help_texts = {
            "tekst": "Zichtbaar op je anonieme kaart. Geen naam, e-mailadres of telefoonnummer.",
            "zichtbaar": "Standaard uit. Aan: HR-redacteuren van andere deelnemende werkgevers zien je kaart, "
            "zonder naam, e-mailadres, werkgever of cv.",
            "zichtbaar_eigen_werkgever": "Los daarvan: ook HR van je eigen werkgever ziet je kaart.",
        }
        error_messages = {
            "naam": {"required": "Vul je naam in."},
            "functie": {"required": "Vul je huidige functie in."},
            "vakgebied": {"required": "Kies je vakgebied."},
            "salarisschaal": {"required": "Kies je salarisschaal."},
            "uren": {"required": "Vul het aantal uren per week in."},
        }

    def __init__(self, *args, medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.medewerker = medewerker
        self.fields["regios"].queryset = Regio.objects.order_by("naam")
        self.fields["verborgen_voor"].queryset = (
            OrganisatiePage.objects.live().exclude(email_domeinen="").exclude(pk=medewerker.werkgever_id).order_by("title")
        )
        self.fields["uren"].widget.attrs.update(min=1, max=40)
        if self.instance.pk:
            self.fields["vaardigheden_invoer"].initial = ", ".join(
                self.instance.vaardigheden.values_list("naam", flat=True)
            )
        self.warnings = []
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.ClearableFileInput)):
                continue
            if isinstance(widget, forms.Select):
                widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
            elif isinstance(widget, forms.Textarea):
                widget.attrs["class"] = "utrecht-textarea utrecht-textarea--html-textarea"
            else:
                widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}-hulp"

    def clean_uren(self):
        uren = self.cleaned_data["uren"]
        if not 1 <= uren <= 40:
            raise forms.ValidationError("Vul een aantal uren tussen 1 en 40 in.")
        return uren

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"]
        if find_email(tekst):
            raise forms.ValidationError(EMAIL_ERROR)
        if find_phone(tekst):
            raise forms.ValidationError(PHONE_ERROR)
        return tekst

    def clean_functie(self):
        functie = self.cleaned_data["functie"]
        if find_email(functie) or find_phone(functie):
            raise forms.ValidationError("Je functie mag geen e-mailadres of telefoonnummer bevatten.")
        return functie

    def clean_cv(self):
        upload = self.cleaned_data.get("cv")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            return check_pdf(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        naam = cleaned.get("naam", "")
        for field in ("tekst", "functie"):
            if find_name(cleaned.get(field, ""), naam):
                self.warnings = text_warnings(cleaned.get(field, ""), naam)
        return cleaned

    def skill_names(self):
        raw = self.cleaned_data.get("vaardigheden_invoer", "")
        return list(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))[:20]

    def save(self, commit=True):
        profiel = super().save(commit=False)
        profiel.medewerker = self.medewerker
        if self.cleaned_data.get("cv_verwijderen") and profiel.cv and "cv" not in self.files:
            profiel.cv.delete(save=False)
            profiel.cv = ""
        profiel.save()
        self.save_m2m()
        profiel.vaardigheden.set(Vaardigheid.from_names(self.skill_names()))
        return profiel


class UitnodigingForm(forms.Form):
    """An invitation to one of the employer's open vacancies or open klussen, with a short message."""

    doel = forms.ChoiceField(
        label="Uitnodigen voor", choices=[],
        error_messages={"required": "Kies een vacature of klus.", "invalid_choice": "Kies een vacature of klus."},
    )
    bericht = forms.CharField(label="Kort bericht", max_length=1000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, werkgever_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {f"vacature-{v.pk}": v for v in open_vacancies_of(werkgever_id)}
        self.targets |= {f"klus-{k.pk}": k for k in open_klussen_of(werkgever_id)}
        groups = [
            (label, [(key, page.title) for key, page in self.targets.items() if key.startswith(prefix)])
            for label, prefix in (("Vacatures", "vacature-"), ("Klussen", "klus-"))
        ]
        self.fields["doel"].choices = [group for group in groups if group[1]]

    @property
    def has_targets(self):
        return bool(self.targets)

    def clean_doel(self):
        """The vacancy or klus itself (only one the employer may invite to)."""
        return self.targets[self.cleaned_data["doel"]]


def open_klussen_of(werkgever_id):
    """The employer's live klussen still open (not past the closing date, not closed with an outcome)."""
    return KlusPage.objects.live().filter(werkgever_id=werkgever_id).filter(open_q(phases.local_date())).order_by(
        "title"
    )


def open_vacancies_of(werkgever_id):
    """The employer's live vacancies that are not closed (in any other phase: internal, network, public)."""
    closed = phases.phase_q(phases.GESLOTEN, phases.local_date())
    return VacaturePage.objects.live().filter(werkgever_id=werkgever_id).exclude(closed).order_by("title")


class KlusMetProfielForm(forms.Form):
    """One click to react to a klus with the profile; first the manager question when the klus needs it."""

    besproken = forms.ChoiceField(
        label="Heb je dit met je leidinggevende besproken?", choices=Besproken.choices, widget=forms.RadioSelect,
        help_text="Voor deze klus is het akkoord van je leidinggevende nodig.",
        error_messages={"required": "Zeg of je de klus met je leidinggevende hebt besproken."},
    )

    def __init__(self, *args, klus, **kwargs):
        super().__init__(*args, **kwargs)
        if not klus.akkoord_leidinggevende:
            del self.fields["besproken"]
