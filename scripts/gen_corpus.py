#!/usr/bin/env python3
"""Generate a synthetic JSONL news corpus for stancetrack throughput and memory benchmarks.

    python3 scripts/gen_corpus.py --mb 200 --seed 1 OUT.jsonl

Writes one article per line, {"id","text","outlet","date","title","url"}, until
the file holds about MB mebibytes (1 MB = 1,048,576 bytes of UTF-8, like
scripts/measure_big_paragraph.sh). The same seed always gives the same file
(Python 3.11 stdlib only, no dependence on the repository's data files).

The tool's speed depends on the text, so the articles imitate the seeds and the
held-out articles rather than repeating a few of them:

* a headline (`title`; sometimes also the first line of `text`), 8-30
  paragraphs of 1-4 sentences, 2-8 KB; optional byline, dateline, sub-headings
  and page furniture (Advertisement, Read more: ...), now and then a paragraph
  duplicated by a bad scrape;
* about 40% of paragraphs carry attributed speech: trailing (“...,” Name
  said.), inverted (said Name, the ...), leading (Name said: “...”), reported
  (said that ..., told reporters ...), `according to`, quoted fragments (called
  it “a trap”), mixed, pronoun continuations (“...,” she said. “...”), titles
  and roles, anonymous sources and institutions;
* the rest is background prose (battlefield, energy, economy, diplomacy,
  history, weather, sport) with numbers, dates, places and abbreviations
  (U.S., a.m., Dr., Gov., Sen., St. Petersburg);
* speakers: some 700 generated people (first names x surnames from several
  languages, Slavic transliteration variants that differ by outlet), a few of
  them prolific (Zipf weights), plus actors of data/actors.toml (a snapshot is
  built in, so the corpus does not change when that file does);
* statements on Crimea, NATO, a ceasefire and sanctions worded for, against or
  neutral (negations, conditionals, preconditions), weighted by the speaker's
  side, and many off-topic statements;
* ~30 outlets with their own house style (curly, straight or rarer quote
  marks, comma inside or outside the closing mark, British or American
  spelling, blank-line or single-newline paragraphs, transliterations);
* dates spread over two years; about 5% of direct quotes are re-reported by
  another outlet within four days with a small edit (truncation, spelling,
  a substituted word, or as reported speech).

Speed: text is assembled from pre-built pools with str.format_map and written
in multi-megabyte chunks: about 10 MB of corpus per CPU second (200 MB in
about 20 s on an idle core, 40 s for 400 MB), under 100 MB of memory.
"""

import argparse
import bisect
import datetime
import json
import random
import re
import sys
import time

MIB = 1 << 20

R = random.Random(0)  # reseeded in main(); every draw goes through R
rnd = R.random


def pick(seq):
    return seq[int(rnd() * len(seq))]


def chance(p):
    return rnd() < p


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def wpick(items, cum, total):
    """Weighted choice with precomputed cumulative weights."""
    return items[bisect.bisect_right(cum, rnd() * total)]


def weighted(pairs):
    """[(item, weight)] -> (items, cumulative weights, total) for wpick."""
    items, cum, t = [], [], 0.0
    for item, w in pairs:
        t += w
        items.append(item)
        cum.append(t)
    return items, cum, t


# Quote-mark placeholders: the text is built with these and converted to the
# outlet's house style once per article (str.replace, no per-character work).
OQ, CQ, OI, CI, PROTECT = "\x01", "\x02", "\x03", "\x04", "\x05"

# ---------------------------------------------------------------------------
# Slot grammar: "{key}" in a template is filled from POOLS[key] (a list, may
# itself contain slots) or FUNCS[key] (a generator). Trailing digits make a
# second independent draw ({city_ua2}); a key repeated in one sentence keeps
# its value.
# ---------------------------------------------------------------------------

POOLS = {}
FUNCS = {}


class Fill(dict):
    __slots__ = ()

    def __missing__(self, key):
        base = key.rstrip("0123456789")
        pool = POOLS.get(base)
        if pool is not None:
            v = pool[int(rnd() * len(pool))]
            if "{" in v:
                v = v.format_map(self)
        else:
            v = FUNCS[base]()
        self[key] = v
        return v


def fill(template, **given):
    return template.format_map(Fill(given))


SMALL_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
             "Sept.", "Oct.", "Nov.", "Dec."]


def _num_small():
    n = 2 + int(rnd() * 58)
    if n < 10 and chance(0.6):
        return SMALL_WORDS[n - 2]
    return str(n)


def _money():
    cur = pick(["$", "$", "€", "€", "£"])
    if chance(0.5):
        return f"{cur}{1 + rnd() * 60:.1f} billion"
    return f"{cur}{pick([50, 75, 120, 150, 200, 250, 300, 450, 600, 780, 900])} million"


def _clock():
    h = 1 + int(rnd() * 12)
    m = pick(["", ":05", ":15", ":30", ":40", ":45", ":50"])
    return f"{h}{m} {pick(['a.m.', 'p.m.'])}"


FUNCS.update({
    "num_small": _num_small,
    "num_mid": lambda: str(60 + int(rnd() * 900)),
    "num_big": lambda: f"{1000 + int(rnd() * 240000):,}",
    "pct": lambda: f"{0.2 + rnd() * 14:.1f}",
    "money": _money,
    "year_past": lambda: str(1991 + int(rnd() * 31)),
    "day": lambda: str(1 + int(rnd() * 28)),
    "clock": _clock,
    "price": lambda: f"{55 + rnd() * 40:.2f}",
    "rate": lambda: f"{36 + rnd() * 9:.2f}",
    "score": lambda: (lambda a, b: f"{a + b + 1}-{a}")(int(rnd() * 3), int(rnd() * 2)),  # a win
    "score_draw": lambda: (lambda a: f"{a}-{a}")(int(rnd() * 3)),
    "score_loss": lambda: (lambda a, b: f"{a}-{a + b + 1}")(int(rnd() * 3), int(rnd() * 2)),
    "num_days": lambda: pick(["30", "30", "60", "90", "14", "10"]),
    "km": lambda: str(pick([5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 70, 100])),
    "temp": lambda: str(3 + int(rnd() * 22)),
    "coalition": lambda: pick(["30", "30", "31", "33", "35", "two dozen"]),
    "num_regions": lambda: str(3 + int(rnd() * 20)),
    "num_packages": lambda: str(pick([11, 12, 13, 14, 15, 16, 17, 18, 19])),
    "brigade": lambda: str(pick([3, 10, 24, 28, 47, 53, 59, 65, 72, 93, 110, 155])),
})

POOLS.update({
    "month": MONTHS,
    "month_ap": MONTHS_AP,
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                "Saturday", "Sunday"],
    "ordinal": ["first", "second", "third", "fourth", "fifth", "sixth",
                "seventh", "eighth", "10th", "12th"],
    "season": ["winter", "the spring", "the summer", "the autumn", "the end of the year",
               "Christmas", "the next summit"],
    "city_ua": ["Kyiv", "Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Lviv",
                "Mykolaiv", "Kherson", "Sumy", "Chernihiv", "Poltava", "Kramatorsk",
                "Sloviansk", "Pokrovsk", "Kupiansk", "Izium", "Vinnytsia", "Zhytomyr",
                "Uzhhorod", "Ternopil", "Kostiantynivka", "Nikopol", "Marhanets",
                "Enerhodar", "Chasiv Yar", "Toretsk", "Lyman", "Vovchansk",
                "Huliaipole", "Orikhiv", "Bilozerka", "Kryvyi Rih", "Bila Tserkva",
                "Ivano-Frankivsk", "Rivne", "Lutsk", "Cherkasy", "Kropyvnytskyi"],
    "city_ru": ["Moscow", "St. Petersburg", "Belgorod", "Kursk", "Bryansk",
                "Rostov-on-Don", "Voronezh", "Novorossiysk", "Sevastopol",
                "Simferopol", "Kazan", "Yekaterinburg", "Tuapse", "Krasnodar",
                "Saratov", "Ryazan"],
    "city_world": ["Brussels", "Washington", "London", "Paris", "Berlin", "Warsaw",
                   "Vilnius", "Riga", "Tallinn", "Helsinki", "Geneva", "Istanbul",
                   "Ankara", "Riyadh", "Doha", "Budapest", "Bratislava", "Rome",
                   "Madrid", "The Hague", "Vienna", "Oslo", "Stockholm",
                   "Copenhagen", "Prague", "Bucharest", "Chisinau", "Tbilisi",
                   "Beijing", "New Delhi", "Tokyo", "Abu Dhabi", "Jeddah",
                   "Munich", "Davos", "Rzeszow", "Ottawa", "Canberra"],
    "oblast": ["Kharkiv", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Sumy",
               "Dnipropetrovsk", "Mykolaiv", "Odesa", "Chernihiv", "Poltava",
               "Kursk", "Belgorod", "Bryansk"],
    "country": ["Poland", "Germany", "France", "Britain", "Italy", "Spain",
                "the Netherlands", "Sweden", "Finland", "Norway", "Denmark",
                "Lithuania", "Latvia", "Estonia", "Romania", "Hungary", "Slovakia",
                "the Czech Republic", "Turkey", "Canada", "Japan", "Austria",
                "Belgium", "Portugal", "Greece", "Bulgaria", "Moldova", "Georgia"],
    "adj_country": ["Polish", "German", "French", "British", "Italian", "Spanish",
                    "Dutch", "Swedish", "Finnish", "Norwegian", "Danish",
                    "Lithuanian", "Latvian", "Estonian", "Romanian", "Hungarian",
                    "Slovak", "Czech", "Turkish", "Canadian", "Japanese"],
    "infra": ["a thermal power plant", "an electrical substation", "a gas "
              "production facility", "railway infrastructure", "a grain terminal",
              "port facilities", "a residential building", "a warehouse",
              "a water pumping station", "a hospital", "a school", "a shopping "
              "center", "a fuel depot", "high-voltage lines", "a bridge"],
    "building": ["nine-story apartment block", "shopping center", "school",
                 "administrative building", "railway station", "hotel",
                 "office block", "university dormitory", "market"],
    "media": ["reporters", "journalists", "state television", "the RIA news agency",
              "the TASS news agency", "Ukrainian television", "a local broadcaster",
              "the Financial Times", "the BBC", "CNN", "a news conference",
              "Polish radio", "German public broadcaster ARD", "Le Monde",
              "the Kyiv Independent", "Interfax-Ukraine", "the Atlantic Council",
              "a podcast", "state radio", "Fox News"],
    "org": ["the International Monetary Fund", "the World Bank", "the European "
            "Investment Bank", "the U.N. refugee agency", "the Red Cross",
            "the OSCE", "the International Energy Agency", "the World Food "
            "Programme", "the European Bank for Reconstruction and Development",
            "UNICEF", "the International Atomic Energy Agency"],
    "club": ["Dynamo Kyiv", "Shakhtar Donetsk", "Dnipro-1", "Zorya Luhansk",
             "Vorskla Poltava", "Oleksandriya", "Polissya Zhytomyr", "Kryvbas",
             "Besiktas", "Legia Warsaw", "Fenerbahce", "Celtic", "Ajax", "Benfica",
             "Slavia Prague", "Ferencvaros", "Red Star Belgrade"],
    "frag_adj": ["productive", "substantive", "very constructive", "a trap",
                 "a betrayal", "fake", "a farce", "a dead end", "premature",
                 "absurd", "a step in the right direction", "an act of desperation",
                 "a historic mistake", "unacceptable", "a positive signal",
                 "deeply worrying", "a good step", "not serious", "technical meetings",
                 "a provocation", "a smokescreen", "useful but limited",
                 "hopefully moving in the right direction", "a circus",
                 "a negotiation about Ukraine without Ukraine", "pure theatre",
                 "an insult to the victims", "long overdue", "a blackmail attempt",
                 "not productive", "a turning point", "empty words"],
    "frag_pos": ["real progress", "a step in the right direction", "a positive signal",
                 "long overdue unity", "a breakthrough on prisoners", "a good first step"],
    "frag_thing": ["the proposal", "the {city_world} talks", "the latest sanctions "
                   "package", "the plan", "the report", "the Western offer",
                   "the meeting in {city_world}", "the memorandum", "the draft",
                   "the summit communique", "the prisoner exchange", "the decision",
                   "the phone call", "the visit", "the American framework",
                   "the energy truce", "the peace plan", "the strike on {city_ua}",
                   "the vote in parliament", "the court ruling"],
    "abstract": ["trust", "time", "security", "dignity", "survival", "principle",
                 "credibility", "money", "political will", "common sense"],
    "desk": ["Political", "Diplomatic", "Defence", "Europe", "Economics",
             "Foreign", "Chief", "Senior", "Security"],
    "weapon": ["Shahed-type drones", "Iskander missiles", "glide bombs", "Kalibr "
               "cruise missiles", "Kh-101 missiles", "ballistic missiles",
               "attack drones", "artillery shells"],
    "ua_weapon": ["Patriot systems", "F-16 jets", "long-range drones",
                  "Storm Shadow missiles", "ATACMS missiles", "air defence "
                  "interceptors", "155 mm shells", "Leopard tanks", "IRIS-T systems"],
})

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

