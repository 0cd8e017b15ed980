// GET /mentoring/actions?overdue=true: overdue actions of the engagements I see.
import { useQuery } from '@tanstack/react-query';
import type { ActionList } from '../../../../shared/mentoring.js';
import { api } from '../../../lib/api-client.js';

export const listOverdueActions = () =>
  api<ActionList>('/mentoring/actions', { query: { overdue: 'true', limit: 50 } });

export function useOverdueActions() {
  return useQuery({ queryKey: ['mentoring', 'actions', 'overdue'], queryFn: listOverdueActions });
}
