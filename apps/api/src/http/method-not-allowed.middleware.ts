import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface DocumentedPath {
  template: string;
  pattern: RegExp;
  /** Template parameters: a literal path (/dead-letters/counts) wins over a templated one (/dead-letters/{seq}). */
  params: number;
  allow: string[];
}

/** The methods the OpenAPI document lists for each path, HEAD with GET (Express answers it), most literal first. */
export function documentedPaths(paths: Record<string, Record<string, unknown>>): DocumentedPath[] {
  return Object.entries(paths)
    .map(([template, item]) => {
      const methods = HTTP_METHODS.filter((method) => method in item).map((method) => method.toUpperCase());
      if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return { template, pattern: new RegExp(`^${source}/?$`), params: (template.match(/\{/g) ?? []).length, allow: methods };
    })
    .sort((a, b) => a.params - b.params);
}

/**
 * A documented path asked with a method it does not have gets 405 with `Allow` (RFC 9110 §15.5.6), not the 404
 * of an unknown route. OPTIONS passes on (CORS preflight); undocumented paths (/docs) are left to their routes.
 */
export function methodNotAllowedMiddleware(paths: Record<string, Record<string, unknown>>) {
  const documented = documentedPaths(paths);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method === 'OPTIONS') return next();
    const path = request.path;
    const match = documented.find((entry) => entry.pattern.test(path));
    if (!match || match.allow.includes(request.method)) return next();
    const allow = match.allow.join(', ');
    response
      .status(405)
      .setHeader('Allow', allow)
      .setHeader('Cache-Control', 'no-store')
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          type: problemType('method-not-allowed'),
          title: STATUS_CODES[405],
          status: 405,
          detail: `${request.method} is not allowed on ${match.template}; allowed: ${allow}`,
          instance: path,
        }),
      );
  };
}
