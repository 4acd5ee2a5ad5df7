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
import { reportIndicatorCells } from './indicators.service';
import { inViewerScope, rowScopeOf } from '../../db/access/row-scope';

export const INDICATORS_CSV_PATH = '/exports/indicators.csv';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

const HEADERS = {
  sv: ['Område', 'Indikator', 'Värde', 'Täljare', 'Nämnare', 'Undertryckt', 'Från', 'Till', 'Definition'],
  en: ['District', 'Indicator', 'Value', 'Numerator', 'Denominator', 'Suppressed', 'From', 'To', 'Definition'],
};

function dateParam(req: Request, name: 'from' | 'to'): Date {
  const raw = req.query[name];
  const date = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(raw) ? new Date(raw) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new BadInput(name, `"${name}" must be a date such as 2026-01-01.`, `"${name}" måste vara ett datum, till exempel 2026-01-01.`);
  }
  return date;
}

/**
 * GET /exports/indicators.csv?from=…&to=…&lang=sv|en: the cells of
 * `reportIndicators` under the same rules (the operation's roles, then each
 * cell's row grants), as a spreadsheet.
 */
export function indicatorsExport(dataSource: DataSource, verifyToken: TokenVerifier, clock: Clock): express.RequestHandler {
  return async (req: Request, res: Response, next) => {
    try {
      const token = bearerToken(req.header('authorization'));
      if (!token) throw new Unauthenticated();
      const { scope } = await loadViewer(dataSource, await verifyToken(token), clock.now());
      if (!hasAnyRole(scope, OPERATION_POLICIES.Query.reportIndicators ?? [])) throw new Forbidden('Your role does not allow reportIndicators.', 'reportIndicators');
      const from = dateParam(req, 'from');
      const to = dateParam(req, 'to');
      const lang = req.query.lang === 'en' ? 'en' : 'sv';
      const cells = (await inViewerScope(dataSource, rowScopeOf(scope), (manager) => reportIndicatorCells(manager, scope, from, to)))
        .filter((cell) => decide(scope, indicatorCellPolicy.rows, indicatorCellPolicy.facts(cell)).allowed);
      const period = [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)];
      const csv = toCsv([
        HEADERS[lang],
        ...cells.map((c) => [c.districtName, c.indicator, c.value, c.numerator, c.denominator, c.suppressed, ...period, c.formula]),
      ], CSV_DIALECTS[lang]);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="indicators-${period[0]}-${period[1]}.csv"`);
      res.send(csv);
    } catch (error) {
      if (!(error instanceof AppError)) return next(error);
      res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
    }
  };
}
