// Share links (the articles and the view in the URL fragment), their fallback for long corpora,
// opening a shared corpus, and the ?src= offer to load a remote one.
import { openDialog } from './dialogs.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { formatNumber } from './lib/format.js';
import { CHAT_LINK_LIMIT, viewToFragment } from './lib/share-codec.js';
import { toast } from './notices.js';
import { fetchCorpus } from './remote.js';

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// This page's address without its fragment or a ?src= it was opened with.
function pageAddress() {
  const url = new URL(location.href);
  url.hash = '';
  url.searchParams.delete('src');
  return url.href.replace(/#$/, '');
}

// Copies the link, or when it is too long for chat apps, says so and offers the workspace file.
export async function shareLink({ client, files, corrections, view, saveWorkspaceFile }) {
  if (!files.length) return;
  const { corpus } = await client.encodeCorpus(files, corrections);
  const link = `${pageAddress()}#${viewToFragment(view, corpus)}`;
  document.body.dataset.shareLength = String(link.length);
  if (link.length > CHAT_LINK_LIMIT) {
    const answer = await openDialog({
      title: t('shareLongTitle'),
      content: [el('p', { text: t('shareLongText', { n: formatNumber(link.length), limit: formatNumber(CHAT_LINK_LIMIT) }) })],
      actions: [{ value: 'copy', label: t('shareCopyAnyway') }, { value: 'file', label: t('shareFile'), primary: true }],
    });
    if (answer === 'file') return saveWorkspaceFile();
    if (answer !== 'copy') return;
  }
  if (await copyText(link)) {
    toast(t('linkCopied', { n: formatNumber(link.length) }));
  } else {
    const area = el('textarea', { id: 'share-link', readOnly: true, rows: 5, value: link, autofocus: true });
    area.addEventListener('focus', () => area.select());
    await openDialog({ title: t('shareManualTitle'), content: [el('label', { htmlFor: 'share-link', text: t('shareManual') }), area] });
  }
}

// The articles and corrections a link carries, once the user agrees to replace a workspace they
// already have; null otherwise.
export async function openSharedCorpus(client, corpus, filesInWorkspace) {
  let shared;
  try {
    shared = await client.decodeCorpus(corpus);
  } catch (error) {
    toast(t('shareBroken', { message: error.message }), 'error');
    return null;
  }
  if (filesInWorkspace) {
    const answer = await openDialog({
      title: t('sharedTitle'),
      content: [el('p', { text: t('sharedReplace', { shared: formatNumber(shared.files.length), mine: formatNumber(filesInWorkspace) }) })],
      actions: [{ value: 'replace', label: t('sharedOpen'), primary: true }],
    });
    if (!answer) return null;
  }
  return {
    files: shared.files.map(({ name, bytes }) => ({ name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })),
    corrections: shared.corrections,
  };
}

// ?src=URL: asks first, and only then requests that one address. The parameter leaves the address
// bar either way, so that a reload does not ask again. Resolves to the files, or null.
export async function offerRemoteCorpus(url) {
  const answer = await openDialog({
    title: t('srcTitle'),
    content: [el('p', { text: t('srcText') }), el('p', { className: 'src-url', text: url }), el('p', { className: 'hint', text: t('srcPrivacy') })],
    actions: [{ value: 'load', label: t('srcLoad'), primary: true }],
  });
  const address = new URL(location.href);
  address.searchParams.delete('src');
  history.replaceState(null, '', address.href);
  if (!answer) return null;
  document.body.dataset.reading = 'true';
  try {
    return await fetchCorpus(url);
  } catch (error) {
    toast(error.message, 'error');
    return null;
  } finally {
    document.body.dataset.reading = 'false';
  }
}