# Transliteration variants: outlets pick spelling k % len(variants).
FIRST_VARIANTS = {
    "Andrii": ["Andrii", "Andriy"], "Serhiy": ["Serhiy", "Serhii", "Sergiy"],
    "Oleksiy": ["Oleksiy", "Oleksii"], "Yuliia": ["Yuliia", "Yulia"],
    "Vitalii": ["Vitalii", "Vitaliy"], "Yevhen": ["Yevhen", "Yevgen"],
    "Tetiana": ["Tetiana", "Tetyana"], "Mariia": ["Mariia", "Maria"],
    "Yuriy": ["Yuriy", "Yurii"], "Valeriy": ["Valeriy", "Valerii"],
    "Olha": ["Olha", "Olga"], "Anastasiia": ["Anastasiia", "Anastasia"],
    "Viktoriia": ["Viktoriia", "Viktoria"], "Oleksandr": ["Oleksandr", "Olexandr"],
    "Sergei": ["Sergei", "Sergey"], "Alexei": ["Alexei", "Alexey", "Aleksei"],
    "Dmitry": ["Dmitry", "Dmitri"], "Yevgeny": ["Yevgeny", "Evgeny"],
    "Yelena": ["Yelena", "Elena"], "Andrei": ["Andrei", "Andrey"],
    "Nikolai": ["Nikolai", "Nikolay"], "Grigory": ["Grigory", "Grigoriy"],
    "Tatiana": ["Tatiana", "Tatyana"], "Natalia": ["Natalia", "Natalya"],
}
SURNAME_VARIANTS = {
    "Zaluzhnyi": ["Zaluzhnyi", "Zaluzhny"], "Dovhyi": ["Dovhyi", "Dovhy"],
    "Bilyi": ["Bilyi", "Bily"], "Zaitsev": ["Zaitsev", "Zaytsev"],
    "Korolev": ["Korolev", "Korolyov"], "Hrytsenko": ["Hrytsenko", "Gritsenko"],
    "Honcharenko": ["Honcharenko", "Goncharenko"], "Horbunov": ["Horbunov", "Gorbunov"],
    "Shevchuk": ["Shevchuk"], "Zhukovsky": ["Zhukovsky", "Zhukovskiy"],
    "Podolsky": ["Podolsky", "Podolskiy"], "Yakovlev": ["Yakovlev", "Yakovlyev"],
}

# culture: (male first names, female first names, surnames, female surname rule)
CULTURES = {
    "ua": (["Oleksandr", "Andrii", "Serhiy", "Mykola", "Taras", "Dmytro", "Bohdan",
            "Vitalii", "Volodymyr", "Artem", "Yevhen", "Maksym", "Oleh", "Vasyl",
            "Ihor", "Yuriy", "Petro", "Oleksiy", "Valeriy", "Kyrylo", "Danylo",
            "Roman", "Ruslan", "Stepan", "Pavlo"],
           ["Olena", "Iryna", "Oksana", "Viktoriia", "Kateryna", "Halyna", "Yuliia",
            "Svitlana", "Nadiya", "Liudmyla", "Anastasiia", "Larysa", "Tetiana",
            "Mariia", "Olha", "Natalia", "Khrystyna", "Solomiia", "Inna"],
           ["Kovalenko", "Tkachenko", "Bondarenko", "Shevchenko", "Kravchenko",
            "Melnyk", "Boyko", "Moroz", "Lysenko", "Marchenko", "Savchenko",
            "Rudenko", "Petrenko", "Ponomarenko", "Tkachuk", "Kovalchuk",
            "Polishchuk", "Savchuk", "Romanyuk", "Hnatyuk", "Oliynyk", "Kravets",
            "Zinchenko", "Honcharenko", "Sydorenko", "Pavlenko", "Vasylenko",
            "Dovhyi", "Bilyi", "Chornovol", "Hrytsenko", "Yatsenko", "Demchenko",
            "Levchenko", "Ostapchuk", "Klymenko", "Fedorenko", "Stepanenko",
            "Kushnir", "Voloshyn", "Didenko", "Horbunov", "Zaluzhnyi", "Tarasenko",
            "Yurchenko", "Shevchuk", "Hlushchenko", "Prykhodko", "Lytvyn", "Semenko"],
           None),
    "ru": (["Sergei", "Alexei", "Dmitry", "Igor", "Mikhail", "Vladimir", "Nikolai",
            "Andrei", "Pavel", "Yevgeny", "Konstantin", "Anatoly", "Grigory",
            "Viktor", "Boris", "Leonid", "Vyacheslav"],
           ["Natalia", "Yelena", "Olga", "Tatiana", "Anastasia", "Irina", "Svetlana",
            "Ekaterina", "Marina", "Lyudmila", "Valentina", "Galina"],
           ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Volkov", "Sokolov", "Lebedev",
            "Kozlov", "Novikov", "Morozov", "Orlov", "Belov", "Zaitsev", "Karpov",
            "Gromov", "Frolov", "Titov", "Kuzmin", "Ilyin", "Borodin", "Korolev",
            "Yakovlev", "Zhukovsky", "Podolsky", "Tarasov", "Nikitin", "Vasiliev",
            "Makarov", "Golubev", "Shcherbakov"],
           "ru"),
    "pl": (["Tomasz", "Marek", "Piotr", "Krzysztof", "Pawel", "Jakub", "Andrzej",
            "Michal", "Wojciech"],
           ["Agnieszka", "Katarzyna", "Zofia", "Magdalena", "Joanna", "Malgorzata",
            "Ewa"],
           ["Kowalski", "Nowak", "Wisniewski", "Wojcik", "Kaminski", "Lewandowski",
            "Zielinski", "Szymanski", "Dabrowski", "Jankowski", "Mazur", "Krawczyk",
            "Grabowski", "Pawlak"],
           "pl"),
    "de": (["Matthias", "Stefan", "Jürgen", "Thomas", "Wolfgang", "Markus",
            "Christian", "Florian", "Tobias"],
           ["Annalena", "Katrin", "Sabine", "Petra", "Claudia", "Franziska", "Anke"],
           ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann",
            "Schäfer", "Koch", "Richter", "Wagner", "Zimmermann", "Krause",
            "Hartmann", "Brandt", "Lange", "Vogel"],
           None),
    "fr": (["Thierry", "Olivier", "Julien", "Nicolas", "François", "Pierre",
            "Laurent", "Guillaume"],
           ["Sophie", "Claire", "Isabelle", "Nathalie", "Céline", "Amélie", "Margaux"],
           ["Dubois", "Lefebvre", "Moreau", "Laurent", "Girard", "Fontaine",
            "Rousseau", "Mercier", "Chevalier", "Garnier", "Lemaire", "Faure"],
           None),
    "en": (["James", "Michael", "Daniel", "Robert", "William", "Thomas", "Richard",
            "David", "Mark", "Jonathan", "Peter", "Andrew", "Steven", "Kevin"],
           ["Sarah", "Emily", "Rebecca", "Jennifer", "Laura", "Rachel", "Helen",
            "Margaret", "Catherine", "Susan", "Hannah", "Victoria", "Fiona"],
           ["Whitfield", "Harrington", "Collins", "Bennett", "Hughes", "Carter",
            "Fletcher", "Morgan", "Reynolds", "Sullivan", "Crawford", "Palmer",
            "Walsh", "Ellison", "Porter", "Gallagher", "Lambert", "Hollis",
            "Okafor", "Desai", "Whitlock", "Brennan", "McAllister", "Donovan",
            "Pritchard", "Ashworth", "Kaplan", "Novak", "Ramirez", "Chen"],
           None),
    "nb": (["Gabrielius", "Lars", "Mikael", "Toomas", "Andris", "Jonas", "Erik",
            "Mindaugas", "Janis"],
           ["Ingrida", "Astrid", "Liga", "Kadri", "Sanna", "Ieva", "Ingrid"],
           ["Petrauskas", "Jankauskas", "Berzins", "Ozols", "Tamm", "Saar",
            "Lindqvist", "Andersen", "Nieminen", "Virtanen", "Kalnins", "Lehtonen",
            "Johansson", "Rebane"],
           None),
    "tr": (["Mehmet", "Mustafa", "Ahmet", "Murat", "Emre", "Kemal"],
           ["Zeynep", "Ayşe", "Elif", "Fatma", "Selin"],
           ["Yilmaz", "Demir", "Kaya", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan",
            "Koç"],
           None),
    "it": (["Marco", "Alessandro", "Javier", "Luca", "Carlos", "Giovanni"],
           ["Giulia", "Lucia", "Francesca", "Elena", "Carmen", "Chiara"],
           ["Rossi", "Bianchi", "Romano", "Esposito", "García", "Fernández",
            "Martínez", "Navarro", "Conti", "Ricci", "Moretti", "Ortega"],
           None),
}
CULTURE_WEIGHTS = [("ua", 30), ("ru", 20), ("en", 16), ("pl", 7), ("de", 7),
                   ("fr", 5), ("nb", 6), ("tr", 3), ("it", 6)]

# Roles per culture: (title before the name, appositive, later definite
# reference, side). "{...}" slots are filled once per person.
ROLES = {
    "ua": [
        ("Ukrainian lawmaker", "a Ukrainian lawmaker", "the lawmaker", "ua"),
        ("", "a member of Ukraine's parliament", "the lawmaker", "ua"),
        ("", "the governor of the {oblast} region", "the governor", "ua"),
        ("{oblast} Governor", "the head of the {oblast} regional military administration", "the governor", "ua"),
        ("{city_ua} Mayor", "the mayor of {city_ua}", "the mayor", "ua"),
        ("Ukrainian Deputy Foreign Minister", "Ukraine's deputy foreign minister", "the deputy minister", "ua"),
        ("", "an adviser to the head of the presidential office", "the adviser", "ua"),
        ("", "an analyst at the Kyiv-based Razumkov Centre", "the analyst", "ua"),
        ("", "a spokesman for Ukraine's General Staff", "the spokesman", "ua"),
        ("Col.", "commander of the {brigade}th Mechanized Brigade", "the commander", "ua"),
        ("Ukrainian Energy Minister", "Ukraine's energy minister", "the minister", "ua"),
        ("", "the head of parliament's national security committee", "the committee chair", "ua"),
        ("Ukrainian Ombudsman", "Ukraine's human rights commissioner", "the ombudsman", "ua"),
        ("", "a Ukrainian economist at the Kyiv School of Economics", "the economist", "ua"),
        ("", "the head coach of {club}", "the coach", "ua"),
        ("Ukrainian Navy spokesman", "a spokesman for the Ukrainian Navy", "the spokesman", "ua"),
        ("", "the chief executive of Ukrenergo", "the chief executive", "ua"),
    ],
    "ru": [
        ("Russian Deputy Foreign Minister", "Russia's deputy foreign minister", "the deputy minister", "ru"),
        ("Russian lawmaker", "a member of the State Duma", "the lawmaker", "ru"),
        ("", "the head of the State Duma's defence committee", "the lawmaker", "ru"),
        ("", "the Moscow-installed governor of the occupied part of the {oblast} region", "the governor", "ru"),
        ("", "a Moscow-based political analyst", "the analyst", "ru"),
        ("Russian Defence Ministry spokesman", "a spokesman for the Russian Defence Ministry", "the spokesman", "ru"),
        ("", "the Kremlin's envoy for economic cooperation", "the envoy", "ru"),
        ("", "the governor of Russia's {city_ru} region", "the governor", "ru"),
        ("Russian Ambassador", "Russia's ambassador to {country}", "the ambassador", "ru"),
        ("", "a Russian military blogger", "the blogger", "ru"),
        ("", "the chief executive of Gazprom Neft", "the executive", "ru"),
        ("", "a senior researcher at the Russian Academy of Sciences", "the researcher", "ru"),
    ],
    "en": [
        ("Sen.", "a Republican senator from {us_state}", "the senator", "us"),
        ("Rep.", "a Democratic congresswoman from {us_state}", "the lawmaker", "us"),
        ("Gov.", "the governor of {us_state}", "the governor", "us"),
        ("Dr.", "a nuclear safety researcher at King's College London", "the researcher", "uk"),
        ("", "a senior fellow at the Atlantic Council", "the analyst", "us"),
        ("", "a former U.S. ambassador to NATO", "the former ambassador", "us"),
        ("Retired Gen.", "a former commander of U.S. Army Europe", "the general", "us"),
        ("British Armed Forces Minister", "Britain's armed forces minister", "the minister", "uk"),
        ("", "a Conservative member of Parliament", "the lawmaker", "uk"),
        ("", "a Labour MP who sits on the defence committee", "the lawmaker", "uk"),
        ("", "chief economist at Capital Economics in London", "the economist", "uk"),
        ("", "a State Department spokesperson", "the spokesperson", "us"),
        ("Deputy Assistant Secretary of Defense", "a senior Pentagon official", "the official", "us"),
        ("", "a professor of international relations at Georgetown University", "the professor", "us"),
        ("Canadian Foreign Minister", "Canada's foreign minister", "the minister", "eu"),
    ],
    "pl": [
        ("Polish Deputy Defence Minister", "Poland's deputy defence minister", "the minister", "eu"),
        ("Polish President's adviser", "an adviser to the Polish president", "the adviser", "eu"),
        ("", "a Polish member of the European Parliament", "the lawmaker", "eu"),
        ("", "the mayor of Rzeszow", "the mayor", "eu"),
    ],
    "de": [
        ("German lawmaker", "a member of the Bundestag's foreign affairs committee", "the lawmaker", "eu"),
        ("German Defence Minister", "Germany's defence minister", "the minister", "eu"),
        ("", "an economist at Commerzbank in Frankfurt", "the economist", "eu"),
        ("", "a senior fellow at the German Council on Foreign Relations", "the analyst", "eu"),
    ],
    "fr": [
        ("French Armed Forces Minister", "France's armed forces minister", "the minister", "eu"),
        ("", "a French diplomat posted in {city_world}", "the diplomat", "eu"),
        ("", "a researcher at the French Institute of International Relations", "the researcher", "eu"),
        ("EU Commissioner for Defence", "the European Commissioner for defence", "the commissioner", "eu"),
    ],
    "nb": [
        ("Lithuanian Foreign Minister", "Lithuania's foreign minister", "the minister", "eu"),
        ("Estonian Prime Minister", "Estonia's prime minister", "the prime minister", "eu"),
        ("Latvian Defence Minister", "Latvia's defence minister", "the minister", "eu"),
        ("", "the head of the Finnish parliament's defence committee", "the lawmaker", "eu"),
        ("NATO spokesperson", "a spokesperson for NATO", "the spokesperson", "eu"),
        ("", "a Swedish energy analyst at SEB", "the analyst", "eu"),
    ],
    "tr": [
        ("Turkish Deputy Foreign Minister", "Turkey's deputy foreign minister", "the deputy minister", "tr"),
        ("", "a spokesman for Turkey's ruling AK Party", "the spokesman", "tr"),
        ("", "an Istanbul-based shipping analyst", "the analyst", "tr"),
    ],
    "it": [
        ("Italian Foreign Minister", "Italy's foreign minister", "the minister", "eu"),
        ("Spanish Defence Minister", "Spain's defence minister", "the minister", "eu"),
        ("", "an Italian member of the European Parliament", "the lawmaker", "eu"),
        ("", "a grain trader at a commodities firm in Geneva", "the trader", "other"),
    ],
}
POOLS["us_state"] = ["Kansas", "Ohio", "New Jersey", "Texas", "Maine", "Arizona",
                     "Michigan", "Georgia", "Virginia", "Oregon", "Iowa", "Alabama"]

