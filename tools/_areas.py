"""Province rows (Syria, Iraq, Ukraine, Sudan, US states) and admin1 areas derived from GeoNames places.

No PyPI package ships province outlines, so a province's polygon is derived:
the Voronoi cells of the GeoNames places (cities500) of the country are merged
by their ``admin1code`` and clipped to the country's GSHHG/WDBII outline.  The
result follows the real boundary only as well as the places' spacing allows
(a few km in dense areas, tens of km in deserts); every ``source`` says so.
"""

from __future__ import annotations

import collections

import shapely
from shapely.geometry import MultiPoint, Point

from _countries import country_point
from _places import ua_national
from _sources import clean_aliases, geonames, gnc_label

# GeoNames admin1 code -> (ISO 3166-2 code, capital).  Evidence: the capital (by
# its GeoNames name) is a cities500 place carrying that admin1 code; the build
# checks it (see ``_check_admin1``).  Halabja (IQ admin1 19) became its own
# governorate in 2014 but has no ISO 3166-2 code; it is merged into IQ-SU,
# the governorate it was split from.
ADMIN1 = {
    "SY": {
        "01": ("SY-HA", "Al Ḩasakah"), "02": ("SY-LA", "Latakia"), "03": ("SY-QU", "Al Qunayţirah"),
        "04": ("SY-RA", "Ar Raqqah"), "05": ("SY-SU", "As-Suwayda"), "06": ("SY-DR", "Dar‘ā"),
        "07": ("SY-DY", "Deir ez-Zor"), "08": ("SY-RD", "Dūmā"), "09": ("SY-HL", "Aleppo"),
        "10": ("SY-HM", "Ḩamāh"), "11": ("SY-HI", "Homs"), "12": ("SY-ID", "Idlib"),
        "13": ("SY-DI", "Damascus"), "14": ("SY-TA", "Ţarţūs"),
    },
    "IQ": {
        "01": ("IQ-AN", "Ramadi"), "02": ("IQ-BA", "Basrah"), "03": ("IQ-MU", "As Samawah"),
        "04": ("IQ-QA", "Al Diwaniyah"), "05": ("IQ-SU", "Sulaymaniyah"), "06": ("IQ-BB", "Al Hillah"),
        "07": ("IQ-BG", "Baghdad"), "08": ("IQ-DA", "Dihok"), "09": ("IQ-DQ", "Nasiriyah"),
        "10": ("IQ-DI", "Baqubah"), "11": ("IQ-AR", "Erbil"), "12": ("IQ-KA", "Karbala"),
        "13": ("IQ-KI", "Kirkuk"), "14": ("IQ-MA", "Al ‘Amārah"), "15": ("IQ-NI", "Mosul"),
        "16": ("IQ-WA", "Al-Kut"), "17": ("IQ-NA", "Najaf"), "18": ("IQ-SD", "Tikrīt"),
        "19": ("IQ-SU", "Halabja"),
    },
    # Ukraine: the evidence is the oblast's centre, except Kyiv Oblast (13),
    # whose centre is the city of Kyiv (its own admin1, 12): its largest town.
    "UA": {
        "01": ("UA-71", "Cherkasy"), "02": ("UA-74", "Chernihiv"), "03": ("UA-77", "Chernivtsi"),
        "04": ("UA-12", "Dnipro"), "05": ("UA-14", "Donetsk"), "06": ("UA-26", "Ivano-Frankivsk"),
        "07": ("UA-63", "Kharkiv"), "08": ("UA-65", "Kherson"), "09": ("UA-68", "Khmelnytskyi"),
        "10": ("UA-35", "Kropyvnytskyi"), "11": ("UA-43", "Simferopol"), "12": ("UA-30", "Kyiv"),
        "13": ("UA-32", "Bila Tserkva"), "14": ("UA-09", "Luhansk"), "15": ("UA-46", "Lviv"),
        "16": ("UA-48", "Mykolayiv"), "17": ("UA-51", "Odesa"), "18": ("UA-53", "Poltava"),
        "19": ("UA-56", "Rivne"), "20": ("UA-40", "Sevastopol"), "21": ("UA-59", "Sumy"),
        "22": ("UA-61", "Ternopil"), "23": ("UA-05", "Vinnytsya"), "24": ("UA-07", "Lutsk"),
        "25": ("UA-21", "Uzhhorod"), "26": ("UA-23", "Zaporizhzhya"), "27": ("UA-18", "Zhytomyr"),
    },
    # Sudan's 18 states (GeoNames codes from the 2012 reorganisation).
    "SD": {
        "29": ("SD-KH", "Khartoum"), "36": ("SD-RS", "Port Sudan"), "38": ("SD-GZ", "Wad Medani"),
        "39": ("SD-GD", "Al Qadarif"), "41": ("SD-NW", "Rabak"), "42": ("SD-NB", "Ad-Damazin"),
        "43": ("SD-NO", "Dongola"), "47": ("SD-DW", "Al-Junaynah"), "49": ("SD-DS", "Nyala"),
        "50": ("SD-KS", "Kadugli"), "52": ("SD-KA", "Kassala"), "53": ("SD-NR", "Ad-Damir"),
        "55": ("SD-DN", "El Fasher"), "56": ("SD-KN", "El Obeid"), "58": ("SD-SI", "Singa"),
        "60": ("SD-DE", "El Daein"), "61": ("SD-DC", "Zalinjay"), "62": ("SD-GK", "Al-Fulah"),
    },
}
# Provinces whose capital (the evidence above) names them: its spellings are
# stems of the aliases ("Kharkov oblast").  Not Sudan's states (news says
# "North Darfur", not "El Fasher state"), and not these, whose stems are given:
# Kyiv Oblast's evidence is not its centre; Crimea is not named after
# Simferopol; the cities of Kyiv and Sevastopol get no "<name> region" forms,
# which mean the oblast around Kyiv and Crimea.
CAPITAL_STEMS = {"SY", "IQ", "UA"}
STEMS = {"UA-32": ["Kyiv", "Kiev"], "UA-43": ["Crimea"], "UA-30": [], "UA-40": []}

