// Date and time expressions as status pages write them: ISO stamps in headings, pasted lines
// such as "5:26 PM PST" or "Resolved - Aug 21, 00:37 UTC", and the partial dates whose year or
// day must come from context. Pure functions, no NLP: they run on every heading and short line.

export interface DateParts {
  year?: number;
  month?: number; // 0-11
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Offset from UTC in minutes; undefined means "not said" (read as UTC). */
  offset?: number;
  /** A US zone whose offset depends on daylight saving (resolved once the date is known). */
  usZone?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// Whole day names only: "[a-z]*" took "Monitoring" for Monday and lost the heading's phase.
const WEEKDAY = '(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?![a-z])\\.?,?';

// Fixed offsets in minutes; the US zones without S/D are resolved by date.
const ZONES: Record<string, number> = {
  utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, ist: 330,
  jst: 540, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  pst: -480, pdt: -420, mst: -420, mdt: -360, cst: -360, cdt: -300, est: -300, edt: -240,
};
const US_ZONES: Record<string, number> = { pt: -480, mt: -420, ct: -360, et: -300 };
const ZONE_WORD = `(?:${[...Object.keys(ZONES), ...Object.keys(US_ZONES)].filter((z) => z !== 'z').join('|')})`;

const ISO = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const TIME = new RegExp(
  `(?<![\\d:.])(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)?(?:\\s*\\(?(${ZONE_WORD}|[+-]\\d{2}:?\\d{2})\\)?)?(?![\\d:])`,
  'i',
);
const WEEKDAY_RE = new RegExp(`\\b${WEEKDAY}`, 'i');
const ZONE_RE = new RegExp(`\\b(${ZONE_WORD})\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b(${MONTH_WORD})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'i');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD})(?:,?\\s+(\\d{4})\\b)?`, 'i');
const SLASH_DATE = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase());
}

function zoneOffset(zone: string | undefined, parts: DateParts): void {
  if (!zone) return;
  const z = zone.toLowerCase();
  if (z in ZONES) parts.offset = ZONES[z];
  else if (z in US_ZONES) parts.usZone = US_ZONES[z];
  else {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
    if (m) parts.offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  }
}

/**
 * Finds the date and time parts in a short text (a heading or a pasted time line). Returns the
 * parts and the spans they took, so a caller can tell whether anything else is left.
 */
export function findDateParts(text: string): { parts: DateParts; spans: [number, number][] } | undefined {
  // Every date and time below holds a digit; most sentences asked about hold none.
  if (!/\d/.test(text)) return undefined;
  const parts: DateParts = {};
  const spans: [number, number][] = [];
  let rest = text;
  const take = (m: RegExpExecArray) => {
    spans.push([m.index, m.index + m[0].length]);
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  };
  const iso = ISO.exec(rest);
  if (iso) {
    parts.year = Number(iso[1]);
    parts.month = Number(iso[2]) - 1;
    parts.day = Number(iso[3]);
    if (iso[4] !== undefined) {
      parts.hour = Number(iso[4]);
      parts.minute = Number(iso[5]);
      parts.second = iso[6] ? Number(iso[6]) : 0;
      zoneOffset(iso[7], parts);
    }
    take(iso);
  } else {
    const slash = SLASH_DATE.exec(rest);
    const md = slash ? undefined : MONTH_DAY.exec(rest);
    const dm = slash || md ? undefined : DAY_MONTH.exec(rest);
    if (slash) {
      parts.year = Number(slash[1]);
      parts.month = Number(slash[2]) - 1;
      parts.day = Number(slash[3]);
      take(slash);
    } else if (md) {
      parts.month = monthIndex(md[1]);
      parts.day = Number(md[2]);
      if (md[3]) parts.year = Number(md[3]);
      take(md);
    } else if (dm) {
      parts.month = monthIndex(dm[2]);
      parts.day = Number(dm[1]);
      if (dm[3]) parts.year = Number(dm[3]);
      take(dm);
    }
  }
  if (parts.hour === undefined) {
    const time = TIME.exec(rest);
    // A bare number is a time only with minutes or am/pm ("14:05", "5 PM"), not "18" alone.
    if (time && (time[2] !== undefined || time[4] !== undefined)) {
      let hour = Number(time[1]);
      const minute = time[2] ? Number(time[2]) : 0;
      const meridiem = time[4]?.toLowerCase().replace(/\./g, '');
      if (meridiem === 'pm' && hour < 12) hour += 12;
      if (meridiem === 'am' && hour === 12) hour = 0;
      if (hour <= 24 && minute < 60) {
        parts.hour = hour % 24;
        parts.minute = minute;
        parts.second = time[3] ? Number(time[3]) : 0;
        zoneOffset(time[5], parts);
        take(time);
      }
    }
  }
  if (spans.length === 0) return undefined;
  // A weekday before or after the date is part of it ("Monday, March 28th").
  const weekday = WEEKDAY_RE.exec(rest);
  if (weekday) take(weekday);
  const zone = ZONE_RE.exec(rest);
  if (zone && parts.offset === undefined && parts.usZone === undefined && parts.hour !== undefined) {
    zoneOffset(zone[1], parts);
    take(zone);
  }
  return { parts, spans };
}

