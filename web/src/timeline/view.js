// The timeline: a zoomable, pannable time axis (decades to hours) with every event of the
// current selection as a mark (points for dates, bars for periods, hollow for announced events),
// dense periods as counts, and below it an overview of the whole corpus whose brush sets the
// time window that filters the other views.
import { axisBottom } from 'd3-axis';
import { brushX } from 'd3-brush';
import { scaleUtc } from 'd3-scale';
import { select } from 'd3-selection';
import { utcDay, utcHour, utcMinute, utcMonth, utcYear } from 'd3-time';
import { zoom, zoomIdentity } from 'd3-zoom';
import { el, perFrame } from '../dom.js';
import { eventDateLine, eventTooltip } from '../event-summary.js';
import { t } from '../i18n.js';
import { formatDay, formatNumber, MONTH_FORMAT } from '../lib/format.js';
import { binsWithin, fitText, intervalAtLeast, layoutEvents } from './layout.js';

const LANE = 24;
const MARGIN = { top: 10, right: 16, bottom: 26, left: 16 };
const HOUR = 3600000;
const DAY = 24 * HOUR;

const tickFormats = {
  minute: { hour: '2-digit', minute: '2-digit' },
  hour: { hour: '2-digit', minute: '2-digit' },
  day: { day: 'numeric', month: 'short' },
  month: { month: 'short' },
  year: { year: 'numeric' },
};
const intlFormats = new Map();
function tickText(date) {
  const kind = utcMinute(date) < date ? 'minute' : utcHour(date) < date ? 'minute' : utcDay(date) < date ? 'hour'
    : utcMonth(date) < date ? 'day' : utcYear(date) < date ? 'month' : 'year';
  const key = kind === 'month' && date.getUTCMonth() === 0 ? 'year' : kind;
  if (!intlFormats.has(key)) intlFormats.set(key, new Intl.DateTimeFormat(document.documentElement.lang, { timeZone: 'UTC', ...tickFormats[key] }));
  return intlFormats.get(key).format(date);
}

function padded([start, end], fraction = 0.04) {
  const span = Math.max(DAY, end - start);
  return [start - span * fraction, end + span * fraction];
}

