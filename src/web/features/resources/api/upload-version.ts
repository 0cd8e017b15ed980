// POST /resources/{id}/versions: a new file version (multipart: note, then file).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResourceVersion } from '../../../../shared/resources.js';
import { api } from '../../../lib/api-client.js';

export const uploadVersion = (id: string, file: File, note: string) => {
  const form = new FormData();
  // The note comes before the file: the server reads fields up to the file part.
  form.append('note', note);
  form.append('file', file);
  return api<ResourceVersion>(`/resources/${encodeURIComponent(id)}/versions`, {
    method: 'POST',
    body: form,
  });
};

export function useUploadVersion(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, note }: { file: File; note: string }) => uploadVersion(id, file, note),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['resources'] }),
  });
}
