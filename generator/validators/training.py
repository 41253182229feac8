"""Rules on training material: cases have a model answer, sessions add up, exercises hold 2–4 signals."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Content
from ..problems import Problem
from .base import Validator

MIN_SIGNALEN, MAX_SIGNALEN = 2, 4
HERKOMST = ("Naar ", "Fictief, samengesteld uit ")


class CasusZonderModelantwoord(Validator):
    id = "casus-zonder-modelantwoord"
    beschrijving = "Een casus zonder modelantwoord: de trainer kan niets onthullen."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, casus in content.casussen.items():
            if casus.modelantwoord is None:
                yield self.at(content, "casussen", ident, "id",
                              message=f"casus '{ident}' heeft geen 'modelantwoord': schrijf op welke barrières, welke combinatie, "
                              "wat je vastlegt en wie je belt")


class CasusHerkomst(Validator):
    id = "casus-herkomst"
    beschrijving = "Een casus zegt niet waar het verhaal vandaan komt ('Naar …' of 'Fictief, samengesteld uit …')."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, casus in content.casussen.items():
            if not casus.herkomst.startswith(HERKOMST):
                yield self.at(content, "casussen", ident, "herkomst",
                              message=f"casus '{ident}': begin 'herkomst' met 'Naar …' (een echte zaak, met bron) "
                              "of met 'Fictief, samengesteld uit …'")


class SessieDuur(Validator):
    id = "sessie-duur"
    beschrijving = "De blokken van een sessie tellen niet op tot de duur van de sessie."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, sessie in content.sessies.items():
            total = sum(blok.minuten for blok in sessie.blokken)
            if total != sessie.duur_minuten:
                yield self.at(content, "sessies", ident, "duur_minuten",
                              message=f"sessie '{ident}' duurt {sessie.duur_minuten} minuten, maar de blokken tellen op tot {total}")


class OpgaveAantalSignalen(Validator):
    id = "opgave-aantal-signalen"
    beschrijving = "Een opgave met minder dan twee of meer dan vier signalen."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, oefening in content.oefeningen.items():
            for index, opgave in enumerate(oefening.opgaven):
                count = len(opgave.signalen)
                if not MIN_SIGNALEN <= count <= MAX_SIGNALEN:
                    yield self.at(content, "oefeningen", ident, "opgaven", index, "signalen",
                                  message=f"opgave '{opgave.id}' in oefening '{ident}' heeft {count} signa{'al' if count == 1 else 'len'}; "
                                  f"een set heeft er {MIN_SIGNALEN} tot {MAX_SIGNALEN}")


class OpgaveZelfdeBarriere(Validator):
    id = "opgave-zelfde-barriere"
    beschrijving = "Een combinatie met signalen uit maar één barrière: 1+1=2 gaat over verschillende barrières."

    def check(self, content: Content) -> Iterator[Problem]:
        for ident, oefening in content.oefeningen.items():
            for index, opgave in enumerate(oefening.opgaven):
                if opgave.soort != "combinatie":
                    continue
                barrieres = [content.barriere_van(s) for s in opgave.signalen if ("signalen", s) in content.ouder]
                if len(barrieres) == len(opgave.signalen) and len(set(barrieres)) < 2:
                    yield self.at(content, "oefeningen", ident, "opgaven", index, "signalen",
                                  message=f"opgave '{opgave.id}' in oefening '{ident}': kies signalen uit minstens twee barrières")
