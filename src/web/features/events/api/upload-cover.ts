// POST /events/covers: the cover image, uploaded before the event is saved.
import { useMutation } from '@tanstack/react-query';
import type { CoverUploaded } from '../../../../shared/events.js';
import { api } from '../../../lib/api-client.js';

export const uploadCover = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<CoverUploaded>('/events/covers', { method: 'POST', body: form });
};

export function useUploadCover() {
  return useMutation({ mutationFn: uploadCover });
}
