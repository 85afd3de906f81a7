"""Is the loop closed? Warnings when the group has not heard back, or not looked again.

These rules are reminders (warnings that come with time), not errors: the
records are right, but someone owes the group an answer. `--strict` does not
stop on them, so a group held to its warnings can publish while it waits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..problems import Problem, Reminder
from ..records import Group, Handovers
from ..settings import Settings

Problems = Iterator[Problem]


def check_referred_responses(group: Group, settings: Settings) -> Problems:
    """A referred decision whose reply is past its due date, with no reply recorded; once the
    group has closed, not one whose farewell report names who will hear the reply (nobody is
    left to ask them again)."""
    handed = group.handovers() if group.is_closed else Handovers()
    for decision in group.decisions.values():
        if decision.response_overdue(settings.today) and decision.id not in handed:
            assert decision.response_due is not None
            yield Reminder.of(decision.source.problem(
                f"{decision.id} was referred to {decision.referred_to or 'someone else'} and their reply "
                f"was due on {_day(decision.response_due)}, but no reply is recorded. Ask them again, "
                "or add their answer as 'response' and 'response_on'.", "response_due"))


def check_decision_reviews(group: Group, settings: Settings) -> Problems:
    """An agreed decision whose 'review_on' has passed: the group said it would look at it again
    (while it goes on: a closed group meets no more)."""
    if group.is_closed:
        return
    for decision in group.decisions.values():
        review_on = decision.review_on
        if review_on is not None and decision.review_overdue(settings.today):
            yield Reminder.of(decision.source.problem(
                f"the group said it would look at {decision.id} again by {_day(review_on)}, and that "
                "day has passed. Talk about it at a meeting, then put the next date to look again in "
                "'review_on', or take 'review_on' out.", "review_on"))


def check_feedback_sent(group: Group, settings: Settings) -> Problems:
    """An agreed meeting more than `feedback_days` old that nobody has fed back on."""
    for meeting in group.meetings.values():
        sent_on = meeting.feedback.sent_on if meeting.feedback else None
        days = (settings.today - meeting.date).days
        if meeting.is_agreed and sent_on is None and days > settings.feedback_days:
            yield Reminder.of(meeting.source.problem(
                f"this meeting was {days} days ago and no feedback has been sent. Tell everyone what "
                "happened to their ideas, then add 'feedback:' with 'sent_on:' (the date) and 'how:'.",
                "feedback" if meeting.feedback is not None else "date"))


def check_open_actions(group: Group, settings: Settings) -> Problems:
    """An open action nobody may be doing: its owner has left the group since it was agreed, or
    its due date has passed (the site shows it as overdue). Not once the group has closed: its
    farewell report hands over what is still open."""
    if group.is_closed:
        return
    for meeting in group.meetings.values():
        if meeting.is_cancelled:
            continue
        for index, action in enumerate(meeting.actions):
            if action.status != "open":
                continue
            owner = group.people.get(action.owner or "")
            if owner is not None and owner.left_on is not None and meeting.date <= owner.left_on < settings.today:
                yield Reminder.of(meeting.source.problem(
                    f"the action {action.id} is still open, but '{owner.id}', its owner, left the group on "
                    f"{_day(owner.left_on)} (people.yml). Give it to someone else ('owner'), or set its status to "
                    "dropped.", "actions", index, "owner"))
            elif action.is_overdue(settings.today):
                assert action.due is not None
                yield Reminder.of(meeting.source.problem(
                    f"the action {action.id} was due on {_day(action.due)} and is still open. If it is done, "
                    "set its status to done and add 'done_on'. If not, agree a new date and change 'due', or "
                    "set its status to dropped.", "actions", index, "due"))


def _day(value: dt.date) -> str:
    """'1 April 2025'."""
    return f"{value.day} {value:%B %Y}"


CHECKS = (check_referred_responses, check_decision_reviews, check_feedback_sent, check_open_actions)
