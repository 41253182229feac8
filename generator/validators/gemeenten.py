"""Rules on gemeente profiles: their own logo and colours, and their Stand van zaken."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Content
from ..problems import Problem
from .base import Validator

MAX_LOGO = 200 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


def contrast(kleur: str, andere: str) -> float:
    """WCAG contrast ratio of two '#rrggbb' colours."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(kleur), luminance(andere)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Huisstijl(Validator):
    id = "huisstijl"
    beschrijving = "Het logo van een gemeente is geen PNG naast het profiel, of een kleur is niet leesbaar (WCAG AA)."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, gemeente in content.gemeenten.items():
            stijl = gemeente.huisstijl
            if stijl is None:
                continue
            for veld, voorgrond, achtergrond, waar in (("kleur", "#ffffff", stijl.kleur, "witte tekst op deze kleur"),
                                                       ("accent", stijl.accent, "#ffffff", "deze kleur op wit")):
                ratio = contrast(voorgrond, achtergrond)
                if ratio < MIN_CONTRAST:
                    yield self.at(content, "gemeenten", ident, "huisstijl", veld,
                                  message=f"{waar} heeft een contrast van {ratio:.1f}:1; nodig is minstens {MIN_CONTRAST}:1. "
                                          f"Kies een donkerder kleur")
            if stijl.logo and content.root is not None:
                path, _, _ = content.where("gemeenten", ident)
                logo = content.root / path.rsplit("/", 1)[0] / stijl.logo
                message = None
                if not logo.is_file():
                    message = f"logo '{stijl.logo}' staat niet naast het profiel ({logo.parent.name}/)"
                elif logo.stat().st_size > MAX_LOGO:
                    message = f"logo '{stijl.logo}' is groter dan {MAX_LOGO // 1024} kB; maak het kleiner"
                elif logo.read_bytes()[:8] != PNG_SIGNATURE:
                    message = f"logo '{stijl.logo}' is geen PNG-bestand"
                if message:
                    yield self.at(content, "gemeenten", ident, "huisstijl", "logo", message=message)


class StandDubbel(Validator):
    id = "stand-dubbel"
    beschrijving = "Een onderdeel van de stand van zaken staat twee keer in een gemeenteprofiel."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, gemeente in content.gemeenten.items():
            seen: set[str] = set()
            for number, stand in enumerate(gemeente.stand_van_zaken):
                if stand.onderdeel in seen:
                    yield self.at(content, "gemeenten", ident, "stand_van_zaken", number, "onderdeel",
                                  message=f"onderdeel '{stand.onderdeel}' staat al eerder in de stand van zaken")
                seen.add(stand.onderdeel)
