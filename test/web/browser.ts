import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { systemClock } from '../../domain/time/clock';
import { buildWebIfNeeded } from '../../scripts/web-build';
import { startWorkers } from '../../workers/worker-registry';
import { createTestApp, openAround, TestApp } from '../helpers/test-app';

/** Debian's chromium, offline: nothing may reach a network beyond this machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-output/web');

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export interface TestBrowser {
  readonly browser: Browser;
  /** A fresh context (its own storage) per user, so sign-ins never mix. */
  newPage(options?: ContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** What a test may vary about the computer: its time zone (the district's by default) and its screen. */
export interface ContextOptions {
  readonly timezoneId?: string;
  readonly viewport?: { width: number; height: number };
}

export async function launchBrowser(): Promise<TestBrowser> {
  // launch() gives chromium a fresh temporary user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        // A user who prefers reduced motion: the design system then opens a Details panel at once instead of letting it
        // grow for 0.4 s while the table around it lays itself out again. A click inside a growing panel could land
        // beside its button (the admin test's flake: the click reached the buttons' row, not "Stäng av", and no request
        // went out). Users click what has stopped moving; so do the tests.
        reducedMotion: 'reduce',
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: 'sv-SE',
        timezoneId: options.timezoneId ?? 'Europe/Stockholm',
        acceptDownloads: true,
      });
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** WCAG 2.1 A and AA rules; serious and critical findings fail the test, with what and where. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** The real API on a free port (with the workers when a flow needs its clocks and notifications) and a browser. */
export interface WebTestEnvironment {
  readonly app: TestApp;
  readonly browser: TestBrowser;
  readonly baseUrl: string;
  /** A fresh browser context signed in as this demo user, on the user's home page. */
  signIn(email: string, options?: ContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startWebTestEnvironment(options: { workers: boolean }): Promise<WebTestEnvironment> {
  buildWebIfNeeded(() => undefined);
  // Real time: the browser's clocks and the API's must agree.
  // A browser sends several requests at once, each holding a connection while it runs, beside the workers: the pool of
  // a production process, not the test default of 5.
  const app = await createTestApp({ clock: systemClock, poolSize: 12 });
  const workers = options.workers ? await startWorkers(app.runtime) : null;
  const baseUrl = `http://127.0.0.1:${await app.api.listen(0)}`;
  const browser = await launchBrowser();
  return {
    app,
    browser,
    baseUrl,
    async signIn(email, options) {
      const { page } = await browser.newPage(options);
      // A shared two-core CI machine running other suites beside this one can be slow to answer; 30 s was seen to be short.
      page.setDefaultTimeout(60_000);
      await page.goto(`${baseUrl}/`);
      await page.locator(`button[data-email="${email}"]`).click();
      await page.locator('nav[aria-label="Huvudmeny"]').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await workers?.close();
      await new Promise<void>((resolve) => app.api.httpServer.close(() => resolve()));
      await app.close();
    },
  };
}

/**
 * A suite's environment, started before its tests and closed after them; its fields are read inside tests and hooks, as
 * they exist only once the suite runs.
 */
export function useWebTestEnvironment(options: { workers: boolean }): Omit<WebTestEnvironment, 'close'> {
  const web = openAround(
    'all',
    () => startWebTestEnvironment(options),
    (started) => started.close(),
  );
  return {
    get app() {
      return web().app;
    },
    get browser() {
      return web().browser;
    },
    get baseUrl() {
      return web().baseUrl;
    },
    signIn: (email, options) => web().signIn(email, options),
  };
}

/** A browser suite: skipped without chromium, said loudly, unless CI or SAMVERKA_REQUIRE_BROWSER=1 needs it to run. */
export function describeInBrowser(name: string, suite: () => void): void {
  const required = process.env.CI === 'true' || process.env.SAMVERKA_REQUIRE_BROWSER === '1';
  if (!chromiumAvailable()) {
    process.stdout.write(
      `\n[test] !!!!!!!! NO CHROMIUM at ${CHROMIUM_PATH}: the browser tests are SKIPPED. apt-get install chromium. !!!!!!!!\n`,
    );
  }
  (chromiumAvailable() || required ? describe : describe.skip)(name, suite);
}

/** Stockholm's date `offsetDays` days from now, YYYY-MM-DD as the date fields take it (Intl, not the app's date code). */
export function stockholmDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
}

/** Books the talk in its booking form for `date` at 10:00 in Polishuset, rum 4, and waits until the page shows it booked. */
export async function bookTalkInForm(booking: Locator, date: string): Promise<void> {
  await booking.getByLabel('Datum').fill(date);
  await booking.getByLabel('Klockslag').fill('10:00');
  await booking.getByLabel('Plats eller form').fill('Polishuset, rum 4');
  await booking.getByRole('button', { name: 'Boka samtalet' }).click();
  await booking
    .getByTestId('talk-scheduled')
    .getByText(/10:00, Polishuset, rum 4/)
    .waitFor();
}

/** Opens the indicator page from the menu and waits until the indicator's card shows its chart and a figure. */
export async function openIndicatorCard(page: Page, indicator: string): Promise<Locator> {
  await page.getByRole('link', { name: 'Indikatorer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
  const card = page.locator(`[data-indicator="${indicator}"]`);
  await card.locator('svg[role="img"]').waitFor();
  await card
    .locator('table')
    .getByText(/\d+ % \(\d+\/\d+\)/)
    .first()
    .waitFor();
  return card;
}

/** A screenshot for reviewers, then axe: no serious or critical findings. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

/** One measured foreground/background pair: text needs 4.5:1 (3:1 when large), chart lines and axes 3:1. */
export interface ContrastMeasure {
  readonly what: string;
  readonly ratio: number;
  readonly needed: number;
}

/** Runs in the page (plain JavaScript: the tests compile without the DOM's types). */
const CONTRAST_IN_PAGE = `(selectors) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    // Any CSS colour syntax (rgb, oklch, color()) as sRGB bytes and alpha.
    const rgba = (color) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0], d[1], d[2], d[3] / 255];
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] === 1) break;
      }
      let out = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
      return out;
    };
    const luminance = ([r, g, b]) => {
      const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (fg, bg) => {
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      return Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
    };
    const over = (fg, bg) =>
      [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    const out = [];
    const seen = new Set();
    const add = (el, property, needed) => {
      const style = getComputedStyle(el);
      const bg = background(el);
      const series = el.closest('[class^="chart-series-"]');
      const what = \`\${el.tagName.toLowerCase()}.\${[...el.classList].join('.')}\${series ? ' in .' + series.getAttribute('class') : ''} \${property}\`;
      const r = ratio(over(rgba(style[property]), bg), bg);
      const key = \`\${what} \${r}\`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ what: \`\${what} "\${(el.textContent ?? '').trim().slice(0, 30)}"\`, ratio: r, needed });
    };
    const large = (el) => {
      const s = getComputedStyle(el);
      const px = parseFloat(s.fontSize);
      return px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700);
    };
    for (const selector of selectors) {
      let found;
      try {
        found = document.querySelectorAll(selector);
      } catch {
        continue;
      }
      for (const el of found) add(el, 'color', large(el) ? 3 : 4.5);
    }
    for (const el of document.querySelectorAll('svg text')) add(el, 'fill', large(el) ? 3 : 4.5);
    for (const el of document.querySelectorAll('svg .chart-line, svg .chart-axis, svg .chart-gap')) add(el, 'stroke', 3);
    for (const el of document.querySelectorAll('svg .chart-dot')) add(el, 'fill', 3);
    // Every series colour, also those this page's data does not draw: a legend text and a line in each.
    const chart = document.querySelector('svg.chart');
    if (chart) {
      for (let i = 0; i < 5; i++) {
        const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
        g.setAttribute('class', 'chart-series-' + i);
        g.innerHTML = '<text class="chart-label chart-legend">series ' + i + '</text><polyline class="chart-line"></polyline>';
        chart.appendChild(g);
        add(g.firstChild, 'fill', 4.5);
        add(g.lastChild, 'stroke', 3);
        g.remove();
      }
    }
    return out;
  }`;

/**
 * axe leaves some colour pairs "to review" (SVG text, text over gradients or overlapping boxes): this measures those and
 * the charts' text and strokes from their computed colours against the first opaque background behind them.
 */
export async function measureContrast(page: Page): Promise<{ violations: string[]; measured: ContrastMeasure[] }> {
  const result = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  const violations = result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
  const review = result.incomplete.flatMap((v) => v.nodes.map((n) => String(n.target[n.target.length - 1])));
  const measured = (await page.evaluate(`(${CONTRAST_IN_PAGE})(${JSON.stringify(review)})`)) as ContrastMeasure[];
  return { violations, measured };
}

/**
 * No colour-contrast violation, and every pair axe could not decide and every chart mark measured at least its minimum;
 * the measures are left in `test-output/web/<name>-contrast.json` for docs/web-app.md.
 */
export async function expectContrast(page: Page, name: string): Promise<ContrastMeasure[]> {
  const { violations, measured } = await measureContrast(page);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, `${name}-contrast.json`), JSON.stringify({ violations, measured }, null, 2));
  expect(violations).toEqual([]);
  expect(measured.filter((m) => m.ratio < m.needed)).toEqual([]);
  return measured;
}
