import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.js';

export interface MeetingValues {
  heldOn: string;
  participants: string;
  notes: string;
}

export const createMeeting = (slug: string, v: MeetingValues) =>
  api<unknown>(`/organizations/${encodeURIComponent(slug)}/meetings`, {
    method: 'POST',
    body: { heldOn: v.heldOn, participants: v.participants.trim(), notes: v.notes.trim() || null },
  });

export function useCreateMeeting(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: MeetingValues) => createMeeting(slug, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['staff', 'meetings', slug] }),
  });
}
