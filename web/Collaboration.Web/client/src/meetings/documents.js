// Documents on an agenda item: the list every member of the table downloads from, and for the chair or the item's
// presenter a file picker that attaches one (sent as it is: the server reads its type from its bytes, not its name).
import { addMessages, getLang, t } from '../i18n.js';
import { ApiError } from '../api.js';
import { h } from './dom.js';
import messages from '../../../Messages/meeting-documents.json' with { type: 'json' };

addMessages(messages);

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp';

/** "1,2 Mo" / "1.2 MB". */
export function formatSize(bytes, lang = getLang()) {
  const units = lang === 'en' ? ['B', 'kB', 'MB'] : ['o', 'ko', 'Mo'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(lang === 'en' ? 'en-CA' : 'fr-CA', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${units[unit]}`;
}

/** Whether the member named presenter of the item is this person (the agenda holds the presenter as typed). */
export const isPresenter = (item, myName) =>
  Boolean(myName && item.presenter && item.presenter.trim().toLocaleLowerCase() === myName.trim().toLocaleLowerCase());

/** Sends a file as the request body; the answer is the attached document, or an ApiError. */
export async function uploadDocument(meetingId, itemId, file) {
  let response;
  try {
    response = await fetch(`/api/meetings/${meetingId}/agenda/${itemId}/documents?name=${encodeURIComponent(file.name)}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'X-CSRF': '1', 'Content-Type': 'application/octet-stream', Accept: 'application/json, application/problem+json' },
    });
  } catch (error) {
    throw new ApiError(0, null, { cause: error });
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return response.json();
}

/**
 * The documents of one agenda item. ctx: { meetingId, item, documents, canAttach, canRemove(document), attach(file), remove(document) }.
 * Returns null when there is nothing to show or do.
 */
export function renderDocuments(ctx) {
  const { meetingId, item, documents, canAttach } = ctx;
  if (documents.length === 0 && !canAttach) return null;
  const list = h('ul', { class: 'documents__list', 'data-testid': 'documents' },
    documents.map((d) => h('li', { class: 'document', 'data-testid': 'document' },
      h('a', { href: `/api/meetings/${meetingId}/documents/${d.id}`, download: d.fileName, 'data-testid': 'document-link', 'data-key': `doc-${d.id}` }, d.fileName),
      h('span', { class: 'document__meta' }, ` · ${formatSize(d.size)}`),
      ctx.canRemove(d)
        ? h('button', { type: 'button', class: 'button button--quiet', 'data-key': `doc-remove-${d.id}`, 'data-testid': 'remove-document',
          'aria-label': t('documents.removeNamed', { name: d.fileName }), onclick: () => ctx.remove(d) }, t('documents.remove'))
        : null)));
  const inputId = `attach-${item.id}`;
  const picker = canAttach ? h('div', { class: 'documents__attach' },
    h('label', { for: inputId }, t('documents.attach')),
    h('input', { id: inputId, type: 'file', accept: ACCEPT, 'data-key': `attach-${item.id}`, 'data-testid': 'attach-document',
      'aria-describedby': `${inputId}-hint`,
      onchange: (event) => { const file = event.target.files?.[0]; if (file) ctx.attach(file); } }),
    h('p', { class: 'field__hint', id: `${inputId}-hint` }, t('documents.hint'))) : null;
  return h('section', { class: 'documents', 'aria-label': t('documents.heading', { title: item.title }) },
    documents.length ? list : null, picker);
}
