from django.urls import path

from . import views

app_name = "medewerkers"
urlpatterns = [
    path("inloggen/", views.inloggen, name="inloggen"),
    path("inloggen/<str:token>/", views.bevestigen, name="bevestigen"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
]
