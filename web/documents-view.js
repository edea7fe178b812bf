// The document list and the reader. Article text is only ever inserted as text nodes, never as
// HTML: it comes from files the user did not write.
import { t, languageName, locale } from './i18n.js';

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

export function formatDate(date) {
  return date.value ?? t('noDate');
}

const number = new Intl.NumberFormat(locale);

export function renderDocuments(tbody, documents, onSelect) {
  tbody.replaceChildren();
  for (const doc of documents) {
    const row = tbody.insertRow();
    row.tabIndex = 0;
    row.dataset.id = doc.id;
    cell(row, doc.title || doc.name, 'title');
    cell(row, doc.name, 'file');
    const date = cell(row, formatDate(doc.date), 'date');
    date.title = t(`dateSource_${doc.date.source}`);
    cell(row, languageName(doc.lang), 'lang');
    cell(row, number.format(doc.sentences.length), 'number');
    cell(row, number.format(doc.token_count), 'number');
    const select = () => onSelect(doc);
    row.addEventListener('click', select);
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select();
      }
    });
  }
}

export function renderReader({ section, title, meta, warnings, body }, doc) {
  section.hidden = false;
  title.textContent = doc.title || doc.name;
  meta.textContent = t('readerMeta', {
    name: doc.name,
    date: `${formatDate(doc.date)} (${t(`dateSource_${doc.date.source}`)})`,
    lang: languageName(doc.lang),
    sentences: number.format(doc.sentences.length),
  });
  warnings.replaceChildren(...doc.warnings.map((warning) => Object.assign(document.createElement('li'), { textContent: warning })));
  body.lang = doc.lang === 'und' ? '' : doc.lang;
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of doc.sentences) {
    if (start > at) fragment.append(doc.text.slice(at, start));
    const sentence = document.createElement('span');
    sentence.className = 'sentence';
    sentence.textContent = doc.text.slice(start, end);
    fragment.append(sentence);
    at = end;
  }
  if (at < doc.text.length) fragment.append(doc.text.slice(at));
  body.replaceChildren(fragment);
}
