/** `npm run token -- <email>`: a development token for a seeded user, alone on the last line. */
import { signDevToken } from '../api/auth/dev-token';
import { DEMO_USERS } from '../db/seed/demo-seed';
import { loadConfigOrExit } from '../platform/config';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env, { defaultNodeEnv: 'development', developmentDatabase: 'embedded' });
  if (config.nodeEnv === 'production' || !config.auth.devSecret) {
    process.stderr.write(
      'npm run token works only with the development sign-in (npm start on its embedded database): sign in through your identity provider.\n',
    );
    process.exit(1);
  }
  const email = process.argv[2]?.trim().toLowerCase();
  if (!email) {
    process.stderr.write(`Usage: npm run token -- <email>\nDemo users:\n${DEMO_USERS.map((u) => `  ${u.email}`).join('\n')}\n`);
    process.exit(2);
  }
  if (!DEMO_USERS.some((u) => u.email === email)) {
    process.stderr.write(`Note: ${email} is not a demo user; the token works only if that user exists.\n`);
  }
  process.stdout.write(`${await signDevToken(email, config.auth.devSecret)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
