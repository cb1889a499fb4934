"""What the parser knows about the region: focus areas, municipalities, meeting bodies.

MalmöLundregionen's own lists are embedded as the default.  A YAML file
(``mlr-minutes.yaml`` at the repository root, or ``--config``) can add to
them, so that another organisation, or a new focus area, needs no code change::

    organisation: MalmöLundregionen
    site_name: MalmöLundregionens mötesarkiv
    contact_email: tillganglighet@example.se
    lists:
      open_actions: 100
    focus_areas:
      Digitalisering: [digital utveckling]
    municipalities: [Hörby]
    bodies:
      Arbetsgrupp kultur: [kulturgruppen]
    public_contacts: [info@example.se, "@example.se", 040-12 34 56]
    open_data:
      publisher_url: https://www.example.se/
      contact_email: oppnadata@example.se
      license: https://creativecommons.org/publicdomain/zero/1.0/
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class ListSizes:
    """How much of a list a page or a file shows; everything is still on a year page."""

    latest_meetings: int = 8
    """Meetings on the start page."""
    nearest_actions: int = 6
    """Open action items on the start page, nearest due date first."""
    meeting_years: int = 3
    """Newest years the meeting lists show (a meeting row is small, and one year alone looks
    empty in January)."""
    open_actions: int = 200
    """Open tasks on the action list, nearest due date first."""
    done_actions: int = 20
    """Most recently closed tasks on the action list."""
    carried_links: int = 6
    """Meetings that carried a task linked from its row; a task carried at every meeting for
    years would otherwise make its row, and the action list, grow with the archive."""
    feed_entries: int = 50
    """Entries per feed: readers want what is new, and a feed must not grow with the
    archive."""
    calendar_years: int = 3
    """Years of meetings in a calendar (every open due date is in it too): a subscribed
    calendar is for what is current."""


@dataclass(frozen=True, slots=True)
class OpenData:
    """What the open-data catalogue (DCAT-AP-SE) says about who publishes it; nothing here is
    ever guessed: what is unset is left out of the catalogue, and the build says so."""

    publisher_url: str | None = None
    """The publisher's own web address, which names it in the catalogue."""
    contact_email: str | None = None
    """Where data users write with questions (the datasets' contact point)."""
    license: str | None = None
    """The licence's URI (``https://creativecommons.org/publicdomain/zero/1.0/``)."""
    spatial: str | None = None
    """The area the data covers, as a URI (a NUTS or geonames address)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The region's names, each canonical name with the aliases minutes use for it."""

    organisation: str
    """The organisation whose minutes these are, used when a file does not say."""
    focus_areas: Mapping[str, tuple[str, ...]]
    """Canonical focus-area name → aliases (the canonical name is matched too)."""
    municipalities: tuple[str, ...]
    """Member municipalities, for grouping attendees and finding mentions."""
    bodies: Mapping[str, tuple[str, ...]]
    """Canonical meeting body → the words that name it, definite forms included."""
    contact_email: str | None = None
    """Where readers report accessibility problems (the accessibility statement's contact)."""
    ignored_front_matter_keys: tuple[str, ...] = (
        "layout", "permalink", "tags", "categories", "draft", "slug", "weight", "aliases",
    )  # fmt: skip
    """Front-matter keys a site generator or converter writes that ``check`` stays quiet
    about (``ignore_front_matter_keys`` in ``mlr-minutes.yaml`` adds to them)."""
    site_name: str | None = None
    """The site's name in its header and every title; None names it after the organisation
    (*MalmöLundregionens mötesarkiv*)."""
    lists: ListSizes = field(default_factory=ListSizes)
    """How much the list pages, feeds and calendars show."""
    public_contacts: tuple[str, ...] = ()
    """The organisation's own e-mail addresses, domains (``@example.se``) and phone numbers,
    which the personal-data check does not warn about."""
    open_data: OpenData = field(default_factory=OpenData)
    """Publisher, contact and licence of the open-data catalogue."""
    cname: str | None = None
    """The site's own domain (``moten.example.se``), written to ``CNAME`` for GitHub Pages;
    None writes none (a ``CNAME`` placed in the output folder by hand is kept)."""

    def focus_area_names(self) -> dict[str, str]:
        """Every lower-cased name and alias → its canonical focus-area name."""
        names: dict[str, str] = {}
        for canonical, aliases in self.focus_areas.items():
            for alias in (canonical, *aliases):
                names[alias.casefold()] = canonical
        return names

    def body_names(self) -> dict[str, str]:
        """Every lower-cased word for a meeting body → its canonical name."""
        names: dict[str, str] = {}
        for canonical, aliases in self.bodies.items():
            for alias in (canonical, *aliases):
                names[alias.casefold()] = canonical
        return names


