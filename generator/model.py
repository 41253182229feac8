"""The content model: one pydantic definition per YAML file type.

This is the single source of truth. The loader validates against it and
`make schemas` exports the JSON Schemas for editors from it.
Field names are Dutch, as editors write them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .refs import Ref

IN_TE_VULLEN = "in te vullen"

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=60)]
# A text field. The upper bound is far above real content (longest: about 2,300 characters) and keeps
# the Markdown parser, which is quadratic on some inputs, fast on whatever an editor pastes.
MAX_TEKST = 6000
Tekst = Annotated[str, Field(min_length=1, max_length=MAX_TEKST)]
Ids = list[Id]

# Reference fields: the Ref marker says which collection the ids point into (see refs.py).
Bronnen = Annotated[Ids, Ref("bronnen")]
Partners = Annotated[Ids, Ref("partners")]
Interventies = Annotated[Ids, Ref("interventies")]
Signalen = Annotated[Ids, Ref("signalen")]
Barrieres = Annotated[Ids, Ref("barrieres")]
Rollen = Annotated[Ids, Ref("rollen")]

VORMEN = ("seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting")
Vorm = Literal["seksuele-uitbuiting", "arbeidsuitbuiting", "criminele-uitbuiting"]
Vormen = Annotated[list[Vorm], Ref("vormen")]
Soort = Literal["bestuurlijk", "strafrechtelijk", "fiscaal", "zorg", "melden"]
Status = Literal["geldend", "in-voorbereiding", "vervallen"]
Zichtbaarheid = Literal["publiek", "intern"]
Deur = Literal["balie", "toezicht", "client", "training", "signaal", "aandachtsfunctionaris"]

_TELEFOON = re.compile(r"^\+?[0-9][0-9 \-]{1,18}[0-9]$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
_KLEUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_telefoon(value: str | None) -> str | None:
    if value is None or _TELEFOON.match(value):
        return value
    raise ValueError(f"telefoonnummer '{value}' is ongeldig; gebruik alleen cijfers, spaties, '-' en een '+' vooraan. "
                     "Weet je het nummer niet, laat het veld dan weg")


def _check_email(value: str | None) -> str | None:
    if value is None or _EMAIL.match(value):
        return value
    raise ValueError(f"e-mailadres '{value}' is ongeldig; schrijf het als naam@organisatie.nl. "
                     "Weet je het adres niet, laat het veld dan weg")


class Record(BaseModel):
    """Base for every record: no unknown keys, review metadata allowed."""

    model_config = ConfigDict(extra="forbid", strict=False, str_strip_whitespace=True)

    eigenaar: str | None = None
    herzien_op: dt.date | None = None
    zichtbaarheid: Zichtbaarheid = "publiek"
    redactie: str | None = None  # editorial note for editors: never rendered on a page or card


class Bron(Record):
    id: Id
    titel: Tekst
    uitgever: Tekst
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    datum: Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
    opmerking: str | None = None


class Vormdefinitie(Record):
    id: Vorm
    titel: Tekst
    omschrijving: Tekst
    bronnen: Bronnen = Field(min_length=1)


MAX_TOP_SIGNALEN = 5  # what fits one phone screen at the top of a door


class Werkstap(BaseModel):
    """A section of a role's door page: how this role works (Markdown), with its sources."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    titel: Tekst
    tekst: Tekst  # Markdown
    bronnen: Bronnen = Field(min_length=1)
    partners: Partners = Field(default_factory=list)  # listed under the text, with their phone numbers


class Rol(Record):
    id: Id
    titel: Tekst
    kort: Annotated[str, Field(min_length=1, max_length=30)] | None = None  # short title, e.g. on a tab
    omschrijving: Tekst
    deur: Deur | None = None
    top_signalen: Annotated[Ids, Ref("signalen", optional=True), Field(max_length=MAX_TOP_SIGNALEN)] = Field(default_factory=list)  # shown first on the door
    vastleggen: list[Tekst] = Field(default_factory=list, max_length=4)  # what this role writes down; a general default otherwise
    werkwijze: list[Werkstap] = Field(default_factory=list)  # sections of the door page, e.g. for the aandachtsfunctionaris


