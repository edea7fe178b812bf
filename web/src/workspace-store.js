// The workspace in IndexedDB: the articles as given, the corrections (with what undo took back,
// for redo) and the view, so that all of it comes back after a reload or a browser restart. A
// browser without IndexedDB (or with storage refused) simply gets a workspace that does not last.
import { createStore, del, get, setMany } from 'idb-keyval';

let store = null;
function database() {
  if (!store) {
    try {
      store = createStore('cronaca', 'workspace');
    } catch {
      store = false;
    }
  }
  return store;
}

async function safely(action, fallback) {
  const db = database();
  if (!db) return fallback;
  try {
    return await action(db);
  } catch (error) {
    console.warn('cronaca: the workspace could not be saved or read:', error);
    return fallback;
  }
}

// The files are stored as one Blob of all their bytes and an index of names and sizes: an array
// of ArrayBuffers was copied into IndexedDB's serialisation on the main thread, 43 MB for 10,000
// articles in one task, where a Blob is handed over whole. An older workspace stored the array.
async function filesFrom(stored) {
  if (!stored) return [];
  if (Array.isArray(stored)) return stored;
  const buffer = await stored.blob.arrayBuffer();
  let at = 0;
  return stored.index.map(({ name, size, unreadable }) => {
    if (unreadable !== undefined) return { name, unreadable };
    at += size;
    return { name, bytes: buffer.slice(at - size, at) };
  });
}

export function loadWorkspace() {
  return safely(async (db) => ({
    files: await filesFrom(await get('files', db)),
    corrections: (await get('corrections', db)) ?? [],
    redo: (await get('redo', db)) ?? [],
    view: (await get('view', db)) ?? null,
  }), { files: [], corrections: [], redo: [], view: null });
}

// files: [{name, bytes: ArrayBuffer}] in the order they were added.
export function saveFiles(files) {
  return safely((db) => {
    const readable = files.filter((file) => file.unreadable === undefined);
    const blob = new Blob(readable.map((file) => file.bytes));
    const index = files.map(({ name, bytes, unreadable }) => (unreadable === undefined ? { name, size: bytes.byteLength } : { name, unreadable }));
    return setMany([['files', { index, blob }]], db);
  });
}

export function saveCorrections(corrections, redo) {
  return safely((db) => setMany([['corrections', corrections], ['redo', redo]], db));
}

export function saveView(view) {
  return safely((db) => setMany([['view', view]], db));
}

export function clearWorkspace() {
  return safely(async (db) => {
    for (const key of ['files', 'corrections', 'redo', 'view']) await del(key, db);
  });
}
