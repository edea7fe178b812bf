// Dates at the precision the analysis knows them, and numbers, in the interface's language.
import { locale, t } from '../i18n.js';
import { isoSpan } from './dates.js';

const formats = new Map();
function format(options) {
  const key = JSON.stringify(options);
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }));
  return formats.get(key);
}

export const DAY_FORMAT = { day: 'numeric', month: 'long', year: 'numeric' };
export const SHORT_DAY_FORMAT = { day: 'numeric', month: 'short', year: 'numeric' };
export const MONTH_FORMAT = { month: 'long', year: 'numeric' };

export function formatDay(ms, options = DAY_FORMAT) {
  return format(options).format(new Date(ms));
}

const numbers = new Intl.NumberFormat(locale);
export const formatNumber = (n) => numbers.format(n);

function roman(n) {
  const table = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}

function dayRange(startIso, endIso) {
  const start = isoSpan(startIso);
  const end = isoSpan(endIso);
  if (!start || !end) return startIso ?? '';
  if (start[0] === end[0]) return formatDay(start[0]);
  try {
    return format(SHORT_DAY_FORMAT).formatRange(new Date(start[0]), new Date(end[0]));
  } catch {
    return `${formatDay(start[0], SHORT_DAY_FORMAT)} – ${formatDay(end[0], SHORT_DAY_FORMAT)}`;
  }
}

// An event's date {value, start, end, precision} as a reader would say it.
export function formatEventDate(date) {
  const value = date?.value ?? '';
  const year = value.slice(0, 4);
  switch (date?.precision) {
    case 'day':
      return date.start !== date.end ? dayRange(date.start, date.end) : formatDay(isoSpan(date.start)[0]);
    case 'week':
      return t('weekOf', { week: Number(value.slice(6, 8)), year, range: dayRange(date.start, date.end) });
    case 'month':
      return formatDay(isoSpan(date.start)[0], MONTH_FORMAT);
    case 'quarter':
      return t('quarterOf', { quarter: value.slice(6, 7), year });
    case 'season':
      return t(`season_${value.slice(5, 7)}`, { year });
    case 'year':
      return year;
    case 'decade':
      return t('decadeOf', { decade: `${value.slice(0, 3)}0` });
    case 'century': {
      const century = Number(value.slice(0, 2)) + 1;
      return t('centuryOf', { century, roman: roman(century) });
    }
    default:
      return value;
  }
}

export function precisionName(precision) {
  return t(`precision_${precision}`);
}

// A document's date: its value at its precision ("January 2022"), with the finer anchor when the
// text pins one.
export function formatDocumentDate(date) {
  if (!date?.value) return t('noDate');
  const span = isoSpan(date.value);
  const text = date.value.length === 10 ? formatDay(span[0]) : date.value.length === 7 ? formatDay(span[0], MONTH_FORMAT) : date.value;
  if (date.anchor && date.anchor !== date.value) return t('dateAnchored', { date: text, anchor: formatDay(isoSpan(date.anchor)[0]) });
  return text;
}

// A temporal expression's normalised value, readable: "6 January 2022 (2022-01-06)".
export function formatTimexValue(timex) {
  const span = isoSpan(timex.value);
  let readable = '';
  if (span && /^\d{4}-\d{2}-\d{2}$/.test(timex.value)) readable = formatDay(span[0]);
  else if (span && /^\d{4}-\d{2}$/.test(timex.value)) readable = formatDay(span[0], MONTH_FORMAT);
  const kind = t(`timex_${timex.type}`);
  const value = readable ? `${readable} (${timex.value})` : timex.value;
  return `${kind}: ${value}${timex.mod ? ` · ${timex.mod}` : ''}`;
}

// An ISO 8601 duration as words: P3D is "3 days", PT2H "2 hours", P1Y6M "1 year, 6 months".
const UNITS = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour', TM: 'minute' };
export function formatDuration(iso) {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso ?? '');
  if (!match) return iso ?? '';
  const parts = ['Y', 'M', 'W', 'D', 'H', 'TM'].map((unit, i) => [unit, match[i + 1]]).filter(([, n]) => n !== undefined);
  if (!parts.length) return iso;
  return parts.map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'long' }).format(Number(n))).join(', ');
}
