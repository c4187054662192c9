"""Who may do what with the question desk in the admin, decided by role (roles.py; kern/permissions.py) and
never by Django's permission table: a model permission given to Editors, Moderators or an employer's editors
opens nothing.

- questions (`Vraag`, personal data): advisers and coordinators read and answer; only coordinators delete;
  nobody adds one in the admin (questions come in through /vragen/);
- FAQ entries: advisers and coordinators;
- topics, routing and the answer-time setting: coordinators.
"""

from kern.permissions import ACTIONS, RolePermissionPolicy
from vacatures.roles import COORDINATORS, is_coordinator

from .roles import ADVISEURS, is_adviser

GROUPS = {is_adviser: [COORDINATORS, ADVISEURS], is_coordinator: [COORDINATORS]}


def question_policy(model):
    return RolePermissionPolicy(model, {"view": is_adviser, "change": is_adviser, "delete": is_coordinator}, GROUPS)


def adviser_policy(model):
    return RolePermissionPolicy(model, dict.fromkeys(ACTIONS, is_adviser), GROUPS)


def coordinator_policy(model):
    return RolePermissionPolicy(model, dict.fromkeys(ACTIONS, is_coordinator), GROUPS)
