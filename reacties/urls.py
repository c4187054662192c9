from django.urls import path

from . import views

app_name = "reageren"
urlpatterns = [
    path("<int:pk>/", views.reageren, name="formulier"),
    path("<int:pk>/extern/", views.extern, name="extern"),
    path("verwijderen/<str:token>/", views.verwijderen, name="verwijderen"),
    path("klus/<int:pk>/", views.reageren_klus, name="klus"),
]