DEFAULT = Config(
    organisation="MalmöLundregionen",
    focus_areas={
        "Arbetsmarknad och sysselsättning": (
            "Arbetsmarknad & sysselsättning", "Arbetsmarknad", "Sysselsättning",
            "Arbetsmarknad och sysselsättningen",
        ),
        "Migration & integration": (
            "Migration och integration", "Integration och migration", "Migration", "Integration",
            "Mottagande och integration",
        ),
        "Långsiktig kompetensförsörjning": (
            "Kompetensförsörjning", "Långsiktig kompetensförsörjningen",
            "Långsiktig kompetens­försörjning",
        ),
        "Stimulera ökat bostadsbyggande": (
            "Bostadsbyggande", "Ökat bostadsbyggande", "Stimulera bostadsbyggande",
            "Stimulera ökat bostadsbyggandet", "Bostäder",
        ),
    },
    municipalities=(
        "Burlöv", "Eslöv", "Höör", "Kävlinge", "Lomma", "Lund", "Malmö",
        "Skurup", "Staffanstorp", "Svedala", "Trelleborg", "Vellinge",
    ),
    bodies={
        "Kommundirektörmöte": (
            "kommundirektörmötet", "kommundirektörsmöte", "kommundirektörsmötet",
            "kommundirektörmöten", "kd-möte", "kd-mötet", "kommundirektörsgruppen",
        ),
        "Styrelsemöte": ("styrelsemötet", "styrelsen", "styrelsens möte", "styrelsesammanträde"),
        "Årsmöte": ("årsmötet", "föreningsstämma", "föreningsstämman"),
        "Näringslivsgruppen": ("näringslivsgruppens möte", "näringslivsgruppsmöte"),
        "Samordningsgrupp infrastruktur": ("samordningsgruppen för infrastruktur",),
        "Arbetsgruppsmöte": ("arbetsgruppsmötet", "arbetsgruppen"),
        "Projektgruppsmöte": ("projektgruppsmötet", "projektgruppen", "projektmöte"),
        "Ledningsgruppsmöte": ("ledningsgruppen", "ledningsgruppsmötet"),
    },
    # The twelve municipalities are all in Skåne (NUTS SE224).
    open_data=OpenData(spatial="http://data.europa.eu/nuts/code/SE224"),
)  # fmt: skip
"""MalmöLundregionen's names, as its minutes write them."""


class ConfigError(ValueError):
    """The configuration file cannot be used; the message names the file (and the line)."""


_TEXT = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
MAX_NAME = 200
"""Longest name, alias or address the configuration may give (in characters): they become
page titles, slugs and file names."""


class _TextLoader(yaml.SafeLoader):
    """YAML with dates kept as written: the configuration holds names, never dates, and a
    value like ``2016-02-30`` must be reported on its line rather than crash the reader."""


def _as_written(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_TextLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_written)


def load_config(path: Path | None) -> Config:
    """The default configuration, extended by the YAML file at ``path`` when given.

    Every value is checked against the type it must have before it is used: a wrong one is
    a :class:`ConfigError` ``path:line: error: …`` naming the key."""
    if path is None:
        return DEFAULT
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=_TextLoader)
        # Constructed before it is checked: a tag YAML cannot construct (``!!binary x``,
        # even under a key nobody reads) is a YAML error like a syntax error.
        raw: Any = yaml.load(text, Loader=_TextLoader) if node is not None else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: kan inte läsa konfigurationen: {error}") from error
    if node is None:
        return DEFAULT
    _validate(node, str(path))
    return extend(DEFAULT, raw or {}, str(path))


def _fail(where: str, node: yaml.Node, message: str) -> ConfigError:
    return ConfigError(f"{where}:{node.start_mark.line + 1}: error: {message}")


def _text(node: yaml.Node, where: str, key: str, *, optional: bool = False) -> None:
    if optional and node.tag == _NULL:
        return
    if not isinstance(node, yaml.ScalarNode) or node.tag != _TEXT:
        raise _fail(where, node, f"'{key}' ska vara text (skriv den inom citattecken)")
    if len(node.value) > MAX_NAME:
        raise _fail(where, node, f"'{key}' är längre än {MAX_NAME} tecken")


def _texts(node: yaml.Node, where: str, key: str) -> None:
    if node.tag == _NULL:
        return
    if isinstance(node, yaml.ScalarNode):
        _text(node, where, key)
    elif isinstance(node, yaml.SequenceNode):
        for entry in node.value:
            _text(entry, where, key)
    else:
        raise _fail(where, node, f"'{key}' ska vara en lista med namn")


def _names(node: yaml.Node, where: str, key: str, *, aliases: bool) -> None:
    """A list of names, or a mapping name → aliases (``aliases``) or name → nothing."""
    if isinstance(node, yaml.SequenceNode):
        for entry in node.value:
            _text(entry, where, key)
        return
    if not isinstance(node, yaml.MappingNode):
        shape = "en lista eller en mappning namn → alias" if aliases else "en lista med namn"
        raise _fail(where, node, f"'{key}' ska vara {shape}")
    for name, value in node.value:
        _text(name, where, key)
        if aliases:
            _texts(value, where, f"{key}: {name.value}")
        elif value.tag != _NULL:
            raise _fail(where, value, f"'{key}' ska vara en lista med namn")


