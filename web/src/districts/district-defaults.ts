import { defaultsOf } from '../../../domain/districts/district-setting';
import { DistrictPolicy, foldDistrictSettings } from '../../../domain/districts/district-policy';

/**
 * The documented default of every district setting, from each module's `domain/<m>/<m>.settings.ts`, found by Vite's
 * glob as the server finds them on disk, so a module's settings need no line here.
 */
const FILES = import.meta.glob<Record<string, unknown>>('../../../domain/*/*.settings.ts', { eager: true });

export const DEFAULT_DISTRICT_POLICY: DistrictPolicy = defaultsOf(foldDistrictSettings(FILES));
