"""Build the actor lexicons shipped in ``src/storyline/resources/actors/`` from the public data.

Reads (never at run time, only here):
  ../shared/data/actors/ngec-plover/countries.csv           (MIT)
  ../shared/data/actors/ngec-plover/PLOVER_agents.txt       (MIT)
  ../shared/data/actors/countryinfo/CountryInfo.120116.txt  (CC BY-SA 3.0, Philip A. Schrodt)
  ../shared/data/actors/phoenix-dictionaries/Phoenix.agents.txt, Phoenix.International.actors.txt,
  Phoenix.MilNonState.actors.txt                           (MIT)
Writes: countries.json, agents.json, organizations.json (see the folder's README.md).

Usage: python scripts/build_actor_resources.py [--data ../shared/data] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Surfaces that are common words, person names or too ambiguous to stand for a country.
COUNTRY_STOP = {
    "chad",
    "jordan",
    "georgia",
    "turkey",
    "guinea",
    "niger",
    "china town",
    "man",
    "jersey",
    "english",
    "scottish",
    "welsh",
    "scotland",
    "wales",
    "england",
    "congo",
    "korea",
    "korean",
    "dominica",
    "samoa",
    "sudan",  # re-added below with a fixed code where unambiguous
    "west",
    "east",
    "north",
    "south",
    "central",
    "republic",
    "kingdom",
    "islands",
    "island",
    "states",
    "us virgin islands",
    "america",
}
# Fixed forms that the sources spell differently or leave out; (surface, ISO3).
COUNTRY_EXTRA = [
    ("U.S.", "USA"),
    ("US", "USA"),
    ("U.S.A.", "USA"),
    ("America", "USA"),
    ("United States of America", "USA"),
    ("U.K.", "GBR"),
    ("UK", "GBR"),
    ("Britain", "GBR"),
    ("British", "GBR"),
    ("England", "GBR"),
    ("English", "GBR"),
    ("Scotland", "GBR"),
    ("Sudan", "SDN"),
    ("Sudanese", "SDN"),
    ("South Sudan", "SSD"),
    ("South Sudanese", "SSD"),
    ("North Korea", "PRK"),
    ("North Korean", "PRK"),
    ("South Korea", "KOR"),
    ("South Korean", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Chad", "TCD"),
    ("Chadian", "TCD"),
    ("Jordan", "JOR"),
    ("Jordanian", "JOR"),
    ("Turkey", "TUR"),
    ("Türkiye", "TUR"),
    ("Turkish", "TUR"),
    ("Georgia", "GEO"),
    ("Georgian", "GEO"),
    ("Niger", "NER"),
    ("Nigerien", "NER"),
    ("Guinea", "GIN"),
    ("Samoa", "WSM"),
    ("Samoan", "WSM"),
    ("Congo", "COD"),
    ("Congolese", "COD"),
    ("Democratic Republic of Congo", "COD"),
    ("Democratic Republic of the Congo", "COD"),
    ("Republic of Congo", "COG"),
    ("Czechia", "CZE"),
    ("Czech Republic", "CZE"),
    ("Czech", "CZE"),
    ("Ivory Coast", "CIV"),
    ("Ivorian", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Myanmar", "MMR"),
    ("Burma", "MMR"),
    ("Burmese", "MMR"),
    ("Palestinian", "PSE"),
    ("Palestinians", "PSE"),
    ("Palestine", "PSE"),
    ("Gaza", "PSE"),
    ("West Bank", "PSE"),
    ("Gaza Strip", "PSE"),
    ("Kosovo", "XKX"),
    ("Kosovar", "XKX"),
    ("Taiwan", "TWN"),
    ("Taiwanese", "TWN"),
    ("Vatican", "VAT"),
    ("Holy See", "VAT"),
    ("East Timor", "TLS"),
    ("Timor-Leste", "TLS"),
    ("Emirates", "ARE"),
    ("UAE", "ARE"),
    ("Emirati", "ARE"),
    ("Dominican Republic", "DOM"),
    ("Dominica", "DMA"),
    ("PRC", "CHN"),
    ("Iranian", "IRN"),
    ("Iraqi", "IRQ"),
    ("Iraqis", "IRQ"),
    ("Israeli", "ISR"),
    ("Israelis", "ISR"),
    ("Syrian", "SYR"),
    ("Lebanese", "LBN"),
    ("Serb", "SRB"),
    ("Serbs", "SRB"),
    ("Serbian", "SRB"),
    ("Bosnian", "BIH"),
    ("Kurdistan", "IRQ"),
    ("Northern Ireland", "GBR"),
    ("Ulster", "GBR"),
]
# Peoples and regional groups that live (almost) all in one country: "Tamil rebels" are LKA REB,
# "Yoruba leaders" NGA. Peoples spread over several countries (Kurds, Hutus, Pashtuns, Albanians)
# are left out on purpose: the text has to say where. (surface, ISO3)
PEOPLES = [
    ("Tamil", "LKA"),
    ("Tamils", "LKA"),
    ("Sinhalese", "LKA"),
    ("Yoruba", "NGA"),
    ("Ibo", "NGA"),
    ("Igbo", "NGA"),
    ("Hausa", "NGA"),
    ("Ijaw", "NGA"),
    ("Ogoni", "NGA"),
    ("Chechen", "RUS"),
    ("Chechens", "RUS"),
    ("Tibetan", "CHN"),
    ("Tibetans", "CHN"),
    ("Uighur", "CHN"),
    ("Uighurs", "CHN"),
    ("Uyghur", "CHN"),
    ("Uyghurs", "CHN"),
    ("Kikuyu", "KEN"),
    ("Zulu", "ZAF"),
    ("Zulus", "ZAF"),
    ("Xhosa", "ZAF"),
    ("Afrikaner", "ZAF"),
    ("Afrikaners", "ZAF"),
    ("Shona", "ZWE"),
    ("Ndebele", "ZWE"),
    ("Basque", "ESP"),
    ("Basques", "ESP"),
    ("Catalan", "ESP"),
    ("Catalans", "ESP"),
    ("Corsican", "FRA"),
    ("Corsicans", "FRA"),
    ("Flemish", "BEL"),
    ("Walloon", "BEL"),
    ("Sikh", "IND"),
    ("Sikhs", "IND"),
    ("Kashmiri", "IND"),
    ("Kashmiris", "IND"),
    ("Sindhi", "PAK"),
    ("Baluch", "PAK"),
    ("Baloch", "PAK"),
    ("Acehnese", "IDN"),
    ("Papuan", "IDN"),
    ("Rohingya", "MMR"),
    ("Kachin", "MMR"),
    ("Khmer", "KHM"),
    ("Kampuchean", "KHM"),
    ("Hmong", "LAO"),
    ("Maronite", "LBN"),
    ("Maronites", "LBN"),
    ("Druze", "LBN"),
    ("Copt", "EGY"),
    ("Copts", "EGY"),
    ("Coptic", "EGY"),
    ("Oromo", "ETH"),
    ("Tigrayan", "ETH"),
    ("Tigrayans", "ETH"),
    ("Amhara", "ETH"),
    ("Darfuri", "SDN"),
    ("Abkhaz", "GEO"),
    ("Ossetian", "GEO"),
    ("Ossetians", "GEO"),
    ("Zapatista", "MEX"),
    ("Zapatistas", "MEX"),
    ("Sandinista", "NIC"),
    ("Sandinistas", "NIC"),
    ("Contras", "NIC"),
    ("Mujahideen", "AFG"),
    ("Taliban", "AFG"),
    ("Hezbollah", "LBN"),
    ("Hamas", "PSE"),
    ("Fatah", "PSE"),
]
# Regions and cities the sources leave out (surface, ISO3, kind): a region's people as an actor
# have no sector, a city's are civilians (CVL), as the PLOVER gold codes them.
PLACE_EXTRA = [
    ("Darfur", "SDN", "region"),
    ("North Darfur", "SDN", "region"),
    ("South Darfur", "SDN", "region"),
    ("West Darfur", "SDN", "region"),
    ("Kordofan", "SDN", "region"),
    ("Chechnya", "RUS", "region"),
    ("Dagestan", "RUS", "region"),
    ("Ingushetia", "RUS", "region"),
    ("Siberia", "RUS", "region"),
    ("Tibet", "CHN", "region"),
    ("Xinjiang", "CHN", "region"),
    ("Punjab", "IND", "region"),
    ("Sindh", "PAK", "region"),
    ("Balochistan", "PAK", "region"),
    ("Baluchistan", "PAK", "region"),
    ("Waziristan", "PAK", "region"),
    ("Aceh", "IDN", "region"),
    ("Mindanao", "PHL", "region"),
    ("Jaffna", "LKA", "city"),
    ("Belfast", "GBR", "city"),
    ("Corsica", "FRA", "region"),
    ("Catalonia", "ESP", "region"),
    ("Basque Country", "ESP", "region"),
    ("Kurdistan", "IRQ", "region"),
    ("Crimea", "UKR", "region"),
    ("Donbas", "UKR", "region"),
    ("Donetsk", "UKR", "city"),
    ("Luhansk", "UKR", "city"),
    ("Kharkiv", "UKR", "city"),
    ("Odesa", "UKR", "city"),
    ("Odessa", "UKR", "city"),
    ("Mariupol", "UKR", "city"),
    ("East Jerusalem", "PSE", "city"),
    ("Ramallah", "PSE", "city"),
    ("Jericho", "PSE", "city"),
    ("Hebron", "PSE", "city"),
    ("Nablus", "PSE", "city"),
    ("Jenin", "PSE", "city"),
    ("Bethlehem", "PSE", "city"),
    ("Rafah", "PSE", "city"),
    ("Khan Younis", "PSE", "city"),
    ("Gaza City", "PSE", "city"),
    ("Tel Aviv", "ISR", "city"),
    ("Haifa", "ISR", "city"),
    ("Golan Heights", "SYR", "region"),
    ("Kandahar", "AFG", "city"),
    ("Helmand", "AFG", "region"),
    ("Mosul", "IRQ", "city"),
    ("Basra", "IRQ", "city"),
    ("Fallujah", "IRQ", "city"),
    ("Kirkuk", "IRQ", "city"),
    ("Aleppo", "SYR", "city"),
    ("Homs", "SYR", "city"),
    ("Benghazi", "LBY", "city"),
    ("Misrata", "LBY", "city"),
    ("Juba", "SSD", "city"),
    ("Goma", "COD", "city"),
    ("Kashmir", "IND", "region"),
    ("Kathmandu", "NPL", "city"),
    ("Katmandu", "NPL", "city"),
    ("Khatmandu", "NPL", "city"),
    ("Karachi", "PAK", "city"),
    ("Lahore", "PAK", "city"),
    ("Peshawar", "PAK", "city"),
    ("Mumbai", "IND", "city"),
    ("Bombay", "IND", "city"),
    ("Calcutta", "IND", "city"),
    ("Kolkata", "IND", "city"),
    ("Shanghai", "CHN", "city"),
    ("Hong Kong", "HKG", "city"),
    ("Istanbul", "TUR", "city"),
    ("Diyarbakir", "TUR", "city"),
    ("Cizre", "TUR", "city"),
    ("Kosovo", "XKX", "region"),
    ("Bosnia", "BIH", "region"),
    ("Srebrenica", "BIH", "city"),
    ("Sarajevo", "BIH", "city"),
    ("Nagorno-Karabakh", "AZE", "region"),
    ("Transnistria", "MDA", "region"),
]
# Capitals that are also the usual metonym for a government; read from CountryInfo, plus these.
CAPITAL_EXTRA = [
    ("Washington", "USA"),
    ("Kyiv", "UKR"),
    ("Kiev", "UKR"),
    ("Moscow", "RUS"),
    ("Beijing", "CHN"),
    ("Tehran", "IRN"),
    ("Pyongyang", "PRK"),
    ("Seoul", "KOR"),
    ("London", "GBR"),
    ("Paris", "FRA"),
    ("Berlin", "DEU"),
    ("Tokyo", "JPN"),
    ("New Delhi", "IND"),
    ("Ankara", "TUR"),
    ("Hanoi", "VNM"),
    ("Phnom Penh", "KHM"),
    ("Bangkok", "THA"),
    ("Jakarta", "IDN"),
    ("Manila", "PHL"),
    ("Canberra", "AUS"),
    ("Ottawa", "CAN"),
    ("Brasilia", "BRA"),
    ("Islamabad", "PAK"),
    ("Kabul", "AFG"),
    ("Baghdad", "IRQ"),
    ("Damascus", "SYR"),
    ("Riyadh", "SAU"),
    ("Cairo", "EGY"),
    ("Jerusalem", "ISR"),
    ("Minsk", "BLR"),
    ("Warsaw", "POL"),
    ("Caracas", "VEN"),
    ("Havana", "CUB"),
    ("Naypyidaw", "MMR"),
    ("Naypyitaw", "MMR"),
    ("Vientiane", "LAO"),
    ("Singapore", "SGP"),
    ("Kuala Lumpur", "MYS"),
    ("Belgrade", "SRB"),
    ("Khartoum", "SDN"),
    ("Tripoli", "LBY"),
    ("Beirut", "LBN"),
    ("Amman", "JOR"),
    ("Baku", "AZE"),
    ("Yerevan", "ARM"),
    ("Tbilisi", "GEO"),
    ("Taipei", "TWN"),
    ("Addis Ababa", "ETH"),
    ("Nairobi", "KEN"),
    ("Pretoria", "ZAF"),
]
# Kingdoms: "the Kingdom" can stand for them (names in CountryInfo also reveal most).
KINGDOMS = {
    "KHM",
    "THA",
    "GBR",
    "SAU",
    "JOR",
    "MAR",
    "ESP",
    "NLD",
    "BEL",
    "SWE",
    "NOR",
    "DNK",
    "BHR",
    "BTN",
    "LSO",
    "SWZ",
    "TON",
    "MYS",
    "BRN",
}

# IGOs and their organs: code, canonical name, sector (None: the organization itself), aliases.
# Hand-made (storyline's own table); codes follow CAMEO where CAMEO has one (UNO, ASN, NAT, EEC).
IGOS: list[tuple[str, str, str | None, list[str]]] = [
    ("UNO", "United Nations", None, ["UN", "U.N.", "United Nations", "the United Nations"]),
    (
        "UNGA",
        "UN General Assembly",
        "GOV",
        [
            "UN General Assembly",
            "U.N. General Assembly",
            "United Nations General Assembly",
            "UNGA",
            "General Assembly",
        ],
    ),
    (
        "UNSC",
        "UN Security Council",
        "GOV",
        [
            "UN Security Council",
            "U.N. Security Council",
            "United Nations Security Council",
            "UNSC",
            "Security Council",
        ],
    ),
    (
        "UNHRC",
        "UN Human Rights Council",
        None,
        ["UN Human Rights Council", "U.N. Human Rights Council", "Human Rights Council"],
    ),
    (
        "UNHCR",
        "UN High Commissioner for Refugees",
        "REF",
        [
            "UNHCR",
            "UN refugee agency",
            "U.N. refugee agency",
            "UN High Commissioner for Refugees",
            "U.N. High Commissioner for Refugees",
            "UN Refugee Agency",
        ],
    ),
    ("UNICEF", "UNICEF", None, ["UNICEF", "United Nations Children's Fund"]),
    ("WFP", "World Food Programme", None, ["WFP", "World Food Programme", "World Food Program"]),
    ("WHO", "World Health Organization", None, ["WHO", "World Health Organization"]),
    (
        "IAEA",
        "International Atomic Energy Agency",
        None,
        ["IAEA", "International Atomic Energy Agency"],
    ),
    (
        "ASEAN",
        "ASEAN",
        None,
        [
            "ASEAN",
            "Association of Southeast Asian Nations",
            "Association of South East Asian Nations",
        ],
    ),
    ("NATO", "NATO", "MIL", ["NATO", "North Atlantic Treaty Organization", "the Alliance"]),
    (
        "EU",
        "European Union",
        None,
        [
            "EU",
            "E.U.",
            "European Union",
            "European Community",
            "European Commission",
            "European common market",
            "European Council",
        ],
    ),
    ("EP", "European Parliament", "LEG", ["European Parliament"]),
    ("G20", "G20", None, ["G20", "G-20", "Group of 20", "Group of Twenty"]),
    ("G7", "G7", None, ["G7", "G-7", "Group of Seven", "G8", "G-8", "Group of Eight"]),
    ("APEC", "APEC", None, ["APEC", "Asia-Pacific Economic Cooperation"]),
    ("AU", "African Union", None, ["African Union", "AU", "Organization of African Unity", "OAU"]),
    ("ECOWAS", "ECOWAS", None, ["ECOWAS", "Economic Community of West African States"]),
    ("OAS", "Organization of American States", None, ["OAS", "Organization of American States"]),
    (
        "OSCE",
        "OSCE",
        None,
        [
            "OSCE",
            "Organization for Security and Co-operation in Europe",
            "Organization for Security and Cooperation in Europe",
        ],
    ),
    ("ARL", "Arab League", None, ["Arab League", "League of Arab States"]),
    ("GCC", "Gulf Cooperation Council", None, ["GCC", "Gulf Cooperation Council"]),
    (
        "OIC",
        "Organization of Islamic Cooperation",
        None,
        [
            "OIC",
            "Organization of Islamic Cooperation",
            "Organisation of Islamic Cooperation",
            "Organization of the Islamic Conference",
        ],
    ),
    ("OPEC", "OPEC", None, ["OPEC", "Organization of the Petroleum Exporting Countries"]),
    ("IMF", "International Monetary Fund", None, ["IMF", "International Monetary Fund"]),
    ("WBK", "World Bank", None, ["World Bank"]),
    ("WTO", "World Trade Organization", None, ["WTO", "World Trade Organization"]),
    ("ICC", "International Criminal Court", "JUD", ["ICC", "International Criminal Court"]),
    (
        "ICJ",
        "International Court of Justice",
        "JUD",
        ["ICJ", "International Court of Justice", "World Court"],
    ),
    (
        "SCO",
        "Shanghai Cooperation Organisation",
        None,
        ["SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"],
    ),
    ("BRICS", "BRICS", None, ["BRICS"]),
    (
        "ICRC",
        "Red Cross",
        "MED",
        [
            "Red Cross",
            "International Committee of the Red Cross",
            "ICRC",
            "Red Crescent",
            "International Red Cross",
        ],
    ),
    (
        "ILO",
        "International Labour Organization",
        None,
        [
            "ILO",
            "International Labour Organization",
            "International Labor Organization",
            "International Labor Office",
            "International Labour Office",
        ],
    ),
    ("CIS", "Commonwealth of Independent States", None, ["Commonwealth of Independent States"]),
    ("AMN", "Amnesty International", None, ["Amnesty International", "Amnesty"]),
    ("HRW", "Human Rights Watch", None, ["Human Rights Watch"]),
    # a charity is coded by its kind (NGO), as Amnesty; medicine is what it does, not its sector
    (
        "MSF",
        "Doctors Without Borders",
        None,
        ["Doctors Without Borders", "MSF", "Medecins Sans Frontieres"],
    ),
]
# Armed groups the 2014 dictionaries miss or name only in full: [code, sector] as the dictionaries
# code their kind (al-Qaeda is IMG with no sector; national rebels are the country's REB).
GROUP_EXTRA: dict[str, list[str | None]] = {
    "islamic state": ["IMG", None],
    "isis": ["IMG", None],
    "isil": ["IMG", None],
    "daesh": ["IMG", None],
    "islamic state of iraq and the levant": ["IMG", None],
    "islamic state of iraq and syria": ["IMG", None],
    "houthis": ["YEM", "REB"],
    "houthi": ["YEM", "REB"],
    "houthi rebels": ["YEM", "REB"],
}
# National institutions and parties the 2014 dictionaries leave out (their words are shared by
# many countries' institutions, so GENERIC_INSTITUTION_WORDS drops them) although their name
# alone says the country: [ISO3, sector]. Names several countries use ("Senate", "Supreme
# Court", "Labour Party") stay out: the text must say whose.
INSTITUTION_EXTRA: dict[str, list[str | None]] = {
    "justice department": ["USA", "GOV"],
    "department of justice": ["USA", "GOV"],
    "state department": ["USA", "GOV"],
    "department of state": ["USA", "GOV"],
    "treasury department": ["USA", "GOV"],
    "homeland security department": ["USA", "GOV"],
    "department of homeland security": ["USA", "GOV"],
    "defense department": ["USA", "MIL"],
    "department of defense": ["USA", "MIL"],
    "republican party": ["USA", "PTY"],
    "democratic party": ["USA", "PTY"],
    "republican national committee": ["USA", "PTY"],
    "democratic national committee": ["USA", "PTY"],
    "gop": ["USA", "PTY"],
    "bundestag": ["DEU", "LEG"],
    "bundesrat": ["DEU", "LEG"],
    "knesset": ["ISR", "LEG"],
    "duma": ["RUS", "LEG"],
    "state duma": ["RUS", "LEG"],
    "kremlin": ["RUS", "GOV"],
    "downing street": ["GBR", "GOV"],
    "elysee": ["FRA", "GOV"],
    "élysée": ["FRA", "GOV"],
}
# Organizations that are NGOs rather than IGOs, by code above.
NGO_CODES = {"AMN", "HRW", "MSF"}

# Role nouns storyline codes itself; they override the agent dictionaries.
ROLE_CORE: dict[str, str] = {
    "president": "GOV",
    "prime minister": "GOV",
    "premier": "GOV",
    "minister": "GOV",
    "foreign minister": "GOV",
    "defense minister": "GOV",
    "defence minister": "GOV",
    "chancellor": "GOV",
    "king": "GOV",
    "queen": "GOV",
    "emperor": "GOV",
    "monarch": "GOV",
    "vice president": "GOV",
    "deputy prime minister": "GOV",
    "head of state": "GOV",
    "government": "GOV",
    "administration": "GOV",
    "cabinet": "GOV",
    "ministry": "GOV",
    "embassy": "GOV",
    "ambassador": "GOV",
    "envoy": "GOV",
    "diplomat": "GOV",
    "consulate": "GOV",
    "official": "GOV",
    "officials": "GOV",
    "authorities": "GOV",
    "spokesman": "GOV",
    "spokeswoman": "GOV",
    "spokesperson": "GOV",
    "secretary of state": "GOV",
    "foreign secretary": "GOV",
    "governor": "GOV",
    "mayor": "GOV",
    "leader": "GOV",
    "secretary-general": "GOV",
    "secretary general": "GOV",
    "junta": "MIL",
    "parliament": "LEG",
    "lawmaker": "LEG",
    "legislator": "LEG",
    "senator": "LEG",
    "congressman": "LEG",
    "congresswoman": "LEG",
    "mp": "LEG",
    "parliamentarian": "LEG",
    "national assembly": "LEG",
    "senate": "LEG",
    "congress": "LEG",
    "army": "MIL",
    "troops": "MIL",
    "soldier": "MIL",
    "soldiers": "MIL",
    "military": "MIL",
    "general": "MIL",
    "commander": "MIL",
    "forces": "MIL",
    "navy": "MIL",
    "air force": "MIL",
    "defense ministry": "GOV",
    "police": "COP",
    "security chief": "COP",
    "policeman": "COP",
    "police officer": "COP",
    "policemen": "COP",
    "cop": "COP",
    "cops": "COP",
    "riot police": "COP",
    "gendarme": "COP",
    "gendarmes": "COP",
    "gendarmerie": "COP",
    "judge": "JUD",
    "court": "JUD",
    "prosecutor": "JUD",
    "supreme court": "JUD",
    "rebel": "REB",
    "rebels": "REB",
    "insurgent": "REB",
    "insurgents": "REB",
    "militant": "REB",
    "militants": "REB",
    "guerrilla": "REB",
    "guerrillas": "REB",
    "gunmen": "REB",
    "opposition": "OPP",
    "opposition leader": "OPP",
    "opposition party": "OPP",
    "dissident": "OPP",
    "displaced": "REF",
    "internally displaced": "REF",
    "union": "LAB",
    "unions": "LAB",
    "trade union": "LAB",
    "labor union": "LAB",
    "labour union": "LAB",
    "activist": "CVL",
    "protester": "CVL",
    "protesters": "CVL",
    "demonstrators": "CVL",
    "civilians": "CVL",
    "people": "CVL",
    "residents": "CVL",
    "villagers": "CVL",
    "relative": "CVL",
    "relatives": "CVL",
    "families": "CVL",
    "family members": "CVL",
    "parents": "CVL",
    "journalist": "JRN",
    "reporter": "JRN",
    "newspaper": "JRN",
    "editor": "JRN",
    "academic": "EDU",
    "professor": "EDU",
    "scholar": "EDU",
    "researcher": "EDU",
    "analyst": "EDU",
    "academy": "EDU",
    "university": "EDU",
    "student": "EDU",
    "students": "EDU",
    "refugee": "REF",
    "refugees": "REF",
    "businessman": "BUS",
    "company": "BUS",
    "firm": "BUS",
    "negotiator": "GOV",
    "negotiators": "GOV",
    "delegation": "GOV",
    "delegate": "GOV",
    "delegates": "GOV",
    "emir": "GOV",
    "sheikh": "GOV",
    "crown prince": "GOV",
    "regime": "GOV",
    "peacekeeper": "MIL",
    "peacekeepers": "MIL",
    "peacekeeping troops": "MIL",
    "peacekeeping force": "MIL",
    "security forces": "COP",
    "guards": "MIL",
    "warplanes": "MIL",
    "jets": "MIL",
    "aid group": "NGO",
    "aid groups": "NGO",
    "aid workers": "NGO",
    "peace movement": "OPP",
    "intelligence": "SPY",
    "leaders": "GOV",
    "officers": "MIL",
    "nationals": "CVL",
    "national": "CVL",
    "population": "CVL",
    "aircraft": "MIL",
    "helicopters": "MIL",
    "tanks": "MIL",
    "administrators": "GOV",
    "border patrol": "COP",
    "party": "PTY",
    "ruling party": "PTY",
    "chairman": "",
    "secretary": "",
    "head": "",
    "director": "",
    "chief": "",
    "spokes": "",
}
SECTOR_OK = {
    "GOV",
    "MIL",
    "OPP",
    "PTY",
    "CVL",
    "MED",
    "BUS",
    "NGO",
    "IGO",
    "JUD",
    "LEG",
    "REB",
    "COP",
    "EDU",
    "REF",
    "ELI",
    "LAB",
    "REL",
    "CRM",
    "SPY",
    "UAF",
    "AGR",
    "JRN",
    "HLH",
    "SOC",
}


def phrase(raw: str) -> str:
    """A dictionary phrase (``PRIME_MINISTER_``) as lower-case words."""
    return " ".join(raw.strip().strip("_").replace("_", " ").split()).lower()


def sector_of(code: str, phoenix: bool = False) -> str | None:
    """The sector of a dictionary code, as PLOVER writes it: journalists and the press ``JRN``,
    medicine ``MED``. Phoenix (CAMEO) writes the press ``MED`` and medicine ``HLH``."""
    code = code.strip("~").upper()
    if "OPP" in code:
        return "OPP"
    head = code[:3]
    if head == "HLH" or (head == "MED" and not phoenix):
        return "MED"
    if head in ("MED", "JRN"):
        return "JRN"
    if head == "UAF":  # unidentified armed forces: armed groups, as PLOVER codes them (REB)
        return "REB"
    return head if head in SECTOR_OK else None


def read_agents(path: Path, out: dict[str, str], *, phoenix: bool = False) -> None:
    subs: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line.strip())
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[(~[A-Z]+)\]", line.strip())
        if not m:
            continue
        sector = sector_of(m.group(3), phoenix)
        if sector is None:
            continue
        forms = [m.group(1)]
        if m.group(2):
            forms.append(m.group(2).strip("{}"))
        for form in forms:
            for variant in expand(form.replace(" ", "_"), subs):
                words = phrase(variant)
                if not words or not re.fullmatch(r"[a-z][a-z .'\-]*", words):
                    continue
                out.setdefault(words, sector)
                if not words.endswith("s"):
                    out.setdefault(words + "s", sector)


def expand(form: str, subs: dict[str, list[str]]) -> list[str]:
    for key, values in subs.items():
        if key in form:
            return [v for value in values for v in expand(form.replace(key, value + "_", 1), subs)]
    return [form]


# CountryInfo blocks whose ISO3166-alpha3 field is another country's code (Myanmar's says MOZ,
# Guinea's PNG, Guatemala's GLP, Japan's JON); their <CountryCode> is right.
COUNTRYINFO_ISO_FIXES = {"MYANMAR": "MMR", "GUINEA": "GIN", "GUATEMALA": "GTM", "JAPAN": "JPN"}


def section_names(block: str, tag: str) -> Iterator[str]:
    """The names listed one per line in a CountryInfo block's ``<tag>`` section, title-cased;
    comments, lines with parentheses, commas or short or odd words are left out."""
    sec = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    if not sec:
        return
    for line in sec.group(1).splitlines():
        raw = line.split("#", 1)[0].strip()
        if not raw or "(" in raw or "," in raw:
            continue
        words = phrase(raw)
        if len(words) < 4 or not re.fullmatch(r"[a-z][a-z .'\-]*", words):
            continue
        yield titlecase(words)


def countryinfo_iso(block: str) -> str | None:
    """The ISO3 code of one CountryInfo ``<Country>`` block."""
    name = re.search(r"<CountryName>\s*([^<]*?)\s*</CountryName>", block)
    if name and name.group(1) in COUNTRYINFO_ISO_FIXES:
        return COUNTRYINFO_ISO_FIXES[name.group(1)]
    m = re.search(r"<ISO3166-alpha3>\s*([A-Z]{3})", block)
    return m.group(1) if m else None


def read_places(
    data: Path, country: dict[str, str], capital: dict[str, str]
) -> dict[str, list[str]]:
    """Cities and regions -> [ISO3, "city" | "region"]: CountryInfo's ``<MajorCities>`` and
    ``<Regions>`` (names only one country has), then PLACE_EXTRA and PEOPLES (kind "people")."""
    text = (data / "actors/countryinfo/CountryInfo.120116.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for block in text.split("<Country>")[1:]:
        block_iso = countryinfo_iso(block)
        if block_iso is None:
            continue
        for tag, kind in (("MajorCities", "city"), ("Regions", "region")):
            for name in section_names(block, tag):
                found[name].add((block_iso, kind))
    places = {
        p: list(next(iter(v)))
        for p, v in found.items()
        if len({iso for iso, _ in v}) == 1 and len(v) == 1 and p.lower() not in COUNTRY_STOP
    }
    people = read_people(data / "actors/phoenix-dictionaries/Phoenix.Countries.actors.txt")
    name_words = {w for name in people for w in name.split()}
    for surface, iso in read_phoenix_places(data).items():
        # Phoenix's own place names of one country ("Idlib", "Ghouta"): city or region it does
        # not say, so a region (no sector). A word of a person's name ("Nasser") is left out.
        low = surface.lower()
        if low not in people and surface not in places and (" " in low or low not in name_words):
            places[surface] = [iso, "region"]
    for surface, iso, kind in PLACE_EXTRA:
        places[surface] = [iso, kind]
    for surface, iso in PEOPLES:
        places[surface] = [iso, "people"]
    return {p: v for p, v in sorted(places.items()) if p not in country and p not in capital}


def read_phoenix_places(data: Path) -> dict[str, str]:
    """Names the Phoenix country dictionary gives a country's plain code (its cities, regions,
    rivers and other names: "+IDLIB" under ``[SYR]``) -> ISO3, when only one country has them."""
    path = data / "actors/phoenix-dictionaries/Phoenix.Countries.actors.txt"
    found: dict[str, set[str]] = defaultdict(set)
    entry: list[str] = []
    codes: list[str] = []

    def flush() -> None:
        if len(codes) == 1 and len(codes[0]) == 3:
            for n in entry:
                words = phrase(n)
                if len(words) >= 5 and re.fullmatch(r"[a-z][a-z .'\-]*", words):
                    found[titlecase(words)].add(codes[0])

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        name = re.sub(r"\[[^\]]*\]", "", body).strip()
        if name and not name.startswith("+") and not body[:1].isspace():
            flush()
            entry, codes = [], []
        codes.extend(re.findall(r"\[([A-Z]+)(?:\s[^\]]*)?\]", body))
        name = name.lstrip("+").strip()
        if name and "(" not in name:
            entry.append(name)
    flush()
    return {
        p: next(iter(v)) for p, v in found.items() if len(v) == 1 and p.lower() not in COUNTRY_STOP
    }


def read_countries(data: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(surface -> ISO3, capital -> ISO3, ISO3 -> name)."""
    names: dict[str, str] = {}
    surfaces: dict[str, set[str]] = defaultdict(set)
    capitals: dict[str, set[str]] = defaultdict(set)
    csv_surfaces: dict[str, set[str]] = defaultdict(set)
    with (data / "actors/ngec-plover/countries.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso = row["CCA3"].strip()
            names[iso] = row["Name"].strip()
            csv_surfaces[row["Name"].strip()].add(iso)
            for s in row["Nationality"].split(","):
                if s.strip():
                    csv_surfaces[s.strip()].add(iso)
    text = (data / "actors/countryinfo/CountryInfo.120116.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    for block in text.split("<Country>")[1:]:
        found_iso = countryinfo_iso(block)
        if found_iso is None:
            continue
        iso = found_iso
        cname = re.search(r"<CountryName>(.*?)</CountryName>", block)
        if cname and iso not in names:
            names[iso] = phrase(cname.group(1)).title()
        for tag, into in (("Nationality", surfaces), ("Capital", capitals)):
            for name in section_names(block, tag):
                into[name].add(iso)
    country: dict[str, str] = {}
    for source in (csv_surfaces, surfaces):
        for surface, isos in source.items():
            if len(isos) == 1 and surface.lower() not in COUNTRY_STOP:
                country.setdefault(surface, next(iter(isos)))
    for surface, iso in COUNTRY_EXTRA:
        country[surface] = iso
    capital = {c: next(iter(isos)) for c, isos in capitals.items() if len(isos) == 1}
    for surface, iso in CAPITAL_EXTRA:
        capital[surface] = iso
    for c in list(capital):
        if c in country:  # "Singapore", "Kuwait": the country itself
            del capital[c]
    return country, capital, names


def titlecase(words: str) -> str:
    small = {"of", "the", "and", "de", "du", "la", "al"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words.split())


def read_cow_codes(data: Path) -> dict[str, str]:
    """COW alpha codes that some dictionary entries use ("ANG") -> ISO3 ("AGO")."""
    out: dict[str, str] = {}
    with (data / "actors/ngec-plover/cow2iso.txt").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cow, iso = row["cow3"].strip(), row["iso3"].strip()
            if cow and iso and cow != iso:
                out.setdefault(cow, iso)
    return out


def read_org_dictionary(
    path: Path, out: dict[str, list[str | None]], cow: dict[str, str] | None = None
) -> None:
    """Names of armed groups and international bodies: phrase -> [country, sector].

    An entry is a line with its codes and the ``+`` lines after it (its other names); a name's
    parenthesized short form ("MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_") is a name too. Country
    codes written the COW way ("ANG") are read as ISO3 ("AGO")."""
    cow = cow or {}
    names: list[str] = []
    codes: list[str] = []
    dated = False

    def flush() -> None:
        if not codes or dated:  # people with tenures: stale by construction, roles come from text
            return
        code = codes[0]
        entry: list[str | None]
        if code.startswith(("IGO", "NGO", "IMG", "MNC")):
            entry = [code[:3], sector_of(code[3:], True) if len(code) > 3 else None]
        else:
            entry = [cow.get(code[:3], code[:3]), sector_of(code[3:], True) or "REB"]
        for n in names:
            words = phrase(n)
            if len(words) >= 4 and re.fullmatch(r"[a-z0-9][a-z0-9 .'\-&]*", words):
                out.setdefault(words, entry)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        found = re.findall(r"\[([A-Z]+)(?:\s[^\]]*)?\]", body)
        name = re.sub(r"\[[^\]]*\]", "", body).strip()
        if name and not name.startswith("+") and not body[:1].isspace():
            flush()  # a new entry
            names, codes, dated = [], [], False
        codes.extend(found)
        dated = dated or bool(re.search(r"\[[A-Z]+\s+[<>\d]", body))
        name = name.lstrip("+").strip()
        short = re.findall(r"\(([A-Za-z_]+)\)", name)
        name = re.sub(r"\([^)]*\)", "", name)
        if name:
            names.append(name)
        names.extend(short)
    flush()


# Words that, all together, name an institution many countries have ("Secretary of State",
# "the Senate", "Department of Defense"): such names are left to the text's country.
GENERIC_INSTITUTION_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "in",
        "to",
        "secretary",
        "state",
        "states",
        "senate",
        "department",
        "defense",
        "defence",
        "ministry",
        "national",
        "security",
        "council",
        "central",
        "command",
        "house",
        "federal",
        "supreme",
        "court",
        "justices",
        "staff",
        "intelligence",
        "community",
        "law",
        "enforcement",
        "president",
        "congress",
        "parliament",
        "assembly",
        "committee",
        "armed",
        "services",
        "foreign",
        "relations",
        "affairs",
        "official",
        "agency",
        "service",
        "director",
        "office",
        "chairman",
        "army",
        "navy",
        "air",
        "force",
        "forces",
        "marines",
        "special",
        "operations",
        "joint",
        "chiefs",
        "commander",
        "chief",
        "team",
        "provincial",
        "reconstruction",
        "border",
        "patrol",
        "attorney",
        "general",
        "management",
        "budget",
        "reserve",
        "trade",
        "commission",
        "aviation",
        "administration",
        "transportation",
        "health",
        "human",
        "protection",
        "environmental",
        "land",
        "government",
        "military",
        "police",
        "ministry",
        "minister",
        "prime",
        "cabinet",
    ]
)
# A government code's second sector that says which branch: "ISRGOVLEG" (the Knesset) is LEG.
GOV_BRANCHES = frozenset({"LEG", "JUD", "MIL", "COP", "SPY"})


