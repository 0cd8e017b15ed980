// GET /forum/moderation: flagged and held posts of the spaces I moderate (staff: all).
import { useQuery } from '@tanstack/react-query';
import type { ModerationQueue } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const getModerationQueue = (space?: string) =>
  api<ModerationQueue>('/forum/moderation', { query: { space } });

export function useModerationQueue(space: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['forum', 'moderation', space ?? null],
    queryFn: () => getModerationQueue(space),
    enabled,
  });
}
