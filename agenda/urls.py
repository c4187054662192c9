from django.urls import path

from . import views

app_name = "agenda"
urlpatterns = [
    path("feed.ics", views.feed, name="feed"),
    path("<slug:slug>.ics", views.event_ics, name="ics"),
    path("aanmelden/<int:pk>/", views.aanmelden, name="aanmelden"),
    path("aanmelden/<int:pk>/activiteit/<int:activiteit>/", views.aanmelden, name="aanmelden_activiteit"),
    path("annuleren/<str:token>/", views.annuleren, name="annuleren"),
]
