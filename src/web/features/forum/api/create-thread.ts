// POST /forum/threads: open a thread (discussion, question or work deposit) in a space.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateThreadBody, ThreadDetail } from '../../../../shared/forum.js';
import { api } from '../../../lib/api-client.js';

export const createThread = (body: CreateThreadBody) =>
  api<ThreadDetail>('/forum/threads', { method: 'POST', body });

export function useCreateThread() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createThread,
    onSuccess: (th) => {
      qc.setQueryData(['forum', 'threads', 'detail', th.id], th);
      void qc.invalidateQueries({ queryKey: ['forum', 'threads', 'list'] });
      void qc.invalidateQueries({ queryKey: ['forum', 'spaces', 'list'] });
    },
  });
}