def _lists(node: yaml.Node, where: str) -> None:
    known = {f.name for f in fields(ListSizes)}
    names = ", ".join(sorted(known))
    if not isinstance(node, yaml.MappingNode):
        raise _fail(where, node, f"'lists' ska vara en mappning med några av: {names}")
    for name, value in node.value:
        if name.value not in known:
            raise _fail(where, name, f"'lists' ska vara en mappning med några av: {names}")
        if value.tag != _INT or _TextLoader("").construct_yaml_int(value) < 1:
            raise _fail(where, value, f"'lists.{name.value}' ska vara ett heltal större än noll")


def _validate(node: yaml.Node, where: str) -> None:
    if not isinstance(node, yaml.MappingNode):
        raise ConfigError(f"{where}: konfigurationen ska vara en YAML-mappning")
    for key_node, value in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        if key == "organisation":
            _text(value, where, key)
        elif key in ("site_name", "contact_email"):
            _text(value, where, key, optional=True)
        elif key in ("focus_areas", "bodies"):
            _names(value, where, key, aliases=True)
        elif key in ("municipalities", "ignore_front_matter_keys"):
            _names(value, where, key, aliases=False)
        elif key == "lists":
            _lists(value, where)


def _aliases(value: Any, where: str, key: str) -> dict[str, tuple[str, ...]]:
    if isinstance(value, list):
        return {str(name): () for name in value}
    if isinstance(value, dict):
        return {
            str(name): (aliases,) if isinstance(aliases, str) else tuple(map(str, aliases or ()))
            for name, aliases in value.items()
        }
    raise ConfigError(f"{where}: '{key}' ska vara en lista eller en mappning namn → alias")


def extend(base: Config, raw: Mapping[str, Any], where: str = "konfiguration") -> Config:
    """``base`` with the names in ``raw`` added (aliases merge; nothing is removed)."""
    focus = {name: tuple(aliases) for name, aliases in base.focus_areas.items()}
    for name, aliases in _aliases(raw.get("focus_areas", {}), where, "focus_areas").items():
        focus[name] = tuple(dict.fromkeys((*focus.get(name, ()), *aliases)))
    bodies = {name: tuple(aliases) for name, aliases in base.bodies.items()}
    for name, aliases in _aliases(raw.get("bodies", {}), where, "bodies").items():
        bodies[name] = tuple(dict.fromkeys((*bodies.get(name, ()), *aliases)))
    municipalities = list(base.municipalities)
    for name in _aliases(raw.get("municipalities", []), where, "municipalities"):
        if name not in municipalities:
            municipalities.append(name)
    contact = raw.get("contact_email", base.contact_email)
    ignored = list(base.ignored_front_matter_keys)
    for name in _aliases(
        raw.get("ignore_front_matter_keys", []), where, "ignore_front_matter_keys"
    ):
        if name not in ignored:
            ignored.append(name)
    site_name = raw.get("site_name", base.site_name)
    return Config(
        organisation=str(raw.get("organisation", base.organisation)),
        focus_areas=focus,
        municipalities=tuple(municipalities),
        bodies=bodies,
        contact_email=str(contact).strip() or None if contact else None,
        ignored_front_matter_keys=tuple(ignored),
        site_name=str(site_name).strip() or None if site_name else None,
        lists=_list_sizes(base.lists, raw.get("lists", {}), where),
        public_contacts=tuple(
            dict.fromkeys(
                (
                    *base.public_contacts,
                    *_aliases(raw.get("public_contacts", []), where, "public_contacts"),
                )
            )
        ),
        open_data=_open_data(base.open_data, raw.get("open_data", {}), where),
        cname=_cname(raw.get("cname", base.cname), where),
    )


def _open_data(base: OpenData, value: Any, where: str) -> OpenData:
    known = {f.name for f in fields(OpenData)}
    if not isinstance(value, dict) or not set(value) <= known:
        names = ", ".join(sorted(known))
        raise ConfigError(f"{where}: 'open_data' ska vara en mappning med några av: {names}")
    return replace(
        base, **{name: str(text).strip() or None if text else None for name, text in value.items()}
    )


_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def _cname(value: Any, where: str) -> str | None:
    """A domain name for ``CNAME``: letters, digits and hyphens in dot-separated labels
    (an internationalised name in its ``xn--`` form), nothing else – the file is one line
    that GitHub Pages reads as the site's address."""
    if value is None:
        return None
    name = value.strip().lower().removesuffix(".") if isinstance(value, str) else ""
    labels = name.split(".")
    if len(name) > 253 or len(labels) < 2 or not all(map(_HOST_LABEL.fullmatch, labels)):
        raise ConfigError(
            f"{where}: 'cname' ska vara ett domännamn som moten.example.se "
            "(utan https:// och utan sökväg; å, ä och ö skrivs i xn---form)"
        )
    return name


def _list_sizes(base: ListSizes, value: Any, where: str) -> ListSizes:
    known = {f.name for f in fields(ListSizes)}
    if not isinstance(value, dict) or not set(value) <= known:
        names = ", ".join(sorted(known))
        raise ConfigError(f"{where}: 'lists' ska vara en mappning med några av: {names}")
    for name, size in value.items():
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise ConfigError(f"{where}: 'lists.{name}' ska vara ett heltal större än noll")
    return replace(base, **value)
