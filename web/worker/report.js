// The self-contained HTML report: one file with no scripts and nothing to load, that opens offline
// and can be mailed or archived. Everything from the articles is escaped; the file's own
// Content-Security-Policy forbids scripts and every load anyway.
import { t, locale } from '../src/i18n.js';
import { annotateRuns } from '../src/lib/annotate.js';
import { DAY, eventSpan, isoSpan } from '../src/lib/dates.js';
import { escapeHtml as h } from '../src/lib/escape.js';
import { formatDay, formatDocumentDate, formatEventDate, formatNumber, formatTimexValue, MONTH_FORMAT, SHORT_DAY_FORMAT } from '../src/lib/format.js';

const STYLE = `
:root{--ink:#1a2230;--muted:#5d6878;--line:#dde1e7;--paper:#fbfaf7;--accent:#14365d;--per:#b4236b;--loc:#0f7a55;--org:#2f5fb3;--time:#a15c00}
*{box-sizing:border-box}body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{background:var(--accent);color:#fff;padding:1.5rem 2rem}header h1{margin:0;font:700 2rem/1.2 Georgia,"Times New Roman",serif}
header p{margin:.3rem 0 0;opacity:.85}main{max-width:68rem;margin:0 auto;padding:1rem 2rem 4rem}
h2{font:700 1.4rem Georgia,"Times New Roman",serif;border-bottom:2px solid var(--accent);padding-bottom:.3rem;margin-top:2.5rem}
h3{font-size:1rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;margin:1.5rem 0 .5rem}
.stats{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.stats div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem 1rem}
.stats b{display:block;font-size:1.5rem}svg.hist{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px}
svg.hist rect{fill:var(--accent)}svg.hist text{font-size:11px;fill:var(--muted)}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid var(--line)}
th{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}td.date{white-space:nowrap;font-variant-numeric:tabular-nums;width:11rem}
td.n{text-align:right;font-variant-numeric:tabular-nums}.badge{display:inline-block;font-size:.75rem;border:1px dashed var(--accent);border-radius:99px;padding:0 .45rem;margin-left:.3rem;color:var(--accent)}
.fig{display:inline-block;background:#fff3e0;border-radius:4px;padding:0 .35rem;margin:.1rem .2rem 0 0;font-size:.85rem}.who{color:var(--muted);font-size:.85rem}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}.cols ol{margin:0;padding-left:1.4rem}.cols li{margin:.15rem 0}
.aka{color:var(--muted);font-size:.85rem}article{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.5rem;margin:1rem 0}
article h3{color:var(--ink);text-transform:none;letter-spacing:0;font:700 1.15rem Georgia,serif;margin:0}.meta{color:var(--muted);font-size:.85rem;margin:.2rem 0 .8rem}
.text{white-space:pre-wrap;max-width:46rem}.PER{color:var(--per);font-weight:600}.LOC{color:var(--loc);font-weight:600}.ORG{color:var(--org);font-weight:600}
.timex{text-decoration:underline dotted var(--time) 2px;text-underline-offset:3px}.legend span{margin-right:1rem}
@media print{header{background:none;color:var(--ink)}article{break-inside:avoid}}`;

function histogram(events, extent) {
  if (!extent) return '';
  const bins = 60;
  const width = 960;
  const height = 120;
  const counts = new Array(bins).fill(0);
  const span = Math.max(DAY, extent[1] - extent[0]);
  for (const event of events) {
    const [start] = eventSpan(event.date) ?? [];
    if (start === undefined || start < extent[0] || start >= extent[1]) continue;
    counts[Math.min(bins - 1, Math.floor(((start - extent[0]) / span) * bins))]++;
  }
  const max = Math.max(1, ...counts);
  const bars = counts.map((count, i) => {
    const barHeight = (count / max) * (height - 30);
    return count ? `<rect x="${(i * width) / bins + 1}" y="${height - 20 - barHeight}" width="${width / bins - 2}" height="${barHeight}"><title>${count}</title></rect>` : '';
  }).join('');
  const format = extent[1] - extent[0] > 400 * DAY ? MONTH_FORMAT : SHORT_DAY_FORMAT;
  const label = (ms, x, anchor) => `<text x="${x}" y="${height - 5}" text-anchor="${anchor}">${h(formatDay(ms, format))}</text>`;
  return `<svg class="hist" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(t('reportHistogram'))}">${bars}` +
    `${label(extent[0], 2, 'start')}${label((extent[0] + extent[1]) / 2, width / 2, 'middle')}${label(extent[1] - DAY, width - 2, 'end')}</svg>`;
}

