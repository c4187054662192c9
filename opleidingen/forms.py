from django import forms


class InschrijfForm(forms.Form):
    naam = forms.CharField(
        label="Je naam", max_length=200, error_messages={"required": "Vul je naam in."},
        help_text="Voor de aanbieder en de contactpersoon van de Twentse School bij je werkgever.",
    )
