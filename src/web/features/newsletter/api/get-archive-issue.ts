// GET /newsletter/archive/:id: one newsletter of the archive.
import { useQuery } from '@tanstack/react-query';
import type { ArchiveIssue } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const getArchiveIssue = (id: string, locale: string) =>
  api<ArchiveIssue>(`/newsletter/archive/${encodeURIComponent(id)}`, { query: { locale } });

export function useArchiveIssue(id: string, locale: string) {
  return useQuery({
    queryKey: ['newsletter', 'archive', 'issue', id, locale],
    queryFn: () => getArchiveIssue(id, locale),
  });
}
