// Interface strings in Italian and English, chosen from the browser's languages.
const STRINGS = {
  en: {
    tagline: 'What happened when, and who was involved: a timeline and one clean list of names from your news articles.',
    privacy: 'Everything runs in this browser: your files never leave your computer.',
    engineLoading: 'Loading the analysis engine…',
    engineReady: 'Ready',
    engineFailed: 'The analysis engine could not start: {message}',
    inputTitle: 'Articles',
    dropHint: 'Drop articles (.txt, .md, .html) or a folder here, or choose them:',
    pickFiles: 'Choose files',
    pickFolder: 'Choose a folder',
    pasteTitle: 'Paste text',
    pasteLabel: 'Article text',
    pasteGo: 'Analyse the pasted text',
    pastedName: 'pasted-{n}.txt',
    reading: 'Reading {n} files…',
    analysing: 'Analysing {done} of {total}: {name}',
    analysed: '{documents} documents analysed in {ms} ms',
    documentsTitle: 'Documents',
    exportJson: 'Download JSON',
    clear: 'Clear',
    colTitle: 'Title',
    colFile: 'File',
    colDate: 'Date',
    colLang: 'Language',
    colSentences: 'Sentences',
    colWords: 'Words',
    noDate: 'no date',
    dateSource_header: 'from the date line',
    dateSource_metadata: 'from the page metadata',
    dateSource_argument: 'given',
    dateSource_text: 'from the text',
    dateSource_none: 'unknown',
    langUnknown: 'unknown',
    readerMeta: '{name} · {date} · {lang} · {sentences} sentences',
    failedFile: '{name}: {message}',
    analysisFailed: 'The analysis failed: {message}',
  },
  it: {
    tagline: 'Che cosa è successo, quando e chi c’era: una cronologia e un solo elenco di nomi dai tuoi articoli.',
    privacy: 'Tutto avviene in questo browser: i tuoi file non lasciano mai il computer.',
    engineLoading: 'Caricamento del motore di analisi…',
    engineReady: 'Pronto',
    engineFailed: 'Il motore di analisi non si è avviato: {message}',
    inputTitle: 'Articoli',
    dropHint: 'Trascina qui articoli (.txt, .md, .html) o una cartella, oppure sceglili:',
    pickFiles: 'Scegli file',
    pickFolder: 'Scegli una cartella',
    pasteTitle: 'Incolla un testo',
    pasteLabel: 'Testo dell’articolo',
    pasteGo: 'Analizza il testo incollato',
    pastedName: 'incollato-{n}.txt',
    reading: 'Lettura di {n} file…',
    analysing: 'Analisi {done} di {total}: {name}',
    analysed: '{documents} documenti analizzati in {ms} ms',
    documentsTitle: 'Documenti',
    exportJson: 'Scarica JSON',
    clear: 'Svuota',
    colTitle: 'Titolo',
    colFile: 'File',
    colDate: 'Data',
    colLang: 'Lingua',
    colSentences: 'Frasi',
    colWords: 'Parole',
    noDate: 'senza data',
    dateSource_header: 'dalla riga della data',
    dateSource_metadata: 'dai metadati della pagina',
    dateSource_argument: 'indicata',
    dateSource_text: 'dal testo',
    dateSource_none: 'sconosciuta',
    langUnknown: 'sconosciuta',
    readerMeta: '{name} · {date} · {lang} · {sentences} frasi',
    failedFile: '{name}: {message}',
    analysisFailed: 'L’analisi non è riuscita: {message}',
  },
};

export const locale = (navigator.languages || [navigator.language || 'en'])
  .map((tag) => tag.slice(0, 2).toLowerCase())
  .find((code) => code in STRINGS) || 'en';

export function t(key, values = {}) {
  const template = STRINGS[locale][key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function translatePage(root = document) {
  document.documentElement.lang = locale;
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
}

export function languageName(code) {
  if (!code || code === 'und') return t('langUnknown');
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}