class Partner(Record):
    id: Id
    naam: Tekst
    soort: Literal["landelijk", "regionaal", "gemeente"]
    wat: Tekst  # what this partner does for the worker
    wanneer: Tekst  # when to contact
    telefoon: str | None = None
    telefoon_toelichting: str | None = None
    website: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    acuut: bool = False  # the number for acute danger
    zorg: bool = False  # a route to care and protection, not (only) enforcement
    bronnen: Bronnen = Field(min_length=1)

    @field_validator("telefoon")
    @classmethod
    def _telefoon(cls, value: str | None) -> str | None:
        return _check_telefoon(value)


AFKORTING = r"^[A-Za-z0-9][A-Za-z0-9&/-]{0,14}$"  # one word; a longer name belongs in 'term'
# Words Python-Markdown uses in its own placeholders (markdown.util): never an abbreviation.
MARKDOWN_RESERVED = {"amp", "wzxhzdk", "klzzwxh", "hzzhzkh"}


class Begrip(Record):
    id: Id
    term: Tekst
    afkorting: Annotated[str, Field(pattern=AFKORTING)] | None = None
    uitleg: Tekst
    bronnen: Bronnen = Field(min_length=1)

    @field_validator("afkorting")
    @classmethod
    def _afkorting(cls, value: str | None) -> str | None:
        """Markdown marks every match of an abbreviation on every page, also inside its own
        placeholders ('wzxhzdk:1'): a number or a placeholder word would garble every page."""
        if value is None:
            return value
        if not any(char.isalpha() for char in value):
            raise ValueError(f"afkorting '{value}' heeft geen letter; een getal als afkorting zou op elke pagina "
                             "tekst verminken. Laat 'afkorting' weg")
        if value.lower() in MARKDOWN_RESERVED:
            raise ValueError(f"'{value}' kan geen afkorting zijn: Markdown gebruikt dit woord zelf. Laat 'afkorting' weg")
        return value


class SamenMet(BaseModel):
    """A curated combination: another signal that often comes with this one, and why that matters."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    signaal: Annotated[Id, Ref("signalen", optional=True)]  # a pair with an intern signal vanishes from a public edition
    waarom: Annotated[str, Field(min_length=1, max_length=300)]  # one line: why the combination counts


class Signaal(Record):
    id: Id
    titel: Tekst
    vormen: Vormen = Field(min_length=1)
    rollen: Rollen = Field(min_length=1)
    waarneming: Tekst  # what you see or hear
    toelichting: Tekst  # why it matters (Markdown)
    onschuldig: Tekst  # when it can be innocent
    zoektermen: list[Tekst] = Field(default_factory=list)
    interventies: Interventies = Field(default_factory=list)
    partners: Partners = Field(default_factory=list)
    samen_met: list[SamenMet] = Field(default_factory=list)  # curated combinations, shown both ways
    bronnen: Bronnen = Field(min_length=1)


class Barriere(Record):
    id: Id
    titel: Tekst
    volgorde: Annotated[int, Field(ge=1, le=20)]
    samenvatting: Tekst
    beschrijving: Tekst  # Markdown
    uitbreiding: str | None = None  # set when the barrier is this project's extension of the classic model
    gelegenheden: list[Tekst] = Field(min_length=1)
    partners: Partners = Field(default_factory=list)
    zoektermen: list[Tekst] = Field(default_factory=list)
    bronnen: Bronnen = Field(min_length=1)
    signalen: list[Signaal] = Field(min_length=1)


class Grondslag(BaseModel):
    """One legal basis, with the trail of how it was checked."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    regeling: Tekst
    artikel: str | None = None  # article number ("2 lid 1"), rendered as "art. 2 lid 1"; or "in te vullen"
    onderdeel: str | None = None  # a part that is not an article, rendered as written ("paragraaf B8/3.1")
    bron: Annotated[Id, Ref("bronnen")] | None = None  # the bron (law text with BWBR id, Staatscourant, Kamerstuk) it was checked against
    gecontroleerd: dt.date | None = None  # when it was checked against that bron
    redactie: str | None = None  # editorial note (e.g. why an article is still "in te vullen"): never rendered

    @property
    def aanduiding(self) -> str:
        """'art. 2 lid 1', 'paragraaf B8/3.1' or '' (the regeling as a whole)."""
        if self.artikel:
            return self.artikel if self.artikel == IN_TE_VULLEN else f"art. {self.artikel}"
        return self.onderdeel or ""


