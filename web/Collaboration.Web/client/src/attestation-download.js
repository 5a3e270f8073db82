// "Download my attestation" on a private manage page: the PDF is fetched with the manage token in its header (never in
// a URL), then saved; without recorded attendance the page says when it becomes available.
import { addMessages, t } from './i18n.js';
import messages from '../../Messages/evaluations.json' with { type: 'json' };

addMessages(messages);

/** Wires the button; url() gives the attestation's address, headers() the X-Manage-Token header. */
export function mountAttestationDownload(section, url, headers) {
  const button = section.querySelector('[data-testid="attestation-download"]');
  const status = section.querySelector('[data-testid="attestation-status"]');
  let shown = null;
  button.addEventListener('click', async () => {
    shown = null;
    status.textContent = '';
    try {
      const response = await fetch(url(), { headers: headers(), credentials: 'same-origin' });
      if (!response.ok) {
        shown = response.status === 404 ? 'ev.manage.noAttestation' : 'error.network';
        status.textContent = t(shown);
        return;
      }
      const blob = await response.blob();
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'attestation.pdf';
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch {
      shown = 'error.network';
      status.textContent = t(shown);
    }
  });
  return { retranslate: () => { status.textContent = shown ? t(shown) : ''; } };
}
