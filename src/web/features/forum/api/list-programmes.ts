// GET /programmes: the programmes a space may belong to (the space form).
import { useQuery } from '@tanstack/react-query';
import type { ProgrammeList } from '../../../../shared/programmes.js';
import { api } from '../../../lib/api-client.js';

export const listProgrammes = () => api<ProgrammeList>('/programmes');

export function useProgrammes() {
  return useQuery({ queryKey: ['programmes', 'list'], queryFn: listProgrammes });
}