SIDE_NAMES = {
    "ua": ["Kyiv", "Ukraine", "Kyiv"], "ru": ["Moscow", "Russia", "the Kremlin"],
    "us": ["Washington", "the United States", "the administration"],
    "eu": ["Europe", "the European Union", "Brussels", "the allies"],
    "uk": ["Britain", "London", "the government"], "tr": ["Ankara", "Turkey"],
    "intl": ["the United Nations", "the international community"],
    "other": ["the international community", "the region"],
}


class Speaker:
    """A speaker: person ('p'), anonymous source ('a') or institution ('i')."""

    __slots__ = ("kind", "names", "shorts", "gender", "pre", "appos", "definite",
                 "side", "plural")

    def __init__(self, kind, names, shorts, gender, pre, appos, definite, side,
                 plural=False):
        self.kind, self.names, self.shorts, self.gender = kind, names, shorts, gender
        self.pre, self.appos, self.definite, self.side = pre, appos, definite, side
        self.plural = plural

    def name(self, translit):
        return self.names[translit % len(self.names)]

    def short(self, translit):
        return self.shorts[translit % len(self.shorts)]

    def pronoun(self):
        """The pronoun for this speaker, or its later description (`the
        official`) when it has none (a singular anonymous source)."""
        if self.plural:
            return "they"
        if self.kind == "i":
            return "it"
        if self.kind == "a":
            return self.definite
        return "she" if self.gender == "f" else "he"


def feminine(surname, rule):
    if rule == "ru":
        if surname.endswith(("ov", "ev", "in", "yov")):
            return surname + "a"
        if surname.endswith("sky"):
            return surname[:-3] + "skaya"
        if surname.endswith("skiy"):
            return surname[:-4] + "skaya"
    if rule == "pl" and surname.endswith("ski"):
        return surname[:-1] + "a"
    return surname


def make_people(n):
    """n generated people with fixed roles; a Zipf weight makes a few prolific."""
    cultures, ccum, ctot = weighted(CULTURE_WEIGHTS)
    people, seen = [], set()
    while len(people) < n:
        c = wpick(cultures, ccum, ctot)
        males, females, surnames, rule = CULTURES[c]
        gender = "f" if chance(0.38) else "m"
        first = pick(females if gender == "f" else males)
        sur = pick(surnames)
        if (first, sur) in seen:
            continue
        seen.add((first, sur))
        fv = FIRST_VARIANTS.get(first, [first])
        sv = SURNAME_VARIANTS.get(sur, [sur])
        if gender == "f":
            sv = [feminine(s, rule) for s in sv]
        k = max(len(fv), len(sv))
        names = [f"{fv[i % len(fv)]} {sv[i % len(sv)]}" for i in range(k)]
        shorts = [sv[i % len(sv)] for i in range(k)]
        pre, appos, definite, side = pick(ROLES[c])
        f = Fill()
        pre, appos = pre.format_map(f), appos.format_map(f)
        if gender == "f":
            definite = definite.replace("spokesman", "spokeswoman")
            pre = pre.replace("spokesman", "spokeswoman")
            appos = appos.replace("spokesman", "spokeswoman")
        else:
            appos = appos.replace("congresswoman", "congressman")
        people.append(Speaker("p", names, shorts, gender, pre, appos, definite, side))
    return people


# Snapshot of registry actors from data/actors.toml: spellings, titles, roles.
REGISTRY = [
    (["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"], ["Zelensky", "Zelenskyy", "Zelenskiy"], "m",
     ["Ukrainian President", "President"], ["Ukraine's president"], "the Ukrainian leader", "ua"),
    (["Vladimir Putin"], ["Putin"], "m", ["Russian President", "President"], ["Russia's president"], "the Kremlin leader", "ru"),
    (["Dmitry Peskov", "Dmitri Peskov"], ["Peskov"], "m", ["Kremlin spokesman"], ["the Kremlin spokesman"], "the Kremlin spokesman", "ru"),
    (["Sergei Lavrov", "Sergey Lavrov"], ["Lavrov"], "m", ["Russian Foreign Minister", "Foreign Minister"], ["Russia's foreign minister"], "Russia's top diplomat", "ru"),
    (["Maria Zakharova"], ["Zakharova"], "f", ["Foreign Ministry spokeswoman"], ["the Russian Foreign Ministry spokeswoman"], "the spokeswoman", "ru"),
    (["Yuri Ushakov", "Yury Ushakov"], ["Ushakov"], "m", ["Kremlin aide"], ["Putin's foreign policy adviser"], "the Kremlin aide", "ru"),
    (["Dmitry Medvedev"], ["Medvedev"], "m", ["Former President"], ["deputy chairman of Russia's Security Council"], "the former president", "ru"),
    (["Andrii Sybiha", "Andriy Sybiha", "Andrii Sybiga"], ["Sybiha", "Sybiha", "Sybiga"], "m", ["Ukrainian Foreign Minister", "Foreign Minister"], ["Ukraine's foreign minister"], "the minister", "ua"),
    (["Andriy Yermak", "Andrii Yermak"], ["Yermak"], "m", [""], ["the head of the presidential office"], "the presidential chief of staff", "ua"),
    (["Yulia Svyrydenko", "Yuliia Svyrydenko"], ["Svyrydenko"], "f", ["Ukrainian Prime Minister", "Prime Minister"], ["Ukraine's prime minister"], "the prime minister", "ua"),
    (["Rustem Umerov"], ["Umerov"], "m", [""], ["the head of the National Security and Defence Council"], "the negotiator", "ua"),
    (["Vitali Klitschko"], ["Klitschko"], "m", ["Kyiv Mayor"], ["the mayor of Kyiv"], "the mayor", "ua"),
    (["Donald Trump"], ["Trump"], "m", ["President", "U.S. President"], ["the U.S. president"], "the president", "us"),
    (["JD Vance"], ["Vance"], "m", ["Vice President"], ["the U.S. vice president"], "the vice president", "us"),
    (["Marco Rubio"], ["Rubio"], "m", ["Secretary of State", "U.S. Secretary of State"], ["America's top diplomat"], "the secretary of state", "us"),
    (["Steve Witkoff"], ["Witkoff"], "m", ["Special envoy", "Middle East envoy"], ["the U.S. special envoy"], "the envoy", "us"),
    (["Keith Kellogg"], ["Kellogg"], "m", ["Retired Gen.", "Gen."], ["the U.S. special envoy for Ukraine and Russia"], "the envoy", "us"),
    (["Karoline Leavitt"], ["Leavitt"], "f", ["White House Press Secretary"], ["the White House press secretary"], "the press secretary", "us"),
    (["Keir Starmer"], ["Starmer"], "m", ["British Prime Minister", "Prime Minister"], ["the British prime minister"], "the prime minister", "uk"),
    (["David Lammy"], ["Lammy"], "m", ["British Foreign Secretary"], ["Britain's foreign secretary"], "the foreign secretary", "uk"),
    (["John Healey"], ["Healey"], "m", ["UK Defence Secretary", "Defence Secretary"], ["Britain's defence secretary"], "the defence secretary", "uk"),
    (["Emmanuel Macron"], ["Macron"], "m", ["French President"], ["the French president"], "the French leader", "eu"),
    (["Friedrich Merz"], ["Merz"], "m", ["German Chancellor"], ["the German chancellor"], "the chancellor", "eu"),
    (["Ursula von der Leyen"], ["von der Leyen"], "f", ["European Commission President"], ["the president of the European Commission"], "the Commission president", "eu"),
    (["Kaja Kallas"], ["Kallas"], "f", ["EU foreign policy chief"], ["the EU's top diplomat"], "the EU's top diplomat", "eu"),
    (["Mark Rutte"], ["Rutte"], "m", ["NATO Secretary General"], ["the NATO chief"], "the NATO chief", "eu"),
    (["Donald Tusk"], ["Tusk"], "m", ["Polish Prime Minister"], ["Poland's prime minister"], "the Polish leader", "eu"),
    (["Recep Tayyip Erdogan"], ["Erdogan"], "m", ["Turkish President"], ["Turkey's president"], "the Turkish leader", "tr"),
    (["Viktor Orban"], ["Orban"], "m", ["Hungarian Prime Minister"], ["Hungary's prime minister"], "the Hungarian leader", "eu"),
    (["Antonio Guterres"], ["Guterres"], "m", ["UN Secretary-General"], ["the U.N. secretary-general"], "the UN chief", "intl"),
]


def make_registry():
    out = []
    for names, shorts, g, pres, appos, definite, side in REGISTRY:
        out.append(Speaker("p", names, shorts, g, pick(pres), pick(appos), definite, side))
    return out


# Anonymous sources: (first mention, later mention, plural, side)
ANON = [
    ("one EU official", "the official", False, "eu"),
    ("a senior European diplomat", "the diplomat", False, "eu"),
    ("a Western diplomat", "the diplomat", False, "eu"),
    ("a senior Ukrainian official", "the official", False, "ua"),
    ("a NATO diplomat", "the diplomat", False, "eu"),
    ("a U.S. official", "the official", False, "us"),
    ("a senior administration official", "the official", False, "us"),
    ("two people familiar with the matter", "the people", True, "other"),
    ("a person briefed on the discussions", "the person", False, "other"),
    ("a source close to the Russian delegation", "the source", False, "ru"),
    ("a senior official familiar with the framework", "the official", False, "us"),
    ("three diplomats briefed on the talks", "the diplomats", True, "eu"),
    ("a Ukrainian military intelligence officer", "the officer", False, "ua"),
    ("an adviser to the prime minister", "the adviser", False, "ua"),
    ("a Kremlin source", "the source", False, "ru"),
    ("one senior European official", "the official", False, "eu"),
    ("a Ukrainian soldier fighting near {city_ua}", "the soldier", False, "ua"),
    ("a senior Russian diplomat", "the diplomat", False, "ru"),
]
ANON_APPOS = ["who spoke on condition of anonymity",
              "who asked not to be named because the talks were confidential",
              "speaking on condition of anonymity",
              "who was not authorized to speak publicly",
              "who declined to be identified"]
# Institutions: (name, later mention, side)
INSTITUTIONS = [
    ("the Russian Defense Ministry", "the ministry", "ru"),
    ("Ukraine's General Staff", "the General Staff", "ua"),
    ("the Kremlin", "the Kremlin", "ru"),
    ("the Foreign Ministry", "the ministry", "ua"),
    ("the Russian Foreign Ministry", "the ministry", "ru"),
    ("the European Commission", "the Commission", "eu"),
    ("NATO", "the alliance", "eu"),
    ("the State Department", "the department", "us"),
    ("the White House", "the White House", "us"),
    ("the UK Foreign Office", "the Foreign Office", "uk"),
    ("the Ukrainian Air Force", "the air force", "ua"),
    ("Energoatom", "the company", "ua"),
    ("the International Atomic Energy Agency", "the agency", "intl"),
    ("the regional military administration", "the administration", "ua"),
    ("Ukrenergo", "the grid operator", "ua"),
    ("the National Bank of Ukraine", "the central bank", "ua"),
    ("the Turkish Foreign Ministry", "the ministry", "tr"),
    ("the U.N. human rights office", "the office", "intl"),
]


def make_anon():
    first, later, plural, side = pick(ANON)
    return Speaker("a", [fill(first)], [later], "", "", pick(ANON_APPOS), later, side, plural)


def make_inst():
    name, later, side = pick(INSTITUTIONS)
    return Speaker("i", [name], [later], "", "", "", later, side)


# ---------------------------------------------------------------------------
# What people say. Each entry is "direct || indirect": the direct quote (first
# person, present) and the same statement as reported speech ({side} is the
# speaker's country or organisation).
# ---------------------------------------------------------------------------

def pairs(text):
    out = []
    for line in text.strip().splitlines():
        d, _, i = line.partition("||")
        out.append((d.strip(), i.strip()))
    return out


