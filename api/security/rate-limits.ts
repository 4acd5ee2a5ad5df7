import { ApolloServerPlugin } from '@apollo/server';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimited } from '../../domain/errors';
import type { RateLimitConfig } from '../../platform/config';
import { RequestContext } from '../context';
import { RateLimitDecision, RateLimiter } from './rate-limiter';

/**
 * Per user: an Apollo plugin, so it counts operations whichever way they
 * arrive (HTTP or executeOperation) and knows who the viewer is. The hit is
 * counted when the request starts and refused once the operation is known.
 */
export function userRateLimit(limiter: RateLimiter, config: RateLimitConfig): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const userId = contextValue.viewer?.scope.userId;
      if (!userId) return;
      const decision = await limiter.hit(`user:${userId}`, config.perUser);
      return {
        async didResolveOperation({ response }) {
          if (decision.allowed) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(decision.retryAfterSeconds));
          throw new RateLimited(decision.retryAfterSeconds);
        },
      };
    },
  };
}

export function rateLimitedBody(decision: RateLimitDecision, requestId: string) {
  const error = new RateLimited(decision.retryAfterSeconds);
  return { errors: [{ message: error.message, extensions: { code: error.code, ...error.details, requestId } }] };
}

/** Per IP address: before the body is even read, so a flood costs as little as possible. */
export function ipRateLimit(limiter: RateLimiter, config: RateLimitConfig): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const decision = await limiter.hit(`ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`, config.perIp);
    if (decision.allowed) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    res.status(429).json(rateLimitedBody(decision, res.locals.requestId as string));
  };
}
