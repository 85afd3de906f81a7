"""Links and images in the records that point at a missing file are found by `coprod check`."""

from __future__ import annotations

import base64
import posixpath
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import mkdocs_build
from groups import FILES, SECOND_MEETING, write_files
from PIL import Image

from coprod_site.checks import check_folder

PAGE = """# Visit us

- [the next meeting](meetings/2025-02-14-leaflets.md) and [D-001](decisions/D-001-own-words.md)
- [the decisions list](decisions/index.md), [a decision's page](decisions/D-002.md) and [who we are](people/)
- [the NHS](https://www.nhs.uk/), [this part](#visit-us) and [write to us](mailto:team@example.org)
- [a meeting we never had](meetings/2025-13-01-nope.md)
- [our leaflet](assets/leaflet%20final.md)

![A map of the clinic](assets/map.png)
"""


def test_a_link_or_image_to_a_file_that_is_not_there_is_a_warning_at_its_line(tmp_path: Path) -> None:
    root = write_files(tmp_path, {**FILES, "content/visit.md": PAGE})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if "no such file" in p.message] == [
        f"warning: content/visit.md, line {line}: links to '{address}', but there is no such file in the "
        "group's records. Check the name, and that it is written from this file's folder."
        for line, address in [(6, "meetings/2025-13-01-nope.md"), (7, "assets/leaflet%20final.md"),
                              (9, "assets/map.png")]]
    write_files(root, {"content/assets/leaflet final.md": "# Leaflet\n\nOur leaflet.\n"})
    (root / "content/assets/map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _, _, problems = check_folder(root)
    assert [p.line for p in problems if "no such file" in p.message] == [6]


def test_an_address_with_a_space_is_a_warning_as_it_leads_nowhere_on_the_site(tmp_path: Path) -> None:
    """`![Map](my map.png)` is no image to CommonMark, but the site's Markdown makes one of it,
    whose address MkDocs leaves as written: a broken picture, even with the file there."""
    page = ("# Visit us\n\nHere is the map: ![A map of the clinic](assets/my map.png)\n\n"
            "Read [our leaflet](assets/leaflet%20v2.md), [the notes](notes.md \"Our notes\") and\n"
            "[the NHS page](https://www.nhs.uk/a page).\n")
    root = write_files(tmp_path, {**FILES, "content/visit.md": page, "content/assets/leaflet v2.md": "# Leaflet\n",
                                  "content/notes.md": "# Notes\n"})
    Image.new("RGB", (8, 8)).save(root / "content/assets/my map.png")
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if "link" in p.message and p.path == "content/visit.md"] == [
        ("warning: content/visit.md, line 3: links to 'assets/my map.png', whose space leaves the link going nowhere "
         "on the site. Rename the file without spaces, like 'my-map.png', and write its new name here."),
        ("warning: content/visit.md, line 6: links to 'https://www.nhs.uk/a page', whose space leaves the link going "
         "nowhere on the site. Write %20 for each space in it.")]
    assert mkdocs_build(root).returncode == 0
    built = BeautifulSoup((root / "site/visit/index.html").read_text(encoding="utf-8"), "html.parser")
    src = built.select_one("article img[alt='A map of the clinic']")["src"]
    assert not (root / "site/visit" / str(src)).is_file() and (root / "site/assets/my map.png").is_file()


def test_what_the_site_takes_out_because_it_loads_from_another_website_is_a_warning(tmp_path: Path) -> None:
    """A page loads nothing from another website, so these are left out of it: the writer is told
    at the line, rather than finding the picture or the video missing. As code, they are shown."""
    page = ("# Our news\n\n![Our chart](https://cdn.example.com/chart.png)\n\n"
            '<iframe src="https://video.example.com/x"></iframe>\n\n'
            "To show a video we would need `<script src=...>`, which we do not use.\n\n"
            '<link rel="stylesheet" href="https://fonts.example.com/a.css">\n\n'
            "[Click me](javascript:alert(1)) or [read more](https://www.nhs.uk/).\n")
    root = write_files(tmp_path, {**FILES, "content/news.md": page})
    _, _, problems = check_folder(root)
    assert [(p.line, p.severity, p.message.split(".")[0]) for p in problems if p.path == "content/news.md"] == [
        (3, "warning", "shows a picture from another website ('https://cdn"),
        (5, "warning", ("has an <iframe> tag, which the site takes out: pages run nothing and load nothing from "
                       "other websites")),
        (9, "warning", ("has a <link> tag, which the site takes out: pages run nothing and load nothing from "
                       "other websites")),
        (11, "warning", "has a link whose words, 'read more', do not say where it goes"),
        (11, "warning", ("links to 'javascript:alert(1)', which the site takes out: links go to web pages (https:), "
                        "email (mailto:) or phone numbers (tel:)"))]


