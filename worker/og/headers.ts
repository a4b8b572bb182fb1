/** Cache policy of the share images. */

/** How long the edge keeps a claim's image (purges keep it current meanwhile). */
export const OG_IMAGE_CACHE_SECONDS = 86_400;
/** `?v=` names the version shown: that URL never changes. */
export const OG_PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Without `?v=` (or an old one): the current image, kept briefly. */
export const OG_LIVE_CACHE_CONTROL = 'public, max-age=300, s-maxage=300';
