// The map: every place with coordinates on an offline world map (Natural Earth's countries at
// 1:110m, from the world-atlas package, drawn with d3-geo), sized by its mentions under the current
// filter. Clicking a place selects it like any entity. Loaded on first use: the rest of the page
// does not wait for the map's data.
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { el, perFrame } from './dom.js';
import { countOf } from './filters.js';
import { t } from './i18n.js';
import { formatNumber } from './lib/format.js';

const countries = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
const LABELS = 14;
const MAX_PLACES = 400;

export function createMap({ container, svgElement, list, zoomIn, zoomOut, reset }, { onToggle }) {
  const svg = select(svgElement);
  const layer = svg.append('g');
  const sphere = layer.append('path').attr('class', 'map-sphere');
  const graticule = layer.append('path').attr('class', 'map-graticule');
  const land = layer.append('path').attr('class', 'map-land');
  const border = layer.append('path').attr('class', 'map-borders');
  const dots = layer.append('g').attr('class', 'map-places');
  const labels = layer.append('g').attr('class', 'map-labels');
  const projection = geoNaturalEarth1();
  const path = geoPath(projection);
  let places = [];
  let selected = new Set();
  let k = 1;

  const redraw = perFrame(() => drawPlaces());
  const behaviour = zoom().scaleExtent([1, 16]).on('zoom', ({ transform }) => {
    k = transform.k;
    layer.attr('transform', transform);
    redraw();
  });
  svg.call(behaviour);
  zoomIn.addEventListener('click', () => svg.call(behaviour.scaleBy, 1.8));
  zoomOut.addEventListener('click', () => svg.call(behaviour.scaleBy, 1 / 1.8));
  reset.addEventListener('click', () => fitToPlaces());
  let width = 0;
  let height = 0;
  let fitted = false;

  // Frames the places named (most news is about one region), or the world when there are none.
  function fitToPlaces() {
    const points = places.slice(0, 40).map((place) => projection([place.entity.lon, place.entity.lat])).filter(Boolean);
    if (!points.length || !width) return svg.call(behaviour.transform, zoomIdentity);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.max(1, Math.min(8, 0.7 / Math.max((x1 - x0 + 1) / width, (y1 - y0 + 1) / height)));
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    svg.call(behaviour.transform, zoomIdentity.translate(width / 2 - k * cx, height / 2 - k * cy).scale(k));
  }

  function resize() {
    width = Math.max(200, container.clientWidth);
    height = Math.max(150, container.clientHeight);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    projection.fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
    behaviour.extent([[0, 0], [width, height]]).translateExtent([[0, 0], [width, height]]);
    sphere.attr('d', path({ type: 'Sphere' }));
    graticule.attr('d', path(geoGraticule10()));
    land.attr('d', path(countries));
    border.attr('d', path(borders));
    drawPlaces();
    if (!fitted && places.length && container.clientWidth) {
      fitted = true;
      fitToPlaces();
    }
  }

  function drawPlaces() {
    // The most mentioned places; the rest would be specks under them.
    const drawn = places.slice(0, MAX_PLACES);
    for (const place of drawn) place.xy = projection([place.entity.lon, place.entity.lat]);
    const max = Math.max(1, ...drawn.map((p) => p.count));
    const radius = (count) => (3 + 19 * Math.sqrt(count / max)) / Math.sqrt(k);
    dots.selectAll('circle').data(drawn, (d) => d.entity.index).join('circle')
      .attr('cx', (d) => d.xy[0]).attr('cy', (d) => d.xy[1]).attr('r', (d) => radius(d.count))
      .attr('stroke-width', 1.2 / k)
      .attr('class', (d) => `map-place place-${d.entity.place ?? 'other'}${selected.has(d.entity.index) ? ' is-selected' : ''}`)
      .on('click', (event, d) => onToggle(d.entity.index, { activate: true }))
      .selectAll('title').data((d) => [d]).join('title').text((d) => `${d.entity.name}: ${t('mentionsShort', { n: d.count })}`);
    // Labels for the most mentioned places, skipping any that would overlap one already placed.
    const placed = [];
    const labelled = [];
    for (const place of drawn) {
      if (labelled.length >= LABELS) break;
      const r = radius(place.count);
      const box = [place.xy[0] + r + 3 / k, place.xy[1] - 8 / k, place.xy[0] + r + 3 / k + (place.entity.name.length * 7) / k, place.xy[1] + 6 / k];
      if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      placed.push(box);
      labelled.push({ place, x: box[0], y: place.xy[1] + 4 / k });
    }
    labels.selectAll('text').data(labelled, (d) => d.place.entity.index).join('text')
      .attr('x', (d) => d.x).attr('y', (d) => d.y)
      .style('font-size', `${12 / k}px`).style('stroke-width', `${3 / k}px`)
      .text((d) => d.place.entity.name);
  }

  new ResizeObserver(perFrame(resize)).observe(container);

  return {
    update(model, filter, nextSelected) {
      selected = nextSelected;
      places = model.entities
        .filter((entity) => entity.lat !== null && entity.lon !== null)
        .map((entity) => ({ entity, count: countOf(filter, entity), xy: null }))
        .filter((place) => place.count > 0)
        .sort((a, b) => b.count - a.count);
      // An accessible alternative to the picture: the places as a list of buttons.
      list.replaceChildren(...places.slice(0, 40).map(({ entity, count }) => el('li', {},
        el('button', {
          type: 'button', className: `chip type-LOC${selected.has(entity.index) ? ' is-selected' : ''}`,
          attrs: { 'aria-pressed': String(selected.has(entity.index)) },
          on: { click: () => onToggle(entity.index, { activate: true }) },
        }, entity.name, el('span', { className: 'count', text: formatNumber(count) })))));
      if (!places.length) list.append(el('li', { className: 'muted', text: t('mapNone') }));
      drawPlaces();
      if (!fitted && places.length && width && container.clientWidth) {
        fitted = true;
        fitToPlaces();
      }
    },
    resize,
    get count() { return places.length; },
  };
}
