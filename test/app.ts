// App factory and fixtures shared by tests: real database, real services; only the edges are faked.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { type Config, loadConfig } from '../src/server/config.js';
import type { Db } from '../src/server/db/database.js';
import type { NetworkRole } from '../src/server/modules/auth/auth.table.js';
import { createSession } from '../src/server/modules/auth/sessions.service.js';
import { type FileStore, fileStoreFromConfig } from '../src/server/modules/files/file-store.js';
import type { MemberRole } from '../src/server/modules/organisations/organisations.table.js';
import type { LegalForm, OrganisationKind } from '../src/shared/organisations.js';
import { testDatabase } from './db.js';

export type TestUser = { id: string; email: string; name: string; cookie: string; csrf: string };

export type TestContext = {
  app: FastifyInstance;
  db: Db;
  config: Config;
  /** The app's file store: DATA_DIR/files, or the S3 bucket when `env` configures one. */
  files: FileStore;
  /** Inject as this user (cookie + CSRF header), or anonymously with null. */
  injectAs: (user: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  newUser: (opts?: {
    networkRole?: NetworkRole | null;
    name?: string;
    email?: string;
    password?: string;
  }) => Promise<TestUser>;
  newOrganisation: (opts?: {
    name?: string;
    status?: 'applicant' | 'member' | 'suspended' | 'departed' | 'rejected';
    visible?: boolean;
    regionCode?: string;
    provinceCode?: string;
    kind?: OrganisationKind;
    legalForm?: LegalForm;
    languages?: string[];
    modules?: string[];
    municipality?: string;
    description?: Record<string, string>;
  }) => Promise<{ id: string; slug: string; name: string }>;
  addMember: (organisationId: string, user: TestUser, role: MemberRole) => Promise<void>;
  /** Re-create the user's session so membership changes are visible. */
  login: (user: TestUser) => Promise<TestUser>;
  close: () => Promise<void>;
};

export const unique = (prefix = 'x') => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const { db, kind } = await testDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trama-test-'));
  const config = {
    ...loadConfig({ DEMO: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }),
    webDist: undefined,
  };
  const files = fileStoreFromConfig(config);
  const app = await buildApp({ config, db, files, dbKind: kind }, { logger: false });
  await app.ready();

  const login = async (user: TestUser): Promise<TestUser> => {
    const s = await createSession(db, user.id, { days: 1 });
    return { ...user, cookie: `trama_session=${s.token}`, csrf: s.csrfToken };
  };

  const ctx: TestContext = {
    app,
    db,
    config,
    files,
    injectAs: (user, opts) => {
      const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
      if (user) {
        headers.cookie = user.cookie;
        headers['x-csrf-token'] ??= user.csrf;
      }
      return app.inject({ ...opts, headers });
    },
    async newUser(opts = {}) {
      const email = opts.email ?? `${unique('user')}@example.org`;
      const { hash } = await import('argon2');
      const row = await db
        .insertInto('users')
        .values({
          email,
          name: opts.name ?? `Test ${email.split('@')[0]}`,
          password_hash: opts.password ? await hash(opts.password, { type: 2 }) : null,
          email_verified_at: new Date(),
          network_role: opts.networkRole ?? null,
        })
        .returning(['id', 'email', 'name'])
        .executeTakeFirstOrThrow();
      return login({ ...row, cookie: '', csrf: '' });
    },
    async newOrganisation(opts = {}) {
      const name = opts.name ?? `Associazione ${unique('org')}`;
      const slug = unique('org');
      const region = opts.regionCode ?? '12';
      const row = await db
        .insertInto('organisations')
        .values({
          slug,
          name,
          kind: opts.kind ?? 'local_association',
          legal_form: opts.legalForm ?? 'aps',
          status: opts.status ?? 'member',
          visible: opts.visible ?? true,
          region_code: region,
          province_code: opts.provinceCode ?? (region === '12' ? 'RM' : null),
          municipality: opts.municipality ?? 'Roma',
          languages: opts.languages ?? ['it'],
          modules: opts.modules ?? ['directory_visibility'],
          description: JSON.stringify(opts.description ?? { it: 'Una associazione di prova.' }),
          joined_at: new Date(),
        })
        .returning(['id', 'slug', 'name'])
        .executeTakeFirstOrThrow();
      return row;
    },
    async addMember(organisationId, user, role) {
      await db
        .insertInto('organisation_members')
        .values({ organisation_id: organisationId, user_id: user.id, role })
        .execute();
    },
    login,
    async close() {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return ctx;
}

/** An inject body for multipart/form-data with one file in the field "file". */
export function multipartFile(filename: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----trama${randomUUID().replaceAll('-', '')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * For a module's authorisation walk: the module's routes in the OpenAPI document (`METHOD /path`, matched by
 * `pattern`) that the walk leaves out, and the walked routes the document does not have (a renamed path).
 * Both must be empty, so a new endpoint cannot ship without its row in the walk.
 */
export async function unwalkedRoutes(
  app: FastifyInstance,
  pattern: RegExp,
  walked: ReadonlyArray<string>,
): Promise<{ unwalked: string[]; unknown: string[] }> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .filter((r) => pattern.test(r));
  const seen = new Set(walked);
  return {
    unwalked: routes.filter((r) => !seen.has(r)),
    unknown: walked.filter((r) => !routes.includes(r)),
  };
}
