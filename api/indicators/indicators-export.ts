import express, { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Clock } from '../../domain/clock';
import { indicatorCellPolicy } from '../access/policies/indicators.policy';
import { decide } from '../../domain/access/policy';
import { OPERATION_POLICIES } from '../access/policy-table';
import { hasAnyRole } from '../../domain/access/viewer-scope';
import { AppError, BadInput, Forbidden, Unauthenticated } from '../../domain/errors';
import { CSV_DIALECTS, toCsv } from '../../domain/indicators/indicators-csv';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { PeriodUnit } from '../../domain/indicators/indicator-period';
import { ALL_DISTRICTS, checkCalendarPeriod, IndicatorCellRow, indicatorCells } from './indicators.service';
import { INDICATOR_NAMES } from '../../domain/indicators/indicators';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';

export const INDICATORS_CSV_PATH = '/exports/indicators.csv';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

const HEADERS = {
  sv: ['Område', 'Period', 'Indikator', 'Värde', 'Täljare', 'Nämnare', 'Pågående', 'Dold', 'Uppföljningen pågår', 'Definition'],
  en: ['District', 'Period', 'Indicator', 'Value', 'Numerator', 'Denominator', 'Pending', 'Suppressed', 'Follow-up window open', 'Definition'],
};

const YES_NO = { sv: ['Ja', 'Nej'], en: ['Yes', 'No'] } as const;

type Lang = keyof typeof HEADERS;

function csvRow(cell: IndicatorCellRow, lang: Lang) {
  const yesNo = (flag: boolean) => YES_NO[lang][flag ? 0 : 1];
  return [
    cell.districtId === null ? ALL_DISTRICTS[lang] : cell.districtName, cell.period, INDICATOR_NAMES[cell.indicator][lang], cell.value,
    cell.numerator, cell.denominator, cell.pending, yesNo(cell.suppressed), yesNo(cell.windowOpen), lang === 'sv' ? cell.definitionSv : cell.definitionEn,
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

/**
 * GET /exports/indicators.csv?unit=MONTH|QUARTER|YEAR&from=2026-01&to=2026-06&lang=sv|en: the cells of
 * `indicators` under the same rules (the operation's roles, then each
 * cell's row grants), as a spreadsheet.
 */
export function indicatorsExport(dataSource: DataSource, verifyToken: TokenVerifier, clock: Clock): express.RequestHandler {
  return async (req: Request, res: Response, next) => {
    try {
      const token = bearerToken(req.header('authorization'));
      if (!token) throw new Unauthenticated();
      const { scope } = await loadViewer(dataSource, await verifyToken(token), clock.now());
      if (!hasAnyRole(scope, OPERATION_POLICIES.Query.indicators ?? [])) throw new Forbidden('Your role does not allow indicators.', 'indicators');
      const period = { unit: unitParam(req), from: textParam(req, 'from'), to: textParam(req, 'to') };
      const range = checkCalendarPeriod(period, null);
      const lang: Lang = req.query.lang === 'en' ? 'en' : 'sv';
      const cells = (await inViewerScope(dataSource, rowScopeOf(scope), (manager) => indicatorCells(manager, scope, period, range, clock.now())))
        .filter((cell) => decide(scope, indicatorCellPolicy.rows, indicatorCellPolicy.facts(cell)).allowed);
      const csv = toCsv([
        HEADERS[lang],
        ...cells.map((c) => csvRow(c, lang)),
      ], CSV_DIALECTS[lang]);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="indicators-${period.from}-${period.to}.csv"`);
      res.send(csv);
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
    }
  };
}
