// Translated names in the reader's language (with the language they fell back to), dates and file sizes.
export type Translated = { text: string; lang: string };

/** The text in the reader's language, else Italian, else any language present. */
export function pickText(map: Record<string, string> | null | undefined, lang: string): Translated {
  const own = map?.[lang]?.trim();
  if (own) return { text: own, lang };
  const it = map?.it?.trim();
  if (it) return { text: it, lang: 'it' };
  const other = Object.entries(map ?? {}).find(([, v]) => v.trim());
  return other ? { text: other[1].trim(), lang: other[0] } : { text: '', lang };
}

export const formatWhen = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function formatSize(bytes: number, lang: string): string {
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${nf.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}
