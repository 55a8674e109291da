"""Roles as labels and introductions write them: the body a role belongs to.

``公安部副部长`` is a title (副部长) of a body (公安部); ``…司长、新闻发言人`` is several posts of
one person, the first naming the body.
"""

from __future__ import annotations

import re

from reader.speakers.names import TITLE_AT_END, analysis_form

# Several posts of one person: ``…司长、新闻发言人``, ``商务部副部长兼国际贸易谈判副代表``.
ROLE_LIST_SPLIT = re.compile(r"[、，,]|兼")

# Qualifiers that are no body of their own (``有关负责人``, ``相关负责同志``): no organization.
NOT_ORGANIZATIONS = ("有关", "相关", "该", "本")


def organization_of(role: str) -> str | None:
    """The body a role belongs to: its first title with the job title taken off.

    Read in simplified characters (``副會長`` is a title too), returned as written.
    """
    simple = analysis_form(role)
    if simple != role and len(simple) == len(role):
        org = organization_of(simple)
        return role[: len(org)] if org else None
    first = ROLE_LIST_SPLIT.split(role, maxsplit=1)[0]
    org = TITLE_AT_END.sub("", first)
    while org and TITLE_AT_END.search(org):
        org = TITLE_AT_END.sub("", org)
    org = org.removesuffix("副")
    for qualifier in NOT_ORGANIZATIONS:
        # 公安部有关负责人 is 公安部's; but the 本 of A资本 is part of the name.
        if len(qualifier) > 1 or org == qualifier:
            org = org.removesuffix(qualifier)
    return org if len(org) >= 2 else None
