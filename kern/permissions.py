"""Admin permissions decided by role, never by Django's permission table: a model permission given to
Wagtail's Editors or Moderators or to an employer's editors opens nothing. Used by the question desk
(`vragen/permissions.py`) and the Twentse School (`opleidingen/access.py`)."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy

ACTIONS = ("add", "change", "delete", "view")


class RolePermissionPolicy(BasePermissionPolicy):
    """`actions` maps an action (add, change, delete, view) to the rule (a function of the user) that allows it;
    `groups` maps each rule to the names of the groups whose members it can allow (for Wagtail's "who may"
    lists, e.g. who gets a notification); superusers are always among them."""

    def __init__(self, model, actions, groups):
        super().__init__(model)
        self.actions = actions
        self.groups = groups

    def user_has_permission(self, user, action):
        rule = self.actions.get(action)
        return bool(rule and user.is_authenticated and user.is_active and rule(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        rules = {self.actions[action] for action in actions if action in self.actions}
        if not rules:
            return get_user_model().objects.none()
        groups = {name for rule in rules for name in self.groups.get(rule, ())}
        return get_user_model().objects.filter(
            Q(is_superuser=True) | Q(groups__name__in=groups), is_active=True,
        ).distinct()

    # Sites for a generic setting: asked by Wagtail for a setting model (one for the whole network).
    def sites_user_has_permission_for(self, user, action):
        return Site.objects.all() if self.user_has_permission(user, action) else Site.objects.none()
