"""Lists on the site as a Markdown preview shows them (CommonMark, which GitHub and GitLab follow).

Python-Markdown, which MkDocs reads pages with, starts a list only after a blank line:
'What we agreed:' with '- a photo of the lift' on the next line showed as one paragraph, dashes
and all, where the preview of the same file in a pull request showed a list. In CommonMark a
list may begin on the line after a paragraph's (a numbered one only from 1), and this extension
puts in the blank line Python-Markdown needs before such a list. (That a numbered list starts at
its own number, and that a bulleted list after a numbered one is a list of its own, comes from
Python-Markdown's `sane_lists`, which the site also reads pages with.)

Code is left as typed, and so is everything indented: the lines of a list's item or of a note.

A task list's items ('- [ ] Book the room', '- [x] Send the map'), which a preview shows with a
box, ticked or not, had shown their brackets as typed. They show a box drawn by the stylesheet
(a tick in it when done), and say 'To do:' or 'Done:' to a screen reader, which hears nothing of
a drawing; a checkbox would be a form control that cannot be used, and that has no label.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

STARTS_LIST = re.compile(r" {0,3}(?:[-*+]|1[.)]) +\S")
"""A line that CommonMark lets begin a list straight after a paragraph: a bulleted item, or a
numbered one from 1 ('2025 was our first year.' does not), with words after its mark."""
THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?: *\1){2,} *")
"""'- - -' or '* * *': a line across the page, not a list."""
PARAGRAPH_LINE = re.compile(r"""[^\W_]|["'“‘(>]|[*_]+[^\W_]""")
"""A line of a paragraph as it starts: a letter or a number, a quotation mark or a bracket, or
emphasis ('*Note:* ...'), or a quoted paragraph's ('> '); not a heading, table, HTML, list, code,
note or definition."""
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


class ListsAfterParagraphs(Preprocessor):  # type: ignore[misc]  # (Markdown has no types)
    """A blank line between a paragraph's last line and a list that begins on the next."""

    def run(self, lines: list[str]) -> list[str]:
        shown: list[str] = []
        fence: str | None = None
        paragraph = False  # whether the last line was a line of a paragraph, outside code and lists
        in_item = False  # whether the lines since the last blank one began with a list's item
        for line in lines:
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                shown.append(line)
                continue
            if opening := FENCE.match(line):
                fence, paragraph = opening[1], False
                shown.append(line)
                continue
            starts_list = STARTS_LIST.match(line) is not None and THEMATIC_BREAK.fullmatch(line) is None
            if paragraph and starts_list:
                shown.append("")
            shown.append(line)
            in_item = (in_item or starts_list) and bool(line.strip())
            paragraph = (not in_item and PARAGRAPH_LINE.match(line) is not None
                         and not line.startswith("*["))  # '*[NHS]: ...' explains a short form
        return shown


TASK = re.compile(r"\[([ xX])\][ \t]+(?=\S)")
"""A task's box as typed at the start of its item: '[ ] ' to do, '[x] ' done."""


class TaskItems(Treeprocessor):  # type: ignore[misc]
    """Each task list item with its box drawn and its state said in words."""

    def run(self, root: etree.Element) -> None:
        for items in root.iter():
            if items.tag not in ("ul", "ol"):
                continue
            for item in items.findall("li"):
                first = item if (item.text or "").strip() or not len(item) else item[0]  # a loose list's <p>
                task = TASK.match(first.text or "") if first is item or first.tag == "p" else None
                if task is not None:
                    _show_task(item, first, done=task[1] != " ", rest=(first.text or "")[task.end():])


def _show_task(item: etree.Element, first: etree.Element, done: bool, rest: str) -> None:
    said = etree.Element("span", {"class": "coprod-visually-hidden", "lang": "en"})
    said.text = "Done: " if done else "To do: "
    box = etree.Element("span", {"class": f"coprod-task-box{' coprod-task-box--done' if done else ''}"})
    box.tail = rest
    first.text = ""
    first.insert(0, said)
    first.insert(1, box)
    item.set("class", " ".join(filter(None, [item.get("class"), "coprod-task"])))


class ListsExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:  # (Python-Markdown's name for it)
        # After Python-Markdown evens out whitespace (30), before it sets HTML blocks aside (20).
        md.preprocessors.register(ListsAfterParagraphs(md), "coprod_lists_after_paragraphs", 25)
        # Before inline Markdown (20), so that '[x]' is still the item's text, not read as a link.
        md.treeprocessors.register(TaskItems(md), "coprod_task_items", 25)


def makeExtension(**kwargs: object) -> ListsExtension:  # (how Python-Markdown finds it)
    return ListsExtension(**kwargs)
