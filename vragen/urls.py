from django.urls import path

from . import views

app_name = "vragen"
urlpatterns = [
    path("", views.vragen, name="vragen"),
    path("draad/<str:token>/", views.draad, name="draad"),
]
