// POST /forum/attachments (multipart "file"): a file uploaded before the post that carries it is sent.
import { useMutation } from '@tanstack/react-query';
import type { Attachment } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const uploadAttachment = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<Attachment>('/forum/attachments', { method: 'POST', body: form });
};

export function useUploadAttachment() {
  return useMutation({ mutationFn: uploadAttachment });
}
