// Calendar arithmetic on UTC milliseconds. Every date in the analysis is a calendar date without a
// time zone, so the whole page works in UTC and never in the viewer's zone.
export const DAY = 86400000;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?)?)?)?$/;

// The span an ISO date covers, [start, end) in ms: "2022" is the year, "2022-01" the month.
export function isoSpan(iso) {
  const match = ISO.exec(iso ?? '');
  if (!match) return null;
  const [, y, m, d, hh, mm] = match.map((part) => (part === undefined ? undefined : Number(part)));
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  if (hh === undefined) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
  const start = Date.UTC(y, m - 1, d, hh, mm ?? 0);
  return [start, start + (mm === undefined ? 3600000 : 60000)];
}

// 'YYYY-MM-DD' of a UTC instant.
export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

// The span of a document's date: its anchor when the text pins a finer day, else its value.
export function documentSpan(date) {
  return isoSpan(date?.anchor) ?? isoSpan(date?.value);
}

// The span of an event: its first and last day, inclusive in the schema, exclusive here.
export function eventSpan(date) {
  const first = isoSpan(date?.start);
  const last = isoSpan(date?.end);
  if (first && last) return [first[0], Math.max(last[1], first[1])];
  return isoSpan(date?.value);
}

export function overlaps([start, end], window) {
  return !window || (start < window[1] && end > window[0]);
}