def test_a_look_or_a_script_in_a_tag_the_site_keeps_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """'<span style="color:red">' lost its colour unsaid: the writer hears why, and what to use."""
    page = ('# News\n\n<p style="color: red" onclick="go()">Important!</p>\n\n'
            'Some <SPAN STYLE="font-size:2em">big</SPAN> words, and `<b style="x">` as code.\n\n'
            '<script onload="x()">run()</script>\n')
    root = write_files(tmp_path, {**FILES, "content/news.md": page})
    _, _, problems = check_folder(root)
    style = ("which the site takes out: every page keeps one look, which readers can change to the colours and "
             "sizes they need. To stress words, use **bold**.")
    assert [(p.line, p.message) for p in problems if p.path == "content/news.md"] == [
        (3, f"has a style attribute in a <p> tag, {style}"),
        (3, "has an onclick attribute in a <p> tag, which the site takes out: pages run nothing. Take it out."),
        (5, f"has a style attribute in a <span> tag, {style}"),
        (7, ("has a <script> tag, which the site takes out: pages run nothing and load nothing from other "
             "websites. Take it out; a link to the other website works."))]
    assert {p.severity for p in problems if p.path == "content/news.md"} == {"warning"}
    assert mkdocs_build(root).returncode == 0
    page_html = (root / "site/news/index.html").read_text(encoding="utf-8")
    assert "Important!" in page_html and "color: red" not in page_html and "go()" not in page_html


def test_a_link_whose_words_do_not_say_where_it_goes_is_a_warning_at_its_own_line(tmp_path: Path) -> None:
    """'Click here' or a link with no words tells someone who hears the page's links listed
    nothing of where each goes (WCAG 2.4.4): the writer is told at the link's own line, even
    inside a long paragraph. Words that say where it goes pass, and so do pictures whose words do."""
    page = ("# News\n\nOur report is out.\nTo read it, click [here](https://example.org/report.pdf).\n"
            "Or [read more.](https://example.org/more)\n\n"
            "[](https://example.org/empty) and [![The NHS logo](assets/logo.png)](https://www.nhs.uk/)\n\n"
            "Read [our 2025 impact report](https://example.org/report.pdf), or [the NHS website](https://www.nhs.uk/).\n")
    root = write_files(tmp_path, {**FILES, "content/news.md": page, "content/assets/logo.png": ""})
    _, _, problems = check_folder(root)
    assert [(p.line, p.message.split(". ")[0]) for p in problems if p.path == "content/news.md"] == [
        (4, "has a link whose words, 'here', do not say where it goes"),
        (5, "has a link whose words, 'read more.', do not say where it goes"),
        (7, "has a link with no words, so nobody can tell where it goes ('https://example.org/empty')")]
    warning = next(p for p in problems if p.path == "content/news.md")
    assert warning.severity == "warning"
    assert warning.message.endswith("Write words that say where it goes between the square brackets, like 'Read "
                                    "[our 2025 impact report](…)'.")


def test_a_warning_after_a_block_of_code_is_at_its_own_line(tmp_path: Path) -> None:
    """Code was blanked out with its line breaks, so every line after a code block was counted
    short."""
    page = "# Our news\n\n```\nfirst\nsecond\n```\n\n<iframe src=\"https://video.example.com/x\"></iframe>\n"
    root = write_files(tmp_path, {**FILES, "content/news.md": page})
    _, _, problems = check_folder(root)
    assert [p.line for p in problems if p.path == "content/news.md" and "<iframe>" in p.message] == [8]


def test_a_picture_from_the_writers_own_computer_is_told_to_go_in_assets(tmp_path: Path) -> None:
    """'C:\\Users\\...' had been called a picture from another website ('C:%5CUsers...')."""
    page = "# News\n\n![A map of the clinic](C:\\Users\\sam\\Pictures\\map.png)\n"
    root = write_files(tmp_path, {**FILES, "content/news.md": page})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path == "content/news.md"] == [
        ("warning: content/news.md, line 3: shows a picture from a computer's own folders "
        "('C:\\Users\\sam\\Pictures\\map.png'), which nobody else can see. Save the picture in the assets folder "
        "and show it from there, like ![What it shows](../assets/map.png).")]