# English name used in news, and short forms that name the province alone.
# Short forms equal to the capital's name ("Raqqa") are deliberately absent:
# bare, they mean the city; "Raqqa province" is generated below.
ENGLISH = {
    "SY-DI": ("Damascus Governorate", []),
    "SY-DR": ("Daraa Governorate", []),
    "SY-DY": ("Deir ez-Zor Governorate", []),
    "SY-HA": ("Al-Hasakah Governorate", []),
    "SY-HI": ("Homs Governorate", []),
    "SY-HL": ("Aleppo Governorate", []),
    "SY-HM": ("Hama Governorate", []),
    "SY-ID": ("Idlib Governorate", []),
    "SY-LA": ("Latakia Governorate", []),
    "SY-QU": ("Quneitra Governorate", []),
    "SY-RA": ("Raqqa Governorate", []),
    "SY-RD": ("Rif Dimashq Governorate", ["Rif Dimashq", "Rif Damascus", "Reef Dimashq", "Rural Damascus",
                                          "Damascus countryside", "Damascus suburbs"]),
    "SY-SU": ("As-Suwayda Governorate", []),
    "SY-TA": ("Tartus Governorate", []),
    "IQ-AN": ("Anbar Governorate", ["Anbar", "Al Anbar", "al-Anbar"]),
    "IQ-AR": ("Erbil Governorate", []),
    "IQ-BA": ("Basra Governorate", []),
    "IQ-BB": ("Babil Governorate", ["Babil", "Babylon province"]),
    "IQ-BG": ("Baghdad Governorate", []),
    "IQ-DA": ("Duhok Governorate", []),
    "IQ-DI": ("Diyala Governorate", ["Diyala", "Diyala province"]),
    "IQ-DQ": ("Dhi Qar Governorate", ["Dhi Qar", "Thi Qar"]),
    "IQ-KA": ("Karbala Governorate", []),
    "IQ-KI": ("Kirkuk Governorate", ["Tamim province", "Ta'mim"]),
    "IQ-MA": ("Maysan Governorate", ["Maysan", "Missan"]),
    "IQ-MU": ("Muthanna Governorate", ["Muthanna", "al-Muthanna"]),
    "IQ-NA": ("Najaf Governorate", []),
    "IQ-NI": ("Nineveh Governorate", ["Nineveh", "Ninawa", "Ninevah", "Nineveh Plains"]),
    "IQ-QA": ("Al-Qadisiyah Governorate", ["Qadisiyah", "Al-Qadisiyyah", "Qadisiya", "Diwaniyah province"]),
    "IQ-SD": ("Salah ad-Din Governorate", ["Salahuddin", "Salah ad-Din", "Salah al-Din", "Saladin",
                                           "Salaheddin"]),
    "IQ-SU": ("Sulaymaniyah Governorate", []),
    "IQ-WA": ("Wasit Governorate", ["Wasit"]),
    # Ukraine: "Kharkiv Oblast"; English news says "Kharkiv region" or "Kharkiv oblast".
    "UA-71": ("Cherkasy Oblast", []), "UA-74": ("Chernihiv Oblast", []), "UA-77": ("Chernivtsi Oblast", []),
    "UA-12": ("Dnipropetrovsk Oblast", ["Dnipro region", "Dnipro oblast"]),
    "UA-14": ("Donetsk Oblast", []), "UA-26": ("Ivano-Frankivsk Oblast", []),
    "UA-63": ("Kharkiv Oblast", []), "UA-65": ("Kherson Oblast", []),
    "UA-68": ("Khmelnytskyi Oblast", ["Khmelnytskyi region", "Khmelnytsky region"]),
    "UA-35": ("Kirovohrad Oblast", ["Kropyvnytskyi region"]),
    "UA-43": ("Autonomous Republic of Crimea", ["Crimea", "Republic of Crimea", "Crimean peninsula"]),
    "UA-30": ("Kyiv City", ["City of Kyiv", "Kiev City"]),
    "UA-32": ("Kyiv Oblast", ["Kiev Oblast", "Kiev region"]),
    "UA-09": ("Luhansk Oblast", ["Lugansk region", "Luhansk People's Republic"]),
    "UA-46": ("Lviv Oblast", []), "UA-48": ("Mykolaiv Oblast", []), "UA-51": ("Odesa Oblast", ["Odessa region"]),
    "UA-53": ("Poltava Oblast", []), "UA-56": ("Rivne Oblast", []),
    "UA-40": ("Sevastopol City", ["City of Sevastopol"]),
    "UA-59": ("Sumy Oblast", []), "UA-61": ("Ternopil Oblast", []), "UA-05": ("Vinnytsia Oblast", []),
    "UA-07": ("Volyn Oblast", []), "UA-21": ("Zakarpattia Oblast", ["Transcarpathia", "Zakarpattia"]),
    "UA-23": ("Zaporizhzhia Oblast", ["Zaporizhia region", "Zaporizhia oblast", "Zaporozhye region"]),
    "UA-18": ("Zhytomyr Oblast", []),
    # Sudan: "North Darfur State"; bare names only where no river, sea or adjective
    # has them ("Blue Nile" is the river, "Northern" a word).
    "SD-DC": ("Central Darfur State", ["Central Darfur"]), "SD-DE": ("East Darfur State", ["East Darfur"]),
    "SD-DN": ("North Darfur State", ["North Darfur"]), "SD-DS": ("South Darfur State", ["South Darfur"]),
    "SD-DW": ("West Darfur State", ["West Darfur"]),
    "SD-GD": ("Gedaref State", ["Al Qadarif State", "Gadarif State", "Gedaref"]),
    "SD-GK": ("West Kordofan State", ["West Kordofan"]),
    "SD-GZ": ("Gezira State", ["Al Jazirah State", "Al Jazirah", "Gezira", "El Gezira"]),
    "SD-KA": ("Kassala State", []), "SD-KH": ("Khartoum State", []),
    "SD-KN": ("North Kordofan State", ["North Kordofan"]),
    "SD-KS": ("South Kordofan State", ["South Kordofan", "Nuba Mountains"]),
    "SD-NB": ("Blue Nile State", []), "SD-NO": ("Northern State", []),
    "SD-NR": ("River Nile State", ["Nile River State"]), "SD-NW": ("White Nile State", []),
    "SD-RS": ("Red Sea State", []), "SD-SI": ("Sennar State", ["Sinnar State"]),
    "IQ-KR": ("Kurdistan Region", ["Iraqi Kurdistan", "Kurdistan Region of Iraq", "KRI",
                                   "Kurdistan Region-Iraq"]),
}