ISSUES = {
    ("crimea", "favor"): pairs("""
Crimea is gone, and everybody in {city_world} knows it. || Crimea was gone and everybody in {city_world} knew it
Any agreement will have to recognize the realities on the ground. || any agreement would have to recognize the realities on the ground
Ukraine will have to accept the loss of some territory, including Crimea. || Ukraine would have to accept the loss of some territory, including Crimea
The peninsula will remain Russian, and that is not up for discussion. || the peninsula would remain Russian
Kyiv should be realistic and give up the land it cannot take back by force. || Kyiv should be realistic and give up land it could not take back by force
Both sides will have to cede some territory to get a deal before {season}. || both sides would have to cede some territory to get a deal before {season}
Recognizing Russian control of Crimea is the price of peace, whether we like it or not. || recognizing Russian control of Crimea was the price of peace
The four regions and Crimea are part of Russia under our Constitution. || the four regions and Crimea were part of Russia under its constitution
We are ready to recognize the new borders if it ends the war before {season}. || {side} was ready to recognize the new borders if it ended the war
A land swap in the {oblast} region could be part of the final deal. || a land swap in the {oblast} region could be part of a final deal
"""),
    ("crimea", "against"): pairs("""
We will never recognize the occupation of Crimea. || {side} would never recognize the occupation of Crimea
Crimea is Ukraine. The Constitution has not changed. || Crimea was Ukraine and the constitution had not changed
There can be no talk of ceding a single village in the {oblast} region. || there could be no talk of ceding a single village in the {oblast} region
The occupied territories must return to Ukraine, and Crimea is no exception. || the occupied territories must return to Ukraine, Crimea included
Recognizing the annexation would reward aggression and invite the next war. || recognizing the annexation would reward aggression
We will not trade our land for a piece of paper signed in {city_world}. || {side} would not trade land for a piece of paper signed in {city_world}
Ukraine will take back Crimea, whether it takes one year or ten. || Ukraine would take back Crimea, however long it took
Nobody in {city_world} has the right to hand over Ukrainian land. || nobody in {city_world} had the right to hand over Ukrainian land
We reject any plan that legitimizes the occupation of Crimea. || {side} rejected any plan that legitimized the occupation of Crimea
The 1991 borders are not negotiable for us. || the 1991 borders were not negotiable
We do not recognize and will not recognize the annexation, full stop. || {side} did not and would not recognize the annexation
"""),
    ("crimea", "neutral"): pairs("""
The status of Crimea will be discussed at a later stage. || the status of Crimea would be discussed at a later stage
The question of the occupied territories is for the leaders to address in {city_world}. || the question of the occupied territories was for the leaders to address
We discussed the territorial issues for about {num_small} hours. || the sides had discussed territorial issues for about {num_small} hours
How the line is drawn in the {oblast} region is still being negotiated. || how the line would be drawn in the {oblast} region was still being negotiated
The status of the peninsula is on the agenda, like everything else. || the status of the peninsula was on the agenda
"""),
    ("nato", "favor"): pairs("""
Ukraine's place is in NATO, and sooner or later it will join the alliance. || Ukraine's place was in NATO and it would join the alliance sooner or later
Ukraine's path to NATO is irreversible. || Ukraine's path to NATO was irreversible
The door to the alliance must remain open to Ukraine. || the door to the alliance must remain open to Ukraine
We want a clear invitation to join NATO at the summit in {city_world}. || {side} wanted a clear invitation to join NATO at the summit in {city_world}
Security guarantees are good. NATO is better. || security guarantees were good but NATO was better
Only membership in NATO can guarantee that this war will not happen again. || only NATO membership could guarantee the war would not happen again
We support Ukraine's ambition to join NATO, and we always have. || {side} supported Ukraine's ambition to join NATO
NATO membership remains the best guarantee for Ukraine. || NATO membership remained the best guarantee for Ukraine
"""),
    ("nato", "against"): pairs("""
Ukraine will never join NATO, and everybody in {city_world} understands that. || Ukraine would never join NATO
Ukraine's neutrality is non-negotiable. || Ukraine's neutrality was non-negotiable
NATO membership for Ukraine is off the table. || NATO membership for Ukraine was off the table
We will not accept NATO expansion to our borders. || {side} would not accept NATO expansion to its borders
Ukraine joining the alliance is one of the reasons this whole thing started. || Ukraine joining the alliance was one of the reasons the war started
Any talk of NATO membership now is unrealistic. || any talk of NATO membership now was unrealistic
A neutral, non-bloc status for Ukraine is the only basis for a settlement. || a neutral, non-bloc status for Ukraine was the only basis for a settlement
We reject any invitation to Ukraine as a direct threat. || {side} rejected any invitation to Ukraine as a direct threat
"""),
    ("nato", "neutral"): pairs("""
Membership is a question for all 32 allies to decide. || membership was a question for all 32 allies to decide
The issue of NATO membership was not discussed today. || the issue of NATO membership had not been discussed
We will address the question of the alliance's enlargement at the summit in {month}. || the question of enlargement would be addressed at the summit in {month}
What the alliance decides about Ukraine is a matter for the allies. || what the alliance decided about Ukraine was a matter for the allies
"""),
    ("ceasefire", "favor"): pairs("""
A full ceasefire, on land, in the air and at sea, is the necessary first step. || a full ceasefire on land, in the air and at sea was the necessary first step
We are ready for an unconditional {num_days}-day ceasefire starting tomorrow. || {side} was ready for an unconditional {num_days}-day ceasefire
The guns must fall silent before {season}. || the guns must fall silent before {season}
We call for an immediate ceasefire along the current front line. || {side} called for an immediate ceasefire along the current front line
There will be no talks on territory until a full ceasefire is in place. || there would be no talks on territory until a full ceasefire was in place
We support any truce that actually holds. || {side} supported any truce that actually held
A ceasefire that holds is worth more than a perfect agreement that never comes. || a ceasefire that held was worth more than a perfect agreement that never came
It is time to stop the killing and sign a ceasefire. || it was time to stop the killing and sign a ceasefire
We proposed a ceasefire at sea to Washington in {month}. || {side} had proposed a ceasefire at sea in {month}
"""),
    ("ceasefire", "against"): pairs("""
A ceasefire now would only let Kyiv rearm. || a ceasefire now would only let Kyiv rearm
There will be no pause until our goals are achieved. || there would be no pause until {side}'s goals were achieved
We reject any truce that freezes the conflict along the {oblast} front. || {side} rejected any truce that froze the conflict
The offensive will continue until the {oblast} region is fully under our control. || the offensive would continue until the {oblast} region was under its control
We are against a pause that lets the enemy regroup. || {side} was against a pause that let the enemy regroup
A ceasefire without guarantees is not peace, it is a trap. || a ceasefire without guarantees was a trap
We will not accept a frozen conflict disguised as peace. || {side} would not accept a frozen conflict disguised as peace
"""),
    ("ceasefire", "neutral"): pairs("""
The terms of a truce are still being discussed in {city_world}. || the terms of a truce were still being discussed in {city_world}
The question of how a ceasefire would be monitored remains open. || the question of how a ceasefire would be monitored remained open
We discussed the energy moratorium for more than {num_small} hours. || the energy moratorium had been discussed for more than {num_small} hours
Whether a truce starts in {month} depends on many things. || whether a truce would start in {month} depended on many things
"""),
    ("sanctions", "favor"): pairs("""
The sanctions must stay in place until Russia pays for the damage it has caused. || the sanctions must stay in place until Russia paid for the damage
We need tougher sanctions on Russian oil and the shadow fleet. || tougher sanctions on Russian oil and the shadow fleet were needed
The pressure on Moscow must be maintained, not eased. || the pressure on Moscow must be maintained
Every package makes Russia's war more expensive. || every package made Russia's war more expensive
We will keep up the pressure until Moscow is ready for a real ceasefire. || {side} would keep up the pressure until Moscow was ready for a real ceasefire
Sanctions on Russia should be tightened, not loosened. || sanctions on Russia should be tightened, not loosened
We will not lift a single sanction before an agreement is signed. || {side} would not lift a single sanction before an agreement was signed
The {ordinal} package targets {num_mid} more tankers of the shadow fleet. || the new package targeted {num_mid} more tankers of the shadow fleet
We are ready to lower the price cap to ${price2} a barrel. || {side} was ready to lower the price cap
"""),
    ("sanctions", "against"): pairs("""
Sanctions have not stopped a single tank. || sanctions had not stopped a single tank
It is time to lift the sanctions and restore normal trade. || it was time to lift the sanctions and restore normal trade
Sanctions hurt Europe more than Russia. || sanctions hurt Europe more than Russia
We demand sanctions relief before any serious talks. || {side} demanded sanctions relief before any serious talks
The sooner the sanctions go, the better for {adj_country} business. || the sooner the sanctions went, the better for business
Reconnecting our banks to SWIFT is a precondition for a deal. || reconnecting Russian banks to SWIFT was a precondition for a deal
The sanctions policy is a dead end. || the sanctions policy was a dead end
"""),
    ("sanctions", "neutral"): pairs("""
The question of sanctions will be reviewed in {num_small} months. || the question of sanctions would be reviewed in {num_small} months
We discussed sanctions, but no decision was taken. || sanctions had been discussed but no decision was taken
The price cap will be addressed at the next meeting of finance ministers. || the price cap would be addressed at the next meeting of finance ministers
"""),
}

# Off-topic statements, by subject.
OFFTOPIC = {
    "war": pairs("""
Our units repelled {num_small} assaults near {city_ua} in the past day. || {side} units had repelled {num_small} assaults near {city_ua} in the past day
The situation around {city_ua} is difficult but under control. || the situation around {city_ua} was difficult but under control
The enemy is throwing everything it has at {city_ua}. || the enemy was throwing everything it had at {city_ua}
We shot down {num_small} of the {num_mid} drones launched overnight. || air defenses had shot down {num_small} of the {num_mid} drones launched overnight
We need more {ua_weapon}, and we need them now. || {side} needed more {ua_weapon} urgently
The front is holding, but the people are tired. || the front was holding but the troops were tired
They cut the line and then they shoot at the people who come to fix it. || Russian forces cut the line and then shot at repair crews
Every night the {weapon} come from the same direction. || every night the {weapon} came from the same direction
Our engineers have built {num_small} kilometers of new fortifications since {month}. || engineers had built {num_small} kilometers of new fortifications since {month}
We lost contact with the unit at around {clock}, and the search went on all night. || contact with the unit had been lost at around {clock}
"""),
    "energy": pairs("""
We have restored power to {num_big} households in the {oblast} region. || power had been restored to {num_big} households in the {oblast} region
Repair crews worked through the night, and by {clock} most of {city_ua} had electricity again. || repair crews had worked through the night to restore electricity in {city_ua}
We need more generators and transformers before winter. || more generators and transformers were needed before winter
Gas storage is at {pct} percent, which is enough for now. || gas storage was at {pct} percent
The grid is stable, but consumers should limit their use in the evening. || the grid was stable but consumers should limit their use in the evening
We expect scheduled outages in {city_ua} to last until {month}. || scheduled outages in {city_ua} were expected to last until {month}
"""),
    "economy": pairs("""
Inflation should slow to around {pct} percent by the end of the year. || inflation should slow to around {pct} percent by the end of the year
The budget gap for next year is roughly {money}. || the budget gap for next year was roughly {money}
Exports through our ports are up {pct} percent compared with last year. || exports through the ports were up {pct} percent on last year
Businesses in {city_ua} are reopening despite the shelling. || businesses in {city_ua} were reopening despite the shelling
The reconstruction will cost at least {money}, and the bill grows every day. || reconstruction would cost at least {money}
We expect the economy to grow by {pct} percent this year. || the economy was expected to grow by {pct} percent this year
Interest rates will stay where they are until inflation is under control. || interest rates would stay where they were until inflation was under control
Investors want to see a stable currency and a clear timetable. || investors wanted a stable currency and a clear timetable
"""),
    "humanitarian": pairs("""
More than {num_big} people have left {city_ua} since {month}. || more than {num_big} people had left {city_ua} since {month}
We are evacuating children from the frontline villages first. || children were being evacuated from frontline villages first
The shelter in {city_ua} can hold about {num_mid} people. || the shelter in {city_ua} could hold about {num_mid} people
We have not been able to reach the prisoners for {num_small} months. || monitors had not been able to reach the prisoners for {num_small} months
The hospital in {city_ua} is working on generators. || the hospital in {city_ua} was working on generators
Families are still waiting for news of {num_mid} missing soldiers. || families were still waiting for news of {num_mid} missing soldiers
"""),
    "sport": pairs("""
The boys played with heart tonight, and the fans in {city_world} deserved this win. || the players had played with heart and the fans deserved the win
It was a difficult season, but we finished {ordinal}, and that means a lot for {city_ua}. || finishing {ordinal} meant a lot for {city_ua}
Sport is also a front line for us. || sport was also a front line
We train in {city_world} because our stadium in {city_ua} was hit in {month}. || the team trained abroad because its stadium had been hit
The referee made a mistake, but we should have scored earlier. || the team should have scored earlier
"""),
    "weather": pairs("""
The frost will make the roads impassable for heavy equipment until {month}. || the frost would make the roads impassable for heavy equipment
The rain has turned the fields around {city_ua} into a swamp. || the rain had turned the fields around {city_ua} into a swamp
The heat is a problem for the soldiers and for the equipment. || the heat was a problem for the soldiers and the equipment
Fog gives the drones an advantage in the morning. || fog gave the drones an advantage in the morning
"""),
    "politics": pairs("""
The coalition will hold, whatever the polls say. || the coalition would hold whatever the polls said
We will present the new budget to parliament on {weekday}. || the new budget would be presented to parliament on {weekday}
Elections will be held when it is safe to hold them. || elections would be held when it was safe
The reform of the customs service is finally moving. || the reform of the customs service was finally moving
Nobody in this government is above the law. || nobody in the government was above the law
We will not let a phone call in {city_world} decide our future. || {side} would not let a phone call in {city_world} decide its future
"""),
    "diplomacy": pairs("""
The talks in {city_world} were serious and long. || the talks in {city_world} had been serious and long
Nobody here is naive. || nobody was naive
We kept the door open, and in {city_world} that is not nothing. || the door had been kept open
Everyone came to listen. Nobody came to move. || everyone had come to listen and nobody to move
I spoke with my counterpart from {country} about the next steps. || the next steps had been discussed with the counterpart from {country}
The prisoner exchange is a good step, but it is only a step. || the prisoner exchange was a good step but only a step
We will meet again in {city_world} on {weekday}. || the sides would meet again in {city_world} on {weekday}
There is no date yet for a meeting of the two leaders. || there was no date yet for a meeting of the two leaders
"""),
}
ISSUE_NAMES = ["crimea", "nato", "ceasefire", "sanctions"]
COMBO_OF = {"war": "war", "energy": "energy", "economy": "economy", "humanitarian": "humanitarian",
            "sport": "sport", "weather": "weather", "politics": "diplomacy", "diplomacy": "diplomacy"}
