import { ScopeContributor } from './scope-contributor';

/**
 * The modules that add to the viewer's per-request scope (talk invitations,
 * case teams and consents). One line per module; empty until talks and
 * collaboration register theirs. See docs/adding-a-module.md.
 */
export const SCOPE_CONTRIBUTORS: readonly ScopeContributor[] = [];
