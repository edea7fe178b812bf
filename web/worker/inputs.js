// Turns the workspace's files into the core's inputs: a .zip becomes the articles inside it (one
// level of nested archives too), named "archive.zip/path/in/archive.txt". A zip that cannot be read
// is reported like any other unusable file, and the rest carry on.
import { unzipSync } from 'fflate';
import { t } from '../src/i18n.js';

// The workspace file a shared workspace archive carries (corrections and view), not an article.
export const WORKSPACE_ENTRY = 'cronaca-workspace.json';
// An archive that expands beyond this is refused rather than exhausting the tab's memory: the
// engine's memory budget (web/binding.cpp) holds some 60 MB of articles in one analysis anyway.
const MAX_EXPANDED_BYTES = 256 << 20;

export function isZip(bytes) {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

const skipped = (path) =>
  path.endsWith('/') || path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX') || path === WORKSPACE_ENTRY;

// The archive's entries; one over `maxInputBytes` (a zip bomb's, or a dump's) is not inflated but
// comes as {name, size}, for the engine to refuse with its size.
function unzip(bytes, maxInputBytes) {
  let total = 0;
  const oversized = [];
  const entries = unzipSync(bytes, {
    filter(entry) {
      if (skipped(entry.name)) return false;
      if (entry.originalSize > maxInputBytes) {
        oversized.push({ name: entry.name, size: entry.originalSize });
        return false;
      }
      total += entry.originalSize;
      if (total > MAX_EXPANDED_BYTES) throw new Error(t('zipTooLarge'));
      return true;
    },
  });
  return [...Object.entries(entries).map(([name, data]) => ({ name, bytes: data })), ...oversized];
}

// files: [{name, bytes} or {name, unreadable: reason} (a file the page could not read)]. Returns
// the core's inputs (the same shapes, plus {name, size} for an archive entry too large to
// inflate) and the archives that could not be expanded, with the reason.
export function expandInputs(files, { maxInputBytes = Infinity } = {}, depth = 0) {
  const inputs = [];
  const errors = [];
  for (const file of files) {
    if (file.unreadable !== undefined || !file.bytes) {
      inputs.push(file);
      continue;
    }
    const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
    if (!isZip(bytes) || depth > 1) {
      inputs.push({ name: file.name, bytes });
      continue;
    }
    let entries;
    try {
      entries = unzip(bytes, maxInputBytes);
    } catch (error) {
      errors.push({ name: file.name, message: t('zipUnreadable', { message: error.message }) });
      continue;
    }
    if (entries.length === 0) errors.push({ name: file.name, message: t('zipEmpty') });
    const expanded = expandInputs(entries.map((entry) => ({ ...entry, name: `${file.name}/${entry.name}` })), { maxInputBytes }, depth + 1);
    inputs.push(...expanded.inputs);
    errors.push(...expanded.errors);
  }
  return { inputs, errors };
}

// The corrections and view a workspace archive carries, or null for an ordinary zip.
export function workspaceOf(bytes) {
  if (!isZip(bytes)) return null;
  try {
    const entries = unzipSync(bytes, { filter: (entry) => entry.name === WORKSPACE_ENTRY });
    const data = entries[WORKSPACE_ENTRY];
    return data ? JSON.parse(new TextDecoder().decode(data)) : null;
  } catch {
    return null;
  }
}
