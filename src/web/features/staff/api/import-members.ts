import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportResult } from '../../../../shared/stats.js';
import { api } from '../../../lib/api-client.js';

export function importMembers(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return api<ImportResult>('/imports/members', { method: 'POST', body: form, query: { dryRun } });
}

export function useImportMembers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; dryRun: boolean }) => importMembers(v.file, v.dryRun),
    onSuccess: (res) => {
      if (!res.dryRun) void qc.invalidateQueries({ queryKey: ['staff'] });
    },
  });
}
