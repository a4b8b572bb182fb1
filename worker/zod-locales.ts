/**
 * Bundle-time stand-in for zod's index of 64 message locales (wrangler.jsonc `alias` maps zod's
 * own `../locales/index.js` here). zod configures English itself, and ClaimDesk words every
 * validation message for readers in its own i18n, so the other locales were 260 KB of dead weight
 * (more than half the Worker). `z.locales` is therefore `{ en }` in the deployed Worker.
 */
export { default as en } from 'zod/v4/locales/en.js';
