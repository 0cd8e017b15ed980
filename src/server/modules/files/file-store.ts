// Stored files (logos, documents): in DATA_DIR/files by default, or in an S3-compatible bucket when configured.
// The database keeps metadata and a checksum; both stores lay keys out the same way ("ab/<uuid>.ext").
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../../config.js';

export type FileStore = {
  put(data: Buffer, ext: string): Promise<{ storageKey: string; sha256: string; size: number }>;
  /** The stored bytes, or null when nothing is stored under this key. */
  get(storageKey: string): Promise<Buffer | null>;
  /** Removing a key that is not there is not an error. */
  remove(storageKey: string): Promise<void>;
};

/** The store chosen by the configuration: the S3 bucket when S3_BUCKET is set, else DATA_DIR/files. */
export function fileStoreFromConfig(config: Config): FileStore {
  return config.s3 ? s3FileStore(config.s3) : localFileStore(path.join(config.dataDir, 'files'));
}

function newStorageKey(ext: string): string {
  const id = randomUUID();
  return `${id.slice(0, 2)}/${id}.${ext.replace(/[^a-z0-9]/gi, '')}`;
}

/** Keys come from put(); one with an empty, "." or ".." segment or a backslash is refused by every store. */
function checkStorageKey(key: string): string {
  if (key.includes('\\') || key.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error('storage key escapes the store');
  }
  return key;
}

const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function localFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    const p = path.resolve(root, checkStorageKey(key));
    if (!p.startsWith(path.resolve(root) + path.sep)) throw new Error('storage key escapes the store');
    return p;
  };
  return {
    async put(data, ext) {
      const storageKey = newStorageKey(ext);
      const p = resolve(storageKey);
      await fs.mkdir(path.dirname(p), { recursive: true });
      await fs.writeFile(p, data);
      return { storageKey, sha256: sha256Hex(data), size: data.length };
    },
    async get(storageKey) {
      try {
        return await fs.readFile(resolve(storageKey));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(storageKey) {
      await fs.rm(resolve(storageKey), { force: true });
    },
  };
}

type SdkError = Error & { code?: string; $metadata?: { httpStatusCode?: number } };

const CREDENTIAL_ERRORS = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
]);

function isMissingObject(err: unknown): boolean {
  const e = err as SdkError;
  // NoSuchBucket is also a 404, but it is a configuration mistake, not a missing file.
  return e?.name === 'NoSuchKey' || (e?.$metadata?.httpStatusCode === 404 && e.name !== 'NoSuchBucket');
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph RGW…), under `prefix/` + the same keys as the
 * local store. The AWS SDK is loaded on first use, so a deployment that stores files locally never loads it.
 */
export function s3FileStore(opts: S3Config): FileStore {
  const objectKey = (storageKey: string) =>
    opts.prefix ? `${opts.prefix}/${checkStorageKey(storageKey)}` : checkStorageKey(storageKey);

  let sdk: Promise<{ client: S3Client; m: typeof import('@aws-sdk/client-s3') }> | undefined;
  const load = () => {
    sdk ??= import('@aws-sdk/client-s3').then((m) => ({
      m,
      client: new m.S3Client({
        region: opts.region,
        endpoint: opts.endpoint,
        forcePathStyle: opts.forcePathStyle,
        credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
        // Integrity on upload comes from Content-MD5, which every S3-compatible server checks; the SDK's newer
        // default checksums (CRC32 headers) are refused by some of them.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // A wrong endpoint fails within seconds instead of hanging a request.
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 120_000 },
      }),
    }));
    return sdk;
  };

  const failure = (op: string, key: string, err: unknown) => {
    const e = err as SdkError;
    const code = e?.code ?? e?.name ?? 'Error';
    const status = e?.$metadata?.httpStatusCode;
    const hint = CREDENTIAL_ERRORS.has(code)
      ? ' (check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, and that they may use this bucket)'
      : code === 'NoSuchBucket'
        ? ' (check S3_BUCKET)'
        : status === undefined
          ? ' (check S3_ENDPOINT and that the server is reachable)'
          : '';
    return new Error(
      `S3 ${op} of "${key}" in bucket "${opts.bucket}" failed: ${code}${status ? ` (HTTP ${status})` : ''}` +
        `${e?.message ? `: ${e.message}` : ''}${hint}`,
      { cause: err },
    );
  };

  return {
    async put(data, ext) {
      const storageKey = newStorageKey(ext);
      const Key = objectKey(storageKey);
      const { client, m } = await load();
      try {
        await client.send(
          new m.PutObjectCommand({
            Bucket: opts.bucket,
            Key,
            Body: data,
            ContentLength: data.length,
            ContentMD5: createHash('md5').update(data).digest('base64'),
          }),
        );
      } catch (err) {
        throw failure('put', Key, err);
      }
      return { storageKey, sha256: sha256Hex(data), size: data.length };
    },
    async get(storageKey) {
      const Key = objectKey(storageKey);
      const { client, m } = await load();
      try {
        const res = await client.send(new m.GetObjectCommand({ Bucket: opts.bucket, Key }));
        if (!res.Body) return Buffer.alloc(0);
        return Buffer.from(await res.Body.transformToByteArray());
      } catch (err) {
        if (isMissingObject(err)) return null;
        throw failure('get', Key, err);
      }
    },
    async remove(storageKey) {
      const Key = objectKey(storageKey);
      const { client, m } = await load();
      try {
        await client.send(new m.DeleteObjectCommand({ Bucket: opts.bucket, Key }));
      } catch (err) {
        if (isMissingObject(err)) return;
        throw failure('remove', Key, err);
      }
    },
  };
}
