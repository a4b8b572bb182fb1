/**
 * What each e-mail says, in its recipient's language: plain text (the record) and a small HTML
 * part that carries the direction (Arabic is right-to-left) with the user text isolated. Pure.
 */
import { fill, notifyStrings } from '../i18n/notify';
import { dirOf } from '../lib/lang';
import { sliceText } from '../lib/text';

export interface Composed {
  subject: string;
  bodyText: string;
  bodyHtml: string;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}

/** A claim's text for a subject or a quote: one line, at most `max` characters. */
export function excerpt(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${sliceText(line, max - 1).trimEnd()}…`;
}

/** One block of a message: a line of ours, a quoted user text, or a link. */
type Block = { say: string } | { quote: string } | { link: string };

function render(locale: string, subject: string, blocks: Block[]): Composed {
  const text = blocks
    .map((b) => ('say' in b ? b.say : 'quote' in b ? `« ${b.quote} »` : b.link))
    .join('\n\n');
  const html = blocks
    .map((b) =>
      'say' in b
        ? `<p>${escapeHtml(b.say)}</p>`
        : 'quote' in b
          ? `<blockquote><bdi>${escapeHtml(b.quote)}</bdi></blockquote>`
          : `<p><a href="${escapeHtml(b.link)}" dir="ltr">${escapeHtml(b.link)}</a></p>`,
    )
    .join('');
  const lang = locale === 'ar' || locale === 'fr' ? locale : 'en';
  return {
    subject,
    bodyText: `${text}\n`,
    bodyHtml: `<!doctype html><html lang="${lang}" dir="${dirOf(lang)}"><body>${html}</body></html>`,
  };
}

/** The reader's one message: their claim is checked, where to read it, their address is gone. */
export function readerNotice(p: {
  locale: string;
  claimText: string;
  claimUrl: string;
  org: string;
}): Composed {
  const t = notifyStrings(p.locale);
  return render(p.locale, t.readerSubject, [
    { say: t.readerIntro },
    { quote: excerpt(p.claimText, 300) },
    { say: t.readerLink },
    { link: p.claimUrl },
    { say: t.readerDeleted },
    { say: fill(t.readerSignature, { org: p.org }) },
  ]);
}

/** "Assigned to you" and "mentioned you": one claim, who did it, the desk link. */
export function editorNotice(p: {
  kind: 'assigned' | 'mention';
  locale: string;
  by: string;
  claimText: string;
  claimUrl: string;
  accountUrl: string;
}): Composed {
  const t = notifyStrings(p.locale);
  const subject =
    p.kind === 'assigned'
      ? fill(t.assignedSubject, { claim: excerpt(p.claimText, 60) })
      : fill(t.mentionSubject, { by: p.by });
  return render(p.locale, subject, [
    { say: fill(p.kind === 'assigned' ? t.assignedBody : t.mentionBody, { by: p.by }) },
    { quote: excerpt(p.claimText, 300) },
    { link: p.claimUrl },
    { say: fill(t.editorFooter, { url: p.accountUrl }) },
  ]);
}

/** The daily digest: each claim due or in review, with its desk link. */
export function digestNotice(p: {
  locale: string;
  lines: { text: string; url: string; dueDate: string | null; inReview: boolean }[];
  accountUrl: string;
}): Composed {
  const t = notifyStrings(p.locale);
  const blocks: Block[] = [{ say: t.digestIntro }];
  for (const line of p.lines) {
    const when = line.inReview ? t.digestInReview : fill(t.digestDue, { date: line.dueDate ?? '' });
    blocks.push({ say: `• ${when}` }, { quote: excerpt(line.text, 160) }, { link: line.url });
  }
  blocks.push({ say: fill(t.editorFooter, { url: p.accountUrl }) });
  return render(p.locale, fill(t.digestSubject, { count: p.lines.length }), blocks);
}

/** An address as the desk shows it: r***@example.org. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}
