// Reference lists (regions, provinces, fields, enums): they change rarely, so they are fetched once per visit.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReferenceResponse } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getReference = () => api<ReferenceResponse>('/reference');

export const referenceQuery = queryOptions({
  queryKey: ['reference'],
  queryFn: getReference,
  staleTime: Number.POSITIVE_INFINITY,
});

export function useReference() {
  return useQuery(referenceQuery);
}
