import express, { Request, Response } from 'express';
import { EntityManager } from 'typeorm';
import { complianceRowPolicy, INDICATORS_ACCESS, indicatorCellPolicy } from './indicators.policy';
import { COMPLIANCE_CLOCK_NAMES } from '../../domain/indicators/compliance';
import { ComplianceRow, complianceRows } from './compliance.service';
import { decide } from '../../domain/access/policy';
import { hasAnyRole, ViewerScope } from '../../domain/access/viewer-scope';
import { AppError, BadInput, Forbidden, Unauthenticated } from '../../domain/errors';
import { CSV_DIALECTS, toCsv } from '../../domain/indicators/indicators-csv';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { AppDeps, ModuleRoute } from '../context';
import { MonthRange, PeriodUnit } from '../../domain/indicators/indicator-period';
import { ALL_DISTRICTS, CalendarPeriod, checkCalendarPeriod, IndicatorCellRow, indicatorCells } from './indicators.service';
import { INDICATOR_NAMES } from '../../domain/indicators/indicators';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';

export const INDICATORS_CSV_PATH = '/exports/indicators.csv';
export const COMPLIANCE_CSV_PATH = '/exports/compliance.csv';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

const HEADERS = {
  sv: ['Område', 'Period', 'Indikator', 'Värde', 'Täljare', 'Nämnare', 'Pågående', 'Dold', 'Uppföljningen pågår', 'Definition'],
  en: [
    'District',
    'Period',
    'Indicator',
    'Value',
    'Numerator',
    'Denominator',
    'Pending',
    'Suppressed',
    'Follow-up window open',
    'Definition',
  ],
};

const YES_NO = { sv: ['Ja', 'Nej'], en: ['Yes', 'No'] } as const;

type Lang = keyof typeof HEADERS;

function csvRow(cell: IndicatorCellRow, lang: Lang) {
  const yesNo = (flag: boolean) => YES_NO[lang][flag ? 0 : 1];
  return [
    cell.districtId === null ? ALL_DISTRICTS[lang] : cell.districtName,
    cell.period,
    INDICATOR_NAMES[cell.indicator][lang],
    cell.value,
    cell.numerator,
    cell.denominator,
    cell.pending,
    yesNo(cell.suppressed),
    yesNo(cell.windowOpen),
    lang === 'sv' ? cell.definitionSv : cell.definitionEn,
  ];
}

function textParam(req: Request, name: string): string {
  const raw = req.query[name];
  return typeof raw === 'string' ? raw : '';
}

function unitParam(req: Request): PeriodUnit {
  const raw = textParam(req, 'unit') || PeriodUnit.MONTH;
  if ((Object.values(PeriodUnit) as string[]).includes(raw)) return raw as PeriodUnit;
  throw new BadInput('unit', 'Choose the period type MONTH, QUARTER or YEAR.', 'Välj periodtypen MONTH, QUARTER eller YEAR.');
}

type CsvRows = (readonly (string | number | boolean | null)[])[];

/**
 * A CSV route under the operation's rules: the operation's roles, then each row's grants, in the viewer's row scope.
 * `build` gets the checked period and the language and returns the file's name and rows (headings first).
 */
function csvExport(
  deps: AppDeps,
  verifyToken: TokenVerifier,
  operation: 'indicators' | 'complianceReport',
  build: (
    manager: EntityManager,
    scope: ViewerScope,
    period: CalendarPeriod,
    range: MonthRange,
    lang: Lang,
    now: Date,
  ) => Promise<{ name: string; rows: CsvRows }>,
): express.RequestHandler {
  const { dataSource, clock } = deps;
  return async (req: Request, res: Response, next) => {
    try {
      const token = bearerToken(req.header('authorization'));
      if (!token) throw new Unauthenticated();
      const { scope } = await loadViewer(deps, await verifyToken(token), clock.now());
      if (!hasAnyRole(scope, INDICATORS_ACCESS.queries?.[operation] ?? []))
        throw new Forbidden(`Your role does not allow ${operation}.`, operation);
      const period = { unit: unitParam(req), from: textParam(req, 'from'), to: textParam(req, 'to') };
      const range = checkCalendarPeriod(period, null);
      const lang: Lang = req.query.lang === 'en' ? 'en' : 'sv';
      const { name, rows } = await inViewerScope(dataSource, rowScopeOf(scope), (manager) =>
        build(manager, scope, period, range, lang, clock.now()),
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name}-${period.from}-${period.to}.csv"`);
      res.send(toCsv(rows, CSV_DIALECTS[lang]));
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      res
        .status(STATUS[error.code] ?? 400)
        .json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
    }
  };
}

/** GET /exports/indicators.csv?unit=MONTH|QUARTER|YEAR&from=2026-01&to=2026-06&lang=sv|en: the cells of `indicators`, under its rules. */
export function indicatorsExport(deps: AppDeps, verifyToken: TokenVerifier): express.RequestHandler {
  return csvExport(deps, verifyToken, 'indicators', async (manager, scope, period, range, lang, now) => {
    const cells = (await indicatorCells(manager, scope, period, range, now)).filter(
      (cell) => decide(scope, indicatorCellPolicy.rows, indicatorCellPolicy.facts(cell)).allowed,
    );
    return { name: 'indicators', rows: [HEADERS[lang], ...cells.map((c) => csvRow(c, lang))] };
  });
}

const COMPLIANCE_HEADERS = {
  sv: ['Område', 'Månad', 'Klocka', 'Förföll', 'I tid', 'Sent', 'Andel i tid', 'Sena (referens: skäl)'],
  en: ['District', 'Month', 'Clock', 'Fell due', 'Met', 'Late', 'Share met', 'Late (reference: reason)'],
};

/** GET /exports/compliance.csv: the compliance report of `complianceReport`, under its rules; late reports by reference, never a name. */
export function complianceExport(deps: AppDeps, verifyToken: TokenVerifier): express.RequestHandler {
  return csvExport(deps, verifyToken, 'complianceReport', async (manager, scope, _period, range, lang, now) => {
    const rows = (await complianceRows(manager, scope, range, now)).filter(
      (row) => decide(scope, complianceRowPolicy.rows, complianceRowPolicy.facts(row)).allowed,
    );
    const late = (items: ComplianceRow['lateItems']) =>
      items
        .map(
          (i) => `${i.reference}: ${[i.reason, i.reasonText].filter(Boolean).join(' – ') || (lang === 'sv' ? 'inget skäl' : 'no reason')}`,
        )
        .join('; ');
    return {
      name: 'compliance',
      rows: [
        COMPLIANCE_HEADERS[lang],
        ...rows.map((r) => [
          r.districtName,
          r.month,
          COMPLIANCE_CLOCK_NAMES[r.clock as keyof typeof COMPLIANCE_CLOCK_NAMES][lang],
          r.fellDue,
          r.met,
          r.late,
          r.shareMet,
          late(r.lateItems),
        ]),
      ],
    };
  });
}

export const INDICATORS_CSV_ROUTE: ModuleRoute = { path: INDICATORS_CSV_PATH, method: 'get', rateLimited: true, handler: indicatorsExport };
export const COMPLIANCE_CSV_ROUTE: ModuleRoute = { path: COMPLIANCE_CSV_PATH, method: 'get', rateLimited: true, handler: complianceExport };
