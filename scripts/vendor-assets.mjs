// Copies the API reference's front end (swagger-ui-dist, from npm) into public/vendor/ so Workers
// Static Assets serve it from our own origin: no CDN, nothing of it in the Worker bundle.
// Runs on `npm install` / `npm ci` (postinstall) and `npm start`; the copies are not committed.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules/swagger-ui-dist');
const to = join(root, 'public/vendor/swagger-ui');
const files = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE'];

if (!existsSync(from)) {
  console.warn('vendor-assets: swagger-ui-dist is not installed; /api/docs will not render');
} else {
  mkdirSync(to, { recursive: true });
  for (const f of files) if (existsSync(join(from, f))) copyFileSync(join(from, f), join(to, f));
  console.log(`vendor-assets: swagger-ui → ${to}`);
}
