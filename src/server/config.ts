// Environment parsed and validated once at start-up; the result is frozen and passed into buildApp.
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Trama <noreply@trama.local>'),
  DEMO: boolish.default(true),
  NETWORK_NAME: z.string().min(1).default('Rete Trama'),
  DEFAULT_LANGUAGE: z.enum(['it', 'en', 'ar']).default('it'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TRUST_PROXY: boolish.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAIL_WORKER: boolish.default(true),
  JOB_WORKER: boolish.default(true),
  NEWSLETTER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/]/, 'must be an http:// or https:// URL')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: boolish.optional(),
  S3_PREFIX: z
    .string()
    .regex(/^[\w!.*'()/-]+$/, "only letters, digits and / ! - _ . * ' ( )")
    .refine(
      (p) =>
        !p
          .replace(/^\/+|\/+$/g, '')
          .split('/')
          .some((s) => s === '' || s === '.' || s === '..'),
      'must not contain empty, . or .. segments',
    )
    .optional(),
});

/** Set without S3_BUCKET, these would be ignored silently and files would go to the local folder. */
const S3_NEEDS_BUCKET = [
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
] as const;

export type S3Config = Readonly<{
  bucket: string;
  /** Absent: AWS itself. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** Key prefix without slashes at either end; empty for none. */
  prefix: string;
}>;

export type Config = Readonly<{
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  networkName: string;
  defaultLanguage: 'it' | 'en' | 'ar';
  sessionDays: number;
  trustProxy: boolean;
  logLevel: string;
  mailWorker: boolean;
  /** Run background jobs (reminders, campaign batches) in this process. */
  jobWorker: boolean;
  /** Most newsletter mails moved into the outbox in any one minute (spares the SMTP relay's limits). */
  newsletterRatePerMinute: number;
  /** Folder of the built web app; absent in tests. */
  webDist: string | undefined;
  /** Secure cookies only when served over https. */
  secureCookies: boolean;
  /** Store files in this S3-compatible bucket instead of DATA_DIR/files. */
  s3: S3Config | undefined;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "not set", as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const s3Problems = e.S3_BUCKET
    ? (['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const)
        .filter((name) => !e[name])
        .map((name) => `  ${name}: required when S3_BUCKET is set`)
    : S3_NEEDS_BUCKET.filter((name) => cleaned[name] !== undefined).map(
        (name) => `  S3_BUCKET: required when ${name} is set`,
      );
  if (s3Problems.length) throw new ConfigError(`Invalid configuration:\n${s3Problems.join('\n')}`);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demo: e.DEMO,
    networkName: e.NETWORK_NAME,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    sessionDays: e.SESSION_DAYS,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    mailWorker: e.MAIL_WORKER,
    jobWorker: e.JOB_WORKER,
    newsletterRatePerMinute: e.NEWSLETTER_RATE_PER_MINUTE,
    webDist: path.resolve('dist/web'),
    secureCookies: publicUrl.startsWith('https://'),
    s3:
      e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? Object.freeze({
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT?.replace(/\/$/, ''),
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
            prefix: (e.S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
          })
        : undefined,
  });
}
