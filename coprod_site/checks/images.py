"""Images must say what they show (an image without alt text is an error, WCAG 1.1.1), and a
photo's hidden details stay out of the repository as well as the site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..image_metadata import ImageNotCleaned, read_drawing, without_metadata
from ..problems import Problem
from ..records import Group
from ..settings import Settings
from ..words import shortened
from .bodies import Image, find_images, published_bodies


def check_image_alt_text(group: Group, settings: Settings) -> Iterator[Problem]:
    """An error for every image in a published body that has no alt text."""
    for source in published_bodies(group):
        for image in find_images(source):
            if not image.has_alt:
                yield Problem(source.path, image.line, None, missing_alt_message(image))


def missing_alt_message(image: Image) -> str:
    """Where the alt text goes, in the syntax the person used."""
    src = shortened(image.src)
    why = (f"The image '{src}' has no alt text, so people who cannot see it "
           "will not know what it shows. ")
    if image.html:
        return why + ('Add alt="a few words saying what it shows" to the <img> tag, '
                      'or alt="" if it is only decoration.')
    return why + f"Describe it in a few words between the square brackets: ![A map of the clinic]({src})"


def image_files(group: Group) -> Iterator[tuple[str, Path]]:
    """Each image of the site: as messages name it, and where it is."""
    for image in group.images:
        shown = f"{group.content}/{image}"
        yield shown, Path(group.root) / shown


def check_image_files(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each image holding hidden details: the site gets a copy without them
    (image_metadata.py), but the file itself keeps them for anyone who can see the repository.
    An error for one whose details cannot be taken out: the site never publishes it as it is.
    An SVG image is a document, read once: opened on its own it runs its scripts, and it can
    fetch things from other websites. An image on the site does neither (an error). And a
    warning for an image too heavy for a page read on an old phone."""
    for shown, file in image_files(group):
        try:
            data = file.read_bytes()
        except OSError:
            continue
        problem = _svg_problem(shown, data) if _is_svg(shown) else _picture_problem(shown, data)
        if problem is not None:
            yield problem
        if len(data) > HEAVY_IMAGE:
            yield Problem(shown, None, None, heavy_image_message(len(data)), "warning")


HEAVY_IMAGE = 1_000_000
"""Bytes above which an image is slow and dear on an old phone or a small data plan: a photo
straight from a phone is 2 to 5 MB; one resized for a web page, a few hundred KB."""


def heavy_image_message(size: int) -> str:
    return (f"is {size / 1_000_000:.1f} MB, so on an old phone or a small data plan the page is slow to "
            "load and costs the reader data. Save a smaller copy (1,600 pixels wide is plenty for a web "
            "page; most photo apps can resize a photo) and put it in this file's place.")


def _picture_problem(shown: str, data: bytes) -> Problem | None:
    try:
        published = without_metadata(data, shown)
    except ImageNotCleaned as exc:
        return Problem(shown, None, None, not_cleaned_message(exc))
    return None if published == data else Problem(shown, None, None, PHOTO_DETAILS, "warning")


PHOTO_DETAILS = (
    "holds hidden details that phones and cameras add, such as where and when the photo was taken "
    "and whose camera took it. The site gets a copy without them, but this file keeps them for anyone "
    "who can see the group's records. Save a copy without them (most phones and photo apps can remove "
    "the location) and put it in this file's place.")
DRAWING_DETAILS = (
    "holds hidden details that drawing programs add, such as the file's name, the folder it was saved "
    "in and comments. The site gets a copy without them, but this file keeps them for anyone who can "
    "see the group's records. Save a copy without them (in Inkscape: Save As, 'Optimized SVG') and "
    "put it in this file's place.")


def not_cleaned_message(exc: ImageNotCleaned) -> str:
    """Why the picture cannot be published, and how to make one that can."""
    return (f"cannot be published: {exc}. The site publishes a picture only once it has taken out "
            "the hidden details phones and cameras add (such as where a photo was taken and whose "
            "camera took it), and it cannot for this one. Open it in a photo app, save it again as a "
            "JPEG or PNG, and put that copy in this file's place.")


def _is_svg(shown: str) -> bool:
    return shown.lower().endswith(".svg")


def _svg_problem(shown: str, data: bytes) -> Problem | None:
    try:
        drawing = read_drawing(data)
    except ImageNotCleaned:
        return Problem(shown, None, None, "cannot be read as an SVG image. "
                       "Save it again from the program that made it, or as a PNG.")
    if drawing.active:  # the site publishes nothing until it is fixed: no warning as well
        return Problem(shown, None, None, f"has {', '.join(drawing.active)}. An image on the site must not "
                       "run code or fetch anything from other websites: remove them, or save the image as a PNG.")
    return None if drawing.published == data else Problem(shown, None, None, DRAWING_DETAILS, "warning")


CHECKS = (check_image_alt_text,)
GROUP_CHECKS = (check_image_files,)
"""Once for the whole group: every part of a split group has every image."""