export function createTimeline({ container, svgElement, overviewElement, tooltip, controls }, { onSelectEvent, onWindow }) {
  const svg = select(svgElement);
  const background = svg.append('rect').attr('class', 'tl-bg');
  const grid = svg.append('g').attr('class', 'tl-grid');
  const shade = svg.append('g').attr('class', 'tl-shade');
  const clustersLayer = svg.append('g').attr('class', 'tl-clusters');
  const marksLayer = svg.append('g').attr('class', 'tl-marks');
  const overflowLayer = svg.append('g').attr('class', 'tl-overflow');
  const axisLayer = svg.append('g').attr('class', 'tl-axis');
  const emptyText = svg.append('text').attr('class', 'tl-empty');

  const overview = select(overviewElement);
  const histogram = overview.append('g').attr('class', 'ov-bars');
  const viewport = overview.append('rect').attr('class', 'ov-viewport');
  const overviewAxis = overview.append('g').attr('class', 'ov-axis');
  const brushLayer = overview.append('g').attr('class', 'ov-brush');

  let model = null;
  let events = [];
  let windowSpan = null;
  let selectedEvent = null;
  let width = 0;
  let height = 0;
  let baseX = scaleUtc();
  let x = baseX;
  let transform = zoomIdentity;
  let overviewX = scaleUtc();
  let layout = { marks: [], clusters: [], overflow: [] };
  let focusedEvent = null;

  const behaviour = zoom().on('zoom', (event) => {
    transform = event.transform;
    scheduleRender();
  });
  svg.call(behaviour).on('dblclick.zoom', null);

  const brush = brushX().on('end', ({ selection, sourceEvent }) => {
    if (!sourceEvent) return; // moved by the page itself
    if (!selection) return onWindow(null);
    const start = +utcDay.floor(overviewX.invert(selection[0]));
    const end = Math.max(start + DAY, +utcDay.ceil(overviewX.invert(selection[1])));
    onWindow([start, end]);
  });

  // The chart's size, read by measure() before the page draws anything, or by resize().
  let measured = null;
  function measure() {
    measured = [Math.max(200, container.clientWidth), Math.max(120, container.clientHeight), Math.max(200, overviewElement.parentElement.clientWidth)];
  }

  function resize() {
    if (!measured) measure();
    const [nextWidth, nextHeight, overviewWidth] = measured;
    measured = null;
    width = nextWidth;
    height = nextHeight;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    background.attr('width', width).attr('height', height);
    overview.attr('width', overviewWidth).attr('height', 44).attr('viewBox', `0 0 ${overviewWidth} 44`);
    overviewX.range([MARGIN.left, overviewWidth - MARGIN.right]);
    brush.extent([[MARGIN.left, 0], [overviewWidth - MARGIN.right, 30]]);
    brushLayer.call(brush);
    const domain = model?.extent ? padded(model.extent) : [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
    baseX = scaleUtc().domain(domain).range([MARGIN.left, width - MARGIN.right]);
    configureZoom();
    renderOverview();
    render();
  }

  function configureZoom() {
    const domain = baseX.domain().map(Number);
    const span = domain[1] - domain[0];
    const full = model?.fullExtent ? padded(model.fullExtent, 0.02) : domain;
    const fullSpan = Math.max(span, full[1] - full[0]);
    behaviour
      .extent([[0, 0], [width, height]])
      .scaleExtent([Math.min(1, span / fullSpan), Math.max(2, span / (6 * HOUR))])
      .translateExtent([[baseX(full[0]) - 20, 0], [baseX(full[1]) + 20, height]]);
  }

  const scheduleRender = perFrame(() => render());

  function lanes() {
    return Math.max(2, Math.floor((height - MARGIN.top - MARGIN.bottom - 6) / LANE));
  }

  function render() {
    if (!width) return;
    x = transform.rescaleX(baseX);
    const top = MARGIN.top;
    const bottom = height - MARGIN.bottom;
    const ticks = x.ticks(Math.max(2, Math.floor(width / 110)));
    axisLayer.attr('transform', `translate(0,${bottom})`).call(axisBottom(x).tickValues(ticks).tickFormat(tickText).tickSizeOuter(0));
    grid.selectAll('line').data(ticks, Number).join('line')
      .attr('x1', (d) => x(d)).attr('x2', (d) => x(d)).attr('y1', top).attr('y2', bottom);

    const shades = windowSpan ? [[x.range()[0] - 1e5, x(windowSpan[0])], [x(windowSpan[1]), x.range()[1] + 1e5]] : [];
    shade.selectAll('rect').data(shades).join('rect')
      .attr('x', (d) => Math.max(-10, d[0])).attr('width', (d) => Math.max(0, Math.min(width + 10, d[1]) - Math.max(-10, d[0])))
      .attr('y', top).attr('height', bottom - top);

    layout = layoutEvents(events, x, { width, lanes: lanes() });
    const laneY = (lane) => top + lane * LANE + LANE / 2;
    const outside = (event) => windowSpan && (event.span[1] <= windowSpan[0] || event.span[0] >= windowSpan[1]);

    marksLayer.selectAll('g.tl-mark').data(layout.marks, (d) => d.event.index).join((enter) => {
      const g = enter.append('g').attr('class', 'tl-mark').attr('tabindex', -1).attr('role', 'button');
      g.append('rect').attr('class', 'tl-bar');
      g.append('circle').attr('class', 'tl-dot');
      g.append('text').attr('class', 'tl-label');
      g.on('click', (event, d) => onSelectEvent(d.event.index, { from: 'timeline' }))
        .on('keydown', (event, d) => markKeydown(event, d))
        .on('mouseenter focus', (event, d) => showTooltip(d.event, event.currentTarget))
        .on('mouseleave blur', hideTooltip)
        .on('focus.track', (event, d) => { focusedEvent = d.event.index; });
      return g;
    })
      .attr('class', (d) => ['tl-mark', `is-${d.kind}`, d.event.status === 'announced' ? 'is-announced' : '',
        d.event.background ? 'is-background' : '', d.event.index === selectedEvent ? 'is-selected' : '', outside(d.event) ? 'is-outside' : '',
        d.event.categories.some((c) => c === 'armed-clash' || c === 'casualties') ? 'is-violent' : ''].filter(Boolean).join(' '))
      .attr('aria-label', (d) => `${eventDateLine(d.event)}: ${d.event.headline}`)
      .each(function draw(d) {
        const g = select(this);
        const y = laneY(d.lane);
        const radius = 4 + Math.min(3, d.event.docs.length - 1);
        g.select('circle').attr('display', d.kind === 'point' ? null : 'none').attr('cx', d.x).attr('cy', y).attr('r', radius);
        g.select('rect').attr('display', d.kind === 'bar' ? null : 'none').attr('x', d.x).attr('y', y - 7)
          .attr('width', Math.max(2, d.x2 - d.x)).attr('height', 14).attr('rx', 4);
        g.select('text').attr('x', d.labelX).attr('y', y + 4).attr('text-anchor', d.labelLeft ? 'end' : null).text(d.labelWidth ? fitText(d.event.headline, d.labelWidth) : '');
      });

    const densest = Math.max(1, ...layout.clusters.map((c) => c.count));
    clustersLayer.selectAll('g.tl-cluster').data(layout.clusters, (d) => d.start).join((enter) => {
      const g = enter.append('g').attr('class', 'tl-cluster').attr('tabindex', -1).attr('role', 'button');
      g.append('rect');
      g.append('text');
      g.on('click', (event, d) => zoomTo([d.start, d.end]))
        .on('keydown', (event, d) => markKeydown(event, d));
      return g;
    })
      .attr('aria-label', (d) => t('clusterLabel', { n: d.count, period: periodName(d) }))
      .each(function draw(d) {
        // A column whose height and shade grow with the number of events it stands for.
        const g = select(this);
        const share = Math.sqrt(d.count / densest);
        const barHeight = Math.max(22, (bottom - top - 2) * share);
        g.select('rect').attr('x', d.x + 1).attr('width', Math.max(3, d.x2 - d.x - 2)).attr('y', bottom - 1 - barHeight).attr('height', barHeight)
          .attr('rx', 4).style('fill-opacity', 0.18 + share * 0.5);
        g.select('text').attr('x', (d.x + d.x2) / 2).attr('y', bottom - barHeight + 14)
          .text(d.x2 - d.x > 22 ? formatNumber(d.count) : '');
      });

    overflowLayer.selectAll('g.tl-more').data(layout.overflow, (d) => d.start).join((enter) => {
      const g = enter.append('g').attr('class', 'tl-more').attr('role', 'button').attr('tabindex', -1);
      g.append('rect');
      g.append('text');
      g.on('click', (event, d) => zoomTo([d.start, d.end]))
        .on('keydown', (event, d) => markKeydown(event, d));
      return g;
    })
      .attr('aria-label', (d) => t('moreLabel', { n: d.count, period: periodName(d) }))
      .each(function draw(d) {
        const g = select(this);
        const cx = Math.max(14, (d.x + d.x2) / 2);
        g.select('rect').attr('x', cx - 14).attr('y', bottom - 18).attr('width', 28).attr('height', 15).attr('rx', 7);
        g.select('text').attr('x', cx).attr('y', bottom - 7).text(`+${d.count}`);
      });

    emptyText.attr('x', width / 2).attr('y', height / 2).text(events.length ? '' : t(model ? 'timelineEmpty' : 'timelineNoData'));
    const [d0, d1] = x.domain();
    viewport.attr('x', overviewX(d0)).attr('width', Math.max(2, overviewX(d1) - overviewX(d0))).attr('y', 0).attr('height', 30);
    svgElement.setAttribute('aria-description', t('timelineRange', { from: formatDay(+d0), to: formatDay(+d1), n: formatNumber(layout.marks.length) }));
  }

  function periodName(d) {
    const span = d.end - d.start;
    if (span >= 360 * DAY) return formatDay(d.start, { year: 'numeric' });
    if (span >= 28 * DAY) return formatDay(d.start, MONTH_FORMAT);
    return formatDay(d.start);
  }

  function renderOverview() {
    const domain = model?.extent ? padded(model.extent) : [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
    overviewX.domain(domain);
    const [start, end] = domain;
    const interval = intervalAtLeast((end - start) / 100);
    const counts = new Map();
    const binOf = binsWithin(interval, start, end);
    for (const event of events) {
      if (event.background) continue;
      const bin = binOf((event.span[0] + event.span[1]) / 2);
      counts.set(bin, (counts.get(bin) ?? 0) + 1);
    }
    const max = Math.max(1, ...counts.values());
    const bars = [...counts].filter(([bin]) => +interval.offset(new Date(bin), 1) > start && bin < end);
    histogram.selectAll('rect').data(bars, (d) => d[0]).join('rect')
      .attr('x', (d) => overviewX(d[0]))
      .attr('width', (d) => Math.max(1.5, overviewX(+interval.offset(new Date(d[0]), 1)) - overviewX(d[0]) - 1))
      .attr('y', (d) => 30 - Math.max(2, (d[1] / max) * 28))
      .attr('height', (d) => Math.max(2, (d[1] / max) * 28));
    overviewAxis.attr('transform', 'translate(0,30)')
      .call(axisBottom(overviewX).ticks(Math.max(2, Math.floor(overviewX.range()[1] / 130))).tickFormat(tickText).tickSizeOuter(0).tickSize(3));
    moveBrush();
  }

  function moveBrush() {
    brushLayer.call(brush.move, windowSpan ? [overviewX(windowSpan[0]), overviewX(windowSpan[1])] : null);
  }

  function showTooltip(event, target) {
    if (!model) return;
    tooltip.replaceChildren(...eventTooltip(event, model).filter(Boolean));
    tooltip.hidden = false;
    const box = target.getBoundingClientRect();
    const frame = container.getBoundingClientRect();
    const left = Math.min(frame.width - tooltip.offsetWidth - 4, Math.max(4, box.left - frame.left - 12));
    const below = box.bottom - frame.top + 8;
    const top = below + tooltip.offsetHeight > frame.height ? box.top - frame.top - tooltip.offsetHeight - 8 : below;
    tooltip.style.transform = `translate(${Math.round(left)}px, ${Math.round(Math.max(0, top))}px)`;
  }

  function hideTooltip() {
    tooltip.hidden = true;
  }

  // Keyboard: the chart is one tab stop. Arrows pan, + and - zoom, 0 fits; Enter steps into the
  // marks, where arrows move between them, Enter opens one and Escape steps back out.
  function focusables() {
    return [...svgElement.querySelectorAll('.tl-mark, .tl-cluster, .tl-more')]
      .sort((a, b) => a.getBBox().x - b.getBBox().x);
  }

  svgElement.addEventListener('keydown', (event) => {
    if (event.target !== svgElement) return;
    const step = (x.range()[1] - x.range()[0]) * 0.15;
    const actions = {
      ArrowLeft: () => svg.call(behaviour.translateBy, step / transform.k, 0),
      ArrowRight: () => svg.call(behaviour.translateBy, -step / transform.k, 0),
      '+': () => svg.call(behaviour.scaleBy, 1.6),
      '=': () => svg.call(behaviour.scaleBy, 1.6),
      '-': () => svg.call(behaviour.scaleBy, 1 / 1.6),
      0: () => fit(),
      Home: () => fit(),
      Enter: () => focusables()[0]?.focus(),
    };
    if (actions[event.key]) {
      event.preventDefault();
      actions[event.key]();
    }
  });

  function markKeydown(event, d) {
    const items = focusables();
    const at = items.indexOf(event.currentTarget);
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') items[Math.min(items.length - 1, at + 1)]?.focus();
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') items[Math.max(0, at - 1)]?.focus();
    else if (event.key === 'Escape') svgElement.focus();
    else if (event.key === 'Enter' || event.key === ' ') {
      if (d.event) onSelectEvent(d.event.index, { from: 'timeline' });
      else zoomTo([d.start, d.end]);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }

  function zoomTo([start, end]) {
    const left = MARGIN.left + 24;
    const right = width - MARGIN.right - 24;
    const span = Math.max(end - start, 6 * HOUR);
    const middle = (start + end) / 2;
    const a = baseX(middle - span / 2);
    const b = baseX(middle + span / 2);
    const k = (right - left) / Math.max(1e-9, b - a);
    svg.call(behaviour.transform, zoomIdentity.translate(left - k * a, 0).scale(k));
  }

  function fit() {
    svg.call(behaviour.transform, zoomIdentity);
  }

  controls.zoomIn.addEventListener('click', () => svg.call(behaviour.scaleBy, 1.6));
  controls.zoomOut.addEventListener('click', () => svg.call(behaviour.scaleBy, 1 / 1.6));
  controls.fit.addEventListener('click', fit);
  controls.zoomWindow.addEventListener('click', () => windowSpan && zoomTo(windowSpan));

  // Drawn again when the chart's size changes, not when it is first laid out at the size the
  // drawing already read (a second full drawing, and a forced layout, right after the first).
  const resizeLater = perFrame(resize);
  new ResizeObserver(([entry]) => {
    const box = entry.contentBoxSize?.[0];
    const next = box ? [box.inlineSize, box.blockSize] : [entry.contentRect.width, entry.contentRect.height];
    if (!width || Math.max(200, Math.round(next[0])) !== width || Math.max(120, Math.round(next[1])) !== height) resizeLater();
  }).observe(container);

  return {
    // A new analysis: its events come with the next update(), which draws.
    setModel(next) {
      const first = !model;
      model = next;
      events = [];
      width = 0;
      if (first) transform = zoomIdentity;
    },
    // Reads the chart's size for the next drawing (see VirtualList.measure).
    measure,
    // The events of the current selection and the time window, drawn once for both.
    update(next, span) {
      events = next;
      windowSpan = span;
      controls.zoomWindow.disabled = !span;
      if (!width || measured) return resize();
      renderOverview();
      render();
    },
    setSelectedEvent(index) {
      if (index === selectedEvent) return;
      selectedEvent = index;
      render();
    },
    // Brings an event into view, zooming in as far as its own span when it is not drawn.
    reveal(event) {
      const [d0, d1] = x.domain().map(Number);
      const drawn = layout.marks.some((mark) => mark.event.index === event.index);
      if (!drawn || event.span[1] < d0 || event.span[0] > d1) {
        const span = event.span[1] - event.span[0];
        zoomTo([event.span[0] - span * 3, event.span[1] + span * 3]);
      }
    },
    zoomTo,
    fit,
    get focusedEvent() { return focusedEvent; },
    get visibleMarks() { return layout.marks.length; },
  };
}
