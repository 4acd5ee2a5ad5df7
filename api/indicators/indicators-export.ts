import express, { Request, Response } from 'express';
import { INDICATORS_ACCESS, indicatorCellPolicy } from './indicators.policy';
import { decide } from '../../domain/access/policy';
import { hasAnyRole } from '../../domain/access/viewer-scope';
import { AppError, BadInput, Forbidden, Unauthenticated } from '../../domain/errors';
import { CSV_DIALECTS, toCsv } from '../../domain/indicators/indicators-csv';
import { bearerToken, TokenVerifier } from '../auth/token-verifier';
import { loadViewer } from '../auth/viewer.loader';
import { AppDeps, ModuleRoute } from '../context';
import { PeriodUnit } from '../../domain/indicators/indicator-period';
import { checkCalendarPeriod, reportIndicatorCells } from './indicators.service';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';

export const INDICATORS_CSV_PATH = '/exports/indicators.csv';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

const HEADERS = {
  sv: ['Område', 'Indikator', 'Värde', 'Täljare', 'Nämnare', 'Pågående', 'Undertryckt', 'Från', 'Till', 'Definition'],
  en: ['District', 'Indicator', 'Value', 'Numerator', 'Denominator', 'Pending', 'Suppressed', 'From', 'To', 'Definition'],
};

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
 * `reportIndicators` under the same rules (the operation's roles, then each
 * cell's row grants), as a spreadsheet.
 */
export function indicatorsExport(deps: AppDeps, verifyToken: TokenVerifier): express.RequestHandler {
  const { dataSource, clock } = deps;
  return async (req: Request, res: Response, next) => {
    try {
      const token = bearerToken(req.header('authorization'));
      if (!token) throw new Unauthenticated();
      const { scope } = await loadViewer(deps, await verifyToken(token), clock.now());
      if (!hasAnyRole(scope, INDICATORS_ACCESS.queries?.reportIndicators ?? []))
        throw new Forbidden('Your role does not allow reportIndicators.', 'reportIndicators');
      const period = { unit: unitParam(req), from: textParam(req, 'from'), to: textParam(req, 'to') };
      const range = checkCalendarPeriod(period, null);
      const lang = req.query.lang === 'en' ? 'en' : 'sv';
      const cells = (
        await inViewerScope(dataSource, rowScopeOf(scope), (manager) => reportIndicatorCells(manager, scope, range, clock.now()))
      ).filter((cell) => decide(scope, indicatorCellPolicy.rows, indicatorCellPolicy.facts(cell)).allowed);
      const csv = toCsv(
        [
          HEADERS[lang],
          ...cells.map((c) => [
            c.districtName,
            c.indicator,
            c.value,
            c.numerator,
            c.denominator,
            c.pending,
            c.suppressed,
            period.from,
            period.to,
            c.formula,
          ]),
        ],
        CSV_DIALECTS[lang],
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="indicators-${period.from}-${period.to}.csv"`);
      res.send(csv);
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      res
        .status(STATUS[error.code] ?? 400)
        .json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
    }
  };
}

export const INDICATORS_CSV_ROUTE: ModuleRoute = { path: INDICATORS_CSV_PATH, method: 'get', rateLimited: true, handler: indicatorsExport };
