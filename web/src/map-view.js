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
const LABELS = 10;

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

  const behaviour = zoom().scaleExtent([1, 16]).on('zoom', ({ transform }) => {
    k = transform.k;
    layer.attr('transform', transform);
    drawPlaces();
  });
  svg.call(behaviour);
  zoomIn.addEventListener('click', () => svg.call(behaviour.scaleBy, 1.8));
  zoomOut.addEventListener('click', () => svg.call(behaviour.scaleBy, 1 / 1.8));
  reset.addEventListener('click', () => svg.call(behaviour.transform, zoomIdentity));

  function resize() {
    const width = Math.max(200, container.clientWidth);
    const height = Math.max(150, container.clientHeight);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    projection.fitExtent([[8, 8], [width - 8, height - 8]], { type: 'Sphere' });
    behaviour.extent([[0, 0], [width, height]]).translateExtent([[0, 0], [width, height]]);
    sphere.attr('d', path({ type: 'Sphere' }));
    graticule.attr('d', path(geoGraticule10()));
    land.attr('d', path(countries));
    border.attr('d', path(borders));
    drawPlaces();
  }

  function drawPlaces() {
    for (const place of places) place.xy = projection([place.entity.lon, place.entity.lat]);
    const max = Math.max(1, ...places.map((p) => p.count));
    const radius = (count) => (3 + 19 * Math.sqrt(count / max)) / Math.sqrt(k);
    dots.selectAll('circle').data(places, (d) => d.entity.index).join('circle')
      .attr('cx', (d) => d.xy[0]).attr('cy', (d) => d.xy[1]).attr('r', (d) => radius(d.count))
      .attr('stroke-width', 1.2 / k)
      .attr('class', (d) => `map-place place-${d.entity.place ?? 'other'}${selected.has(d.entity.index) ? ' is-selected' : ''}`)
      .on('click', (event, d) => onToggle(d.entity.index, { activate: true }))
      .selectAll('title').data((d) => [d]).join('title').text((d) => `${d.entity.name}: ${t('mentionsShort', { n: d.count })}`);
    labels.selectAll('text').data(places.slice(0, LABELS), (d) => d.entity.index).join('text')
      .attr('x', (d) => d.xy[0] + radius(d.count) + 3 / k).attr('y', (d) => d.xy[1] + 4 / k)
      .style('font-size', `${12 / k}px`).style('stroke-width', `${3 / k}px`)
      .text((d) => d.entity.name);
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
    },
    resize,
    get count() { return places.length; },
  };
}
