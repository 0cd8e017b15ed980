import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationDetail } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const getApplication = (id: string) =>
  api<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`);

export const applicationQuery = (id: string) =>
  queryOptions({ queryKey: ['staff', 'application', id], queryFn: () => getApplication(id) });

export const useApplication = (id: string) => useQuery(applicationQuery(id));