function annotatedText(doc, entities) {
  const annotations = [
    ...doc.mentions.filter((m) => m.entity).map((m) => ({ kind: 'mention', start: m.start, end: m.end, mention: m })),
    ...doc.timexes.map((x) => ({ kind: 'timex', start: x.start, end: x.end, timex: x })),
  ];
  return annotateRuns(doc.text.length, annotations).map(({ start, end, marks }) => {
    let html = h(doc.text.slice(start, end));
    if (marks?.timex) html = `<span class="timex" title="${h(formatTimexValue(marks.timex.timex))}">${html}</span>`;
    if (marks?.mention) {
      const entity = entities.get(marks.mention.mention.entity);
      html = `<span class="${entity?.type ?? marks.mention.mention.type}" title="${h(entity?.name ?? '')}">${html}</span>`;
    }
    return html;
  }).join('');
}

export function reportHtml(result, { title = t('reportTitle'), extent = null } = {}) {
  const entities = new Map(result.entities.map((e) => [e.id, e]));
  const documents = new Map(result.documents.map((d) => [d.id, d]));
  const name = (id) => entities.get(id)?.name;
  const events = result.events.filter((event) => isoSpan(event.date.start));
  const foreground = events.filter((event) => !event.background);
  const starts = foreground.map((event) => eventSpan(event.date));
  const range = extent ?? (starts.length ? [Math.min(...starts.map((s) => s[0])), Math.max(...starts.map((s) => s[1]))] : null);

  let lastMonth = '';
  const eventRows = events.map((v) => {
    const month = v.date.start.slice(0, 7);
    let heading = '';
    if (month !== lastMonth && !v.background) {
      lastMonth = month;
      heading = `<tr><th colspan="4">${h(formatDay(isoSpan(month)[0], MONTH_FORMAT))}</th></tr>`;
    }
    const docs = [...new Set(v.sources.map((s) => s.document))];
    const who = [...new Set([...v.entities, ...v.places].map(name).filter(Boolean))];
    const badges = (v.status === 'announced' ? `<span class="badge">${h(t('announced'))}</span>` : '') +
      (v.background ? `<span class="badge">${h(t('background'))}</span>` : '');
    return `${heading}<tr><td class="date">${h(formatEventDate(v.date))}</td><td><b>${h(v.headline)}</b>${badges}` +
      `${v.figures.length ? `<br>${v.figures.map((f) => `<span class="fig">${h(f.text)}</span>`).join('')}` : ''}` +
      `${who.length ? `<br><span class="who">${h(who.join(', '))}</span>` : ''}</td>` +
      `<td class="n">${formatNumber(docs.length)}</td><td class="who">${docs.map((id) => h(documents.get(id)?.title ?? id)).join('<br>')}</td></tr>`;
  }).join('');

  const entityColumns = ['PER', 'ORG', 'LOC'].map((type) => {
    const list = result.entities.filter((e) => e.type === type).sort((a, b) => b.mentions + b.related - (a.mentions + a.related));
    const items = list.map((e) => {
      const others = e.aliases.filter((alias) => alias !== e.name);
      return `<li><span class="${type}">${h(e.name)}</span> · ${formatNumber(e.mentions + e.related)}` +
        `${others.length ? `<br><span class="aka">${h(others.join(', '))}</span>` : ''}</li>`;
    }).join('');
    return `<section><h3>${h(t(`type_${type}_plural`))} (${formatNumber(list.length)})</h3><ol>${items}</ol></section>`;
  }).join('');

  const articles = result.documents.map((doc) => `<article id="${h(doc.id)}"><h3>${h(doc.title || doc.name)}</h3>` +
    `<p class="meta">${h(doc.name)} · ${h(formatDocumentDate(doc.date))}</p>` +
    `<div class="text" lang="${doc.lang === 'und' ? '' : h(doc.lang)}">${annotatedText(doc, entities)}</div></article>`).join('');

  const generated = formatDay(Date.now());
  const span = range ? `${formatDay(range[0])} – ${formatDay(range[1] - DAY)}` : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${h(title)}</h1><p>${h(t('reportGenerated', { date: generated }))}${span ? ` · ${h(span)}` : ''}</p></header>
<main>
<div class="stats">
<div><b>${formatNumber(result.documents.length)}</b>${h(t('statArticles'))}</div>
<div><b>${formatNumber(result.events.length)}</b>${h(t('statEvents'))}</div>
<div><b>${formatNumber(result.entities.length)}</b>${h(t('statEntities'))}</div>
</div>
${histogram(foreground, range)}
<h2>${h(t('reportTimeline'))}</h2>
<table><thead><tr><th>${h(t('colDate'))}</th><th>${h(t('colEvent'))}</th><th>${h(t('colSources'))}</th><th>${h(t('colArticles'))}</th></tr></thead>
<tbody>${eventRows}</tbody></table>
<h2>${h(t('reportEntities'))}</h2>
<div class="cols">${entityColumns}</div>
<h2>${h(t('reportArticles'))}</h2>
<p class="legend"><span class="PER">${h(t('type_PER'))}</span><span class="ORG">${h(t('type_ORG'))}</span><span class="LOC">${h(t('type_LOC'))}</span><span class="timex">${h(t('legendTime'))}</span></p>
${articles}
</main>
</body>
</html>
`;
}
