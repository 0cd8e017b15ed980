// POST /newsletter/campaigns/:id/test (staff): send the campaign to one address.
import { useMutation } from '@tanstack/react-query';
import type { TestSendBody } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const sendTest = (id: string, body: TestSendBody) =>
  api<{ status: 'queued' }>(`/newsletter/campaigns/${encodeURIComponent(id)}/test`, { method: 'POST', body });

export function useSendTest(id: string) {
  return useMutation({ mutationFn: (body: TestSendBody) => sendTest(id, body) });
}