class Interventie(Record):
    id: Id
    titel: Tekst
    soort: Soort
    samenvatting: Tekst
    barrieres: Barrieres = Field(min_length=1)
    vormen: Vormen = Field(min_length=1)
    grondslag: list[Grondslag] = Field(min_length=1)
    bevoegd_orgaan: Tekst
    uitvoerder: Tekst
    wanneer: Tekst
    hoe: list[Tekst] = Field(min_length=1)
    effect: Tekst
    vereist_lokale_regeling: bool
    lokale_regeling: str | None = None
    status: Status
    geldig_vanaf: dt.date | None = None
    status_toelichting: str | None = None
    let_op: list[Tekst] = Field(default_factory=list)
    partners: Partners = Field(default_factory=list)
    zoektermen: list[Tekst] = Field(default_factory=list)
    bronnen: Bronnen = Field(min_length=1)


class Contact(BaseModel):
    """A gemeente's own contact for a partner role (e.g. its aandachtsfunctionaris).

    A contact with a person's name, a direct number or an e-mail address is intern unless the
    editor writes `zichtbaarheid: publiek` (e.g. for an organisation's general number).
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    partner: Annotated[Id, Ref("partners")]
    naam: Tekst  # the function or organisation ("Aandachtsfunctionaris mensenhandel, team OOV")
    persoon: Tekst | None = None  # a person's name
    telefoon: str | None = None
    email: str | None = None
    toelichting: Tekst | None = None
    zichtbaarheid: Zichtbaarheid | None = None

    @field_validator("telefoon")
    @classmethod
    def _telefoon(cls, value: str | None) -> str | None:
        return _check_telefoon(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return _check_email(value)

    @model_validator(mode="after")
    def _default_zichtbaarheid(self) -> Contact:
        if self.zichtbaarheid is None:
            persoonlijk = self.persoon or self.telefoon or self.email
            self.zichtbaarheid = "intern" if persoonlijk else "publiek"
        return self


class Meldstap(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    titel: Tekst
    wanneer: Tekst
    partners: Partners = Field(min_length=1)
    zichtbaarheid: Zichtbaarheid = "publiek"


class LokaleRegeling(BaseModel):
    """Whether this gemeente has the local regulation an intervention needs. No entry: not known."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    interventie: Annotated[Id, Ref("interventies")]
    stand: Literal["aanwezig", "geen"] = "aanwezig"
    regeling: Tekst | None = None  # name and article, e.g. "APV Groningen, art. 3:4"; needed when aanwezig
    bron: Annotated[Id, Ref("bronnen")] | None = None
    zichtbaarheid: Zichtbaarheid = "publiek"

    @model_validator(mode="after")
    def _regeling_bij_aanwezig(self) -> LokaleRegeling:
        if self.stand == "aanwezig" and not self.regeling:
            raise ValueError("bij 'stand: aanwezig' hoort 'regeling': de naam en het artikel van de regeling")
        return self


class Huisstijl(BaseModel):
    """A gemeente's own logo and two colours, supplied by the gemeente itself."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    logo: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*\.png$")] | None = None  # PNG next to the profile
    kleur: Annotated[str, Field(pattern=_KLEUR.pattern)]  # header colour; white text must be readable on it
    accent: Annotated[str, Field(pattern=_KLEUR.pattern)]  # links and buttons; must be readable on white


class Onderdeel(Record):
    """One element of the basisniveau bestuurlijke aanpak mensenhandel (for the Stand van zaken page)."""

    id: Id
    titel: Tekst
    uitleg: Tekst
    bronnen: Bronnen = Field(min_length=1)


class Stand(BaseModel):
    """What a gemeente has in place for one element of the basisniveau, according to its own sources."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    onderdeel: Annotated[Id, Ref("basisniveau")]
    status: Literal["ja", "deels", "gepland", "nee"]  # gepland: voorgenomen in beleid, nog niet bekend of het er is
    toelichting: Tekst
    bronnen: Bronnen = Field(min_length=1)
    zichtbaarheid: Zichtbaarheid = "publiek"


class Gemeente(Record):
    id: Id
    naam: Tekst
    toelichting: Tekst
    website: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None  # where the handbook is hosted, for QR codes
    vraag_het: Tekst = "je leidinggevende"  # whom to ask when a contact is not filled in
    contacten: list[Contact] = Field(default_factory=list)
    meldroute: list[Meldstap] = Field(min_length=1)
    lokale_regelingen: list[LokaleRegeling] = Field(default_factory=list)
    stand_van_zaken: list[Stand] = Field(default_factory=list)
    huisstijl: Huisstijl | None = None
    bronnen: Bronnen = Field(min_length=1)


