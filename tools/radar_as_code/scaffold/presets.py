"""What a new radar is made of: the presets' quadrants and rings, and the words of each
language the scaffold writes (section headings, the site's labels). Plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from radar_as_code.core.layout import slug


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Preset:
    title: str
    description: str
    quadrants: tuple[Entry, ...]
    rings: tuple[Entry, ...]


@dataclass(frozen=True)
class Choices:
    """What a person chooses for a new radar, with flags or answers to questions."""

    preset: str
    title: str
    quadrants: tuple[Entry, ...]
    rings: tuple[Entry, ...]
    edition_tag: str
    language: str


def entry(text: str) -> Entry:
    """An entry from the command line or a prompt: ``Label`` or ``id=Label``."""
    ident, sep, label = text.partition("=")
    if not sep:
        ident, label = slug(text), text
        if not ident and text.strip():  # a label in another script, or a symbol
            from radar_as_code.errors import UsageError

            raise UsageError(f"'{text.strip()}' gives no id (ids are ASCII letters, digits "
                             f"and hyphens): write it as id=Label, e.g. 'area-1={text.strip()}'")
    return Entry(ident.strip(), label.strip())


_RINGS_EN = (
    Entry("adopt", "Adopt", "Proven in our work: the default choice where it fits."),
    Entry("trial", "Trial", "Worth using on a real project that can take the risk; we are "
                            "building experience with it."),
    Entry("assess", "Assess", "Worth exploring to learn how it could affect us; not for "
                              "production yet."),
    Entry("hold", "Hold", "Start nothing new with it: we have found problems or better "
                          "options."),
)

PRESETS = {
    "thoughtworks": Preset(
        "Tech Radar",
        "The techniques, tools, platforms, languages and frameworks we use, try, watch or "
        "avoid. Every blip is a reviewed decision kept in git.",
        (Entry("techniques", "Techniques", "Ways of working: practices, processes and "
                                           "approaches."),
         Entry("tools", "Tools", "Software that helps us build and run things: from editors "
                                 "to databases."),
         Entry("platforms", "Platforms", "What we build on and run on: clouds, runtimes, "
                                         "hosted services."),
         Entry("languages-and-frameworks", "Languages & Frameworks",
               "Programming languages, and the frameworks and libraries we write with.")),
        _RINGS_EN),
    "ai": Preset(
        "Tech Radar AI",
        "The technologies and practices our data-science team uses, tries, watches or "
        "avoids, from research to production. Every blip is a reviewed decision kept in git.",
        (Entry("data", "Data", "How data is stored, labelled, validated, versioned, explored "
                               "and protected."),
         Entry("algorithms", "Algorithms", "Models and algorithms, what helps build them and "
                                           "the services that host them."),
         Entry("industrialisation", "Industrialisation", "Running models in production: "
                                                         "serving, monitoring, orchestration."),
         Entry("methods", "Methods & Enablers", "How the team works, from choosing an "
                                                "algorithm to measuring its value.")),
        _RINGS_EN),
}

# Section ids are the tool's (templates and rules know them); headings are localisable.
BLIP_SECTIONS = ("context", "criteria", "options", "decision", "consequences")
ADR_SECTIONS = ("context", "drivers", "options", "outcome", "consequences")


@dataclass(frozen=True)
class Words:
    blip_headings: tuple[str, ...]
    adr_headings: tuple[str, ...]
    labels: dict[str, str]  # radar.yml `labels:`; empty for the defaults (English)
    entries: dict[str, str]  # preset quadrant and ring labels by id
    descriptions: dict[str, str] = field(default_factory=dict)  # by preset; else English


WORDS = {
    "en": Words(("Context", "Decision criteria", "Options considered", "Decision",
                 "Consequences"),
                ("Context", "Decision drivers", "Considered options", "Decision outcome",
                 "Consequences"), {}, {}),
    "fr": Words(
        ("Contexte", "Critères de décision", "Options envisagées", "Décision", "Conséquences"),
        ("Contexte", "Facteurs de décision", "Options envisagées", "Décision retenue",
         "Conséquences"),
        {"quadrants": "Quadrants", "ring": "Anneau", "tags": "Étiquettes",
         "related": "Blips liés", "decisions": "Décisions", "decision": "Décision",
         "status": "Statut", "deciders": "Décideurs", "concerns": "Blips concernés",
         "supersedes": "Remplace", "superseded_by": "Remplacée par", "history": "Historique",
         "edition": "Édition", "editions": "Éditions",
         "since_last": "Depuis la dernière édition", "reviewed": "Dernière revue",
         "edit": "Modifier cette page", "retired": "Retiré", "absent": "absent du radar",
         "change": "Changement", "from": "De", "to": "À", "unchanged": "inchangé",
         "new": "Nouveau", "moved_in": "Rapproché", "moved_out": "Éloigné",
         "no_change": "Inchangé", "back": "De retour", "removed": "Retiré du radar",
         "renamed": "Renommé", "quadrant_changed": "Quadrant changé",
         "revised": "Justification révisée", "nothing_moved": "Rien n'a bougé.",
         "no_editions": "Pas encore d'édition : étiquetez-en une pour commencer l'historique.",
         "legend": "Légende", "review_due": "à revoir", "radar": "Radar",
         "quadrant": "Quadrant", "blip": "Blip", "blips": "blips", "one_blip": "blip",
         "date": "Date", "draft": "Brouillon : pas encore une édition",
         "upcoming": "À venir",
         "upcoming_intro": "Fusionné depuis la dernière édition ; pas encore dans une édition",
         "nothing_upcoming": "Rien de fusionné depuis la dernière édition.",
         "whats_new": "Quoi de neuf", "first_edition": "La première édition",
         "previous_edition": "Édition précédente", "next_edition": "Édition suivante",
         "not_on_site": "N'est plus sur ce site",
         "skip_picture": "Passer l'image", "filter": "Filtrer les blips", "all": "Tous",
         "tag": "Étiquette", "shown": "affichés", "off_picture": "absent de l'image"},
        {"adopt": "Adopter", "trial": "Essayer", "assess": "Évaluer", "hold": "Suspendre",
         "tools": "Outils", "platforms": "Plateformes",
         "languages-and-frameworks": "Langages & frameworks", "data": "Données",
         "algorithms": "Algorithmes", "methods": "Méthodes & outils"},
        {"thoughtworks": "Les techniques, outils, plateformes, langages et frameworks que nous "
                         "utilisons, essayons, étudions ou évitons. Chaque blip est une "
                         "décision revue, conservée dans git.",
         "ai": "Les technologies et pratiques que notre équipe de data science utilise, "
               "essaie, étudie ou évite, de la recherche à la production. Chaque blip est "
               "une décision revue, conservée dans git."}),
}


def description(preset: str, language: str) -> str:
    """A preset's description in the radar's language (English where there is none)."""
    return words(language).descriptions.get(preset) or PRESETS[preset].description


def words(language: str) -> Words:
    """The words of a language the scaffold knows, else English (the site's labels can be
    translated in radar.yml)."""
    return WORDS.get(language.split("-")[0], WORDS["en"])
