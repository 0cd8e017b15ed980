// PUT /forum/spaces/{id}/watch and PUT /forum/threads/{id}/watch: how I hear of new posts (null: stop).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SpaceDetail, ThreadDetail, Watch, WatchMode } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export type WatchTarget = { kind: 'spaces' | 'threads'; id: string };

export const setWatch = (target: WatchTarget, mode: WatchMode | null) =>
  api<Watch>(`/forum/${target.kind}/${encodeURIComponent(target.id)}/watch`, {
    method: 'PUT',
    body: { mode },
  });

export function useSetWatch(target: WatchTarget) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: WatchMode | null) => setWatch(target, mode),
    // The detail is patched in place rather than fetched again: reading a space counts as a visit.
    onSuccess: (w) => {
      qc.setQueriesData<SpaceDetail | ThreadDetail>({ queryKey: ['forum', target.kind, 'detail'] }, (old) =>
        old && old.id === target.id ? { ...old, watch: w.mode } : old,
      );
      if (target.kind === 'spaces') void qc.invalidateQueries({ queryKey: ['forum', 'spaces', 'list'] });
    },
  });
}
