from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("nieuw/", views.nieuw, name="nieuw"),
    path("bevestigen/<str:token>/", views.bevestigen, name="bevestigen"),
    path("<str:token>/stoppen/", views.stoppen, name="stoppen"),
    path("<str:token>/", views.beheren, name="beheren"),
]
