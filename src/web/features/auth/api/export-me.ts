import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonalDataExport } from '../../../../shared/auth.js';
import { api } from '../../../lib/api-client.js';

export const exportMe = () => api<PersonalDataExport>('/auth/me/export');

/** The export doubles as the source of profile fields the session does not carry (languages spoken). */
export const myDataQuery = queryOptions({ queryKey: ['auth', 'me', 'export'], queryFn: exportMe });

export function useMyData(enabled: boolean) {
  return useQuery({ ...myDataQuery, enabled });
}

/** Saves the export as a file: fetched fresh, so it holds everything up to this moment. */
export async function downloadMyData(): Promise<void> {
  const data = await exportMe();
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `trama-my-data-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
