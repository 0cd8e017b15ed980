import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OutboxMail } from '../../../../shared/mail.js';
import { api } from '../../../lib/api-client.js';

export const getOutboxMail = (id: string) => api<OutboxMail>(`/mail/outbox/${encodeURIComponent(id)}`);

export const outboxMailQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'outbox-mail', id], queryFn: () => getOutboxMail(id) });

export const useOutboxMail = (id: string | null) =>
  useQuery({ ...outboxMailQuery(id ?? ''), enabled: id !== null });
