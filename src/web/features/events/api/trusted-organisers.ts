// GET /events/trusted-organisers and PUT /events/trusted-organisers/{slug}: organisations whose events
// are published without review.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrustedOrganiserList } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const listTrustedOrganisers = () => api<TrustedOrganiserList>('/events/trusted-organisers');

export function useTrustedOrganisers() {
  return useQuery({ queryKey: ['events', 'trusted'], queryFn: listTrustedOrganisers });
}

export const setTrusted = (slug: string, trusted: boolean) =>
  api<TrustedOrganiserList>(`/events/trusted-organisers/${encodeURIComponent(slug)}`, {
    method: 'PUT',
    body: { trusted },
  });

export function useSetTrusted() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, trusted }: { slug: string; trusted: boolean }) => setTrusted(slug, trusted),
    onSuccess: (list) => qc.setQueryData(['events', 'trusted'], list),
  });
}
