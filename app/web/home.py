"""What the domains add to a member's home page, without the shell importing them: steps of the
checklist ("take a course", "claim a shift"), and sections (the next shift, earnings), registered
from each domain's ``init_app`` as demo steps and periodic jobs are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One step of the path to paid work: done or not, and where to do it."""

    label: str
    done: bool
    url: str | None = None


@dataclass(frozen=True)
class Section:
    """A block of the home page: its template and the values it shows."""

    template: str
    values: dict


# (order, provider): a provider takes the user and returns a Step / a Section, or None to show nothing.
HOME_STEPS: list[tuple[int, Callable]] = []
HOME_SECTIONS: list[tuple[int, Callable]] = []


def add_home_step(provider: Callable, order: int = 50) -> None:
    if all(existing is not provider for _order, existing in HOME_STEPS):
        HOME_STEPS.append((order, provider))
        HOME_STEPS.sort(key=lambda entry: entry[0])


def add_home_section(provider: Callable, order: int = 50) -> None:
    if all(existing is not provider for _order, existing in HOME_SECTIONS):
        HOME_SECTIONS.append((order, provider))
        HOME_SECTIONS.sort(key=lambda entry: entry[0])


def member_day(user) -> dict:
    """The member's checklist, the next step (the first not done) and the sections, in order."""
    steps = [step for _order, provider in HOME_STEPS if (step := provider(user)) is not None]
    sections = [section for _order, provider in HOME_SECTIONS if (section := provider(user)) is not None]
    return {"steps": steps, "next_step": next((step for step in steps if not step.done), None),
            "sections": sections}
