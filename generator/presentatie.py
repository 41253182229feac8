"""The presentation view: per session a static sequence of slides for a projector.

Which slides a session has (one idea each: the case scenes one by one, then the reveal) is decided
here as a list of Dia; the template lays them out as one HTML page with a section per slide. It
works from file:// without network: without JavaScript every slide is a screen of its own and the
Vorige/Volgende links move between them; the small script of our own (assets/js/bw-dias.js) shows
one slide at a time and adds the arrow keys. Printing gives one slide per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import cards, pages, phrases, urls
from .resolve import Site
from .views import Index, View

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Dia:
    soort: str  # titel, blok, scene, vragen, antwoord, opgave, uitleg, keten, regel, meldroute, einde
    kop: str
    boven: str = ""  # the small line above the heading
    tekst: tuple[str, ...] = ()
    lijst: tuple[str, ...] = ()


def dias(sessie: View, index: Index) -> list[Dia]:
    """Every slide of one session, in order."""
    result = [Dia("titel", sessie.titel, "Barrièrewijzer mensenhandel · training",
                  (sessie.doel,), (f"{sessie.duur_minuten} minuten", f"Voor: {sessie.doelgroep_titel}"))]
    for number, blok in enumerate(sessie.blokken, start=1):
        boven = f"Blok {number} · {blok.minuten} minuten"
        if blok.casus:
            result += _casus(blok.casus, boven)
        elif blok.oefening:
            result += _oefening(blok.oefening, boven)
        else:
            result.append(Dia("blok", blok.titel, boven))
        for toon in blok.toon:
            result.append(_vast(toon, index))
    result.append(Dia("einde", "Wat neem je mee?", sessie.titel, (), tuple(sessie.meenemen)))
    return result


def _casus(c: View, boven: str) -> list[Dia]:
    a = c.modelantwoord
    result = [Dia("blok", f"Casus: {c.titel}", boven)]
    for number, scene in enumerate(c.scenes, start=1):
        result.append(Dia("scene", scene.titel, f"Casus · scène {number} van {len(c.scenes)}", (scene.tekst,)))
    result.append(Dia("vragen", "Bespreek", f"Casus: {c.titel}", (), tuple(c.vragen)))
    onthulling = f"Modelantwoord · {c.titel}"
    result.append(Dia("antwoord", "Welke signalen zag je?", onthulling, (), tuple(
        f"{scene.titel}: " + ("; ".join(s.titel for s in scene.signalen) if scene.signalen else "geen signaal") for scene in c.scenes)))
    if c.onschuldig:
        result.append(Dia("antwoord", "Wat mensen vaak denken te zien", onthulling, (),
                          tuple(f"{o.signaal.titel}: {o.waarom}" for o in c.onschuldig)))
    if a.combinatie:
        result.append(Dia("antwoord", "Welke combinatie telt?", onthulling, (a.waarom,),
                          tuple(f"{s.titel} ({s.barriere.titel})" for s in a.combinatie)))
    else:
        result.append(Dia("antwoord", "Geen combinatie die telt", onthulling, (a.waarom,)))
    result.append(Dia("antwoord", "Wat leg je vast?", onthulling, (), tuple(a.vastleggen)))
    result.append(Dia("antwoord", "Wie bel je?", onthulling, (), tuple(_partner(p) for p in a.bellen)))
    if a.dader_of_slachtoffer:
        result.append(Dia("antwoord", "Dader of slachtoffer?", onthulling, (a.dader_of_slachtoffer,)))
    return result


def _oefening(o: View, boven: str) -> list[Dia]:
    result = [Dia("blok", f"Oefening: {o.titel}", boven, (o.inleiding,))]
    for number, opgave in enumerate(o.opgaven, start=1):
        result.append(Dia("opgave", f"Opgave {number}", f"Oefening 1+1=2 · {o.titel}", (opgave.situatie,),
                          tuple(f"{s.titel} ({s.barriere.titel})" for s in opgave.signalen)))
        kop = "Samen telt het: melden" if opgave.soort == "combinatie" else "Dit blijft onschuldig"
        result.append(Dia("uitleg", kop, f"Opgave {number} · uitleg", (opgave.uitleg,)))
    return result


def _vast(toon: str, index: Index) -> Dia:
    if toon == "barrieremodel":
        return Dia("keten", "Het barrièremodel", "Zeven stappen",
                   ("Uitbuiters gebruiken bij elke stap de gewone wereld. Bij elke stap kun jij iets zien.",),
                   tuple(b.titel for b in index.all("barrieres")))
    if toon == "een-signaal":
        return Dia("regel", phrases.EEN_SIGNAAL, "De regel",
                   ("Een signaal is geen bewijs. Let op combinaties van signalen uit verschillende stappen.", phrases.NIET_PLUIS))
    if toon == "vastleggen":
        return Dia("regel", "Wat schrijf je op?", "Feiten los van interpretatie", (), phrases.VASTLEGGEN)
    route = cards.meldroute(index)
    return Dia("meldroute", f"Zo meld je het ({index.gemeente.naam})", phrases.ACUUT, (),
               tuple(f"{r.label}: {r.tekst}" for r in route.regels))


def _partner(p: View) -> str:
    return f"{p.naam} ({p.nummer})" if p.nummer else str(p.naam)


def write(site: Site, docs: Path) -> list[str]:
    """One slide page per session; return their paths."""
    template = pages.html_environment().get_template("presentatie/dias.html.j2")
    written = []
    for sessie in site.index.all("sessies"):
        pad = str(sessie.presentatie)
        root = urls.relative_root(pad)
        html = template.render(s=sessie, dias=dias(sessie, site.index), root=root, terug=root + urls.html(str(sessie.pad)),
                               intern=site.editie.publiek == "intern")
        target = docs / pad
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        written.append(pad)
    return written
