// Where each event goes on the timeline at the current zoom. Events are binned by a calendar
// interval that suits the zoom (hours to centuries); a bin with more events than there are lanes
// becomes one count ("37 events") until the user zooms in; the others are packed into lanes, with
// their headline beside them where there is room. Pure arithmetic, no DOM: tested in Node.
import { utcDay, utcHour, utcMonday, utcMonth, utcYear } from 'd3-time';

const HOUR = 3600000;
const DAY = 24 * HOUR;
const INTERVALS = [
  [utcHour, HOUR], [utcHour.every(6), 6 * HOUR], [utcDay, DAY], [utcMonday, 7 * DAY], [utcMonth, 30.4 * DAY],
  [utcMonth.every(3), 91 * DAY], [utcYear, 365 * DAY], [utcYear.every(5), 5 * 365 * DAY], [utcYear.every(10), 3652 * DAY],
  [utcYear.every(50), 18262 * DAY], [utcYear.every(100), 36525 * DAY],
];
export const MIN_BIN_PX = 30;
const DOT = 7; // half the room a point mark takes
const BAR_MIN_PX = 10; // narrower periods are drawn as points
const LABEL_GAP = 6;
const MAX_LABEL_PX = 240;
const MIN_LABEL_PX = 56;

// The finest calendar interval whose bins are at least MIN_BIN_PX wide.
export function binInterval(msPerPixel) {
  for (const [interval, ms] of INTERVALS) if (ms / msPerPixel >= MIN_BIN_PX) return interval;
  return INTERVALS[INTERVALS.length - 1][0];
}

// The finest calendar interval at least `ms` long: bins for an overview of a given resolution.
export function intervalAtLeast(ms) {
  for (const [interval, length] of INTERVALS) if (length >= ms) return interval;
  return INTERVALS[INTERVALS.length - 1][0];
}

// ms → the start of its bin, remembering the last bin: events come roughly in date order, so
// most fall in the bin before them and d3-time's calendar arithmetic runs once per bin.
export function calendarBins(interval) {
  let start = Infinity;
  let end = -Infinity;
  return (ms) => {
    if (ms < start || ms >= end) {
      start = +interval.floor(new Date(ms));
      end = +interval.offset(new Date(start), 1);
    }
    return start;
  };
}

// ms → the start of its bin like calendarBins, for instants mostly inside [from, to): the bins'
// edges there are listed once and found by bisection, since events do not come in date order and
// the calendar arithmetic (two Dates each) was most of the time of binning ten thousand of them.
// Instants outside fall back on calendarBins.
export function binsWithin(interval, from, to) {
  const first = +interval.floor(new Date(from));
  const edges = [first, ...interval.range(new Date(first + 1), new Date(to)).map(Number)];
  edges.push(+interval.offset(new Date(edges[edges.length - 1]), 1));
  const outside = calendarBins(interval);
  const last = edges.length - 1;
  return (ms) => {
    if (!(ms >= edges[0] && ms < edges[last])) return outside(ms);
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] <= ms) lo = mid;
      else hi = mid;
    }
    return edges[lo];
  };
}

