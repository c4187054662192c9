from django.urls import path

from . import views

app_name = "ruilen"
urlpatterns = [
    path("", views.mijn_aanbod, name="aanbod"),
    path("aanbod/", views.overzicht, name="overzicht"),
    path("intrekken/", views.intrekken, name="intrekken"),
    path("<int:pk>/interesse/", views.interesse, name="interesse"),
]
