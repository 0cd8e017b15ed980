import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { OutboxPage } from '../../../../shared/mail.js';
import { api } from '../../../lib/api-client.js';

export const listOutbox = (to: string, before: string | null) =>
  api<OutboxPage>('/mail/outbox', { query: { to: to || undefined, before: before ?? undefined, limit: 30 } });

export const outboxQuery = (to: string) =>
  infiniteQueryOptions({
    queryKey: ['staff', 'outbox', to],
    queryFn: ({ pageParam }) => listOutbox(to, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useOutbox = (to: string) => useInfiniteQuery(outboxQuery(to));
