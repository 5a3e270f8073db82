// Text folded for search and sorting, by the server's rule (NameFolding.Fold in Grains/Colloque):
// accents and case ignored, every run of other characters one space ("TREMBLAY-Côté" → "tremblay cote").

export function fold(text) {
  return (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

