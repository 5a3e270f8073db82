// The one element builder of the client: text is always set as text (no HTML from data, ever).

/**
 * el('li', { class: 'x', 'data-code': code, dataset: { id }, onclick, text: 'label' }, 'text', child…)
 * An attribute that is undefined, null or false is left out, true sets it empty; children may be nodes,
 * strings, numbers or arrays of them (null, undefined and false are skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
