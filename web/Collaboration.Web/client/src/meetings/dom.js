// The meeting pages' DOM helpers: h is the client's one element builder (../dom.js), under the name these pages use.
export { el as h } from '../dom.js';

/** Replaces host's children, keeping keyboard focus on the element with the same data-key if it is still there. */
export function replaceChildren(host, ...children) {
  const key = host.contains(document.activeElement) ? document.activeElement?.dataset?.key : undefined;
  host.replaceChildren(...children.flat().filter(Boolean));
  if (key) host.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

// Québec time, whatever the device's zone (zoned-time.js).
export { formatDateTime, formatTime } from '../zoned-time.js';

/** The query parameter, or null. */
export const param = (name) => new URLSearchParams(location.search).get(name);
