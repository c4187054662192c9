from vacatures.tests.conftest import every_phase, make_vacancy, network  # noqa: F401
