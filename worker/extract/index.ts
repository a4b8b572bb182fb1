// Placeholder until the extraction engine lands: script-based language detection only.
export function detectLanguage(text: string): string {
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z\u00C0-\u00FF]/g) ?? []).length;
  if (arabic > latin) return 'ar';
  if (/\b(le|la|les|des|est|une|selon)\b/i.test(text)) return 'fr';
  return latin > 0 ? 'en' : 'und';
}
