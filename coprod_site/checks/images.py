"""Images must say what they show (an image without alt text is an error, WCAG 1.1.1), and a
photo's hidden details stay out of the repository as well as the site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..image_metadata import has_metadata
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


def check_image_metadata(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each image holding hidden details: the site gets a copy without them
    (image_metadata.py), but the file itself keeps them for anyone who can see the repository."""
    content = Path(group.root) / settings.content_dir
    for image in group.images:
        try:
            data = (content / image).read_bytes()
        except OSError:
            continue
        if has_metadata(data):
            yield Problem(f"{settings.content_dir}/{image}", None, None,
                          "holds hidden details that phones and cameras add, such as where and when the "
                          "photo was taken and whose camera took it. The site gets a copy without them, "
                          "but this file keeps them for anyone who can see the group's records. Save a "
                          "copy without them (most phones and photo apps can remove the location) and "
                          "put it in this file's place.", "warning")


CHECKS = (check_image_alt_text,)
GROUP_CHECKS = (check_image_metadata,)
"""Once for the whole group: every part of a split group has every image."""