/** Second Sunday of March to first Sunday of November, at 2:00 local: US daylight saving. */
function usDaylightSaving(year: number, month: number, day: number): boolean {
  if (month < 2 || month > 10) return false;
  if (month > 2 && month < 10) return true;
  const firstSunday = (m: number) => 1 + ((7 - new Date(Date.UTC(year, m, 1)).getUTCDay()) % 7);
  return month === 2 ? day >= firstSunday(2) + 7 : day < firstSunday(10);
}

export interface DateContext {
  /** The date to take the day (and year) from when the text gives only a time. */
  date?: Date;
  /** The year to use when the text gives a month and day only. */
  year?: number;
}

/** Turns parts into a Date, borrowing what is missing from the context. */
export function resolveDate(parts: DateParts, context: DateContext = {}): Date | undefined {
  let { year, month, day } = parts;
  if (month === undefined || day === undefined) {
    if (!context.date || parts.hour === undefined) return undefined;
    year = context.date.getUTCFullYear();
    month = context.date.getUTCMonth();
    day = context.date.getUTCDate();
  }
  year ??= context.year ?? context.date?.getUTCFullYear();
  if (year === undefined) return undefined;
  let offset = parts.offset ?? 0;
  if (parts.usZone !== undefined) offset = parts.usZone + (usDaylightSaving(year, month, day) ? 60 : 0);
  const ms = Date.UTC(year, month, day, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) - offset * 60_000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Parses a full ISO-like or written date-time; undefined when the text holds none. */
export function parseDate(text: string, context: DateContext = {}): Date | undefined {
  const found = findDateParts(text);
  return found ? resolveDate(found.parts, context) : undefined;
}

/** Accepts a YAML value (Date, string, number) and returns a Date. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string') {
    const direct = new Date(value);
    if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(direct.getTime())) {
      // "2024-03-01 14:05" without a zone is read as UTC, as status pages mean it.
      return /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? direct : parseDate(value);
    }
    return parseDate(value);
  }
  return undefined;
}

/** Minutes in a written duration: "30 minutes", "an hour", "2 hrs", "half an hour". */
export function durationMinutes(amount: string, unit: string): number | undefined {
  const words: Record<string, number> = {
    a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, fifteen: 15, twenty: 20, thirty: 30,
    'forty-five': 45, 'a couple of': 2, 'a few': 3, half: 0.5, 'half an': 0.5,
  };
  const n = /^\d+(\.\d+)?$/.test(amount) ? Number(amount) : words[amount.toLowerCase()];
  if (n === undefined) return undefined;
  const u = unit.toLowerCase();
  if (u.startsWith('min')) return n;
  if (u.startsWith('h')) return n * 60;
  if (u.startsWith('d')) return n * 1440;
  return undefined;
}
