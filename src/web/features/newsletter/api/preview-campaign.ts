// POST /newsletter/campaigns/preview (staff): the mail as subscribers will get it, rendered by the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignContent, NewsletterLocale, PreviewResponse } from '../../../../shared/newsletter.js';
import { api } from '../../../lib/api-client.js';

export const previewCampaign = (locale: NewsletterLocale, content: CampaignContent) =>
  api<PreviewResponse>('/newsletter/campaigns/preview', { method: 'POST', body: { locale, content } });

export function usePreview(locale: NewsletterLocale, content: CampaignContent) {
  return useQuery({
    queryKey: ['newsletter', 'preview', locale, content.subject, content.body],
    queryFn: () => previewCampaign(locale, content),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
