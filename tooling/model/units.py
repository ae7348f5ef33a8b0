"""Units of measurement: the one list of unit symbols, their names and prefixes (data only).

Every reader of units takes them from here:

- the UQ rules (:mod:`tooling.lint.units`) check the symbols of :data:`SI_SYMBOLS` after a number and read
  units with the grammar of :data:`PREFIXES`, :data:`PREFIXABLE`, :data:`PREFIXED_ONLY` and :data:`PLAIN`
  (which the diff uses too, through :func:`tooling.lint.units.unit_after`);
- BL003 (:mod:`tooling.lint.bilingual`) reads every symbol of :data:`SYMBOLS` and the names of
  :data:`ZH_NAMES` and :data:`EN_NAMES` as the unit of a value, to compare master and translation;
- the output ties a value to any symbol of :data:`SYMBOLS` (:func:`tooling.model.text.tie_values`).

ISO 80000 / GB 3100 write the micro sign two ways (U+00B5 µ and U+03BC μ): both are listed.
"""

from __future__ import annotations

__all__ = ["CHINESE_TIME", "CHINESE_UNITS", "COUNT_NOUNS", "EN_NAMES", "OTHER_SYMBOLS", "PLAIN", "PREFIXABLE",
           "PREFIXED_ONLY", "PREFIXES", "SI_SYMBOLS", "SYMBOLS", "ZH_CALENDAR", "ZH_NAMES", "ZH_NOT_BEFORE",
           "longest_first"]


def longest_first(words) -> list[str]:
    """``words`` without repeats, the longest first (for a regular-expression alternation)."""
    return sorted(set(words), key=lambda w: (-len(w), w))


def _micro(*symbols: str) -> tuple[str, ...]:
    return tuple(s for symbol in symbols for s in ("µ" + symbol, "μ" + symbol))


#: Symbols of SI units and units accepted with them (ISO 80000, GB 3100), in the prefixed forms in common use,
#: with the bytes and bits of ISO 80000-13. The UQ rules check the values written with these.
SI_SYMBOLS: tuple[str, ...] = tuple(longest_first({
    # length, mass, time
    "nm", "mm", "cm", "dm", "m", "km", "mg", "g", "kg", "t", "ns", "ms", "s", "min", "h", "d",
    *_micro("m", "g", "s", "A"),
    # electricity, power, frequency
    "mV", "V", "kV", "mA", "A", "mW", "W", "kW", "MW", "Wh", "kWh", "Ω", "kΩ", "MΩ", "Hz", "kHz", "MHz", "GHz",
    # pressure, force, energy
    "Pa", "hPa", "kPa", "MPa", "GPa", "N", "kN", "J", "kJ", "MJ",
    # temperature, angle, ratio
    "°C", "℃", "K", "°", "%", "‰",
    # volume, sound, light, amount, rotation
    "mL", "L", "dB", "lx", "cd", "mol", "r/min",
    # information (ISO 80000-13)
    "B", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "bit", "kbit", "Mbit", "Gbit",
    "bit/s", "kbit/s", "Mbit/s", "Gbit/s",
}))

#: Symbols in use that ISO 80000 does not define (KB for kB, pixels, frame rates, Fahrenheit): read as the
#: unit of a value, but not checked as unit symbols.
OTHER_SYMBOLS: tuple[str, ...] = ("°F", "℉", "KB", "px", "dpi", "fps")

#: Every unit symbol written after a number, the longest first.
SYMBOLS: tuple[str, ...] = tuple(longest_first(SI_SYMBOLS + OTHER_SYMBOLS))

#: SI prefixes (ISO 80000-1, µ in both of its code points) and binary prefixes (ISO 80000-13). The rare ones
#: (a, f, E …) are left out: after a number, ``5 as`` and ``3 Es`` are words.
PREFIXES = ("Ki", "Mi", "Gi", "Ti", "T", "G", "M", "k", "h", "d", "c", "m", "µ", "μ", "n", "p")
#: Unit symbols that take a prefix and stand alone too.
PREFIXABLE = ("mol", "bit", "bps", "bar", "cd", "Hz", "Pa", "Wb", "lm", "lx", "Bq", "Gy", "Sv", "eV", "Wh", "Ah",
              "VA", "m", "g", "s", "A", "K", "N", "J", "W", "V", "Ω", "L", "l", "t", "B")
#: Unit symbols written only with a prefix (alone, C, F, S, T and H are more often letters than units).
PREFIXED_ONLY = ("C", "F", "S", "T", "H")
#: Unit symbols that take no prefix.
PLAIN = ("°C", "℃", "°F", "℉", "°", "′", "″", "%", "‰", "min", "h", "d", "ppm", "ppb", "rad", "sr", "dB(A)", "dBm",
         "dBA", "dBi", "dBW", "dB", "r/min", "r/s", "rpm", "KB", "px", "dpi", "fps")

#: Chinese names of units and the symbols to write for them (GB 3100; 5公斤 → 5 kg). 度 is not here: it is °
#: or ℃ by context.
ZH_NAMES: dict[str, str] = {
    "毫米": "mm", "厘米": "cm", "公分": "cm", "米": "m", "千米": "km", "公里": "km",
    "毫克": "mg", "克": "g", "千克": "kg", "公斤": "kg",
    "微秒": "μs", "毫秒": "ms", "秒": "s", "秒钟": "s", "分钟": "min", "小时": "h", "天": "d",
    "伏特": "V", "安培": "A", "瓦特": "W", "千瓦": "kW", "赫兹": "Hz", "兆赫": "MHz",
    "帕斯卡": "Pa", "千帕": "kPa", "兆帕": "MPa", "牛顿": "N", "焦耳": "J",
    "摄氏度": "℃", "开尔文": "K", "毫升": "mL", "升": "L", "分贝": "dB",
}
#: Names of :data:`ZH_NAMES` that are calendar units too (3天 is a count of days, not a misspelt ``3 d``).
ZH_CALENDAR = frozenset({"天"})
#: Characters after which a name of :data:`ZH_NAMES` is the start of another word (克隆, 米饭, 秒杀, 升级).
ZH_NOT_BEFORE: dict[str, str] = {"克": "隆服制", "米": "饭粒", "秒": "杀钟表", "升": "级高序降温"}

#: English names of units and their symbols (5 seconds = 5 s).
EN_NAMES: dict[str, str] = {
    "second": "s", "seconds": "s", "millisecond": "ms", "milliseconds": "ms", "minute": "min", "minutes": "min",
    "hour": "h", "hours": "h", "day": "d", "days": "d", "bits": "bit",
}

#: Chinese units and counting units written after a number (a count: 3 个月, 5 台, 2 次).
CHINESE_UNITS = ("个月", "小时", "分钟", "毫秒", "字节", "字符", "年", "月", "周", "天", "日", "秒", "个", "次", "位", "倍",
                 "项", "条", "人", "台", "件", "套", "组", "帧")
#: Chinese units of time, the denominators of a rate written in Chinese (次/秒, 个/小时).
CHINESE_TIME = ("小时", "分钟", "毫秒", "年", "月", "周", "天", "日", "秒")
#: English nouns a count is written with (64 characters, 3 months).
COUNT_NOUNS = ("octets", "characters", "members", "items", "parameters", "months", "month", "years", "year", "days",
               "day", "hours", "hour", "minutes", "minute", "seconds", "second", "weeks", "week", "times", "digits",
               "pairs", "bits", "bytes", "byte")