class Antwoord(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    tekst: Tekst
    naar: Id  # id of a vraag or uitkomst in the same tree


class Vraag(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: Id
    vraag: Tekst
    uitleg: str | None = None
    soort: Literal["acuut", "dader-of-slachtoffer"] | None = None  # safety questions the validator looks for
    antwoorden: list[Antwoord] = Field(min_length=2)


class Uitkomst(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: Id
    titel: Tekst
    urgentie: Literal["acuut", "vandaag", "deze-week"]
    doen: list[Tekst] = Field(min_length=1)  # what to do, in steps
    partners: Partners = Field(min_length=1)  # whom to call: resolved with the gemeente profile
    interventies: Interventies = Field(default_factory=list)
    signalen: Signalen = Field(default_factory=list)


class Beslisboom(Record):
    id: Id
    titel: Tekst
    inleiding: Tekst
    rollen: Rollen = Field(min_length=1)
    barrieres: Barrieres = Field(default_factory=list)
    signalen: Signalen = Field(default_factory=list)  # signals this tree starts from
    strafbare_feiten: bool = False  # the person may commit offences: ask "dader of slachtoffer?"
    start: Id
    vragen: list[Vraag] = Field(min_length=1)
    uitkomsten: list[Uitkomst] = Field(min_length=2)
    bronnen: Bronnen = Field(min_length=1)


# Training: cases, exercise sets and session plans (issue 11). Every signal, role, form, barrier,
# partner and intervention they name is a Ref, so it is checked and linked like everything else.
Doelgroep = Literal["balie", "toezicht", "client", "iedereen"]
Afloop = Literal["uitbuiting", "onschuldig"]
Toonbaar = Literal["barrieremodel", "een-signaal", "vastleggen", "meldroute"]


class Scene(BaseModel):
    """One scene of a case: what the worker sees and hears, and which signals are in it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    titel: Tekst
    tekst: Tekst
    signalen: Signalen = Field(default_factory=list)


class OnschuldigeLezing(BaseModel):
    """A signal people often think they see in a case, and why it is not there (or innocent)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    signaal: Annotated[Id, Ref("signalen")]
    waarom: Tekst


class Modelantwoord(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    barrieres: Barrieres = Field(min_length=1)  # the barriers the exploiter used
    combinatie: Signalen = Field(default_factory=list)  # the combination that made it worth reporting
    waarom: Tekst  # why that combination counts (or why it stays innocent)
    vastleggen: list[Tekst] = Field(min_length=1)  # what the worker writes down: facts apart from interpretation
    bellen: Partners = Field(min_length=1)  # whom the worker calls
    interventies: Interventies = Field(default_factory=list)  # what a toezichthouder could use
    dader_of_slachtoffer: str | None = None  # the answer to "dader of slachtoffer?", where it applies


class Casus(Record):
    id: Id
    titel: Tekst
    samenvatting: Tekst  # one or two lines for lists and the trainer sheet
    herkomst: Tekst  # "Naar een verhaal in …" or "Fictief, samengesteld uit …"
    afloop: Afloop  # is it exploitation, or do the signals turn out innocent?
    rollen: Rollen = Field(min_length=1)
    vormen: Vormen = Field(min_length=1)
    barrieres: Barrieres = Field(min_length=1)
    scenes: list[Scene] = Field(min_length=1)
    onschuldig: list[OnschuldigeLezing] = Field(default_factory=list)
    vragen: list[Tekst] = Field(min_length=1)
    modelantwoord: Modelantwoord | None = None  # required; the validator says so with the case's place
    bronnen: Bronnen = Field(min_length=1)


class Opgave(BaseModel):
    """One set of signals to lay side by side: together they count (combinatie), or they stay innocent (afleider)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: Id
    soort: Literal["combinatie", "afleider"]
    situatie: Tekst  # the short situation in which the signals occur
    signalen: Signalen
    uitleg: Tekst  # why together they point to exploitation, or why they stay innocent


class Oefening(Record):
    id: Id
    titel: Tekst
    inleiding: Tekst
    rollen: Rollen = Field(default_factory=list)
    opgaven: list[Opgave] = Field(min_length=1)
    bronnen: Bronnen = Field(min_length=1)


class Sessieblok(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    titel: Tekst
    minuten: Annotated[int, Field(ge=1, le=90)]
    trainer: Tekst  # what the trainer says or shows
    casus: Annotated[Id, Ref("casussen")] | None = None
    oefening: Annotated[Id, Ref("oefeningen")] | None = None
    toon: list[Toonbaar] = Field(default_factory=list)  # fixed slides the trainer shows in this block


class Sessie(Record):
    id: Id
    titel: Tekst
    doelgroep: Doelgroep
    duur_minuten: Annotated[int, Field(ge=10, le=240)]
    rollen: Rollen = Field(default_factory=list)
    doel: Tekst
    blokken: list[Sessieblok] = Field(min_length=1)
    meenemen: list[Tekst] = Field(min_length=1)  # what every participant takes home
    bronnen: Bronnen = Field(min_length=1)


# Files in content/ that hold a list of records under one key.
class BronnenBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    bronnen: list[Bron] = Field(min_length=1)


class VormenBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    vormen: list[Vormdefinitie] = Field(min_length=1)


class RollenBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rollen: list[Rol] = Field(min_length=1)


class PartnersBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    partners: list[Partner] = Field(min_length=1)


class BasisniveauBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    basisniveau: list[Onderdeel] = Field(min_length=1)


class BegrippenBestand(BaseModel):
    model_config = ConfigDict(extra="forbid")
    begrippen: list[Begrip] = Field(min_length=1)


@dataclass(frozen=True)
class Collectie:
    """A collection of records: where its files are, its model, and the Dutch noun in messages."""

    naam: str  # "interventies": the name Ref markers and the graph use
    noun: str  # "interventie": used in messages
    model: type[BaseModel]
    folder: str | None = None  # one file per record in this folder (id = file name) ...
    bestand: str | None = None  # ... or all records in one file, under the key `naam`
    bestand_model: type[BaseModel] | None = None
    in_record: tuple[str, str] | None = None  # or nested: (collection of the parent, its list field)
    onzijdig: bool = False  # a 'het' word: "onbekend signaal", not "onbekende signaal"


# Every collection, in the order the pages list them. A new collection goes here.
COLLECTIES: tuple[Collectie, ...] = (
    Collectie("barrieres", "barrière", Barriere, folder="barriers"),
    Collectie("signalen", "signaal", Signaal, in_record=("barrieres", "signalen"), onzijdig=True),
    Collectie("interventies", "interventie", Interventie, folder="interventions"),
    Collectie("bronnen", "bron", Bron, bestand="content/bronnen.yaml", bestand_model=BronnenBestand),
    Collectie("vormen", "vorm", Vormdefinitie, bestand="content/vormen.yaml", bestand_model=VormenBestand),
    Collectie("rollen", "rol", Rol, bestand="content/rollen.yaml", bestand_model=RollenBestand),
    Collectie("partners", "partner", Partner, bestand="content/partners.yaml", bestand_model=PartnersBestand),
    Collectie("begrippen", "begrip", Begrip, bestand="content/begrippen.yaml", bestand_model=BegrippenBestand),
    Collectie("basisniveau", "onderdeel van het basisniveau", Onderdeel, bestand="content/basisniveau.yaml",
              bestand_model=BasisniveauBestand, onzijdig=True),
    Collectie("gemeenten", "gemeente", Gemeente, folder="content/gemeenten"),
    Collectie("beslisbomen", "beslisboom", Beslisboom, folder="content/beslisbomen", onzijdig=False),
    Collectie("casussen", "casus", Casus, folder="content/casussen"),
    Collectie("oefeningen", "oefening", Oefening, folder="content/oefeningen"),
    Collectie("sessies", "sessie", Sessie, folder="content/sessies"),
)
COLLECTIE = {c.naam: c for c in COLLECTIES}

# Nouns for nested blocks without their own collection, by the list key that holds them.
BLOK_NOUNS = {"contacten": "contact", "meldroute": "meldstap", "lokale_regelingen": "lokale regeling",
              "stand_van_zaken": "stand van zaken", "huisstijl": "huisstijl",
              "vragen": "vraag", "uitkomsten": "uitkomst", "grondslag": "grondslag",
              "samen_met": "combinatie", "werkwijze": "werkstap", "scenes": "scène", "opgaven": "opgave", "blokken": "blok"}


def schema_models() -> dict[str, type[BaseModel]]:
    """One JSON Schema per file type, for editors (`make schemas`)."""
    result: dict[str, type[BaseModel]] = {}
    for c in COLLECTIES:
        if c.folder:
            result[c.noun.replace("è", "e")] = c.model
        elif c.bestand_model:
            result[c.naam] = c.bestand_model
    return result