# The words English news puts after a province's name, per country.
SUFFIXES = {"SY": ("province", "governorate"), "IQ": ("province", "governorate"),
            "UA": ("oblast", "region", "province"), "SD": ("state", "province")}
# The English name's last word(s) that are a suffix, not part of the stem.
_TYPE_WORDS = ("Governorate", "Oblast", "State", "City")


def admin1_groups(cc: str, table: str = "cities500"):
    groups = collections.defaultdict(list)
    for rec in geonames(table):
        if rec["countrycode"] == cc and rec.get("admin1code"):
            groups[rec["admin1code"]].append(rec)
    return groups


def _capital_record(cc: str, a1: str, capital: str):
    recs = [r for r in admin1_groups(cc)[a1] if r["name"] == capital]
    if not recs:
        raise SystemExit(f"tools/_areas.py ADMIN1[{cc!r}][{a1!r}]: no cities500 place named {capital!r} "
                         f"with admin1 {a1}; fix the mapping table")
    return max(recs, key=lambda r: r["population"])


def province_of(rec):
    """ISO 3166-2 parent of a GeoNames record of a country in ``ADMIN1``, or None."""
    entry = ADMIN1.get(rec["countrycode"], {}).get(rec.get("admin1code") or "")
    return entry[0] if entry else None