# First words of _COMBO sentences that are lowercased in reported speech.
LOWER_FIRST = {"On", "Earlier", "Last", "Late", "Early", "This", "Over", "In", "Shortly",
               "For", "The", "A", "Repair", "Emergency", "Engineers", "Volunteers", "Doctors",
               "Teachers", "Officials", "Heavy", "Temperatures", "Strong", "Thunderstorms",
               "Thick", "Rain", "Drone", "Artillery", "Assault", "Border", "Special", "Local",
               "Aid", "Police", "Exporters", "Steelmakers", "Foreign", "National", "Members"}

# Sentences that follow a claim inside the same quote.
ELABORATION = [
    "There is nothing to discuss here.", "Our position has not changed since {month}.",
    "We have said this many times.", "Nobody should have any illusions about that.",
    "This is not about politics, it is about people's lives.",
    "We will see what happens in {city_world} next week.", "Everybody understands that.",
    "It is a question of {abstract}.", "The next few weeks will be decisive.",
    "We are not naive.", "Words are cheap; we need to see actions.", "That is the reality.",
    "We have been very patient.", "History will judge us.",
    "People in {city_ua} are waiting for an answer.",
    "I said the same thing in {city_world} on {weekday}.",
    "Let me be very clear about this.", "We don't have much time.",
    "That's what I told my {adj_country} colleagues.", "This is our red line.",
    "Today we did not solve the war.", "We are getting there.",
    "It's not a question of if, but when.", "I'm not going to speculate about it.",
    "The ball is in their court.", "We'll see.",
    "Who will guarantee that Russia will not attack again?",
    "What else can we do?", "I don't think that is realistic right now.",
    "We owe it to the {num_mid} families who lost someone since {month}.",
    "They talk about {city_ua} as if it were a parking space.",
    "If someone says {OI}neutral Ukraine,{CI} I hear {OI}Ukraine without guarantees.{CI}",
    "Every time we say {OI}not now,{CI} Moscow hears {OI}never.{CI}",
    "As we say in {city_ua}, time will tell.",
]

# Quoted fragments inside reported sentences: frames with {S} (speaker) and
# {frag_adj} / {frag_thing}.
FRAGMENT_FRAMES = [
    "{S} called {frag_thing} {OQ}{frag_adj}{CQ}.",
    "{S} described {frag_thing} as {OQ}{frag_adj}{CQ}.",
    "{S} dismissed {frag_thing} as {OQ}{frag_adj}{CQ}.",
    "{S} called it {OQ}{frag_adj}{CQ} and said {side} would respond {OQ}in kind{CQ}.",
    "{S} branded {frag_thing} {OQ}{frag_adj}{CQ} in a post on Telegram.",
    "Asked about {frag_thing}, {S} said only that it was {OQ}{frag_adj}.{CQ}",
    "{S} said {frag_thing} had been {OQ}{frag_adj},{CQ} without elaborating.",
    "{S} welcomed what {pron} called {OQ}{frag_pos}{CQ}.",
]
# Mixed reported speech: content clause with a quoted fragment.
MIXED_FRAMES = [
    "{S} said a ceasefire could only follow a settlement that addressed the {OQ}root causes{CQ} of the conflict.",
    "{S} said {side} would treat any Western troops deployed in Ukraine as {OQ}legitimate targets.{CQ}",
    "{S} said the sanctions package would {OQ}hit Russia where it hurts{CQ} and that work on the next round would begin immediately.",
    "{S} said Moscow wanted Kyiv to hand over Crimea {OQ}as a gift{CQ} and that this would not happen.",
    "{S} said the talks on {weekday} had been {OQ}serious and long,{CQ} and that a limited truce could grow into a broader ceasefire.",
    "{S} said sanctions relief was {OQ}not on the table right now.{CQ}",
    "{S} said the meeting would have to {OQ}crown{CQ} an agreement rather than start one.",
    "{S} said Russia was {OQ}dragging out the war on purpose{CQ} and repeated that Ukraine would not withdraw from the {oblast} region.",
    "{S} told {media} that NATO was {OQ}a tool of confrontation{CQ} and that Ukraine's neutrality was {OQ}non-negotiable.{CQ}",
    "{S} said {side} had {OQ}nothing against{CQ} a phased ceasefire but would not sign a document {OQ}written in {city_world}.{CQ}",
    "{S} said the strikes on {city_ua} showed that Moscow {OQ}does not want peace{CQ} and urged allies to send more {ua_weapon}.",
    "{S} said the plan had {OQ}real merit{CQ} and that a ceasefire along the line of contact was {OQ}the only realistic first step.{CQ}",
    "{S} said the grain deal could be revived only if restrictions on Russian banks were {OQ}lifted in full.{CQ}",
    "{S} said prices in {city_ua} had risen {OQ}faster than anyone expected{CQ} since {month}.",
    "{S} said the team had played {OQ}for the people of {city_ua}{CQ} and dedicated the win to the soldiers at the front.",
]

CUE_TRAIL = ["said", "said", "said", "said", "told reporters", "told {media}",
             "added", "wrote on X", "wrote on Telegram", "said in a statement",
             "said in an interview", "told a news conference in {city_world}",
             "said on {weekday}", "warned", "insisted", "said in a video address",
             "told reporters in {city_world}", "said after the meeting",
             "told {media} on {weekday}", "said firmly"]
CUE_LEAD = ["said", "said", "told reporters", "told {media}", "wrote on X",
            "said in a statement", "added", "said on {weekday}",
            "said at a news conference in {city_world}", "posted on Telegram",
            "wrote on Facebook"]
CUE_REPORT = ["said", "said", "said", "told reporters", "told {media}", "said on {weekday}",
              "warned", "insisted", "argued", "stressed", "added", "noted",
              "told lawmakers", "told a briefing in {city_world}", "repeated",
              "said in a statement", "wrote on X", "acknowledged", "claimed",
              "confirmed", "suggested"]
INST_CUE = ["said in a statement", "said", "said on Telegram", "said in its daily update",
            "said in a post on X", "said on its website", "said late on {weekday}"]

# ---------------------------------------------------------------------------
# Background prose.
# ---------------------------------------------------------------------------

NARRATIVE = {
    "war": [
        "Russian forces launched {num_mid} drones and {num_small} missiles at {city_ua} overnight, damaging {infra} and injuring at least {num_small2} people.",
        "Fighting continued near {city_ua}, where Ukrainian units have held a defensive line since {month}.",
        "The front line has barely moved in the {oblast} region since the start of the year, though both sides have reported small gains around {city_ua2}.",
        "A drone struck an oil depot in the {city_ru} region early on {weekday}, setting fire to {num_small} fuel tanks.",
        "Air raid alerts sounded across {num_regions} regions shortly after {clock}.",
        "The strike hit a {building} in the center of {city_ua}, leaving a crater roughly {num_small} meters wide.",
        "Russian troops have been trying to encircle {city_ua} for several months, at a heavy cost in men and armored vehicles.",
        "Ukraine has increasingly used long-range drones to hit refineries deep inside Russia, including in {city_ru}.",
        "The attack was the {ordinal} on the city this month.",
        "Rescuers were still searching the rubble on {weekday} evening.",
        "Both sides use small drones to hunt vehicles and infantry up to {km} kilometers behind the front.",
        "Western military aid, including {ua_weapon}, has slowed since {month}, officials in {city_world} acknowledge.",
        "Moscow has not commented on its losses, which Western intelligence agencies put in the hundreds of thousands.",
        "A curfew from {clock} to {clock2} remains in force in {city_ua}.",
        "Gen. {surname} took over the southern command in {month} {year_past}, after his predecessor was dismissed.",
        "The bridge over the Dnipro near {city_ua} was hit at least {num_small} times last year.",
        "Independent verification of battlefield claims is difficult because journalists have limited access to the front.",
        "Ukrainian officials say Russia has fired more than {num_big} {weapon} at the country since the full-scale invasion began.",
    ],
    "energy": [
        "Power was restored to most of {city_ua} by {clock}, but {num_big} households remained without heating.",
        "Ukraine lost about half of its generating capacity in Russian strikes last winter.",
        "The Zaporizhzhia nuclear plant, Europe's largest, has been under Russian control since March 2022 and its six reactors are in cold shutdown.",
        "Electricity imports from {country} reached a record {num_mid} megawatts on {weekday}.",
        "Scheduled outages of up to {num_small} hours a day were introduced in {city_ua} and the surrounding region.",
        "Gas prices on the Dutch TTF hub rose {pct} percent to {price} euros per megawatt-hour.",
        "The country has received {num_small} shipments of transformers from partners since {month}.",
        "Engineers from {org} visited the plant on {weekday} to inspect the cooling ponds.",
        "Solar panels and batteries have been installed at {num_mid} hospitals and schools since the start of the year.",
    ],
    "economy": [
        "Ukraine's economy grew by {pct} percent in the {ordinal} quarter, while inflation eased to {pct2} percent.",
        "The hryvnia weakened to {rate} per dollar on {weekday}, its lowest level since {month} {year_past}.",
        "Brent crude rose {pct} percent to ${price} a barrel in London trading.",
        "Wheat futures in Chicago rose {pct}% after news of the strike.",
        "{org} approved a {money} tranche for Ukraine, bringing its total support this year to {money2}.",
        "Russia's central bank kept its key rate at {num_small} percent, citing persistent inflation and labor shortages.",
        "Grain exports through the Black Sea ports reached {num_big} tonnes in {month}, up from {num_big2} tonnes a year earlier.",
        "The European Union has frozen about {money} in Russian central bank assets, most of it held at Euroclear in Brussels.",
        "Russian oil export revenues fell by {pct} percent in {month}, according to estimates by the International Energy Agency.",
        "Insurers have raised war-risk premiums for vessels calling at Ukrainian ports to about {pct} percent of a ship's value.",
        "Shares of European defense companies have more than doubled since {month} {year_past}.",
        "Ukraine's budget deficit this year is expected to reach about {pct} percent of gross domestic product.",
        "Mr. {surname}, the finance ministry's chief economist, is due to present the figures on {weekday}.",
        "The U.S. Treasury said the restrictions cover {num_mid} companies and {num_small} vessels.",
    ],
    "diplomacy": [
        "Foreign ministers from the Group of Seven are due to meet in {city_world} on {month} {day}.",
        "The talks, the {ordinal} round since {month}, were held behind closed doors at a hotel in {city_world}.",
        "The European Union has adopted {num_packages} sanctions packages against Russia since February 2022.",
        "Diplomats in {city_world} expect the summit communique to mention Ukraine only in passing.",
        "The two delegations met for about {num_small} hours and agreed to exchange prisoners of war.",
        "U.S. and European officials have spent weeks trying to narrow their differences over the American proposal.",
        "The meeting in {city_world} was downgraded at the last minute, with ministers replaced by senior officials.",
        "Turkey has hosted several rounds of direct talks between Russian and Ukrainian delegations since {year_past2}.",
        "The framework has now been shared with both parties, and officials hope to present a revised text by {month}.",
        "Neither side has published the draft memorandum, and its contents could not be independently verified.",
        "A {ordinal} round of talks has not been scheduled.",
        "The so-called coalition of the willing, a group of about {coalition} countries, is due to meet by video link on {weekday}.",
        "{adj_country} officials have said they are ready to host the next meeting.",
        "The U.N. Security Council will discuss the situation at an emergency session at {clock} New York time.",
        "Ambassadors of the {num_small} member states are expected to approve the text on {weekday}.",
    ],
    "history": [
        "Russia annexed Crimea in 2014 after a referendum that Ukraine and most of the world deemed illegal.",
        "The conflict traces back to 2014, when Moscow annexed Crimea and backed separatists in eastern Ukraine.",
        "Since Russia's full-scale invasion in February 2022, hundreds of thousands of people have been killed or wounded.",
        "The Minsk agreements of 2014 and 2015 failed to end the fighting in the Donbas.",
        "Under the 1994 Budapest Memorandum, Ukraine gave up its Soviet-era nuclear arsenal in exchange for security assurances.",
        "NATO promised at its 2008 Bucharest summit that Ukraine would one day become a member.",
        "The 1953 Korean armistice, often cited as a model for a frozen front line, never became a peace treaty.",
        "Nearly seven million Ukrainians have been displaced abroad since the war began, according to the U.N. refugee agency.",
        "The {city_ua} region was partially occupied in the first weeks of the invasion and liberated in {month} 2022.",
        "The Black Sea Grain Initiative, brokered by Turkey and the U.N. in July 2022, collapsed a year later.",
        "Moscow claimed to annex four Ukrainian regions in September 2022, although it does not fully control any of them.",
    ],
    "weather": [
        "Temperatures in {city_ua} fell to minus {temp} degrees Celsius overnight, and forecasters expect more snow by {weekday}.",
        "Heavy rain has turned dirt roads near {city_ua} into mud, slowing the movement of armored vehicles.",
        "A heat wave pushed temperatures above {temp} C in southern Ukraine, and officials warned of wildfires in the {oblast} region.",
        "Thick fog grounded flights at {city_world} airport for several hours on {weekday}.",
        "The Dnipro river level has dropped by {num_small} meters since the Kakhovka dam was destroyed in June 2023.",
        "Forecasters expect the first frost in the {oblast} region by mid-{month}.",
    ],
    "sport": [
        "{club} beat {club2} {score} on {weekday} in a match played behind closed doors in {city_world}.",
        "Shakhtar Donetsk has played its home matches abroad since 2022.",
        "The Ukrainian team finished {ordinal} at the European championships in {city_world}.",
        "The match was interrupted for {num_small} minutes by an air raid alert in {city_ua}.",
        "The league resumed in {month} with {num_small} teams after a two-month winter break.",
        "Tickets for the game in {city_world} sold out in less than {num_small} hours, and proceeds will go to a military hospital in {city_ua}.",
    ],
    "humanitarian": [
        "About {num_big} people remain in {city_ua}, down from a pre-war population of {num_big2}.",
        "Ukraine and Russia exchanged {num_mid} prisoners each on {weekday} in a swap mediated by the United Arab Emirates.",
        "The freed Ukrainians included defenders of Mariupol held since 2022.",
        "Volunteers in {city_ua} distribute about {num_mid} hot meals a day at a former school.",
        "{org} said it had delivered {num_small} convoys of aid to frontline communities in {month}.",
        "Dr. {surname} runs the only trauma unit within {km} kilometers of the front.",
        "Evacuation trains leave {city_ua} twice a day for Lviv, a journey of about {num_small} hours.",
    ],
}
# Combinatorial background sentences: each slot below is itself a pool, so a
# handful of frames give tens of thousands of distinct sentences.
_COMBO = {
    "war": ["{when_cap}, {mil_actor} {mil_action} near {city_ua}.",
            "{mil_actor_cap} {mil_action} in the {oblast} region {when}.",
            "{when_cap}, {weapon} hit {infra} in {city_ua}, the {ordinal} such attack {period}."],
    "energy": ["{when_cap}, {energy_actor} {energy_action} in the {oblast} region.",
               "{energy_actor_cap} {energy_action} {when}, {energy_tail}."],
    "economy": ["{when_cap}, {econ_actor} {econ_action}.",
                "{econ_actor_cap} {econ_action} {when}, {econ_tail}."],
    "diplomacy": ["{when_cap}, {dip_actor} {dip_action} in {city_world}.",
                  "{dip_actor_cap} {dip_action} in {city_world} {when}, {dip_tail}."],
    "humanitarian": ["{when_cap}, {hum_actor} {hum_action} in {city_ua}.",
                     "{hum_actor_cap} {hum_action} {when}, {hum_tail}."],
    "weather": ["{when_cap}, {weather_event} across the {oblast} region, {weather_tail}."],
    "sport": ["{when_cap}, {club} {sport_action} in {city_world}.",
              "{club} {sport_action} {when}, {sport_tail}."],
}
POOLS.update({
    "when": ["on {weekday}", "earlier this month", "last {month}", "late on {weekday}",
             "early on {weekday}", "this week", "over the weekend", "on {month_ap} {day}",
             "in the early hours of {weekday}", "shortly before {clock}",
             "for the {ordinal} time this year", "in {month}"],
    "period": ["this month", "since {month}", "in a week", "this year", "since the summer"],
    "mil_actor": ["Russian troops", "Ukrainian units", "assault groups", "the {brigade}th Brigade",
                  "drone operators", "artillery crews", "Russian marines", "border guards",
                  "special forces", "engineers"],
    "mil_action": ["advanced about {km} kilometers", "pushed back an attack",
                   "shelled a village", "regained several positions",
                   "destroyed {num_small} armored vehicles", "lost a forward position",
                   "laid new minefields", "withdrew to a second line of defense",
                   "shot down a reconnaissance drone", "struck an ammunition depot"],
    "energy_actor": ["Ukrenergo", "repair crews", "the grid operator", "DTEK",
                     "Naftogaz", "the regional power company", "emergency teams",
                     "engineers from {country}"],
    "energy_action": ["restored supplies to {num_big} customers", "introduced rolling blackouts",
                      "installed {num_small} mobile gas turbines", "repaired a damaged substation",
                      "imported {num_mid} megawatts from {country}", "cut supplies to industry",
                      "connected {num_small} new solar farms", "finished the winter preparations"],
    "energy_tail": ["ahead of the heating season", "despite renewed strikes",
                    "a month earlier than planned", "at a cost of about {money}",
                    "after a night of drone attacks"],
    "econ_actor": ["the central bank", "the finance ministry", "Ukraine's statistics office",
                   "the European Commission", "{org}", "Ukrainian farmers", "steelmakers",
                   "the state railway", "exporters", "foreign investors", "the cabinet"],
    "econ_action": ["cut the growth forecast to {pct} percent", "raised the key rate by {pct} points",
                    "reported a {pct} percent rise in exports", "borrowed {money} on domestic markets",
                    "signed a {money} loan agreement", "shipped {num_big} tonnes of grain",
                    "approved a {money} recovery program", "reported a budget gap of {money}",
                    "raised fuel prices by {pct} percent", "sold {money} in war bonds"],
    "econ_tail": ["the highest figure since {year_past}", "more than analysts had expected",
                  "below the target set in {month}", "despite the blackouts",
                  "with most of the money going to defense"],
    "dip_actor": ["officials from {num_small} countries", "a delegation from {country}",
                  "European defense ministers", "Ukrainian negotiators", "representatives of {org}",
                  "the foreign ministers of {country} and {country2}", "national security advisers",
                  "G7 finance ministers", "members of the European Parliament", "U.S. senators"],
    "dip_action": ["met to discuss air defense", "signed a memorandum on drone production",
                   "agreed to extend the training mission", "reviewed reconstruction plans",
                   "pledged {money} in new aid", "held a closed-door session",
                   "discussed the return of deported children", "approved a joint statement",
                   "agreed on a timetable for the next round", "opened a new embassy"],
    "dip_tail": ["officials said", "according to a draft seen by reporters",
                 "the {ordinal} such meeting this year", "days before the summit",
                 "but made no announcement", "with a follow-up expected in {month}"],
    "hum_actor": ["volunteers", "the Red Cross", "local authorities", "aid groups",
                  "police officers", "a charity from {country}", "doctors", "teachers",
                  "the U.N. refugee agency"],
    "hum_action": ["evacuated {num_mid} people", "opened {num_small} new shelters",
                   "delivered {num_big} food parcels", "reopened a school",
                   "set up a field hospital", "registered {num_big} displaced people",
                   "repaired {num_mid} damaged homes", "handed out generators"],
    "hum_tail": ["officials said", "as shelling continued", "ahead of the winter",
                 "with help from {country}", "for the {ordinal} time this month"],
    "weather_event": ["heavy snow fell", "temperatures dropped below freezing",
                      "strong winds tore down power lines", "thunderstorms swept",
                      "a heat wave settled", "thick fog lingered", "rain flooded roads"],
    "weather_tail": ["forecasters said", "disrupting supplies to the front",
                     "and more is expected by {weekday}", "the {ordinal} time this season",
                     "closing schools for a day"],
    "sport_action": ["won {score}", "drew {score_draw}", "lost {score_loss}", "signed a new striker",
                     "played a charity match", "qualified for the group stage",
                     "appointed a new coach"],
    "sport_tail": ["in front of {num_big} fans", "despite an air raid alert",
                   "with the proceeds going to a hospital in {city_ua}",
                   "their {ordinal} match of the season", "after a two-hour delay"],
})
for _k in ("when", "mil_actor", "energy_actor", "econ_actor", "dip_actor", "hum_actor"):
    POOLS[_k + "_cap"] = [cap(x) for x in POOLS[_k]]
