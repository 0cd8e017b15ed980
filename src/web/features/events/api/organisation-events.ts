// GET /organizations/{slug}/events: the local events an organisation organised and the people reached.
import { useQuery } from '@tanstack/react-query';
import type { OrganisationEvents } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const getOrganisationEvents = (slug: string) =>
  api<OrganisationEvents>(`/organizations/${encodeURIComponent(slug)}/events`);

export function useOrganisationEvents(slug: string) {
  return useQuery({ queryKey: ['events', 'organisation', slug], queryFn: () => getOrganisationEvents(slug) });
}
