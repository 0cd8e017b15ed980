// Notification centre: list, unread count, mark as read, owner-only access, text in the recipient's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/app.js';
import { notify } from './notifications.service.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const texts = (l: string) =>
  ({ it: { title: 'Ciao', body: 'Corpo' }, en: { title: 'Hello', body: 'Body' }, ar: { title: 'مرحبا' } })[
    l as 'it' | 'en' | 'ar'
  ];

describe('notification centre', () => {
  it('should store each notification in the recipient’s language and list only my own, newest first', async () => {
    const anna = await t.newUser();
    const omar = await t.newUser();
    await t.db.updateTable('users').set({ locale: 'ar' }).where('id', '=', omar.id).execute();
    await t.db.transaction().execute(async (tx) => {
      await notify(tx, { userIds: [anna.id, omar.id, anna.id], kind: 'test.first', link: '/x', text: texts });
      await notify(tx, { userIds: [anna.id], kind: 'test.second', text: texts });
    });
    const a = (await t.injectAs(anna, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(a.items.map((n: { title: string }) => n.title)).toEqual(['Ciao', 'Ciao']);
    expect(a.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['test.first', 'test.second']);
    const o = (await t.injectAs(omar, { method: 'GET', url: '/api/v1/notifications' })).json();
    expect(o.items).toHaveLength(1);
    expect(o.items[0]).toMatchObject({ title: 'مرحبا', body: '', link: '/x', readAt: null });
  });

  it('should count unread notifications and mark one or all as read', async () => {
    const u = await t.newUser();
    await t.db.transaction().execute((tx) => notify(tx, { userIds: [u.id, u.id], kind: 'k', text: texts }));
    await t.db.transaction().execute((tx) => notify(tx, { userIds: [u.id], kind: 'k', text: texts }));
    await t.db.transaction().execute((tx) => notify(tx, { userIds: [u.id], kind: 'k', text: texts }));
    const count = async () =>
      (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications/unread-count' })).json();
    expect(await count()).toEqual({ count: 3, capped: false });
    const list = (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications' })).json();
    const first = list.items[0].id;
    const read = await t.injectAs(u, { method: 'POST', url: `/api/v1/notifications/${first}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await count()).count).toBe(2);
    const unread = (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications?unread=true' })).json();
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(first);
    const all = await t.injectAs(u, { method: 'POST', url: '/api/v1/notifications/read-all' });
    expect(all.json()).toEqual({ updated: 2 });
    expect((await count()).count).toBe(0);
  });

  it('should page by cursor without repeating or skipping', async () => {
    const u = await t.newUser();
    for (let i = 0; i < 5; i++) {
      await t.db.transaction().execute((tx) => notify(tx, { userIds: [u.id], kind: `k${i}`, text: texts }));
    }
    const seen: string[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = (await t.injectAs(u, { method: 'GET', url: `/api/v1/notifications?limit=2${q}` })).json();
      seen.push(...res.items.map((n: { kind: string }) => n.kind));
      times.push(...res.items.map((n: { createdAt: string }) => n.createdAt));
      cursor = res.nextCursor;
    } while (cursor);
    // Newest first; notifications created in the same instant may come in either order, never twice.
    expect([...times].sort().reverse()).toEqual(times);
    expect([...seen].sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    const bad = await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications?cursor=nope' });
    expect(bad.statusCode).toBe(400);
  });

  it('should let nobody but the recipient see or mark a notification', async () => {
    const owner = await t.newUser();
    const other = await t.newUser();
    const staff = await t.newUser({ networkRole: 'admin' });
    await t.db
      .transaction()
      .execute((tx) => notify(tx, { userIds: [owner.id], kind: 'private', text: texts }));
    const id = (await t.injectAs(owner, { method: 'GET', url: '/api/v1/notifications' })).json().items[0].id;
    for (const u of [other, staff]) {
      expect(
        (await t.injectAs(u, { method: 'POST', url: `/api/v1/notifications/${id}/read` })).statusCode,
      ).toBe(404);
      const list = (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications' })).json();
      expect(list.items.map((n: { id: string }) => n.id)).not.toContain(id);
    }
    expect(
      (await t.injectAs(other, { method: 'POST', url: '/api/v1/notifications/read-all' })).json(),
    ).toEqual({
      updated: 0,
    });
    const still = (
      await t.injectAs(owner, { method: 'GET', url: '/api/v1/notifications/unread-count' })
    ).json();
    expect(still.count).toBe(1);
    for (const url of ['/api/v1/notifications', '/api/v1/notifications/unread-count']) {
      expect((await t.injectAs(null, { method: 'GET', url })).statusCode).toBe(401);
    }
    expect(
      (await t.injectAs(null, { method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode,
    ).toBe(401);
  });

  it('should cap the unread count so the badge stays cheap', async () => {
    const u = await t.newUser();
    const ids = Array.from({ length: 105 }, () => u.id);
    // notify de-duplicates recipients, so insert many rows through repeated calls in one transaction.
    await t.db.transaction().execute(async (tx) => {
      for (const _ of ids) await notify(tx, { userIds: [u.id], kind: 'bulk', text: texts });
    });
    const c = (await t.injectAs(u, { method: 'GET', url: '/api/v1/notifications/unread-count' })).json();
    expect(c).toEqual({ count: 100, capped: true });
  });
});
