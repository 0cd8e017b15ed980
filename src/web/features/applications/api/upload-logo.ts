// POST /uploads/logo: anyone applying may upload a logo first, then send its id with the application.
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LogoUploaded } from '../../../../shared/organisations.js';
import { api } from '../../../lib/api-client.js';

export async function uploadLogo(file: File): Promise<z.infer<typeof LogoUploaded>> {
  const body = new FormData();
  body.append('file', file);
  return api('/uploads/logo', { method: 'POST', body });
}

export function useUploadLogo() {
  return useMutation({ mutationFn: uploadLogo });
}
