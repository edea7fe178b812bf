// The files the user exports from the last analysis, built in the worker, which holds it: a
// classic script of its own (worker-exports.js) that the worker loads on the first export.
import { strToU8, zipSync } from 'fflate';
import { entitiesCsv, eventsCsv, timelineJs, timemlArchive } from './exports.js';
import { WORKSPACE_ENTRY } from './inputs.js';
import { reportHtml } from './report.js';

const text = (content, mime) => ({ data: strToU8(content), mime });

// `last`: {json, result, files} of the worker's last analysis.
function exportFile(kind, { title = 'Cronaca', view = null } = {}, last) {
  const { result, json } = last;
  switch (kind) {
    case 'json': return { name: 'cronaca.json', ...text(json, 'application/json') };
    case 'entities-csv': return { name: 'cronaca-entities.csv', ...text(`\ufeff${entitiesCsv(result)}`, 'text/csv') };
    case 'events-csv': return { name: 'cronaca-events.csv', ...text(`\ufeff${eventsCsv(result)}`, 'text/csv') };
    case 'timelinejs': return { name: 'cronaca-timelinejs.json', ...text(JSON.stringify(timelineJs(result, title), null, 1), 'application/json') };
    case 'timeml': return { name: 'cronaca-timeml.zip', data: timemlArchive(result), mime: 'application/zip' };
    case 'report': return { name: 'cronaca-report.html', ...text(reportHtml(result, { title }), 'text/html') };
    case 'workspace': {
      // The share link's alternative: the articles as given plus corrections and view, in one zip
      // that the page accepts like any other.
      const entries = {};
      for (const file of last.files) entries[file.name] = new Uint8Array(file.bytes);
      entries[WORKSPACE_ENTRY] = strToU8(JSON.stringify({ corrections: view?.corrections ?? [], view: view?.state ?? {} }, null, 1));
      return { name: 'cronaca-workspace.zip', data: zipSync(entries, { level: 6 }), mime: 'application/zip' };
    }
    default: throw new Error(`unknown export ${kind}`);
  }
}

self.cronacaExportFile = exportFile;
