// What one event says, as DOM: headline, date at its precision, status, sources, figures and
// participants. Shared by the timeline's tooltip and the reader's event card.
import { el } from './dom.js';
import { t } from './i18n.js';
import { formatDuration, formatEventDate, precisionName } from './lib/format.js';

export function eventDateLine(event) {
  const parts = [formatEventDate(event.date), precisionName(event.date.precision)];
  return parts.join(' · ');
}

export function statusBadges(event) {
  return [
    event.status === 'announced' ? el('span', { className: 'badge badge-announced', text: t('announced') }) : null,
    event.background ? el('span', { className: 'badge badge-background', text: t('background') }) : null,
    event.duration ? el('span', { className: 'badge badge-duration', text: t('lasting', { duration: formatDuration(event.duration) }) }) : null,
  ];
}

export function figureChips(event) {
  return event.figures.map((figure) => el('span', {
    className: `figure figure-${figure.kind}`,
    text: figure.text,
    title: t(`figure_${figure.kind}`),
  }));
}

export function sourcesText(event) {
  return t('sources', { n: event.docs.length });
}

// A compact summary: for the tooltip.
export function eventTooltip(event, model) {
  const who = event.participants.slice(0, 6).map((i) => model.entities[i]?.name).filter(Boolean);
  const more = event.participants.length - who.length;
  return [
    el('p', { className: 'tip-date', text: eventDateLine(event) }, ' ', statusBadges(event)),
    el('p', { className: 'tip-headline', text: event.headline }),
    event.figures.length ? el('p', { className: 'tip-figures' }, figureChips(event)) : null,
    who.length ? el('p', { className: 'tip-who', text: who.join(', ') + (more > 0 ? ` ${t('andMore', { n: more })}` : '') }) : null,
    el('p', { className: 'tip-sources', text: sourcesText(event) }),
  ];
}
