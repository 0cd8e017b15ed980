// GET /newsletter/campaigns/:id/deliveries (staff): per-recipient status, paged by address.
import { useQuery } from '@tanstack/react-query';
import type { DeliveryList, DeliveryStatus } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const listDeliveries = (id: string, status: DeliveryStatus | undefined, cursor: string | undefined) =>
  api<DeliveryList>(`/newsletter/campaigns/${encodeURIComponent(id)}/deliveries`, {
    query: { status, cursor, limit: 50 },
  });

export function useDeliveries(id: string, status: DeliveryStatus | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['newsletter', 'deliveries', id, status, cursor],
    queryFn: () => listDeliveries(id, status, cursor),
  });
}
