"""Images must say what they show (an image without alt text is an error, WCAG 1.1.1), and a
photo's hidden details stay out of the repository as well as the site."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

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


def image_files(group: Group) -> Iterator[tuple[str, Path]]:
    """Each image of the site: as messages name it, and where it is."""
    for image in group.images:
        shown = f"{group.content}/{image}"
        yield shown, Path(group.root) / shown


def check_image_metadata(group: Group, settings: Settings) -> Iterator[Problem]:
    """A warning for each image holding hidden details: the site gets a copy without them
    (image_metadata.py), but the file itself keeps them for anyone who can see the repository."""
    for shown, file in image_files(group):
        try:
            data = file.read_bytes()
        except OSError:
            continue
        if has_metadata(data):
            yield Problem(shown, None, None,
                          "holds hidden details that phones and cameras add, such as where and when the "
                          "photo was taken and whose camera took it. The site gets a copy without them, "
                          "but this file keeps them for anyone who can see the group's records. Save a "
                          "copy without them (most phones and photo apps can remove the location) and "
                          "put it in this file's place.", "warning")


_EXTERNAL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
"""An address with a scheme (http:, javascript:, data:) or another host: not a part of the image."""


def check_svg_content(group: Group, settings: Settings) -> Iterator[Problem]:
    """An SVG image is a document: opened on its own it runs its scripts, and it can fetch things
    from other websites. An image on the site does neither."""
    for shown, file in image_files(group):
        if not shown.lower().endswith(".svg"):
            continue
        try:
            root = ElementTree.fromstring(file.read_bytes())
        except (OSError, ElementTree.ParseError):
            yield Problem(shown, None, None, "cannot be read as an SVG image. "
                          "Save it again from the program that made it, or as a PNG.")
            continue
        found = sorted({what for element in root.iter() for what in _active_parts(element)})
        if found:
            yield Problem(shown, None, None, f"has {', '.join(found)}. An image "
                          "on the site must not run code or fetch anything from other websites: remove "
                          "them, or save the image as a PNG.")


def _active_parts(element: ElementTree.Element) -> Iterator[str]:
    name = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
    if name.lower() in ("script", "foreignobject", "iframe"):
        yield f"a <{name}> element"
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2].lower()
        if local.startswith("on"):
            yield f"an event handler ({local})"
        elif local == "href" and _EXTERNAL.match(value) and (
                name.lower() != "a" or value.strip().lower().startswith("javascript:")):
            yield f"a link to '{value.strip()[:60]}'"  # fetched (an <a> to another page is only followed)


CHECKS = (check_image_alt_text,)
GROUP_CHECKS = (check_image_metadata, check_svg_content)
"""Once for the whole group: every part of a split group has every image."""
