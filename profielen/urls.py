from django.urls import path

from . import views

app_name = "profielen"
urlpatterns = [
    path("", views.profiel, name="profiel"),
    path("export/", views.export, name="export"),
    path("cv/", views.eigen_cv, name="cv"),
    path("verwijderen/", views.verwijderen, name="verwijderen"),
    path("uitnodigingen/<int:pk>/", views.uitnodiging, name="uitnodiging"),
    path("klus/<int:pk>/reageren/", views.klus_reageren, name="klus_reageren"),
]
