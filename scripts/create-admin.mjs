// Print the SQL that creates an admin account, for the first admin of a deployed database:
//   node scripts/create-admin.mjs EMAIL "NAME" > admin.sql   (asks for the password; or set ADMIN_PASSWORD)
//   npx wrangler d1 execute claimdesk --remote --file admin.sql
// The hash format is the Worker's own (worker/lib/crypto.ts): PBKDF2-SHA256, 100,000 iterations,
// 16-byte random salt, 32-byte key, both hex.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';

const [email, name] = process.argv.slice(2);
if (!email || !name || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  console.error('usage: node scripts/create-admin.mjs EMAIL "NAME"');
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  password = await rl.question('Password (at least 12 characters): ');
  rl.close();
}
if (password.length < 12 || password.trim() === '') {
  console.error('The password must have at least 12 characters, not only spaces.');
  process.exit(2);
}
const iterations = 100_000;
const salt = randomBytes(16).toString('hex');
const hash = pbkdf2Sync(password, Buffer.from(salt, 'hex'), iterations, 32, 'sha256').toString(
  'hex',
);
const q = (s) => `'${String(s).replace(/'/g, "''")}'`;
console.log(
  `INSERT INTO users (email, name, role, password_hash, password_salt, password_iterations, created_at) VALUES (${q(email)}, ${q(name)}, 'admin', ${q(hash)}, ${q(salt)}, ${iterations}, ${q(new Date().toISOString())});`,
);
