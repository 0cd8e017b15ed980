// GET /mentoring/engagements/{id}/candidates (mentor, org admin, staff): the organisation's members.
import { useQuery } from '@tanstack/react-query';
import type { CandidateList } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const listCandidates = (id: string) =>
  api<CandidateList>(`/mentoring/engagements/${encodeURIComponent(id)}/candidates`);

export const useCandidates = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['mentoring', 'engagement', id, 'candidates'],
    queryFn: () => listCandidates(id),
    enabled,
  });
