import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationList, ApplicationStatus } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export const listApplications = (status: ApplicationStatus) =>
  api<ApplicationList>('/applications', { query: { status } });

export const applicationsQuery = (status: ApplicationStatus) =>
  queryOptions({
    queryKey: ['staff', 'applications', status],
    queryFn: () => listApplications(status),
    placeholderData: keepPreviousData,
  });

export const useApplications = (status: ApplicationStatus) => useQuery(applicationsQuery(status));