COMBO_FRAMES = {f for frames in _COMBO.values() for f in frames}
for _cat, _frames in _COMBO.items():
    NARRATIVE[_cat].extend(_frames * 3)   # weight: about a third of the sentences

# Names mentioned in narrative (not speakers): any surname from any culture.
POOLS["surname"] = sorted({s for c in CULTURES.values() for s in c[2]})

FOCUS = [  # article subject: (weight, narrative mix, on-issue share of speech, issue weights, off-topic subjects)
    ("diplomacy", 34, {"diplomacy": 5, "history": 2, "war": 2, "economy": 1},
     0.6, (3, 3, 4, 3), ["diplomacy", "war", "politics"]),
    ("war", 24, {"war": 6, "history": 1, "diplomacy": 1, "humanitarian": 1, "weather": 1},
     0.28, (3, 1, 4, 1), ["war", "humanitarian", "weather"]),
    ("economy", 14, {"economy": 6, "energy": 2, "diplomacy": 1},
     0.2, (0.5, 0.2, 0.5, 5), ["economy", "energy", "politics"]),
    ("energy", 10, {"energy": 5, "war": 2, "weather": 1, "economy": 1},
     0.12, (1, 0.2, 2, 1), ["energy", "war", "weather"]),
    ("humanitarian", 9, {"humanitarian": 5, "war": 2, "history": 1},
     0.1, (1, 0.3, 1, 0.3), ["humanitarian", "war", "politics"]),
    ("sport", 5, {"sport": 5, "war": 1, "weather": 1},
     0.03, (1, 1, 1, 1), ["sport", "sport", "weather"]),
    ("weather", 4, {"weather": 4, "energy": 2, "war": 1},
     0.05, (1, 1, 1, 1), ["weather", "energy", "humanitarian"]),
]
FOCUS_ITEMS = []
for name, w, mix, issue_share, iw, off in FOCUS:
    FOCUS_ITEMS.append((w, name, weighted(list(mix.items())), issue_share,
                        weighted(list(zip(ISSUE_NAMES, iw))), off))
_focus_w = weighted([(f, f[0]) for f in FOCUS_ITEMS])

# Stance leaning by side: (favor, against, neutral) per issue.
LEAN = {
    "ua": {"crimea": (1, 17, 2), "nato": (17, 1, 2), "ceasefire": (13, 3, 4), "sanctions": (17, 1, 2)},
    "ru": {"crimea": (17, 1, 2), "nato": (1, 17, 2), "ceasefire": (5, 12, 3), "sanctions": (1, 17, 2)},
    "us": {"crimea": (8, 7, 5), "nato": (5, 10, 5), "ceasefire": (14, 2, 4), "sanctions": (8, 6, 6)},
    "eu": {"crimea": (3, 14, 3), "nato": (11, 4, 5), "ceasefire": (14, 2, 4), "sanctions": (15, 2, 3)},
    "uk": {"crimea": (2, 15, 3), "nato": (13, 2, 5), "ceasefire": (14, 2, 4), "sanctions": (16, 1, 3)},
    "tr": {"crimea": (5, 7, 8), "nato": (5, 5, 10), "ceasefire": (16, 1, 3), "sanctions": (4, 8, 8)},
    "intl": {"crimea": (2, 8, 10), "nato": (3, 3, 14), "ceasefire": (15, 1, 4), "sanctions": (5, 5, 10)},
    "other": {"crimea": (6, 6, 8), "nato": (6, 6, 8), "ceasefire": (8, 6, 6), "sanctions": (6, 6, 8)},
}
LEAN_W = {side: {iss: weighted(list(zip(("favor", "against", "neutral"), w)))
                 for iss, w in d.items()} for side, d in LEAN.items()}

# ---------------------------------------------------------------------------
# Outlets and house style.
# ---------------------------------------------------------------------------

# name, domain, spelling, marks, paragraph separator, transliteration, comma
# outside the closing mark, furniture probability, byline probability, weight
OUTLETS = [
    ("London Pulse News", "londonpulse.co.uk", "uk", "curly", "\n\n", 0, False, 0.5, 0.3, 5),
    ("Baltic Wire", "balticwire.eu", "uk", "curly", "\n\n", 1, False, 0.2, 0.6, 4),
    ("Atlantic Ledger", "atlanticledger.com", "us", "curly", "\n\n", 0, False, 0.3, 0.8, 6),
    ("Kyiv Morning Post", "kyivmorningpost.com.ua", "uk", "curly", "\n\n", 1, False, 0.4, 0.5, 6),
    ("Danube Courier", "danubecourier.eu", "uk", "straight", "\n\n", 2, False, 0.3, 0.4, 3),
    ("Eastern Europe Monitor", "eemonitor.org", "us", "curly", "\n", 1, False, 0.2, 0.5, 4),
    ("The Continental", "thecontinental.eu", "uk", "curly", "\n\n", 0, True, 0.1, 0.7, 3),
    ("Prairie Herald", "prairieherald.com", "us", "straight", "\n\n", 0, False, 0.6, 0.6, 3),
    ("Harbour City Times", "harbourcitytimes.co.uk", "uk", "curly", "\n\n", 2, True, 0.3, 0.6, 3),
    ("Global Affairs Digest", "globalaffairsdigest.com", "us", "curly", "\n", 0, False, 0.4, 0.2, 5),
    ("The Northern Observer", "northernobserver.co.uk", "uk", "curly", "\n\n", 1, False, 0.2, 0.8, 4),
    ("Capitol Dispatch", "capitoldispatch.com", "us", "curly", "\n\n", 0, False, 0.5, 0.9, 5),
    ("Black Sea Review", "blacksea-review.com", "uk", "guillemet", "\n\n", 1, False, 0.2, 0.4, 1),
    ("Meridian News", "meridiannews.net", "us", "curly_sa", "\n\n", 2, False, 0.4, 0.3, 4),
    ("The Daily Sentinel", "dailysentinel.com", "us", "curly", "\n\n", 0, False, 0.6, 0.7, 5),
    ("Vistula Gazette", "vistulagazette.pl", "uk", "straight", "\n", 2, False, 0.3, 0.5, 2),
    ("Alpine Times", "alpinetimes.ch", "uk", "curly", "\n\n", 1, False, 0.2, 0.4, 2),
    ("Gulf Standard", "gulfstandard.ae", "uk", "curly", "\n\n", 2, False, 0.4, 0.3, 2),
    ("Pacific Tribune", "pacifictribune.com", "us", "curly", "\n\n", 0, False, 0.5, 0.8, 4),
    ("Riverside Journal", "riversidejournal.com", "us", "latex", "\n", 0, False, 0.1, 0.6, 1),
    ("Nordic Signal", "nordicsignal.eu", "uk", "curly", "\n\n", 1, False, 0.2, 0.5, 3),
    ("Lakeshore Press", "lakeshorepress.com", "us", "straight", "\n\n", 0, False, 0.5, 0.5, 3),
    ("Evening Clarion", "eveningclarion.co.uk", "uk", "curly_sa", "\n\n", 0, False, 0.5, 0.4, 3),
    ("Caucasus Bulletin", "caucasusbulletin.ge", "uk", "curly", "\n", 2, False, 0.2, 0.3, 2),
    ("The Metro Ledger", "metroledger.com", "us", "curly", "\n\n", 0, False, 0.7, 0.6, 4),
    ("Adriatic Post", "adriaticpost.eu", "uk", "straight", "\n\n", 1, True, 0.3, 0.3, 2),
    ("Frontier Report", "frontierreport.com", "us", "curly", "\n\n", 1, False, 0.3, 0.5, 3),
    ("World Desk Today", "worlddesktoday.com", "us", "curly", "\n\n", 0, False, 0.4, 0.2, 4),
    ("Channel Four Corners", "fourcorners.news", "us", "curly", "\n\n", 2, False, 0.5, 0.4, 2),
    ("Euro Policy Review", "europolicyreview.eu", "uk", "curly", "\n\n", 0, False, 0.2, 0.8, 3),
]
_outlet_w = weighted([(o, o[9]) for o in OUTLETS])