def test_a_link_that_opens_only_inside_the_writers_organisation_is_a_warning(tmp_path: Path) -> None:
    """Pasted from a work computer, a shared drive's or SharePoint's address opens for the person
    who wrote it, and for no reader. A personal OneDrive's address holds the owner's account name,
    made from their work email address."""
    page = ("# Papers\n\n"
            "- [the slides](https://trust.sharepoint.com/sites/outpatients/Shared%20Documents/slides.pptx)\n"
            "- [the notes](https://trust-my.sharepoint.com/:w:/g/personal/sarah_jones_nhs_net/EaBc?e=x1)\n"
            "- [our folder](S:\\Outpatients\\Minutes) and [my copy](H:\\My Documents\\notes.docx)\n"
            "- [our channel](https://teams.microsoft.com/l/channel/19%3Aab/General?groupId=1)\n"
            "- [join the meeting](https://teams.microsoft.com/l/meetup-join/19%3Ameeting_ab/0), "
            "[the shared report](https://trust.sharepoint.com/:b:/s/outpatients/EfGh?e=y2), "
            "[the form](https://forms.office.com/r/abc) and [the plan](https://docs.google.com/document/d/1x/edit)\n")
    root = write_files(tmp_path, {**FILES, "content/papers.md": page})
    _, _, problems = check_folder(root)
    advice = ("which readers outside your organisation cannot open. Write what they need to know on this page, "
              "or link to a copy on a public website.")
    assert [str(p) for p in problems if p.path == "content/papers.md"] == [
        ("warning: content/papers.md, line 3: links to a file on your organisation's SharePoint "
         f"('https://trust.sharepoint.com/sites/outpatients/Shared Docum…'), {advice}"),
        ("warning: content/papers.md, line 4: links to a file in someone's own OneDrive "
         "('https://trust-my.sharepoint.com/:w:/g/personal/sarah_jones_…'), which readers outside your "
         "organisation cannot open, and its address holds the account name of the person whose OneDrive it is "
         "('sarah_jones_nhs_net'), which the site would publish. Write what they need to know on this page, or "
         "link to a copy on a public website."),
        ("warning: content/papers.md, line 5: links to a file on a computer or a shared drive "
         f"('H:\\My Documents\\notes.docx'), {advice}"),
        ("warning: content/papers.md, line 5: links to a file on a computer or a shared drive "
         f"('S:\\Outpatients\\Minutes'), {advice}"),
        ("warning: content/papers.md, line 6: links to a team's channel or chat in Microsoft Teams "
         f"('https://teams.microsoft.com/l/channel/19:ab/General?groupId…'), {advice}")]


def test_a_picture_pasted_in_as_data_is_told_once_and_shortly(tmp_path: Path) -> None:
    """Minutes copied from an online document hold their pictures as data: each was called 'a
    picture from another website', and told a second time as a link the site takes out, each time
    with the whole picture written out, thousands of characters."""
    data = "data:image/png;base64," + base64.b64encode(bytes(range(256)) * 8).decode()
    page = f"# News\n\n![Our logo]({data})\n\nSee [the paper](https://example.org/{'x' * 300}.pdf).\n"
    root = write_files(tmp_path, {**FILES, "content/news.md": page})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path == "content/news.md"] == [
        ("warning: content/news.md, line 3: has a picture written into the text as data "
         f"('{data[:39]}\u2026'), which the site leaves out. Save the picture as a file in the assets folder "
         "and show it from there, like ![What it shows](../assets/picture.png).")]
    assert all(len(p.message) < 400 for p in problems)


def test_a_link_to_a_records_page_that_no_record_has_is_a_warning(tmp_path: Path) -> None:
    """An address copied from the browser and mistyped had gone live as a broken link, unsaid;
    a year's page, a page of a list and a record renamed with old_ids are pages too."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = FILES[meeting] + ("\nSee [last time](../2025-01-10-first-meting/), [the first](../2025-01-10-first-meeting/), "
                             "[a decision](../../decisions/D-002/), [2025](../2025/), [older meetings](../page/2/) and "
                             "[people](../../people/).\n")
    root = write_files(tmp_path, {**FILES, meeting: text})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path == meeting] == [
        ("warning: content/meetings/2025-02-14-leaflets.md, line 24: links to '../2025-01-10-first-meting/', but no "
        "meeting has that address. Check the name. Did you mean ../2025-01-10-first-meeting/?")]


def test_a_link_to_a_page_of_the_site_that_it_does_not_make_is_a_warning(tmp_path: Path) -> None:
    """'../peple/' went live as a broken link; the site's own pages, its folders of files and the
    group's own pages ('../news/') are addresses too."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = FILES[meeting] + ("\nSee [who we are](../../peple/), [the statement](../../accessibility/), "
                             "[data](../../data/), [our news](../../news/), [the charter's history](../../charter/history/), "
                             "[home](../../) and [the meetings](../).\n")
    root = write_files(tmp_path, {**FILES, meeting: text, "content/news.md": "# News\n\nSee [the decisons](../decisons/).\n"})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path in (meeting, "content/news.md")] == [
        ("warning: content/meetings/2025-02-14-leaflets.md, line 24: links to '../../peple/', but no page of the "
        "site has that address. Check the name. Did you mean ../../people/?"),
        ("warning: content/news.md, line 3: links to '../decisons/', but no page of the site has that address. "
        "Check the name. Did you mean ../decisions/?")]


