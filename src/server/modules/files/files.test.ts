import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type TestContext } from '../../../../test/app.js';

let t: TestContext;

const multipart = (filename: string, contentType: string, data: Buffer) =>
  multipartFile(filename, data, contentType);

const upload = (filename: string, contentType: string, data: Buffer) =>
  t.injectAs(null, {
    method: 'POST',
    url: '/api/v1/uploads/logo',
    ...multipart(filename, contentType, data),
  });

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('logo upload', () => {
  it('should accept a PNG, re-encode it to WebP within 512×512 and serve it with a long cache', async () => {
    const png = await sharp({
      create: { width: 1200, height: 600, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const res = await upload('logo.png', 'image/png', png);
    expect(res.statusCode).toBe(201);
    const { fileId, url } = res.json();
    expect(url).toBe(`/api/v1/files/${fileId}`);

    const row = await t.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ purpose: 'logo', content_type: 'image/webp', width: 512, height: 256 });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);

    const got = await t.injectAs(null, { method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/webp');
    expect(got.headers['cache-control']).toContain('max-age=31536000');
    const meta = await sharp(got.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 256 });
  });

  it('should accept JPEG and WebP and keep a small image at its size', async () => {
    for (const fmt of ['jpeg', 'webp'] as const) {
      const img = await sharp({ create: { width: 100, height: 80, channels: 3, background: '#336699' } })
        [fmt]()
        .toBuffer();
      const res = await upload(`logo.${fmt}`, `image/${fmt}`, img);
      expect(res.statusCode).toBe(201);
      const row = await t.db
        .selectFrom('files')
        .select(['width', 'height'])
        .where('id', '=', res.json().fileId)
        .executeTakeFirst();
      expect(row).toEqual({ width: 100, height: 80 });
    }
  });

  it('should refuse an SVG with 415, even when named .png', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    );
    for (const [name, type] of [
      ['logo.svg', 'image/svg+xml'],
      ['logo.png', 'image/png'],
    ] as const) {
      const res = await upload(name, type, svg);
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('should refuse a text file renamed .png with 415', async () => {
    const res = await upload(
      'logo.png',
      'image/png',
      Buffer.from('just some text, not an image\n'.repeat(20)),
    );
    expect(res.statusCode).toBe(415);
  });

  it('should refuse a file over 2 MB with 413', async () => {
    // Random pixels do not compress, so this PNG is well over 2 MB and is a real image.
    const big = await sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await upload('big.png', 'image/png', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should answer 400 without a file and 404 for an unknown or malformed file id', async () => {
    const none = await t.injectAs(null, {
      method: 'POST',
      url: '/api/v1/uploads/logo',
      payload: {},
    });
    expect(none.statusCode).toBeGreaterThanOrEqual(400);
    expect(none.statusCode).toBeLessThan(500);
    expect(
      (await t.injectAs(null, { method: 'GET', url: '/api/v1/files/00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
    expect((await t.injectAs(null, { method: 'GET', url: '/api/v1/files/nope' })).statusCode).toBe(400);
  });
});
