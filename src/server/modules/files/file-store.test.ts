// The file store contract, run against the local folder and against a real S3-protocol server on loopback;
// then a resource uploaded and downloaded through the app with its files in the S3 bucket.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, multipartFile, type TestContext, unique } from '../../../../test/app.js';
import { startS3Server, type TestS3 } from '../../../../test/s3.js';
import { type FileStore, localFileStore, s3FileStore } from './file-store.js';

let s3: TestS3;
let localRoot: string;

beforeAll(async () => {
  s3 = await startS3Server();
  localRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-files-'));
});
afterAll(async () => {
  await s3?.close();
  if (localRoot) fs.rmSync(localRoot, { recursive: true, force: true });
});

/** Every byte value, then random bytes: nothing may be altered on the way (no text decoding, no newline fixes). */
const binary = () =>
  Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(70_000)]);

const stores: ReadonlyArray<[string, () => FileStore]> = [
  ['local', () => localFileStore(localRoot)],
  ['S3', () => s3FileStore({ ...s3.config, prefix: 'contract' })],
];

describe.each(stores)('the %s file store', (_name, makeStore) => {
  it('should give back exactly the bytes it stored, with their SHA-256 and size', async () => {
    const store = makeStore();
    const data = binary();
    const stored = await store.put(data, 'pdf');
    expect(stored.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(stored.size).toBe(data.length);
    const back = await store.get(stored.storageKey);
    expect(back?.equals(data)).toBe(true);
  });

  it('should lay out keys as two characters of a UUID, the UUID and a cleaned extension', async () => {
    const { storageKey } = await makeStore().put(Buffer.from('x'), 'P.D/F');
    expect(storageKey).toMatch(
      /^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.PDF$/,
    );
  });

  it('should answer null, not fail, for a key under which nothing is stored', async () => {
    expect(await makeStore().get(`ab/${unique('missing')}.pdf`)).toBeNull();
  });

  it('should remove a file, and accept removing it again', async () => {
    const store = makeStore();
    const { storageKey } = await store.put(Buffer.from('da togliere'), 'txt');
    await store.remove(storageKey);
    await store.remove(storageKey);
    expect(await store.get(storageKey)).toBeNull();
  });

  it('should refuse a storage key that tries to escape the store', async () => {
    const store = makeStore();
    for (const key of ['../x', 'ab/../../x', '/etc/passwd', 'ab//x', 'ab\\..\\x']) {
      await expect(store.get(key), key).rejects.toThrow(/escapes the store/);
      await expect(store.remove(key), key).rejects.toThrow(/escapes the store/);
    }
  });
});

describe('the S3 file store', () => {
  it('should keep the objects under S3_PREFIX with the same keys as the local store', async () => {
    const data = Buffer.from('nel prefisso');
    const { storageKey } = await s3FileStore({ ...s3.config, prefix: 'rete/files' }).put(data, 'txt');
    const whole = s3FileStore({ ...s3.config, prefix: '' });
    expect((await whole.get(`rete/files/${storageKey}`))?.equals(data)).toBe(true);
    expect(await whole.get(storageKey)).toBeNull();
  });

  it('should fail with an error naming the keys, never a missing file, when the secret key is wrong', async () => {
    const { storageKey } = await s3FileStore(s3.config).put(Buffer.from('segreto'), 'txt');
    const wrong = s3FileStore({ ...s3.config, secretAccessKey: 'not-the-secret' });
    await expect(wrong.get(storageKey)).rejects.toThrow(
      /SignatureDoesNotMatch \(HTTP 403\).*S3_SECRET_ACCESS_KEY/,
    );
    await expect(wrong.put(Buffer.from('x'), 'txt')).rejects.toThrow(
      /SignatureDoesNotMatch.*S3_SECRET_ACCESS_KEY/,
    );
    await expect(wrong.remove(storageKey)).rejects.toThrow(/SignatureDoesNotMatch/);
    const unknownKey = s3FileStore({ ...s3.config, accessKeyId: 'NOBODY' });
    await expect(unknownKey.get(storageKey)).rejects.toThrow(/InvalidAccessKeyId.*S3_ACCESS_KEY_ID/);
  });

  it('should fail naming S3_BUCKET, not answer null, when the bucket does not exist', async () => {
    const store = s3FileStore({ ...s3.config, bucket: 'no-such-bucket' });
    await expect(store.get('ab/x.pdf')).rejects.toThrow(/NoSuchBucket.*S3_BUCKET/);
  });

  it('should fail naming S3_ENDPOINT when nothing answers there', async () => {
    const store = s3FileStore({ ...s3.config, endpoint: 'http://127.0.0.1:9' });
    await expect(store.get('ab/x.pdf')).rejects.toThrow(/S3_ENDPOINT/);
  });
});

describe('resources stored in S3', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext(s3.env);
  });
  afterAll(() => t?.close());

  it('should serve a downloaded document identical to the uploaded one, kept in the bucket', async () => {
    expect(t.config.s3?.bucket).toBe(s3.bucket);
    const staff = await t.newUser({ networkRole: 'staff' });
    const created = await t.injectAs(staff, {
      method: 'POST',
      url: '/api/v1/resources',
      payload: { kind: 'toolkit', title: { it: `Toolkit ${unique()}` }, status: 'published' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument();
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.text('Guida in S3');
      doc.end();
    });
    const up = await t.injectAs(staff, {
      method: 'POST',
      url: `/api/v1/resources/${id}/versions`,
      ...multipartFile('guida.pdf', pdf),
    });
    expect(up.statusCode).toBe(201);
    const version = up.json() as { sha256: string };
    expect(version.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const dl = await t.injectAs(null, { method: 'GET', url: `/api/v1/resources/${id}/download` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.rawPayload.equals(pdf)).toBe(true);

    // In the bucket, and not in the local folder.
    const row = await t.db
      .selectFrom('files')
      .select('storage_key')
      .where('sha256', '=', version.sha256)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect((await s3FileStore(s3.config).get(row.storage_key))?.equals(pdf)).toBe(true);
    expect(fs.existsSync(path.join(t.config.dataDir, 'files', row.storage_key))).toBe(false);
  });
});
