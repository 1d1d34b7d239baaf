import { BadRequestException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { CursorError } from '../read/cursor.codec';
import { problemOf } from './problem';

describe('problemOf', () => {
  it('turns invalid parameters into a 400 that names each one', () => {
    const error = new BadRequestException({ message: 'invalid query: person must be a string', issues: [{ parameter: 'person', message: 'must be a string' }] });
    expect(problemOf(error, '/v1/articles', 'c-1')).toEqual({
      problem: {
        type: 'urn:baoxun:problem:invalid-parameters',
        title: 'Bad Request',
        status: 400,
        detail: 'invalid query: person must be a string',
        instance: '/v1/articles',
        correlationId: 'c-1',
        errors: [{ parameter: 'person', message: 'must be a string' }],
      },
      log: false,
    });
  });

  it('keeps the message of 404 and 401, and names the kind of problem', () => {
    expect(problemOf(new NotFoundException('no article ar_x'), '/v1/articles/ar_x').problem).toMatchObject({ type: 'urn:baoxun:problem:not-found', status: 404, detail: 'no article ar_x' });
    expect(problemOf(new UnauthorizedException('invalid API key'), '/v1/admin/x').problem).toMatchObject({ type: 'urn:baoxun:problem:unauthorized', status: 401 });
  });

  it('says 429 plainly', () => {
    expect(problemOf(new ThrottlerException(), '/v1/articles').problem).toMatchObject({ status: 429, type: 'urn:baoxun:problem:too-many-requests' });
  });

  it('maps a cursor of the right form that names no place in the query to a 404 on the cursor parameter', () => {
    const { problem } = problemOf(new CursorError('belongs to another query'), '/v1/articles');
    expect(problem).toMatchObject({ status: 404, type: 'urn:baoxun:problem:cursor-not-found' });
    expect(problem.errors).toEqual([{ parameter: 'cursor', message: 'belongs to another query' }]);
  });

  it('passes body-parser client errors through (413)', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });
    expect(problemOf(tooLarge, '/v1/admin/x').problem).toMatchObject({ status: 413, type: 'urn:baoxun:problem:payload-too-large' });
  });

  it('answers store timeouts and outages with 503, and anything else with a 500 that hides internals', () => {
    expect(problemOf(Object.assign(new Error('operation exceeded time limit'), { code: 50 }), '/v1/articles')).toMatchObject({ problem: { status: 503, type: 'urn:baoxun:problem:query-timeout' }, log: true });
    const down = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(problemOf(down, '/v1/articles').problem).toMatchObject({ status: 503, type: 'urn:baoxun:problem:store-unavailable' });
    const internal = problemOf(new TypeError('secret path /srv/x'), '/v1/articles');
    expect(internal).toMatchObject({ problem: { status: 500 }, log: true });
    expect(internal.problem.detail).not.toContain('secret');
  });
});
