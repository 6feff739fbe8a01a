/** Names Windows refuses as file names, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;
export const MAX_SLUG_LENGTH = 60;

/**
 * A file-name-safe slug for a title: ASCII-folded (accents dropped), lower case, words
 * joined by dashes, at most 60 characters cut at a word boundary. It never contains a path
 * separator, `..`, control characters or a reserved device name, and is never empty.
 */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_SLUG_LENGTH) {
      if (slug === '') slug = word.slice(0, MAX_SLUG_LENGTH);
      break;
    }
    slug = next;
  }
  if (slug === '') return 'untitled';
  return RESERVED.test(slug) ? `${slug}-rfc` : slug;
}

/** Why a title cannot be used, or undefined when it can. */
export function validateTitle(title: string): string | undefined {
  const trimmed = title.trim();
  if (trimmed === '') return 'Give the RFC a title.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(title)) return 'The title cannot contain control characters or line breaks.';
  if (trimmed.length > MAX_TITLE_LENGTH) return `Keep the title under ${MAX_TITLE_LENGTH} characters (it has ${trimmed.length}).`;
  return undefined;
}

export const MAX_TITLE_LENGTH = 200;