// events: [{index, span: [start, end), headline}]; x: ms → px (a d3 time scale); width in px;
// lanes: how many rows fit. Returns {interval, marks, clusters, overflow}.
//   marks: {event, kind: 'point'|'bar', x, x2, lane, labelWidth}
//   clusters: {start, end, x, x2, count, events} for bins too dense to draw mark by mark
//   overflow: {start, end, x, x2, count, events} for the few that found no free lane
export function layoutEvents(events, x, { width, lanes, charWidth = 6.4 }) {
  const [d0, d1] = x.domain().map(Number);
  const msPerPixel = (d1 - d0) / Math.max(1, width);
  const interval = binInterval(msPerPixel);
  const bins = new Map();
  const binStart = binsWithin(interval, d0, d1);
  const binOf = (ms) => {
    const start = binStart(ms);
    let bin = bins.get(start);
    if (!bin) {
      const end = +interval.offset(new Date(start), 1);
      bin = { start, end, x: x(start), x2: x(end), items: [] };
      bins.set(start, bin);
    }
    return bin;
  };

  for (const event of events) {
    const [start, end] = event.span;
    if (end <= d0 || start >= d1) continue;
    const x1 = x(start);
    const x2 = x(end);
    const kind = x2 - x1 >= BAR_MIN_PX ? 'bar' : 'point';
    const at = kind === 'bar' ? x1 : (x1 + x2) / 2;
    // A period is binned where it starts, or at the left edge when it started off screen.
    binOf(kind === 'bar' ? Math.max(start, d0) : (start + end) / 2).items.push({ event, kind, x: at, x2: kind === 'bar' ? x2 : at });
  }

  const clusters = [];
  const candidates = [];
  for (const bin of bins.values()) {
    if (bin.items.length > lanes) clusters.push({ start: bin.start, end: bin.end, x: bin.x, x2: bin.x2, count: bin.items.length, events: bin.items.map((item) => item.event) });
    else candidates.push(...bin.items);
  }
  candidates.sort((a, b) => a.x - b.x || b.x2 - a.x2);

  // A lane is free for a labelled mark from labelEnd[l] on, and for a mark that cuts the label
  // before it short from markEnd[l] on. Labels are a luxury: marks come first.
  const labelEnd = new Array(lanes).fill(-Infinity);
  const markEnd = new Array(lanes).fill(-Infinity);
  const marks = [];
  const overflowBins = new Map();
  for (const item of candidates) {
    const left = item.kind === 'bar' ? item.x : item.x - DOT;
    const right = item.kind === 'bar' ? item.x2 : item.x + DOT;
    const wanted = Math.min(MAX_LABEL_PX, (item.event.headline?.length ?? 0) * charWidth);
    // Near the right edge a label goes to the left of its mark, where there is room.
    const flip = item.kind === 'point' && right + LABEL_GAP + Math.min(wanted, 2 * MIN_LABEL_PX) > width && item.x > width / 2;
    const flippedLeft = left - LABEL_GAP - wanted;
    let lane = flip ? labelEnd.findIndex((end) => end <= flippedLeft) : labelEnd.findIndex((end) => end <= left);
    const labelled = lane >= 0;
    if (lane < 0) lane = markEnd.findIndex((end) => end <= left);
    if (lane < 0) {
      const start = +interval.floor(new Date(x.invert(item.x)));
      const bin = overflowBins.get(start) ?? { start, end: +interval.offset(new Date(start), 1), events: [] };
      bin.events.push(item.event);
      overflowBins.set(start, bin);
      continue;
    }
    const insideBar = item.kind === 'bar' && item.x2 - item.x >= Math.min(wanted, MIN_LABEL_PX) + 2 * LABEL_GAP;
    const labelLeft = flip && labelled;
    marks.push({ event: item.event, kind: item.kind, x: item.x, x2: item.x2, lane, labelWidth: wanted, insideBar, labelLeft });
    markEnd[lane] = right + 2;
    labelEnd[lane] = insideBar || labelLeft ? right + 2 : right + LABEL_GAP + wanted;
  }

  // A count takes every lane of its bin: labels stop at the nearest count on their side.
  const walls = clusters.map((c) => [c.x, c.x2]).sort((a, b) => a[0] - b[0]);
  const wallAfter = (x) => walls.find(([start]) => start >= x)?.[0] ?? Infinity;
  const wallBefore = (x) => walls.reduce((at, [, end]) => (end <= x && end > at ? end : at), -Infinity);

  // Labels shrink to the room before the next mark in their lane; too small, they go.
  const byLane = new Map();
  for (const mark of marks) {
    if (!byLane.has(mark.lane)) byLane.set(mark.lane, []);
    byLane.get(mark.lane).push(mark);
  }
  for (const laneMarks of byLane.values()) {
    laneMarks.forEach((mark, i) => {
      const next = laneMarks[i + 1];
      if (mark.labelLeft) {
        const previous = laneMarks[i - 1];
        const end = mark.x - DOT - LABEL_GAP;
        const room = end - Math.max(previous ? (previous.kind === 'bar' ? previous.x2 : previous.x + DOT) + LABEL_GAP : 0, wallBefore(mark.x) + LABEL_GAP);
        mark.labelX = end;
        mark.labelWidth = Math.max(0, Math.min(mark.labelWidth, room));
      } else {
        const labelStart = mark.insideBar ? mark.x + LABEL_GAP : (mark.kind === 'bar' ? mark.x2 : mark.x + DOT) + LABEL_GAP;
        const limit = mark.insideBar ? Math.min(mark.x2, width) - LABEL_GAP
          : Math.min(next ? (next.kind === 'bar' ? next.x : next.x - DOT) - LABEL_GAP : Infinity, wallAfter(mark.x) - LABEL_GAP, width);
        mark.labelX = labelStart;
        mark.labelWidth = Math.max(0, Math.min(mark.insideBar ? Infinity : mark.labelWidth, limit - labelStart));
      }
      if (mark.labelWidth < MIN_LABEL_PX && !(mark.insideBar && mark.labelWidth >= 24)) mark.labelWidth = 0;
    });
  }

  const overflow = [...overflowBins.values()].map((bin) => ({ ...bin, x: x(bin.start), x2: x(bin.end), count: bin.events.length }));
  return { interval, marks, clusters, overflow };
}

// Shortens a text to about `width` px at `charWidth` px a character.
export function fitText(text, width, charWidth = 6.4) {
  const chars = Math.floor(width / charWidth);
  if (text.length <= chars) return text;
  return chars < 4 ? '' : `${text.slice(0, chars - 1).trimEnd()}…`;
}