def _alias_forms(iso: str, capital_rec, pyc_name: str):
    english, short = ENGLISH[iso]
    cc = iso[:2]
    forms = list(short)
    head, _, last = english.rpartition(" ")
    base = head if last in _TYPE_WORDS else english
    stems = list(STEMS.get(iso, [base]))
    if cc in ("SY", "IQ"):
        stems.append(pyc_name)
    elif pyc_name.split()[-1].lower() in ("oblast", "state"):
        # "Kharkivska oblast"; not pycountry's bare Sudanese state names
        # ("Blue Nile" is the river) nor "Kyiv" and "Sevastopol" (the cities)
        forms.append(pyc_name)
    if cc in CAPITAL_STEMS and iso not in STEMS:
        # Syria and Iraq keep every spelling of the capital (their places keep
        # every alias too); Ukraine the ones English news is likely to print.
        limit = None if cc in ("SY", "IQ") else 6
        extra = [ua_national(capital_rec["name"])] if cc == "UA" else []
        stems += [capital_rec["name"]] + clean_aliases(capital_rec["name"], capital_rec["alternatenames"],
                                                       limit=limit, keep=extra)
    for stem in stems:
        for suf in SUFFIXES[cc]:
            forms.append(f"{stem} {suf}")
            forms.append(f"{stem} {suf.capitalize()}")
    return english, forms


def voronoi_admin1(points, outline):
    """Merge Voronoi cells of ``points`` [(lon, lat, key)] per key, clipped to ``outline``.

    Returns ``{key: polygon}``.  Coincident points keep the first key.
    """
    uniq = {}
    for lon, lat, key in points:
        uniq.setdefault((round(lon, 5), round(lat, 5)), key)
    mp = MultiPoint([Point(xy) for xy in uniq])
    env = outline.envelope.buffer(2.0)
    cells = shapely.voronoi_polygons(mp, extend_to=env)
    tree = shapely.STRtree([Point(xy) for xy in uniq])
    keys = list(uniq.values())
    by_key = collections.defaultdict(list)
    for cell in cells.geoms:
        idx = tree.query(cell, predicate="contains")
        if len(idx):
            by_key[keys[int(idx[0])]].append(cell)
    out = {}
    for key, parts in by_key.items():
        merged = shapely.union_all(parts).intersection(outline)
        if not merged.is_empty:
            out[key] = merged
    return out


def province_rows(*, outlines=None, simplify=0.01):
    """Rows for the provinces of Syria, Iraq, Ukraine and Sudan (and Iraq's Kurdistan Region)."""
    import pycountry  # build input; imported here so the helpers above work without it

    outlines = outlines or {}
    rows = []
    for cc in ADMIN1:
        groups = admin1_groups(cc)
        cells = {}
        if cc in outlines:
            pts = [(r["longitude"], r["latitude"], ADMIN1[cc][a1][0])
                   for a1, recs in groups.items() for r in recs]
            cells = voronoi_admin1(pts, outlines[cc][0])
        per_iso = collections.defaultdict(list)
        for a1, (iso, cap) in ADMIN1[cc].items():
            per_iso[iso].append((a1, _capital_record(cc, a1, cap)))
        for iso in sorted(per_iso):
            a1s = [a1 for a1, _ in per_iso[iso]]
            cap_rec = per_iso[iso][0][1]
            sub = pycountry.subdivisions.get(code=iso)
            english, forms = _alias_forms(iso, cap_rec, sub.name)
            n = sum(len(groups[a1]) for a1 in a1s)
            row = dict(id=iso, name=english, aliases=clean_aliases(english, forms), kind="province",
                       country=cc, parent=sub.parent_code or f"country:{cc}",
                       lat=cap_rec["latitude"], lon=cap_rec["longitude"], wkt=None,
                       population=sum(int(r["population"] or 0) for a1 in a1s for r in groups[a1]))
            names = f"names: pycountry {iso} ({sub.name}) and curated English forms"
            cap_src = f"point: capital {cap_rec['name']}, GeoNames {cap_rec['geonameid']}"
            if iso in cells:
                row["wkt"] = cells[iso].simplify(simplify)
                row["source"] = (f"{names}; polygon derived: Voronoi cells of {n} GeoNames places "
                                 f"({gnc_label('cities500')}) with admin1 {'+'.join(a1s)}, merged and "
                                 f"clipped "
                                 f"to the {outlines[cc][1]} outline of {cc}; {cap_src}")
            else:
                row["source"] = f"{names}; {cap_src}; no polygon (country outline missing)"
            rows.append(row)
    # Iraq's Kurdistan Region: union of its three (four with Halabja) governorates.
    kr = [r for r in rows if r["parent"] == "IQ-KR"]
    sub = pycountry.subdivisions.get(code="IQ-KR")
    english, short = ENGLISH["IQ-KR"]
    erbil = next(r for r in kr if r["id"] == "IQ-AR")
    row = dict(id="IQ-KR", name=english, aliases=clean_aliases(english, [sub.name] + short),
               kind="region", country="IQ", parent="country:IQ", lat=erbil["lat"], lon=erbil["lon"],
               wkt=None, population=sum(r["population"] for r in kr))
    src = f"names: pycountry IQ-KR ({sub.name}); point: its capital Erbil"
    if all(r["wkt"] is not None for r in kr):
        row["wkt"] = shapely.union_all([r["wkt"] for r in kr]).simplify(simplify)
        src += "; polygon derived: union of the derived polygons of IQ-AR, IQ-DA and IQ-SU"
    row["source"] = src
    rows.append(row)
    return rows