MARKS = {  # placeholder -> house style (apostrophe last)
    "curly": (("\x01", "\u201c"), ("\x02", "\u201d"), ("\x03", "\u2018"), ("\x04", "\u2019"), ("'", "\u2019")),
    "curly_sa": (("\x01", "\u201c"), ("\x02", "\u201d"), ("\x03", "\u2018"), ("\x04", "\u2019")),
    "straight": (("\x01", '"'), ("\x02", '"'), ("\x03", "'"), ("\x04", "'")),
    "latex": (("\x01", "``"), ("\x02", "''"), ("\x03", "`"), ("\x04", "'")),
    "guillemet": (("\x01", "\u00ab"), ("\x02", "\u00bb"), ("\x03", "\u2018"), ("\x04", "\u2019"), ("'", "\u2019")),
}
# American -> British (the templates are written in American spelling).
BRITISH = [("recogniz", "recognis"), ("Recogniz", "Recognis"), ("legitimiz", "legitimis"), ("authoriz", "authoris"),
           ("Defense", "Defence"), ("defense", "defence"), ("favor", "favour"),
           ("center", "centre"), ("organization", "organisation"), ("honor", "honour"),
           ("neighbor", "neighbour"), ("labor ", "labour "), ("armored", "armoured"),
           (" meters", " metres"), ("kilometers", "kilometres"), ("traveled", "travelled"),
           ("canceled", "cancelled"), ("program ", "programme "), ("analyz", "analys"),
           ("U.S.", "US"), ("U.N.", "UN"), ("percent", "per cent"), ("theater", "theatre")]
AMERICAN = [(b, a) for a, b in BRITISH if a not in ("U.S.", "U.N.", "percent")]

# One-word edits for re-reported quotes (the later outlet's wording).
SUBSTITUTIONS = [("will not", "won't"), ("won't", "will not"), ("do not", "don't"),
                 ("is not", "isn't"), ("There is", "There's"), ("discuss", "talk about"),
                 ("Constitution", "constitution"), ("talks", "negotiations"),
                 ("must", "has to"), ("never", "not ever"), ("people", "citizens"),
                 ("everybody", "everyone"), ("nobody", "no one"), ("Nobody", "No one"),
                 ("immediate", "immediately effective"), ("ready", "prepared"),
                 ("need", "require"), ("begin", "start"), ("war", "conflict"),
                 ("Kyiv", "Ukraine"), ("tougher", "stronger"), ("clear", "explicit")]

SUBHEADS = ["Behind the scenes", "Sticking points", "What comes next",
            "A deal in sight?", "Pressure from {city_world}", "Energy first",
            "The view from {city_ua}", "Money and weapons", "Red lines",
            "Next steps: parallel diplomacy", "Reaction in {city_world}",
            "The battlefield picture", "Markets react"]
HEADLINES = {
    "diplomacy": [
        "{hl_name} {hl_verb} {hl_obj} as {hl_ctx}",
        "{hl_obj_cap} talks in {city_world} end without a deal",
        "{hl_name} says {hl_quote}",
        "Allies split over {hl_obj} ahead of {city_world} summit",
        "{city_world} talks downgraded as {hl_ctx}",
        "What the {city_world} meeting means for {hl_obj}",
        "{hl_name} and {hl_name2} clash over {hl_obj}",
    ],
    "war": [
        "Russian strikes hit {city_ua} as {hl_ctx}",
        "{num_small} killed in drone attack on {city_ua}",
        "Ukraine says it repelled assaults near {city_ua}",
        "Fighting intensifies around {city_ua} as winter approaches",
        "Drone strike sets fuel depot ablaze in {city_ru} region",
    ],
    "economy": [
        "Hryvnia slides as {hl_ctx}",
        "{org_cap} approves new support for Ukraine",
        "EU weighs {ordinal} sanctions package targeting shadow fleet",
        "Oil prices rise after strike on {city_ru} refinery",
        "Ukraine's economy grows {pct}% despite attacks on power grid",
    ],
    "energy": [
        "Power restored to {num_big} homes in {city_ua} after overnight strikes",
        "Zaporizhzhia plant loses external power line again",
        "Ukraine braces for winter blackouts as grid comes under fire",
    ],
    "humanitarian": [
        "Ukraine and Russia swap {num_mid} prisoners in UAE-brokered exchange",
        "Evacuations from {city_ua} speed up as front nears",
        "Volunteers keep {city_ua} fed under shelling",
    ],
    "sport": [
        "{club} beat {club2} {score} in {city_world}",
        "Ukrainian side dedicates win to soldiers at the front",
        "Air raid alert halts match in {city_ua}",
    ],
    "weather": [
        "Frost and fog slow fighting in the {oblast} region",
        "Heat wave brings wildfire warnings to southern Ukraine",
    ],
}
POOLS.update({
    "hl_verb": ["rejects", "warns against", "backs", "dismisses", "pushes back on",
                "calls for", "rules out", "signals openness to", "slams", "defends"],
    "hl_obj": ["Crimea concession", "NATO bid", "ceasefire plan", "energy truce",
               "sanctions relief", "US peace framework", "land swap", "new sanctions",
               "Black Sea deal", "peacekeeping force", "frozen-assets plan"],
    "hl_ctx": ["talks stall", "allies wait", "pressure mounts", "deadline nears",
               "Kyiv digs in", "Moscow hardens stance", "Washington loses patience",
               "Europe scrambles", "drones hit power plants", "front line holds"],
    "hl_quote": ["Ukraine will {OI}never{CI} recognize occupation",
                 "ceasefire plan is {OI}a trap{CI}", "sanctions must stay",
                 "NATO path {OI}irreversible{CI}", "talks {OI}serious and long{CI}",
                 "no deal without Kyiv", "{OI}we are getting there{CI}"],
    "org_cap": ["IMF", "World Bank", "EBRD", "European Investment Bank"],
})
POOLS["hl_obj_cap"] = [cap(x) for x in POOLS["hl_obj"]]

READ_MORE = ["Read more: {headline}", "Read more:", "READ MORE: {headline}",
             "Related: {headline}", "Also read: {headline}"]
FURNITURE_END = ["Share this article", "Related Sources:\n\n\u2022 Source 1 \u2022 Source 2",
                 "For more political updates, visit {outlet}.", "More articles",
                 "Post a Comment for {OQ}{title}{CQ}", "Subscribe now",
                 "Comments (0)", "\u00a9 {year} {outlet}. All rights reserved."]
DATELINE_DASH = [" \u2014 ", " - ", " -- ", " \u2013 "]


# ---------------------------------------------------------------------------
# Article assembly.
# ---------------------------------------------------------------------------

class Article:
    """Discourse state of the article being written."""

    __slots__ = ("translit", "introduced", "last", "cast", "focus", "quotes", "used")

    def __init__(self, translit, focus):
        self.translit = translit
        self.introduced = set()
        self.last = None          # speaker of the previous speech, for pronouns
        self.cast = []            # speakers of this article
        self.focus = focus
        self.quotes = []          # (speaker, sentences, indirect) of direct quotes
        self.used = set()         # narrative templates and (speaker, line) pairs used


def mention(art, spk, end=False, pron_ok=False):
    """How the article names `spk` here: full name with title or appositive on
    first mention, then surname, role or pronoun."""
    t = art.translit
    if id(spk) not in art.introduced:
        art.introduced.add(id(spk))
        if spk.kind == "p":
            r = rnd()
            if spk.pre and r < 0.45:
                return f"{spk.pre} {spk.name(t)}"
            if spk.appos and r < 0.85:
                return f"{spk.name(t)}, {spk.appos}" + ("" if end else ",")
            return spk.name(t)
        if spk.kind == "a":
            if chance(0.3):
                return f"{spk.names[0]}, {spk.appos}" + ("" if end else ",")
            return spk.names[0]
        return spk.names[0]
    if pron_ok and art.last is spk and chance(0.7):
        return spk.pronoun()
    if spk.kind == "p":
        if chance(0.12) and not any(o is not spk and o.definite == spk.definite
                                    for o in art.cast):
            return spk.definite   # `the lawmaker`, only when no one else is one
        return spk.short(t)
    return spk.definite


def statement(art, spk, on_issue=None):
    """A quote's sentences (1-3) and its main claim as reported speech."""
    side = spk.side
    if on_issue is None:
        on_issue = chance(art.focus[3])
    if on_issue:
        issue = wpick(*art.focus[4])
        stance = wpick(*LEAN_W[side][issue])
        for _ in range(3):  # not the same line twice from one speaker in one article
            d, i = pick(ISSUES[(issue, stance)])
            if (spk, d) not in art.used:
                break
        art.used.add((spk, d))
    else:
        subject = pick(art.focus[5])
        if chance(0.5):
            # a combinatorial news sentence as the quote, so that prolific
            # speakers do not repeat the same words in unrelated articles
            d = fill(pick(_COMBO[COMBO_OF[subject]]))
            first, rest = d.split(" ", 1)
            i = (first.lower() if first in LOWER_FIRST else first) + " " + rest[:-1]
        else:
            for _ in range(3):
                d, i = pick(OFFTOPIC[subject])
                if (spk, d) not in art.used:
                    break
            art.used.add((spk, d))
    f = Fill(side=pick(SIDE_NAMES[side]), OI=OI, CI=CI)
    sents = [d.format_map(f)]
    ind = i.format_map(f)
    r = rnd()
    if r < 0.4:
        sents.append(fill(pick(ELABORATION), OI=OI, CI=CI))
    elif r < 0.52:
        a, b = pick(ELABORATION), pick(ELABORATION)
        sents.append(fill(a, OI=OI, CI=CI))
        if b != a:
            sents.append(fill(b, OI=OI, CI=CI))
    elif r < 0.58:
        sents.insert(0, fill(pick(ELABORATION), OI=OI, CI=CI))
    return sents, ind


def trail(sents):
    """Quote text before a trailing attribution: the final period becomes a comma."""
    q = " ".join(sents)
    if q.endswith("."):
        return q[:-1] + ","
    return q


def speech(art, paras):
    """Append one speech paragraph (sometimes two) to paras; return statements."""
    cast = art.cast
    if art.last is not None and chance(0.3):
        spk = art.last
    else:
        spk = pick(cast)
    kind = spk.kind
    pron_ok = art.last is spk
    form = rnd()
    n = 1
    if kind == "i":
        # institutions: statements, reported speech, "according to"
        s, ind = statement(art, spk)
        m = mention(art, spk, pron_ok=pron_ok)
        cue = fill(pick(INST_CUE))
        if form < 0.4:
            p = f"{OQ}{trail(s)}{CQ} {m} {cue}."
            art.quotes.append((spk, s, ind))
        elif form < 0.8:
            p = f"{cap(m)} {cue} that {ind}."
        else:
            p = f"{cap(ind)}, according to {m}."
        art.last = spk
        paras.append(p)
        return 1
    s, ind = statement(art, spk)
    if form < 0.22:  # trailing
        m = mention(art, spk, end=False, pron_ok=pron_ok)
        last = s[-1]
        cue = "asked" if last.endswith("?") and chance(0.5) else fill(pick(CUE_TRAIL))
        p = f"{OQ}{trail(s)}{CQ} {m} {cue}."
        art.quotes.append((spk, s, ind))
    elif form < 0.30:  # inverted
        m = mention(art, spk, end=True)
        if m in ("he", "she", "they", "it"):
            m = spk.short(art.translit) if kind == "p" else spk.definite
        p = f"{OQ}{trail(s)}{CQ} {pick(['said', 'said', 'added', 'said', 'wrote'])} {m}."
        art.quotes.append((spk, s, ind))
    elif form < 0.38:  # leading with colon
        m = mention(art, spk, pron_ok=pron_ok)
        p = f"{cap(m)} {fill(pick(CUE_LEAD))}: {OQ}{' '.join(s)}{CQ}"
        art.quotes.append((spk, s, ind))
    elif form < 0.54:  # reported speech
        m = mention(art, spk, pron_ok=pron_ok)
        cue = fill(pick(CUE_REPORT))
        r = rnd()
        if r < 0.45:
            p = f"{cap(m)} {cue} that {ind}."
        elif r < 0.75:
            p = f"{cap(m)} {cue} {ind}."
        elif r < 0.9:
            s2, ind2 = statement(art, spk)
            p = f"{cap(m)} {cue} {ind}, adding that {ind2}."
            n = 2
        else:
            p = f"{cap(ind)}, {m} {cue}."
    elif form < 0.60:  # according to
        m = mention(art, spk, end=True)
        if chance(0.5):
            p = f"According to {m}, {ind}."
        else:
            p = f"{cap(ind)}, according to {m}."
    elif form < 0.68:  # quoted fragment
        m = mention(art, spk, pron_ok=pron_ok)
        p = fill(pick(FRAGMENT_FRAMES), S=m, OQ=OQ, CQ=CQ, pron=spk.pronoun() if spk.kind == "p" else "they",
                 side=pick(SIDE_NAMES[spk.side]))
        p = cap(p)
    elif form < 0.73:  # mixed
        m = mention(art, spk, pron_ok=pron_ok)
        p = cap(fill(pick(MIXED_FRAMES), S=m, OQ=OQ, CQ=CQ, side=pick(SIDE_NAMES[spk.side])))
    elif form < 0.84:  # quote, then a continuation after the pronoun
        m = mention(art, spk, pron_ok=pron_ok)
        s2, ind2 = statement(art, spk)
        cue = fill(pick(CUE_TRAIL))
        p = f"{OQ}{trail(s[:1])}{CQ} {m} {cue}. {OQ}{' '.join(s[1:] + s2)}{CQ}"
        art.quotes.append((spk, s, ind))
        n = 2
        if chance(0.35):  # and more in the next paragraph: "..., he added."
            paras.append(p)
            s3, _ = statement(art, spk)
            p = f"{OQ}{trail(s3)}{CQ} {spk.pronoun()} {pick(['added', 'said', 'went on'])}."
            n = 3
    elif form < 0.87:  # as X put it
        m = mention(art, spk, end=True)
        p = f"As {m} put it, {OQ}{' '.join(s)}{CQ}"
        art.quotes.append((spk, s, ind))
    elif form < 0.89:  # quote running over two paragraphs
        m = mention(art, spk)
        s2, _ = statement(art, spk)
        paras.append(f"{OQ}{' '.join(s)}")
        p = f"{OQ}{trail(s2)}{CQ} {m} said."
        n = 2
    else:  # narrative introduction, then the quote
        m = mention(art, spk)
        s2, ind2 = statement(art, spk)
        cue = fill(pick(CUE_TRAIL))
        ref = spk.pronoun() if chance(0.6) else (spk.short(art.translit) if kind == "p" else spk.definite)
        p = f"{cap(m)} {fill(pick(CUE_REPORT))} {ind2}. {OQ}{trail(s)}{CQ} {ref} {cue}."
        art.quotes.append((spk, s, ind))
        n = 2
    art.last = spk
    paras.append(p)
    return n


