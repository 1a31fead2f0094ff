/**
 * Security headers on every answer, computed once by `helmet` at start-up and then copied onto
 * each reply. The headers never vary per request (no CSP nonces: the web app has no inline
 * script), so running helmet's middleware for every request — as @fastify/helmet does — cost
 * about a third of the API's throughput for nothing (measured with `npm run bench`).
 *
 * The content security policy allows only our own origin: the web app loads its scripts,
 * styles and self-hosted Khmer font from us, and talks only to our API.
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // TLS ends at the load balancer, which also sends HSTS; on a laptop over plain HTTP this
  // directive would break every request.
  upgradeInsecureRequests: null,
};

/** Runs helmet once against a stand-in response and keeps the headers it set. */
export function computeSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet({
    contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })({} as IncomingMessage, response, (error?: unknown) => {
    if (error)
      throw error instanceof Error ? error : new Error('helmet failed to compute the security headers');
  });
  return headers;
}

/**
 * JSON answers of the API are never rendered as documents, so the page-oriented headers
 * (a full CSP, cross-origin isolation) mean nothing for them. They get the short set the
 * OWASP REST Security Cheat Sheet recommends, which keeps every answer several hundred bytes
 * lighter for phones on slow links.
 */
export const API_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

const isApiAnswer = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url.startsWith('/open311/');

export function registerSecurityHeaders(app: FastifyInstance): void {
  const pageHeaders = computeSecurityHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiAnswer(request.url) ? API_SECURITY_HEADERS : pageHeaders);
    done();
  });
}
