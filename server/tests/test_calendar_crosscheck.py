"""The lunar table compiled into kehu (platform/calendar/lunar_table.inc, generated from
lunar-javascript's astronomical computation) against an independent table: Debian's
python3-lunardate (a hand-kept bit table covering lunar 1900–2099, installed by
scripts/deps.sh), and, for lunar 2100 which lunardate lacks, the Hong Kong Observatory's
values written out below. Every month start of every lunar year 1900–2100 is compared;
the few places where the sources disagree are listed with the reason, and a listed
disagreement that goes away fails too, so the list cannot go stale.

The Hong Kong Observatory's Gregorian–Lunar Calendar Conversion Table (1901–2100) is the
authority: where lunar-javascript differed from it (2057), the generator corrects the
table (scripts/gen_lunar.mjs); where lunardate differs from it, the exception is below.
"""
import datetime
import json
import sys
import unittest

from kehu_harness import run_cli

try:
    import lunardate
except ImportError:  # a Python other than Debian's: the package lives in dist-packages
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import lunardate
    except ImportError:
        lunardate = None

# Where lunardate's table is off by one day. The month starts below are those of the HKO
# table, of .NET's ChineseLunisolarCalendar (checked against Calendrical Calculations and
# 《新编万年历》) and of the astronomical computation — all three agree with kehu; only
# lunardate's hand-kept bits (0x06e95 for 1933, 0x0a5d0 for 1954, 0x052d0 for 1956,
# 0x0b5a0 for 1978) move the start of one month by a day and the next one back.
# (lunar year, month, leap) -> (kehu = HKO, lunardate)
LUNARDATE_WRONG = {
    (1933, 6, False): ("1933-07-23", "1933-07-22"),
    (1954, 11, False): ("1954-11-25", "1954-11-26"),
    (1956, 11, False): ("1956-12-02", "1956-12-03"),
    (1978, 8, False): ("1978-09-03", "1978-09-02"),
}

# Lunar 2100 (庚申), which lunardate does not cover: the HKO conversion table, as also
# encoded in .NET's ChineseLunisolarCalendar (2100: 正月初一 9 February, no leap month,
# months 30 30 29 30 29 30 29 30 29 29 30 29) and as 0x0d520 in the 1900–2100 lunarInfo
# table of the JavaScript calendar libraries. Lunar 2101 begins on 29 January 2101.
HKO_2100 = {"new_year": "2100-02-09", "leap_month": 0,
            "days": [30, 30, 29, 30, 29, 30, 29, 30, 29, 29, 30, 29]}


def lunardate_months(year):
    """[(month, leap, first date, days)] of a lunar year from lunardate's public API."""
    out = []
    for month in range(1, 13):
        for leap in (False, True):
            try:
                first = lunardate.LunarDate(year, month, 1, leap).toSolarDate()
            except ValueError:
                continue  # no such (leap) month
            try:
                lunardate.LunarDate(year, month, 30, leap).toSolarDate()
                days = 30
            except ValueError:
                days = 29
            out.append((month, leap, first.isoformat(), days))
    return out


class CalendarCrossCheckTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        p = run_cli("calendar", "dump")
        cls.years = {y["year"]: y for y in json.loads(p.stdout)}

    def test_second_source_is_installed(self):
        self.assertIsNotNone(lunardate, "python3-lunardate is missing: run scripts/deps.sh")

    def test_dump_covers_every_year(self):
        self.assertEqual(sorted(self.years), list(range(1900, 2101)))
        for y, entry in self.years.items():
            months = entry["months"]
            self.assertEqual(len(months), 13 if entry["leap_month"] else 12, y)
            # The months follow each other without a gap, and the years too.
            for a, b in zip(months, months[1:]):
                gap = datetime.date.fromisoformat(b["first"]) - datetime.date.fromisoformat(a["first"])
                self.assertEqual(gap.days, a["days"], f"{y}: {a} -> {b}")
            if y + 1 in self.years:
                end = datetime.date.fromisoformat(months[-1]["first"]) + datetime.timedelta(days=months[-1]["days"])
                self.assertEqual(end.isoformat(), self.years[y + 1]["months"][0]["first"], y)

    def test_every_month_start_1900_2099_against_lunardate(self):
        self.assertIsNotNone(lunardate, "python3-lunardate is missing: run scripts/deps.sh")
        problems, seen = [], set()
        for year in range(1900, 2100):
            ours = [(m["month"], m["leap"], m["first"], m["days"]) for m in self.years[year]["months"]]
            theirs = lunardate_months(year)
            self.assertEqual([(m, l) for m, l, _, _ in ours], [(m, l) for m, l, _, _ in theirs],
                             f"{year}: the months (leap month) differ")
            for (m, leap, first, _), (_, _, other, _) in zip(ours, theirs):
                if first == other:
                    continue
                key = (year, m, leap)
                if LUNARDATE_WRONG.get(key) == (first, other):
                    seen.add(key)
                    continue
                problems.append(f"lunar {year}/{m}{' leap' if leap else ''}: kehu {first}, lunardate {other}")
        self.assertEqual(problems, [], "kehu and lunardate disagree (find out which is right; HKO is the authority)")
        self.assertEqual(sorted(set(LUNARDATE_WRONG) - seen), [], "listed disagreements that no longer occur")

    def test_2100_against_hko(self):
        entry = self.years[2100]
        self.assertEqual(entry["leap_month"], HKO_2100["leap_month"])
        self.assertEqual([m["days"] for m in entry["months"]], HKO_2100["days"])
        self.assertEqual(entry["months"][0]["first"], HKO_2100["new_year"])
        # …and lunardate's last year ends where HKO's 2100 begins.
        self.assertIsNotNone(lunardate, "python3-lunardate is missing: run scripts/deps.sh")
        last = lunardate_months(2099)[-1]
        end = datetime.date.fromisoformat(last[2]) + datetime.timedelta(days=last[3])
        self.assertEqual(end.isoformat(), HKO_2100["new_year"])

    def test_landmarks(self):
        def first(year, month=1, leap=False):
            return next(m["first"] for m in self.years[year]["months"] if m["month"] == month and m["leap"] == leap)
        # The dates ICU and browsers' Intl get wrong, the 2033 leap month, and 2057 (HKO).
        self.assertEqual(first(2027), "2027-02-06")
        self.assertEqual(first(2030), "2030-02-03")
        self.assertEqual(self.years[2033]["leap_month"], 11)
        self.assertEqual(first(2033, 11, True), "2033-12-22")
        self.assertEqual(first(2057, 9), "2057-09-28")


if __name__ == "__main__":
    unittest.main()
