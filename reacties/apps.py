from django.apps import AppConfig

from vacatures.signals import vacancy_viewed


class ReactiesConfig(AppConfig):
    name = "reacties"
    verbose_name = "Reacties"

    def ready(self):
        from .models import count_vacancy_view  # models cannot be imported while Django loads the apps

        vacancy_viewed.connect(count_vacancy_view, dispatch_uid="reacties-weergave")
