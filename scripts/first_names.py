"""Write coprod_site/checks/first_names.txt: the first names `coprod check` looks for in the text of
records (checks/first_names.py).

The names are Faker's lists of first names for the countries most people in the UK have family
from (Faker is MIT-licensed; its person providers' names come from national statistics). Names
that are also everyday English words, in small letters in Debian's British English word list
(the `wbritish` package), are kept apart: 'Grant' or 'Rose' at the start of a sentence is as
likely a word as a name. Of those, only names common in English-speaking countries are kept:
'Said', 'Server' and 'Forum' are names elsewhere, and in an English sentence nearly always words.
Run it again when Faker or the word list changes:

    pip install faker && apt-get install wbritish
    python scripts/first_names.py [where to write it]
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from coprod_site.privacy import without_accents  # as the check compares names

ENGLISH = ("en_GB", "en_IE", "en_US")
LOCALES = (*ENGLISH, "ga_IE", "en_IN", "en_PK", "en_NG", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "en_KE", "sw", "zu_ZA",
           "pl_PL", "lt_LT", "lv_LV", "ro_RO", "pt_PT", "pt_BR", "es_ES", "it_IT", "fr_FR", "de_DE", "tr_TR")
"""Faker's locales whose names are written in the Latin alphabet, as records are."""

WORDS = Path("/usr/share/dict/british-english")
OUT = Path(__file__).resolve().parent.parent / "coprod_site" / "checks" / "first_names.txt"
ALSO_WORDS = "# Also everyday words:"
NAME_AND_S = "# Everyday words that are a name and s ('jeans'), in a file name not 'Jean's':"


def first_names(locales: tuple[str, ...]) -> set[str]:
    names: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            names.update(getattr(provider, attribute, ()))
    return {name for name in names if name.isalpha() and name[0].isupper() and name[1:].islower()}


def main(out: Path = OUT) -> None:
    words = {word for word in WORDS.read_text(encoding="utf-8").split() if word.islower()}
    names = first_names(LOCALES)
    also_words = {name for name in names if without_accents(name).lower() in words}
    names -= also_words - first_names(ENGLISH)
    also_words &= names
    plain_names = {without_accents(name).lower() for name in names - also_words}
    plurals = {word for word in words if word.endswith("s") and word[:-1] in plain_names}
    out.write_text("\n".join([
        "# First names, from Faker's person providers (MIT licence), made by scripts/first_names.py.",
        *sorted(names - also_words), ALSO_WORDS, *sorted(also_words), NAME_AND_S, *sorted(plurals)]) + "\n",
        encoding="utf-8")
    print(f"{out}: {len(names - also_words)} names, {len(also_words)} also words, {len(plurals)} words of a name "
          "and s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
