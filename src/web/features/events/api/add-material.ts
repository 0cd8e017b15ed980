// POST /events/{id}/materials (file, multipart: title first) and /materials/links (a link).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EventMaterial } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export type NewMaterial = { title: string; file: File } | { title: string; url: string };

export const addMaterial = (eventId: string, m: NewMaterial) => {
  const base = `/events/${encodeURIComponent(eventId)}/materials`;
  if ('file' in m) {
    const form = new FormData();
    // The server reads fields in order and needs the title before the file.
    form.append('title', m.title);
    form.append('file', m.file);
    return api<EventMaterial>(base, { method: 'POST', body: form });
  }
  return api<EventMaterial>(`${base}/links`, { method: 'POST', body: { title: m.title, url: m.url } });
};

export function useAddMaterial(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: NewMaterial) => addMaterial(eventId, m),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['events', 'detail', eventId] }),
  });
}
