// Escaping for the text formats the page writes. Article text is data, never markup.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => HTML[c]);
}

// XML 1.0 forbids most control characters even escaped; they become spaces, as in the core's
// TimeML writer.
export function escapeXml(text) {
  return String(text ?? '')
    .replace(/[&<>"]/g, (c) => HTML[c])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

// One CSV field (RFC 4180). A leading =, +, - or @ is prefixed with ' so that spreadsheets show a
// name like "=SUM(...)" as text instead of running it.
export function csvField(value) {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(' | ') : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(header, rows) {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