def test_a_link_from_the_root_of_the_web_address_is_a_warning_where_the_site_lives_in_a_folder(tmp_path: Path) -> None:
    """The site lives at https://example.org/test/: '/charter/' led to https://example.org/charter/."""
    meeting = "content/meetings/2025-02-14-leaflets.md"
    text = FILES[meeting] + "\nSee [our charter](/charter/#payments) and [us](/test/people/).\n"
    root = write_files(tmp_path, {**FILES, meeting: text})
    _, _, problems = check_folder(root)
    assert [str(p) for p in problems if p.path == meeting] == [
        ("warning: content/meetings/2025-02-14-leaflets.md, line 24: links to '/charter/#payments', from the root of "
         "the web address, but the site lives at https://example.org/test/, so the link leads outside it. Write it "
         "from this page: ../../charter/#payments")]


GREEN_SQUARE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def test_addresses_typed_in_html_lead_where_markdown_ones_do(tmp_path: Path) -> None:
    """A picture or link typed as HTML (pasted, or given a size) was published with its address
    as typed, which `coprod check` had read from the file's folder: on the site it was looked for
    under the page's own address, and the picture was missing. Such addresses now lead where the
    same address in Markdown does."""
    garden = ("---\ntitle: Our garden\n---\n\nThe garden in spring.\n\n"
              '<img src="assets/square.png" alt="A green square" width="40">\n\n'
              'Read <a href="charter.md#how-we-meet">how we meet</a> and '
              "<a href='meetings/2025-02-14-leaflets.md'>the leaflets meeting</a>, or "
              '<a href="https://www.nhs.uk/">the NHS</a>.\n\n'
              '`<img src="assets/square.png">` is how a picture is typed in a web page.\n')
    meeting = SECOND_MEETING.rstrip() + '\n\n<img src="../assets/square.png" alt="Our square again">\n'
    root = write_files(tmp_path, {**FILES, "content/garden.md": garden,
                                  "content/meetings/2025-02-14-leaflets.md": meeting})
    (root / "content/assets").mkdir()
    (root / "content/assets/square.png").write_bytes(GREEN_SQUARE)
    _, _, problems = check_folder(root)
    assert [p for p in problems if "no such file" in p.message] == []
    result = mkdocs_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    led_to = []
    for page, typed in [("garden/", "img, a[href^='..']"), ("meetings/2025-02-14-leaflets/", "img[alt*=square]")]:
        html = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        for tag in html.select(f"article :is({typed}):not(.coprod-share *, nav *)"):
            address = str(tag.get("src") or tag.get("href"))
            led_to.append((page, posixpath.normpath(posixpath.join(page, address.partition("#")[0]))))
    assert sorted(led_to) == [("garden/", "assets/square.png"), ("garden/", "charter"),
                              ("garden/", "meetings/2025-02-14-leaflets"),
                              ("meetings/2025-02-14-leaflets/", "assets/square.png")]
    assert all((site / path).is_file() or (site / path / "index.html").is_file() for _, path in led_to)
    typed = (site / "garden/index.html").read_text(encoding="utf-8")
    assert '&lt;img src="assets/square.png"&gt;' in typed, "code is shown as typed"


def test_a_video_sound_or_form_field_the_site_takes_out_is_a_warning(tmp_path: Path) -> None:
    """A <video> or <audio> was taken out without a word (its fallback words stayed), and so was a
    <textarea> with the words typed in it."""
    page = ('# Our film\n\n<video controls src="https://video.example.com/x.mp4">Our film</video>\n\n'
            "<audio src=\"https://sound.example.com/x.mp3\"></audio>\n\n<textarea>What we said</textarea>\n")
    root = write_files(tmp_path, {**FILES, "content/film.md": page})
    _, _, problems = check_folder(root)
    assert [(p.line, p.message.split(",")[0]) for p in problems if p.path == "content/film.md"] == [
        (3, "has a <video> tag"), (5, "has an <audio> tag"), (7, "has a <textarea> tag")]
