from django.urls import path

from . import views

app_name = "opleidingen"
urlpatterns = [
    path("inschrijven/<int:pk>/", views.inschrijven, name="inschrijven"),
    path("annuleren/<str:token>/", views.annuleren, name="annuleren"),
]
