// A tiny element builder: text is always set as text (no HTML from data, ever).

/** h('li', { class: 'x', dataset: { id } , onclick }, 'text', child…) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'text') el.textContent = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

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