def read_institutions(path: Path, names: dict[str, str]) -> dict[str, list[str | None]]:
    """National institutions of the Phoenix country dictionary ("White House" USA GOV,
    "Knesset" ISR LEG, "Pentagon" USA MIL): phrase -> [ISO3, sector].

    Only undated entries whose code has a sector (people with tenures are left out: stale);
    names made only of words many countries' institutions share are left out too."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    entry: list[str] = []
    codes: list[str] = []
    dated = False

    def flush() -> None:
        if not codes or dated or len(codes[0]) <= 3 or codes[0][:3] not in names:
            return
        code = codes[0]
        branch = code[6:9]
        sector = branch if code[3:6] == "GOV" and branch in GOV_BRANCHES else None
        sector = sector or sector_of(code[3:], True)
        if sector is None:
            return  # a territory ("USAPRI"), not an institution
        for n in entry:
            words = phrase(n)
            if len(words) < 3 or not re.fullmatch(r"[a-z][a-z0-9 .'\-&]*", words):
                continue
            if all(w in GENERIC_INSTITUTION_WORDS for w in words.split()):
                continue
            out[words].add((code[:3], sector))

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        found = re.findall(r"\[([A-Z]+)(?:\s[^\]]*)?\]", body)
        name = re.sub(r"\[[^\]]*\]", "", body).strip()
        if name and not name.startswith("+") and not body[:1].isspace():
            flush()
            entry, codes, dated = [], [], False
        codes.extend(found)
        dated = dated or bool(re.search(r"\[[A-Z]+\s+[<>\d]", body))
        name = name.lstrip("+").strip()
        if name:
            entry.append(name)
    flush()
    return {w: [*next(iter(v))] for w, v in sorted(out.items()) if len(v) == 1}


# Words some armed groups' names are that stand for something else far more often.
GROUP_NAME_STOP = frozenset(
    [
        "youth",
        "emetic",
        "yahweh",
        "mavericks",
        "tigers",
        "zero",
        "falcon",
        "organization",
        "boogeymen",
        "machete",
        "paradise",
        "eyal",
        "muhammed",
        "muhannad",
        "hamzah",
        "shahin",
        "amal",
        "hotaru",
        "aleph",
        "clandestini",
        "clandestinu",
    ]
)


def named_groups(
    names: list[str],
    country: dict[str, str],
    capital: dict[str, str],
    agents: dict[str, str],
    countries_file: Path,
    people_file: Path,
) -> list[str]:
    """Armed groups' names to find in text even when the tagger misses them ("A Taliban attack",
    "Boko Haram"): not a place, a person or a word of the role lexicon alone."""
    places = json.loads(countries_file.read_text(encoding="utf-8"))["places"]
    peoples = {k for k, v in places.items() if v[1] == "people"}  # "Taliban": a group too
    known = {k.lower() for k in [*country, *capital, *places] if k not in peoples}
    people = read_people(people_file)
    role_words = {w for phrase_ in agents for w in phrase_.split()} | GENERIC_INSTITUTION_WORDS
    out = set()
    for name in names:
        words = name.split()
        if len(name) < 4 or name in known or name in people or name in GROUP_NAME_STOP:
            continue
        if not re.fullmatch(r"[a-z][a-z0-9 .'\-]*", name) or words[0] == "the":
            continue
        if len(words) > 1 and all(w in role_words for w in words):
            continue  # "rebel armed forces": a description, not a name
        out.add(name)
    return sorted(out | set(GROUP_EXTRA))


# Titles a surname is looked up with ("president obama"); the runtime folds "Mr." to "mr".
TITLE_FORMS = frozenset({"president", "prime minister", "mr", "mrs", "ms", "king", "queen"})
TITLE_PREFIXES = (
    "president",
    "prime minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "senator",
    "the ",
    "king",
    "queen",
    "general",
    "gen.",
    "minister",
    "premier",
    "former",
    "vice",
)


NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "dos", "da", "de", "van", "von", "le"})


def read_people(path: Path) -> dict[str, str]:
    """Names of people in the Phoenix country dictionary -> the ISO3 all their codes share.

    Only the country is kept: the offices (and their dates) are stale, roles come from the text.
    """
    people: dict[str, set[str]] = defaultdict(set)
    titled: dict[str, set[str]] = defaultdict(set)  # "president bush" -> surname "bush"
    titled_forms: dict[str, set[str]] = defaultdict(set)  # "president obama" as written
    pending: list[str] = []
    codes: list[str] = []
    dated = False

    def flush() -> None:
        countries = {c[:3] for c in codes}
        if dated and len(countries) == 1 and not countries & {"IGO", "NGO", "IMG", "MNC"}:
            for n in pending:
                words = phrase(n)
                if "administration" in words:
                    continue
                if words.startswith(TITLE_PREFIXES):
                    rest = words.split()[-1]
                    if (
                        not words.startswith("the ")
                        and re.fullmatch(r"[a-z][a-z'\-]*", rest)
                        and len(rest) >= 4
                    ):
                        titled[rest].update(countries)
                        title = words[: -len(rest)].strip().rstrip(".")
                        if title in TITLE_FORMS:
                            titled_forms[f"{title} {rest}"].update(countries)
                    continue
                if re.fullmatch(r"[a-z][a-z .'\-]*", words) and len(words) >= 4:
                    people[words].update(countries)

    code_re = re.compile(r"\[([A-Z]{3,})([^\]]*)\]")
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = raw.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        found = code_re.findall(body)
        if body.startswith(("\t", " ")) and found:
            codes.extend(c for c, _ in found)
            dated = dated or any(re.search(r"\d", rest) for _, rest in found)
            continue
        if body.startswith("+"):
            pending.append(body[1:].strip())
            continue
        if codes:
            flush()
            pending, codes, dated = [], [], False
        pending.append(re.sub(r"\[.*", "", body).strip())
        codes.extend(c for c, _ in found)
        dated = dated or any(re.search(r"\d", rest) for _, rest in found)
    if codes:
        flush()
    surname: dict[str, set[str]] = defaultdict(set)
    for words, isos in people.items():
        surname[words.split()[-1]].update(isos)
    out = {w: next(iter(i)) for w, i in people.items() if len(i) == 1 and " " in w}
    # A surname stands for a country when everyone in the dictionary carrying it shares one.
    out.update({s: next(iter(i)) for s, i in surname.items() if len(i) == 1 and len(s) >= 4})
    # A surname alone names one person only when no one else in the dictionary carries it.
    out.update(
        {
            w: next(iter(i))
            for w, i in people.items()
            if len(i) == 1 and " " not in w and len(surname[w]) == 1
        }
    )
    # "Carlos Saul Menem" is also "Carlos Menem": first and last name (with a particle before the
    # last: "Omar Hassan al Bashir" -> "omar al bashir") when no one else shortens to it.
    short: dict[str, set[str]] = defaultdict(set)
    for words, isos in people.items():
        parts = words.split()
        if len(parts) >= 3:
            last = 2 if parts[-2] in NAME_PARTICLES else 1
            if len(parts) > last + 1:
                short[" ".join([parts[0], *parts[-last:]])].update(isos)
    for name, isos in short.items():
        if len(isos) == 1 and name not in people:
            out.setdefault(name, next(iter(isos)))
    # "President Bush", "Mr Obama": the dictionary says the surname alone names this person, even
    # when someone far less known elsewhere carries it too.
    # Only over one other country, and never against an entry already made.
    for s, i in titled.items():
        if len(i) == 1 and len(surname[s] | i) <= 2:
            out.setdefault(s, next(iter(i)))
    # "President Obama" as the dictionary writes it names him, whoever else is called Obama: the
    # title and surname together are the key ("president obama"), looked up only with the title.
    for form, i in titled_forms.items():
        if len(i) == 1:
            out.setdefault(form, next(iter(i)))
    return dict(sorted(out.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "src/storyline/resources/actors")
    args = ap.parse_args()
    data: Path = args.data
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    country, capital, names = read_countries(data)
    (out / "countries.json").write_text(
        json.dumps(
            {
                "names": dict(sorted(names.items())),
                "surfaces": dict(sorted(country.items())),
                "capitals": dict(sorted(capital.items())),
                "kingdoms": sorted(KINGDOMS),
                "places": read_places(data, country, capital),
            },
            ensure_ascii=False,
            indent=0,
            sort_keys=False,
        ),
        encoding="utf-8",
    )
    agents: dict[str, str] = {}
    for words, sector in ROLE_CORE.items():
        agents[words] = sector
    read_agents(data / "actors/ngec-plover/PLOVER_agents.txt", agents)
    read_agents(data / "actors/phoenix-dictionaries/Phoenix.agents.txt", agents, phoenix=True)
    (out / "agents.json").write_text(
        json.dumps(dict(sorted(agents.items())), ensure_ascii=False, indent=0), encoding="utf-8"
    )
    groups: dict[str, list[str | None]] = {}
    cow = {c: i for c, i in read_cow_codes(data).items() if c not in names}
    read_org_dictionary(
        data / "actors/phoenix-dictionaries/Phoenix.MilNonState.actors.txt", groups, cow
    )
    armed = list(groups)
    people_file = data / "actors/phoenix-dictionaries/Phoenix.Countries.actors.txt"
    international: dict[str, list[str | None]] = {}
    read_org_dictionary(
        data / "actors/phoenix-dictionaries/Phoenix.International.actors.txt", international, cow
    )
    for words, entry in international.items():
        if entry[0] in ("IGO", "IMG"):
            groups.setdefault(words, entry)
    institutions = read_institutions(
        data / "actors/phoenix-dictionaries/Phoenix.Countries.actors.txt", names
    )
    for words, entry in institutions.items():
        groups.setdefault(words, entry)
    for words, entry in GROUP_EXTRA.items():
        groups.setdefault(words, entry)
    for words, entry in INSTITUTION_EXTRA.items():
        groups.setdefault(words, entry)
    named = named_groups(
        [*armed, *GROUP_EXTRA], country, capital, agents, out / "countries.json", people_file
    )
    igos = [
        {
            "code": code,
            "name": name,
            "sector": sector,
            "aliases": aliases,
            "kind": "NGO" if code in NGO_CODES else "IGO",
        }
        for code, name, sector, aliases in IGOS
    ]
    (out / "organizations.json").write_text(
        json.dumps(
            {"igos": igos, "groups": dict(sorted(groups.items())), "named_groups": named},
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    people = read_people(data / "actors/phoenix-dictionaries/Phoenix.Countries.actors.txt")
    with (
        (out / "people.json.gz").open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed,
    ):
        packed.write(json.dumps(people, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(
        f"people {len(people)} countries {len(country)} capitals {len(capital)} agents {len(agents)} "
        f"groups {len(groups)} igos {len(igos)}"
    )


if __name__ == "__main__":
    main()
