import { type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyGuard, presentedApiKey, ReadAccess } from './api-key.guard';

const KEY = 'k'.repeat(24);

class Writes {
  handle() {
    return 'ok';
  }
}
@ReadAccess()
class Reads {
  handle() {
    return 'ok';
  }
}

const contextFor = (controller: new () => { handle(): string }, headers: Record<string, string>): ExecutionContext =>
  ({
    getHandler: () => controller.prototype.handle,
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  }) as unknown as ExecutionContext;

const guard = (settings: { API_KEY?: string; READS_REQUIRE_API_KEY?: boolean }) => new ApiKeyGuard(settings, new Reflector());

describe('ApiKeyGuard', () => {
  it('lets a request with the key through, in x-api-key or as a bearer token', () => {
    expect(guard({ API_KEY: KEY }).canActivate(contextFor(Writes, { 'x-api-key': KEY }))).toBe(true);
    expect(guard({ API_KEY: KEY }).canActivate(contextFor(Writes, { authorization: `Bearer ${KEY}` }))).toBe(true);
  });

  it('refuses a missing, wrong, longer or shorter key', () => {
    const attempts: Array<Record<string, string>> = [{}, { 'x-api-key': 'nope' }, { 'x-api-key': `${KEY}x` }, { 'x-api-key': KEY.slice(1) }, { authorization: `Basic ${KEY}` }];
    for (const headers of attempts) {
      expect(() => guard({ API_KEY: KEY }).canActivate(contextFor(Writes, headers))).toThrow(UnauthorizedException);
    }
  });

  it('never falls open: without API_KEY configured, keyed routes refuse everyone', () => {
    expect(() => guard({}).canActivate(contextFor(Writes, { 'x-api-key': KEY }))).toThrow(/none configured \(API_KEY\)/);
  });

  it('keeps reads public unless READS_REQUIRE_API_KEY is set', () => {
    expect(guard({ API_KEY: KEY }).canActivate(contextFor(Reads, {}))).toBe(true);
    expect(() => guard({ API_KEY: KEY, READS_REQUIRE_API_KEY: true }).canActivate(contextFor(Reads, {}))).toThrow(UnauthorizedException);
    expect(guard({ API_KEY: KEY, READS_REQUIRE_API_KEY: true }).canActivate(contextFor(Reads, { 'x-api-key': KEY }))).toBe(true);
  });

  it('reads the key from the headers', () => {
    expect(presentedApiKey({ 'x-api-key': 'a' })).toBe('a');
    expect(presentedApiKey({ authorization: 'bearer b ' })).toBe('b');
    expect(presentedApiKey({})).toBeUndefined();
  });
});
