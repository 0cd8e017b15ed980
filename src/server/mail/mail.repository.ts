// Staff view of the outbox, paged by keyset. The cursor keeps created_at to the microsecond as text:
// a JS Date would round it to the millisecond and silently skip mails queued in the same millisecond
// (e.g. all mails written by one transaction share one now()).
import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.js';

export type OutboxCursor = { createdAt: string; id: string };

export async function listOutboxPage(
  db: DbOrTx,
  opts: { limit: number; before?: OutboxCursor | undefined; to?: string | undefined },
) {
  // Ordered like the index mail_outbox_created_idx (created_at desc, id asc) so the page is an index walk.
  return db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'to_address',
      'subject',
      'template',
      'locale',
      'status',
      'attempts',
      'created_at',
      'sent_at',
      'last_error',
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'created_at_exact',
      ),
    ])
    .$if(opts.to !== undefined, (q) => q.where(sql`lower(to_address)`, '=', opts.to!.toLowerCase()))
    .$if(opts.before !== undefined, (q) => {
      const at = sql<Date>`${opts.before!.createdAt}::timestamptz`;
      return q.where((eb) =>
        eb.or([
          eb('created_at', '<', at),
          eb.and([eb('created_at', '=', at), eb('id', '>', opts.before!.id)]),
        ]),
      );
    })
    .orderBy('created_at', 'desc')
    .orderBy('id', 'asc')
    .limit(opts.limit)
    .execute();
}
