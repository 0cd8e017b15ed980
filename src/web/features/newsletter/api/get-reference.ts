// GET /reference: regions and kinds of body for the audience picker (fetched once per visit).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReferenceResponse } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const referenceQuery = queryOptions({
  queryKey: ['reference'],
  queryFn: () => api<ReferenceResponse>('/reference'),
  staleTime: Number.POSITIVE_INFINITY,
});

export function useReference() {
  return useQuery(referenceQuery);
}
