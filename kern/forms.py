from django import forms


class HoneypotMixin(forms.Form):
    """A field people never see or fill in; bots that fill every field give themselves away."""

    website = forms.CharField(required=False, label="Laat dit veld leeg")

    def is_bot(self):
        return bool(self.data.get("website"))
