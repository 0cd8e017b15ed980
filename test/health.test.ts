import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('system endpoints', () => {
  it('should report health with the database kind', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
    expect(res.json().database).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('should serve an OpenAPI 3.1 document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
    expect(Object.keys(res.json().paths)).toContain('/api/health');
  });

  it('should answer unknown API paths with a 404 error body', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('should refuse malformed JSON with a 400, not a 500', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
  it('should refuse the NUL character anywhere in a request with a 400 naming the field', async () => {
    const inQuery = await ctx.app.inject({ method: 'GET', url: '/api/v1/organizations?q=a%00b' });
    expect(inQuery.statusCode).toBe(400);
    expect(inQuery.json().error.details.fields[0].path).toBe('querystring.q');

    const inBody = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/newsletter/subscriptions',
      headers: { origin: ctx.config.publicUrl },
      payload: { email: 'nul@example.org', name: 'A\u0000B', locale: 'it' },
    });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json().error.details.fields[0].path).toBe('body.name');

    const inPath = await ctx.app.inject({ method: 'GET', url: '/api/v1/organizations/abc%00def' });
    expect(inPath.statusCode).toBe(400);
  });
});
