"""Who may do what with the question desk in the admin, decided by role (roles.py) and never by Django's
permission table: a model permission given to Editors, Moderators or an employer's editors opens nothing.

- questions (`Vraag`, personal data): advisers and coordinators read and answer; only coordinators delete;
  nobody adds one in the admin (questions come in through /vragen/);
- FAQ entries: advisers and coordinators;
- topics, routing and the answer-time setting: coordinators.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

from vacatures.roles import COORDINATORS, is_coordinator

from .roles import ADVISEURS, is_adviser


class RolePermissionPolicy(BasePermissionPolicy):
    """`actions` maps an action (add, change, delete, view) to the rule (a function of the user) that allows it."""

    def __init__(self, model, actions):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        rule = self.actions.get(action)
        return bool(rule and rule(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        rules = {self.actions.get(action) for action in actions}
        groups = [COORDINATORS] + ([ADVISEURS] if is_adviser in rules else [])
        if not rules - {None}:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(
            Q(is_superuser=True) | Q(groups__name__in=groups), is_active=True,
        ).distinct()

    # Sites for a generic setting: not used (the setting is one for the whole network), but asked by Wagtail.
    def sites_user_has_permission_for(self, user, action):
        return Site.objects.all() if self.user_has_permission(user, action) else Site.objects.none()


def question_policy(model):
    return RolePermissionPolicy(model, {"view": is_adviser, "change": is_adviser, "delete": is_coordinator})


def adviser_policy(model):
    return RolePermissionPolicy(model, {action: is_adviser for action in ("add", "change", "delete", "view")})


def coordinator_policy(model):
    return RolePermissionPolicy(model, {action: is_coordinator for action in ("add", "change", "delete", "view")})
