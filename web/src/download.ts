import { getToken } from './auth/session';
import type { Lang } from './i18n/messages';

/** Files behind the bearer token (CSV, iCalendar) are fetched and handed to the browser as a download. */
export async function downloadWithToken(url: string, filename: string, lang: Lang, fallback: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${getToken() ?? ''}` } });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.errors?.[0]?.extensions?.messages?.[lang] ?? body?.errors?.[0]?.message ?? fallback);
  }
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