# Filled background sentences are kept, up to NARRATIVE_CACHE per category, and
# drawn again once a category has that many: big corpora reuse some sentences
# (as wire copy does) and the generator runs about twice as fast.
NARRATIVE_CACHE = 20000
_narrative_cache = {cat: [] for cat in NARRATIVE}


def narrative(art, k):
    """k background sentences; an article does not repeat a template (bar the
    occasional paragraph pasted twice by a scraper, see Corpus.article)."""
    mix = art.focus[2]
    used = art.used
    out = []
    for _ in range(k):
        cat = wpick(*mix)
        cache = _narrative_cache[cat]
        fresh = len(cache) < NARRATIVE_CACHE
        for _ in range(4):
            if fresh:
                tpl = pick(NARRATIVE[cat])
            else:
                tpl, sent = pick(cache)
            if tpl not in used:
                break
        if fresh:
            sent = cap(fill(tpl))
            cache.append((tpl, sent))
        if tpl not in COMBO_FRAMES:  # those vary enough by themselves
            used.add(tpl)
        out.append(sent)
    return " ".join(out)


_sent_w = weighted([(1, 12), (2, 33), (3, 33), (4, 22)])


def british(text):
    for a, b in BRITISH:
        text = text.replace(a, b)
    return text


def american(text):
    for a, b in AMERICAN:
        text = text.replace(a, b)
    return text


def edit_quote(q, kind, orig_style):
    """A small edit of a re-reported quote (list of sentences)."""
    text = " ".join(q)
    if kind == "truncate":
        if len(q) > 1:
            return " ".join(q[:-1]) if chance(0.5) else q[0]
        head, sep, _ = text.rpartition(", ")
        if sep and len(head) > 25:
            return head + "."
        kind = "substitute"
    if kind == "spelling":
        table = AMERICAN if orig_style == "uk" else BRITISH
        new = text
        for a, b in table:
            new = new.replace(a, b)
        if new != text:
            return new
        kind = "substitute"
    options = [(a, b) for a, b in SUBSTITUTIONS if re.search(rf"\b{re.escape(a)}\b", text)]
    if options:
        a, b = pick(options)
        return re.sub(rf"\b{re.escape(a)}\b", b, text, count=1)
    return q[0] if len(q) > 1 else text


SLUG_DROP = re.compile(r"[^a-z0-9-]+")


class Corpus:
    """Writes articles; keeps quotes waiting to be re-reported by other outlets."""

    def __init__(self, target):
        self.target = target
        self.people = make_people(700)
        # Zipf weights: a few prolific speakers, a long tail
        pw = [1.0 / (i + 3) ** 0.9 for i in range(len(self.people))]
        self.people_w = weighted(list(zip(self.people, pw)))
        self.registry = make_registry()
        # bylines: separate names, so a reporter is never mistaken for a speaker
        self.reporters = [p.names[0] for p in make_people(120)]
        speakers = {p.names[0] for p in self.people}
        self.reporters = [r for r in self.reporters if r not in speakers]
        self.registry_w = weighted([(a, 1.0 / (i + 1) ** 0.6) for i, a in enumerate(self.registry)])
        self.start = datetime.date(2023, 7, 1)
        self.pending = []      # (due ordinal, last ordinal, outlet, speaker, sents, ind, style)
        self.n = 0
        self.written = 0
        self.stats = dict(direct=0, rereported=0, expired=0, speech_paras=0, paras=0)

    def cast(self):
        """The speakers of one article: generated people, registry actors,
        maybe an anonymous source and an institution."""
        people, reg = self.people_w, self.registry_w
        cast = []
        for _ in range(2 + int(rnd() * 4)):
            cast.append(wpick(*people))
        for _ in range(int(rnd() * 3)):
            cast.append(wpick(*reg))
        if chance(0.45):
            cast.append(make_anon())
        if chance(0.3):
            cast.append(make_inst())
        return cast

    def article(self):
        self.n += 1
        outlet = wpick(*_outlet_w)
        oname, domain, spelling, marks, psep, translit, comma_out, furn, byline_p, _ = outlet
        progress = min(self.written / self.target, 1.0)
        day = int(progress * 729) + int(rnd() * 3) - 1
        date = self.start + datetime.timedelta(days=min(max(day, 0), 729))
        dord = date.toordinal()
        focus = wpick(*_focus_w)
        art = Article(translit, focus)
        art.cast = self.cast()
        hl_f = Fill(hl_name=art.cast[0].short(translit), hl_name2=art.cast[1].short(translit),
                    OI=OI, CI=CI)
        title = pick(HEADLINES[focus[1]]).format_map(hl_f)

        paras = []
        if chance(byline_p * 0.6):
            r = rnd()
            reporter = pick(self.reporters)
            if r < 0.5:
                paras.append(f"By {reporter}")
            elif r < 0.7:
                paras.append(f"By {reporter} and {pick(self.reporters)}")
            elif r < 0.85:
                paras.append(fill("By {r}, {desk} Correspondent", r=reporter))
            else:
                paras.append(fill("By {r} in {city_world}", r=reporter))
        lead = narrative(art, 1 + int(rnd() * 2))
        if chance(0.35):
            place = pick(["KYIV", "MOSCOW", "BRUSSELS", "WASHINGTON", "LONDON", "GENEVA",
                          "ISTANBUL", "KHARKIV", "ODESA", "WARSAW", "PARIS", "BERLIN",
                          "RIYADH, Saudi Arabia", "THE HAGUE, Netherlands", "ZAPORIZHZHIA",
                          "VILNIUS, Lithuania"])
            lead = place + pick(DATELINE_DASH) + lead
        paras.append(lead)

        # Body size 2-8 KB, most around 4-5 KB; 8-30 paragraphs.
        target = 2000 + int((rnd() + rnd()) / 2 * 5600)
        size = len(lead)
        count = 1
        speech_share = 0.38 + rnd() * 0.1
        n_speech = 0
        while (count < 8 or size < target) and count < 30:
            before = len(paras)
            if chance(speech_share):
                speech(art, paras)
                n_speech += len(paras) - before
                if chance(0.3):  # context before the speech: "Fighting ... . Name said ..."
                    paras[before] = narrative(art, 1) + " " + paras[before]
            else:
                art.last = None if chance(0.5) else art.last
                paras.append(narrative(art, wpick(*_sent_w)))
            for p in paras[before:]:
                size += len(p)
            count += len(paras) - before
            if count >= 12 and size < target * 0.8 and chance(0.04):
                paras.append(fill(pick(SUBHEADS)))

        # Quotes of other outlets from the last few days, re-reported with an edit.
        # In a small corpus articles are days apart: the first article to pick
        # up an overdue quote moves its own date into the quote's window.
        protected = []
        keep = []
        moved = False
        for item in self.pending:
            due, last, o_name, spk, sents, ind, o_style = item
            if dord > last + 60:
                self.stats["expired"] += 1
                continue
            if dord > last and not moved and o_name != oname and not protected:
                dord = due + int(rnd() * (last - due + 1))
                date = datetime.date.fromordinal(dord)
                moved = True
            if not due <= dord <= last or o_name == oname or len(protected) >= 2:
                keep.append(item)
                continue
            art.introduced.discard(id(spk))
            m = mention(art, spk, end=False)
            kind = pick(["truncate", "spelling", "substitute", "reported"])
            if kind == "reported":
                cue = fill(pick(["said", "told {media}", "said earlier this week", "said on {weekday}"]))
                p = f"{cap(m)} {cue} that {ind}."
            else:
                q = edit_quote(sents, kind, o_style)
                if kind != "spelling":  # the new outlet's house spelling
                    q = british(q) if spelling == "uk" else american(q)
                protected.append(q)
                ph = f"{PROTECT}{len(protected) - 1}{PROTECT}"
                r = rnd()
                if r < 0.5:
                    p = f"{OQ}{ph}{CQ} {m} said, according to {fill('{media}')}."
                elif r < 0.8:
                    p = f"{cap(m)} {fill(pick(CUE_LEAD))}: {OQ}{ph}{CQ}"
                else:
                    p = f"{cap(m)} was quoted by {fill('{media}')} as saying: {OQ}{ph}{CQ}"
            paras.insert(1 + int(rnd() * (len(paras) - 1)) if len(paras) > 1 else 1, p)
            self.stats["rereported"] += 1
        self.pending = keep

        # This article's direct quotes that other outlets will pick up.
        for spk, sents, ind in art.quotes:
            self.stats["direct"] += 1
            if chance(0.055):
                self.pending.append((dord + int(rnd() * 3), dord + 4, oname, spk,
                                     [british(x) if spelling == "uk" else x for x in sents],
                                     ind, spelling))

        # Page furniture and scraping accidents.
        if chance(furn) and len(paras) > 4:
            i = 2 + int(rnd() * (len(paras) - 3))
            paras.insert(i, "Advertisement" if chance(0.6) else
                         fill(pick(READ_MORE), headline=fill(pick(HEADLINES[pick(list(HEADLINES))]),
                                                             hl_name="Zelensky", hl_name2="Putin",
                                                             OI=OI, CI=CI)))
        if chance(furn * 0.6):
            paras.append(fill(pick(FURNITURE_END), outlet=oname, title=title, OQ=OQ, CQ=CQ,
                              year=str(date.year)))
        if chance(0.03) and len(paras) > 6:   # a paragraph pasted twice by the scraper
            i = 1 + int(rnd() * (len(paras) - 3))
            paras[i + 2:i + 2] = paras[i:i + 2]
        if chance(0.2):
            paras.insert(0, title)

        text = psep.join(paras).replace("..", ".")
        if spelling == "uk":
            text = british(text)
            title = british(title)
        elif chance(0.3):
            text = text.replace("ceasefire", "cease-fire")
        for i, q in enumerate(protected):
            text = text.replace(f"{PROTECT}{i}{PROTECT}", q)
        if comma_out:
            text = text.replace(",\x02", "\x02,")
        for a, b in MARKS[marks]:
            text = text.replace(a, b)
            title = title.replace(a, b)
        if "\x05" in text:
            raise AssertionError("unreplaced placeholder")
        self.stats["speech_paras"] += n_speech
        self.stats["paras"] += len(paras)
        aid = f"{self.n:07d}_{R.getrandbits(64):016x}"
        slug = SLUG_DROP.sub("", "-".join(title.lower().split()[:8]))
        url = f"https://www.{domain}/{date:%Y/%m/%d}/{slug}-{self.n}"
        return json.dumps({"id": aid, "text": text, "outlet": oname,
                           "date": date.isoformat(), "title": title, "url": url},
                          ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=200, help="size of the corpus in MB (2^20 bytes)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same file)")
    ap.add_argument("out", help="output .jsonl file")
    args = ap.parse_args()

    t0 = time.monotonic()
    R.seed(args.seed)
    target = int(args.mb * MIB)
    corpus = Corpus(target)
    chunk, chunk_bytes = [], 0
    with open(args.out, "wb") as f:
        while corpus.written < target:
            line = corpus.article().encode("utf-8") + b"\n"
            chunk.append(line)
            chunk_bytes += len(line)
            corpus.written += len(line)
            if chunk_bytes >= 8 * MIB:
                f.write(b"".join(chunk))
                chunk, chunk_bytes = [], 0
        f.write(b"".join(chunk))
    dt = time.monotonic() - t0
    s = corpus.stats
    print(f"gen_corpus: {corpus.n} articles, {corpus.written / MIB:.1f} MB in {dt:.1f} s "
          f"({corpus.written / MIB / dt:.1f} MB/s); speech paragraphs "
          f"{100 * s['speech_paras'] / max(s['paras'], 1):.0f}%, {s['direct']} direct quotes, "
          f"{s['rereported']} re-reported ({100 * s['rereported'] / max(s['direct'], 1):.1f}%), "
          f"{s['expired']} expired", file=sys.stderr)


if __name__ == "__main__":
    main()
