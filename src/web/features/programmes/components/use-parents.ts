// Programmes that can be the parent of the one being edited: top-level ones, never itself.
import { useStaffProgrammes } from '../api/staff-list-programmes.js';

export function useStaffListProgrammesForParents(slug: string) {
  const list = useStaffProgrammes();
  return (list.data?.items ?? []).filter((p) => !p.parentSlug && p.slug !== slug);
}
