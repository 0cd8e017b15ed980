// Start-up configuration of file storage: the local folder by default, an S3-compatible bucket when configured.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const keys = { S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };

describe('S3 configuration', () => {
  it('should store files locally when S3_BUCKET is not set', () => {
    expect(loadConfig({}).s3).toBeUndefined();
    expect(loadConfig({ S3_BUCKET: '' }).s3).toBeUndefined();
  });

  it('should talk to AWS with virtual-hosted buckets when no endpoint is given', () => {
    expect(loadConfig({ S3_BUCKET: 'trama', ...keys }).s3).toEqual({
      bucket: 'trama',
      endpoint: undefined,
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: false,
      prefix: '',
    });
  });

  it('should use path-style addressing for a self-hosted endpoint unless told otherwise', () => {
    const env = { S3_BUCKET: 'trama', S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_REGION: 'garage', ...keys };
    const s3 = loadConfig(env).s3;
    expect(s3).toMatchObject({ endpoint: 'http://127.0.0.1:9000', region: 'garage', forcePathStyle: true });
    expect(loadConfig({ ...env, S3_FORCE_PATH_STYLE: '0' }).s3?.forcePathStyle).toBe(false);
    expect(loadConfig({ ...env, S3_PREFIX: '/rete/files/' }).s3?.prefix).toBe('rete/files');
  });

  it('should stop with a message naming the missing key when S3_BUCKET is set without keys', () => {
    expect(() => loadConfig({ S3_BUCKET: 'trama' })).toThrow(ConfigError);
    expect(() => loadConfig({ S3_BUCKET: 'trama', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /S3_SECRET_ACCESS_KEY: required when S3_BUCKET is set/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'trama', S3_SECRET_ACCESS_KEY: 'secret' })).toThrow(
      /S3_ACCESS_KEY_ID: required when S3_BUCKET is set/,
    );
  });

  it('should stop, not fall back to the local folder, when S3 settings come without S3_BUCKET', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', ...keys })).toThrow(
      /S3_BUCKET: required when S3_ENDPOINT is set/,
    );
  });

  it('should refuse an endpoint that is not an http(s) URL and a prefix that could escape', () => {
    expect(() => loadConfig({ S3_BUCKET: 'trama', S3_ENDPOINT: '127.0.0.1:9000', ...keys })).toThrow(
      /S3_ENDPOINT: must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'trama', S3_PREFIX: 'a/../b', ...keys })).toThrow(/S3_PREFIX/);
    expect(() => loadConfig({ S3_BUCKET: 'trama', S3_FORCE_PATH_STYLE: 'maybe', ...keys })).toThrow(
      /S3_FORCE_PATH_STYLE/,
    );
  });
});
