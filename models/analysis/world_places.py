"""The countries of the world, their capitals, the states of the United States and the counties, provinces and
states of the other English-speaking countries: places whatever the small model calls them ("aid to Kyiv", which it
takes for a person; "schools in Devon and Cornwall", two people to it). A name that is also a given name ("Jordan",
"Georgia", "Sofia", "Kent") is left to the context, and so is a surname of a person the article names in full ("Jack
London").

The countries, the states and the regions come from the English address providers of Faker (MIT), installed for the
given names; the capitals are listed here as the English-language press spells them."""

from __future__ import annotations

import functools

from models.analysis.given_names import given_names

_CAPITALS = """
Abu_Dhabi Abuja Accra Addis_Ababa Algiers Amman Amsterdam Ankara Antananarivo Ashgabat Asmara Astana Asuncion Athens
Baghdad Baku Bamako Bangkok Bangui Banjul Beijing Beirut Belgrade Belmopan Berlin Bern Bishkek Bissau Bogota Brasilia
Bratislava Brazzaville Brussels Bucharest Budapest Buenos_Aires Bujumbura Cairo Canberra Caracas Chisinau Colombo
Conakry Copenhagen Dakar Damascus Dhaka Dili Djibouti Doha Dodoma Dublin Dushanbe Freetown Gaborone Guatemala_City
Hanoi Harare Havana Helsinki Islamabad Jakarta Jerusalem Juba Kabul Kampala Kathmandu Khartoum Kiev Kigali Kinshasa
Kuala_Lumpur Kuwait_City Kyiv La_Paz Libreville Lilongwe Lima Lisbon Ljubljana Lome London Luanda Lusaka Madrid Malabo
Managua Manama Manila Maputo Maseru Mbabane Mexico_City Minsk Mogadishu Monrovia Montevideo Moroni Moscow Muscat
Nairobi Naypyidaw Ndjamena New_Delhi Niamey Nicosia Nouakchott Oslo Ottawa Ouagadougou Panama_City Paramaribo
Phnom_Penh Podgorica Port-au-Prince Port_Moresby Porto-Novo Prague Pretoria Pristina Pyongyang Quito Rabat Reykjavik
Riga Riyadh Rome Sanaa San_Salvador Santo_Domingo Sarajevo Seoul Skopje Stockholm Suva Taipei Tallinn Tashkent Tbilisi
Tegucigalpa Tehran Thimphu Tirana Tokyo Tripoli Tunis Ulaanbaatar Vaduz Valletta Vienna Vientiane Vilnius Warsaw
Washington Wellington Windhoek Yamoussoukro Yaounde Yerevan Zagreb Edinburgh Cardiff Belfast Vatican_City
"""


@functools.cache
def countries_and_states() -> frozenset[str]:
    """The countries of the world and the states of the United States, given names or not ("Israel", "Georgia")."""
    try:
        from faker.providers.address.en import Provider
        from faker.providers.address.en_US import Provider as UnitedStates

        return frozenset({c for c in Provider.countries if "(" not in c} | set(UnitedStates.states))
    except ImportError:  # the places are a help, not a need
        return frozenset()


@functools.cache
def world_places() -> frozenset[str]:
    """Countries, capitals and states, without those that are also given names."""
    return places_with_given_names() - given_names()


@functools.cache
def places_with_given_names() -> frozenset[str]:
    """Countries, capitals, states and regions, those that are also given names too ("Jordan", "Georgia",
    "Victoria")."""
    return frozenset(countries_and_states() | {w.replace("_", " ") for w in _CAPITALS.split()} | _regions())


def _regions() -> frozenset[str]:
    """The counties, provinces and states of the English-speaking countries as the English-language press names them
    ("Cornwall", "Ontario", "Queensland", "Kerala", "Galway"), from Faker's address providers as the countries are."""
    try:
        from faker.providers.address.en_AU import Provider as Australia
        from faker.providers.address.en_CA import Provider as Canada
        from faker.providers.address.en_GB import Provider as Britain
        from faker.providers.address.en_IE import Provider as Ireland
        from faker.providers.address.en_IN import Provider as India

        return frozenset({*Britain.counties, *Ireland.counties, *Canada.provinces, *Australia.states, *India.states})
    except (ImportError, AttributeError):
        return frozenset()


# Regions named by one word, most in the plural after "the" ("up to the Lakes", "the Balkans", "the Sahel").
PLURAL_REGIONS = frozenset("""Highlands Lowlands Lakes Alps Andes Rockies Appalachians Midlands Hebrides Americas
    Indies Philippines Netherlands Bahamas Maldives Seychelles Comoros Moluccas Balkans Pyrenees Himalayas Dolomites
    Cotswolds Carpathians Urals Caucasus Tropics Sahel Maghreb Levant Sahara Arctic Antarctic Outback""".split())
