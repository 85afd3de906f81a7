"""Images must say what they show: an image without alt text is an error (WCAG 1.1.1)."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Problem
from ..records import Group
from ..settings import Settings
from .bodies import Image, find_images, published_bodies


def check_image_alt_text(group: Group, settings: Settings) -> Iterator[Problem]:
    """An error for every image in a published body that has no alt text."""
    for source in published_bodies(group):
        for image in find_images(source):
            if not image.has_alt:
                yield Problem(source.path, image.line, None, missing_alt_message(image))


def missing_alt_message(image: Image) -> str:
    """Where the alt text goes, in the syntax the person used."""
    why = (f"The image '{image.src}' has no alt text, so people who cannot see it "
           "will not know what it shows. ")
    if image.html:
        return why + ('Add alt="a few words saying what it shows" to the <img> tag, '
                      'or alt="" if it is only decoration.')
    return why + f"Describe it in a few words between the square brackets: ![A map of the clinic]({image.src})"


CHECKS = (check_image_alt_text,)
