"""Links and images in the records that point at a missing file are found by `coprod check`."""

from __future__ import annotations

from pathlib import Path

from groups import FILES, write_files

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
