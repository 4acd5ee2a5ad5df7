import type { ReactNode } from 'react';
import type { Messages } from './i18n/messages';
import { matchPath } from './router';
import { hasRole, type ViewerData } from './viewer';

/** A page: who may open it (`null`: every signed-in user) and its title in the browser's tab. */
export interface WebRoute {
  readonly path: string;
  readonly roles: readonly string[] | null;
  render(params: Record<string, string>): ReactNode;
  title(t: Messages): string;
}

/** A main-menu entry. `order` places it in the one menu all modules add to; a viewer's first entry is their home. */
export interface NavItem {
  readonly href: string;
  readonly label: (t: Messages) => string;
  readonly roles: readonly string[];
  readonly order: number;
}

/** What a module's `web/src/<m>/<m>.web.tsx` adds to the app, as `export const WEB_MODULE`. */
export interface WebModule {
  readonly routes?: readonly WebRoute[];
  readonly nav?: readonly NavItem[];
}

export interface WebApp {
  readonly routes: readonly WebRoute[];
  readonly nav: readonly NavItem[];
}

/** The app's pages and menu from every module's descriptor (keyed by file); a path or a menu place is claimed once. */
export function foldWebModules(files: Record<string, WebModule | undefined>): WebApp {
  const paths = new Map<string, string>();
  const orders = new Map<number, string>();
  const claim = <K>(owners: Map<K, string>, key: K, file: string, what: string) => {
    const first = owners.get(key);
    if (first) throw new Error(`${what} ${String(key)} is claimed by ${first} and ${file}: keep one`);
    owners.set(key, file);
  };
  for (const [file, module] of Object.entries(files)) {
    if (!module) throw new Error(`${file} exports no WEB_MODULE`);
    module.routes?.forEach((r) => claim(paths, r.path, file, 'Route'));
    module.nav?.forEach((n) => claim(orders, n.order, file, 'Menu place'));
  }
  const modules = Object.values(files).filter((m) => m !== undefined);
  return {
    routes: modules.flatMap((m) => m.routes ?? []),
    nav: modules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order),
  };
}

const staticSegments = (path: string) => path.split('/').filter((s) => !s.startsWith(':')).length;

/** The page for a path; a fixed segment beats a parameter (`/talks/mine` before `/talks/:id`), whichever module has it. */
export function findRoute(routes: readonly WebRoute[], pathname: string): { route: WebRoute; params: Record<string, string> } | null {
  let best: { route: WebRoute; params: Record<string, string> } | null = null;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params && (!best || staticSegments(route.path) > staticSegments(best.route.path))) best = { route, params };
  }
  return best;
}

/** The viewer's menu: the entries their roles may open, each page once (the first entry for it wins). */
export function navFor(nav: readonly NavItem[], viewer: ViewerData): NavItem[] {
  const seen = new Set<string>();
  return nav.filter((item) => hasRole(viewer, ...item.roles) && !seen.has(item.href) && seen.add(item.href));
}
