// POST /applications/{id}/approve | reject | request-changes: the three decisions share one shape.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export type ReviewDecision = 'approve' | 'reject' | 'request-changes';

export const reviewApplication = (id: string, decision: ReviewDecision, note: string) =>
  api<unknown>(`/applications/${encodeURIComponent(id)}/${decision}`, {
    method: 'POST',
    body: { note: note.trim() === '' ? null : note.trim() },
  });

export function useReviewApplication(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, note }: { decision: ReviewDecision; note: string }) =>
      reviewApplication(id, decision, note),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff'] }),
  });
}
