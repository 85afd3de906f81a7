"""A page's headings step down one level at a time, as people who move through a page by its
headings expect; the text of records is moved to do so, a page of the group's own is told."""

from __future__ import annotations

from pathlib import Path

from groups import FILES, SECOND_MEETING, write_files

from coprod_site.checks import check_folder

VISIT = "# Visit us\n\n## Where\n\nRoom 2.\n\n#### Parking\n\nFree.\n\n## When\n\n### Times\n\nAt four.\n"
NEWS = "---\ntitle: News\n---\nOur news.\n\n### The summer\n\nWe met.\n"


def test_a_heading_that_skips_a_level_on_a_page_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """'####' after '##', and '###' straight under the page's title, are told with the heading to
    write; the home page's text and a record's are moved into place by the site, and not told."""
    meeting = SECOND_MEETING + "\n# Our meeting\n\n### Details\n\nNone.\n"
    root = write_files(tmp_path, {**FILES, "content/visit.md": VISIT, "content/news.md": NEWS,
                                  "content/index.md": "Welcome.\n\n### Who we are\n\nA group.\n",
                                  "content/meetings/2025-02-14-leaflets.md": meeting})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if "skips a level" in p.message] == [
        ("warning: content/news.md, line 6: '### The summer' comes straight after a level-1 heading, so it skips "
         "a level: people who move through a page by its headings would think a part is missing. Make it "
         "'## The summer'."),
        ("warning: content/visit.md, line 7: '#### Parking' comes straight after a level-2 heading, so it skips "
         "a level: people who move through a page by its headings would think a part is missing. Make it "
         "'### Parking'.")]


def test_a_heading_typed_without_its_space_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """'#What we talked about' shows as text, '#' and all, on any page or record, at the start of
    a paragraph or inside one (where a heading would have begun); a sentence begun by a hashtag,
    '#5', and '#' in code are not headings meant."""
    meeting = (SECOND_MEETING + "\n#What we talked about\n\nWe talked.\n##Next steps\nMore to do.\n\n"
               "#BeKind was our theme.\n\n#5 on the list.\n\n    #Code here\n\n`#inline`\n")
    root = write_files(tmp_path, {**FILES, "content/visit.md": "# Visit us\n\n###Parking\n\nFree.\n",
                                  "content/meetings/2025-02-14-leaflets.md": meeting})
    _, _, problems = check_folder(root)
    start = SECOND_MEETING.count("\n") + 2
    assert [str(p) for p in problems if "shows as text" in p.message] == [
        (f"warning: content/meetings/2025-02-14-leaflets.md, line {start}: '#What we talked about' shows as text, "
         "'#' and all. If it is a heading, put a space after the '#': '# What we talked about'."),
        (f"warning: content/meetings/2025-02-14-leaflets.md, line {start + 3}: '##Next steps' shows as text, "
         "'##' and all. If it is a heading, put a space after the '##': '## Next steps'."),
        ("warning: content/visit.md, line 3: '###Parking' shows as text, '###' and all. If it is a heading, put "
         "a space after the '###': '### Parking'.")]

