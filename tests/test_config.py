"""The embedded region configuration and its YAML extension."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mlr_minutes.commands.cli import main
from mlr_minutes.config import DEFAULT, ConfigError, load_config

MINUTES = """\
## Styrelsemöte MalmöLundregionen

Mötesdatum\t2018-03-06
Närvarande\tAnna Ek (Hörby, ordförande), Bo Ström (Lund)

### 1. Fokusfrågorna

- *Digital utveckling*: Förstudien är klar.
- *Migration och integration*: Inget nytt.
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_knows_the_regions_names() -> None:
    names = DEFAULT.focus_area_names()
    assert names["migration och integration"] == "Migration & integration"
    assert names["bostadsbyggande"] == "Stimulera ökat bostadsbyggande"
    assert "Lund" in DEFAULT.municipalities
    assert DEFAULT.body_names()["styrelsen"] == "Styrelsemöte"


def test_yaml_adds_focus_areas_aliases_municipalities_and_bodies(tmp_path: Path) -> None:
    config = load_config(
        write(
            tmp_path,
            "c.yaml",
            (
                "organisation: MalmöLundregionen\n"
                "focus_areas:\n  Digitalisering: [Digital utveckling]\n"
                "  Migration & integration: [Nyanländas etablering]\n"
                "municipalities: [Hörby]\n"
                "bodies:\n  Kulturgruppsmöte: [kulturgruppen]\n"
            ),
        )
    )
    assert config.focus_area_names()["digital utveckling"] == "Digitalisering"
    # Aliases merge: the embedded ones stay.
    assert config.focus_area_names()["migration och integration"] == "Migration & integration"
    assert config.focus_area_names()["nyanländas etablering"] == "Migration & integration"
    assert config.municipalities[-1] == "Hörby" and "Malmö" in config.municipalities
    assert config.body_names()["kulturgruppen"] == "Kulturgruppsmöte"


def test_parse_with_config_recognises_the_new_focus_area(tmp_path: Path) -> None:
    minutes = write(tmp_path, "2018-03-06-styrelsemote.md", MINUTES)
    config = write(tmp_path, "c.yaml", "focus_areas:\n  Digitalisering: [Digital utveckling]\n")
    runner = CliRunner()
    without = json.loads(runner.invoke(main, ["parse", str(minutes)]).stdout)
    assert [d["code"] for d in without["diagnostics"]] == ["unknown-focus-area"]
    with_config = json.loads(
        runner.invoke(main, ["parse", "--config", str(config), str(minutes)]).stdout
    )
    assert [f["name"] for f in with_config["focus_areas"]] == [
        "Digitalisering",
        "Migration & integration",
    ]
    assert with_config["diagnostics"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just\n- a list\n", "ska vara en YAML-mappning"),
        ("focus_areas: 3\n", "'focus_areas' ska vara en lista eller en mappning"),
        ("focus_areas: [\n", "kan inte läsa konfigurationen"),
    ],
    ids=["not-a-mapping", "wrong-type", "invalid-yaml"],
)
def test_bad_configuration_names_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "c.yaml", text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path))
    result = CliRunner().invoke(main, ["check", "--config", str(path), str(tmp_path)])
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_contact_email_reaches_the_accessibility_statement(tmp_path: Path) -> None:
    from mlr_minutes.build import BuildOptions, build_site

    config = load_config(write(tmp_path, "c.yaml", "contact_email: tillganglighet@example.se\n"))
    assert config.contact_email == "tillganglighet@example.se"
    minutes = tmp_path / "minutes"
    minutes.mkdir()
    write(minutes, "2018-03-06-styrelsemote.md", MINUTES)
    notes: list[str] = []
    options = BuildOptions(minutes, tmp_path / "site", config=config)
    assert build_site(options, progress=notes.append).written
    statement = (tmp_path / "site" / "tillganglighet" / "index.html").read_text("utf-8")
    assert 'href="mailto:tillganglighet@example.se"' in statement
    assert not any("kontaktadress" in note for note in notes)
    unset: list[str] = []
    build_site(BuildOptions(minutes, tmp_path / "site2"), progress=unset.append)
    assert any("contact_email" in note for note in unset)


def test_site_name_organisation_and_list_sizes_come_from_the_configuration(
    tmp_path: Path,
) -> None:
    from mlr_minutes.build import BuildOptions, build_site

    config = load_config(
        write(
            tmp_path,
            "c.yaml",
            "organisation: Skånes kommunförbund\nsite_name: Förbundets arkiv\n"
            "lists:\n  latest_meetings: 1\n  feed_entries: 1\n",
        )
    )
    assert config.site_name == "Förbundets arkiv" and config.lists.latest_meetings == 1
    assert config.lists.open_actions == DEFAULT.lists.open_actions, "the rest stay"
    minutes = tmp_path / "minutes"
    minutes.mkdir()
    write(minutes, "2018-03-06-styrelsemote.md", MINUTES)
    write(minutes, "2018-04-10-styrelsemote.md", MINUTES.replace("2018-03-06", "2018-04-10"))
    out = tmp_path / "site"
    assert build_site(BuildOptions(minutes, out, config=config), progress=lambda _: None).written
    home = (out / "index.html").read_text("utf-8")
    assert "<h1>Mötesarkiv för Skånes kommunförbund</h1>" in home
    assert "<p>Förbundets arkiv – minnesanteckningar från Skånes kommunförbunds möten" in home
    assert "MalmöLundregionen" not in home
    assert home.count('<li><a href="/moten/2018-') == 1, "one latest meeting"
    person = (out / "personer" / "anna-ek" / "index.html").read_text("utf-8")
    assert "<title>Anna Ek – Förbundets arkiv</title>" in person
    feed = (out / "feed.xml").read_text("utf-8")
    assert "<name>Skånes kommunförbund</name>" in feed and feed.count("<entry>") == 1
    assert "Skånes kommunförbund – möten och åtgärder" in (out / "kalender.ics").read_text("utf-8")


@pytest.mark.parametrize(
    "text",
    ["lists: 3\n", "lists:\n  no_such_list: 3\n", "lists:\n  open_actions: 0\n",
     "lists:\n  open_actions: many\n"],
    ids=["not-a-mapping", "unknown-list", "zero", "not-a-number"],
)  # fmt: skip
def test_bad_list_sizes_name_the_file(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "c.yaml", text)
    with pytest.raises(ConfigError, match="'lists") as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path))
