/** Plain share links for a page (no third-party script): each network's public "share a URL" address. */
export type ShareNetwork = 'whatsapp' | 'telegram' | 'x' | 'facebook';

export interface ShareLink {
  network: ShareNetwork;
  href: string;
}

/** The share links of `url` with `text` (the headline), every parameter URL-encoded. */
export function shareLinks(url: string, text: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(text);
  return [
    { network: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}` },
    { network: 'telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { network: 'x', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { network: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ];
}