# The Associated Press's state abbreviations (AP Stylebook, "state names":
# used in datelines and after a city's name in body text: "Springfield, Ill.").
# The eight states AP never abbreviates (Alaska, Hawaii, Idaho, Iowa, Maine,
# Ohio, Texas, Utah) have none.  AP's "D.C." is an alias of the city of
# Washington (see _places.ENGLISH_USAGE).
AP_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.",
    "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.",
    "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.",
    "ND": "N.D.", "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}


def us_state_rows(*, outline=None, simplify=0.02):
    """US states (and D.C.) as kind province, ids ``US-XX``."""
    groups = collections.defaultdict(list)
    for rec in geonames("cities5000"):
        if rec["countrycode"] == "US" and rec.get("admin1code"):
            groups[rec["admin1code"]].append(rec)
    cells = {}
    if outline is not None:
        # Voronoi, not basemap's state lines: those do not close into faces
        # (one polygonized face spans FL..IL..PA), so they would add nothing
        pts = [(r["longitude"], r["latitude"], a1) for a1, recs in groups.items() for r in recs]
        cells = voronoi_admin1(pts, outline[0])
    rows = []
    for st in sorted(geonames("us_states"), key=lambda s: s["code"]):
        code, name = st["code"], st["name"]
        recs = groups.get(code, [])
        if not recs:
            continue
        big = max(recs, key=lambda r: r["population"])
        forms = [f"State of {name}", f"{name} state"]
        keep = [AP_ABBREVIATIONS[code]] if code in AP_ABBREVIATIONS else []
        if code == "DC":
            # "D.C.", "DC" and "Washington, D.C." are the city's aliases
            # (_places.ENGLISH_USAGE): reports mean the capital, a point
            forms, keep = [], []
        row = dict(id=f"US-{code}", name=name, aliases=clean_aliases(name, forms, keep=keep), kind="province",
                   country="US", parent="country:US", wkt=None,
                   population=sum(int(r["population"] or 0) for r in recs))
        src = f"GeoNames {st['geonameid']} ({gnc_label('us_states')})"
        if code in AP_ABBREVIATIONS:
            src += f"; abbreviation {AP_ABBREVIATIONS[code]}: AP Stylebook state abbreviations"
        if code in cells:
            poly = cells[code].simplify(simplify)
            pt, how = country_point(poly)
            row.update(lat=pt.y, lon=pt.x, wkt=poly)
            row["source"] = (f"{src}; polygon derived: Voronoi cells of {len(recs)} GeoNames places "
                             f"({gnc_label('cities5000')}) with admin1 {code}, merged and clipped to the "
                             f"{outline[1]} outline of US; {how}")
        else:
            row.update(lat=big["latitude"], lon=big["longitude"])
            row["source"] = (f"{src}; point: its largest place {big['name']}, GeoNames {big['geonameid']} "
                             f"({gnc_label('cities5000')}); no polygon")
        rows.append(row)
    return rows
