// HTTP routes of the newsletter: public subscription and archive, member preferences, staff campaigns.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ERROR_RESPONSES, ErrorBody } from '../../../shared/errors.js';
import {
  ArchiveIssue,
  ArchiveList,
  ArchiveQuery,
  AudienceCountResponse,
  AudienceSchema,
  CampaignDetail,
  CampaignList,
  CampaignListQuery,
  CampaignProgress,
  CreateCampaignBody,
  DeliveryList,
  DeliveryListQuery,
  MySubscriptionResponse,
  NewsletterLocaleSchema,
  NewsletterOptions,
  PreviewBody,
  PreviewResponse,
  RetryResponse,
  ScheduleBody,
  SubscribeBody,
  SubscribeResponse,
  TestSendBody,
  TokenBody,
  TokenSubscriptionResponse,
  UpdateCampaignBody,
  UpdateMySubscriptionBody,
} from '../../../shared/newsletter.js';
import type { AppContext, ZodApp } from '../../context.js';
import { fieldError } from '../../errors.js';
import { eventContacts } from './newsletter.events.js';
import * as service from './newsletter.service.js';

const tags = ['newsletter'];
const IdParams = z.object({ id: z.uuid() });
const errors = ERROR_RESPONSES;

export function newsletterRoutes(app: ZodApp, ctx: AppContext): void {
  const deps = { db: ctx.db, config: ctx.config, eventContacts };

  app.get(
    '/api/v1/newsletter/options',
    {
      schema: {
        tags,
        summary: 'Programmes and topics a subscriber can choose',
        response: { 200: NewsletterOptions },
      },
    },
    async () => service.options(deps),
  );

  app.post(
    '/api/v1/newsletter/subscriptions',
    {
      schema: {
        tags,
        summary: 'Subscribe (a confirmation link is mailed; same answer for every address)',
        body: SubscribeBody,
        response: { 202: SubscribeResponse, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.subscribe(deps, req.body, req.ip);
      return reply.status(202).send({ status: 'check_your_email' as const });
    },
  );

  app.post(
    '/api/v1/newsletter/subscriptions/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a subscription with the link from the mail',
        body: TokenBody,
        response: { 200: TokenSubscriptionResponse, 400: ErrorBody },
      },
    },
    async (req) => service.confirm(deps, req.body.token),
  );

  app.post(
    '/api/v1/newsletter/subscriptions/status',
    {
      schema: {
        tags,
        summary: 'The address and state a link from a newsletter belongs to',
        body: TokenBody,
        response: { 200: TokenSubscriptionResponse, 400: ErrorBody },
      },
    },
    async (req) => service.tokenStatus(deps, req.body.token),
  );

  app.post(
    '/api/v1/newsletter/subscriptions/resubscribe',
    {
      schema: {
        tags,
        summary: 'Subscribe again with the link from a newsletter',
        body: TokenBody,
        response: { 200: TokenSubscriptionResponse, 400: ErrorBody },
      },
    },
    async (req) => service.resubscribe(deps, req.body.token),
  );

  // RFC 8058 one-click: mail providers POST "List-Unsubscribe=One-Click" as a form, without cookies or Origin
  // (the CSRF check skips this path: the token in the URL is the authorisation). The web page posts JSON.
  app.register(async (sub: FastifyInstance) => {
    sub.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    (sub as unknown as ZodApp).post(
      '/api/v1/newsletter/unsubscribe',
      {
        schema: {
          tags,
          summary:
            'Unsubscribe: one-click (RFC 8058, token in the query) or from the web page (token in the body)',
          querystring: z.object({ token: z.string().min(20).max(200).optional() }),
          body: z
            .object({
              token: z.string().min(20).max(200).optional(),
              'List-Unsubscribe': z.literal('One-Click').optional(),
            })
            .optional(),
          response: { 200: TokenSubscriptionResponse, 400: ErrorBody },
        },
      },
      async (req) => {
        const token = req.body?.token ?? req.query.token;
        if (!token) throw fieldError('token', 'required');
        return service.unsubscribe(deps, token);
      },
    );
  });

  app.get(
    '/api/v1/newsletter/subscriptions/mine',
    {
      schema: {
        tags,
        summary: 'My newsletter subscription',
        response: { 200: MySubscriptionResponse, 401: ErrorBody },
      },
    },
    async (req) => ({ subscription: await service.getMine(deps, req.actor) }),
  );

  app.patch(
    '/api/v1/newsletter/subscriptions/mine',
    {
      schema: {
        tags,
        summary: 'Subscribe, unsubscribe or change my preferences (verified account address)',
        body: UpdateMySubscriptionBody,
        response: { 200: MySubscriptionResponse, ...errors },
      },
    },
    async (req) => ({ subscription: await service.updateMine(deps, req.actor, req.body) }),
  );

  app.get(
    '/api/v1/newsletter/archive',
    {
      schema: {
        tags,
        summary: 'Newsletters sent so far, newest first, in the reader’s language',
        querystring: ArchiveQuery,
        response: { 200: ArchiveList, 400: ErrorBody },
      },
    },
    async (req) => service.archive(deps, req.query),
  );

  app.get(
    '/api/v1/newsletter/archive/:id',
    {
      schema: {
        tags,
        summary: 'One newsletter of the archive',
        params: IdParams,
        querystring: z.object({ locale: NewsletterLocaleSchema.optional() }),
        response: { 200: ArchiveIssue, 404: ErrorBody },
      },
    },
    async (req) => service.archiveIssue(deps, req.params.id, req.query.locale),
  );

  // --- staff ---------------------------------------------------------------------------------------------------

  app.get(
    '/api/v1/newsletter/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first (staff)',
        querystring: CampaignListQuery,
        response: { 200: CampaignList, ...errors },
      },
    },
    async (req) => service.listCampaigns(deps, req.actor, req.query),
  );

  app.post(
    '/api/v1/newsletter/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a draft campaign (staff)',
        body: CreateCampaignBody,
        response: { 201: CampaignDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCampaign(deps, req.actor, req.body)),
  );

  app.post(
    '/api/v1/newsletter/campaigns/preview',
    {
      schema: {
        tags,
        summary: 'Render a text as subscribers will get it (staff)',
        body: PreviewBody,
        response: { 200: PreviewResponse, ...errors },
      },
    },
    async (req) => service.previewContent(deps, req.actor, req.body.locale, req.body.content),
  );

  app.post(
    '/api/v1/newsletter/campaigns/audience-count',
    {
      schema: {
        tags,
        summary: 'How many people an audience reaches (staff)',
        body: AudienceSchema,
        response: { 200: AudienceCountResponse, ...errors },
      },
    },
    async (req) => service.countAudience(deps, req.actor, req.body),
  );

  app.get(
    '/api/v1/newsletter/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'A campaign (staff)',
        params: IdParams,
        response: { 200: CampaignDetail, ...errors },
      },
    },
    async (req) => service.getCampaign(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/newsletter/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft campaign (staff)',
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: CampaignDetail, ...errors },
      },
    },
    async (req) => service.updateCampaign(deps, req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/newsletter/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft campaign (staff)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.deleteCampaign(deps, req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/newsletter/campaigns/:id/test',
    {
      schema: {
        tags,
        summary: 'Send the campaign to one address as a test (staff)',
        params: IdParams,
        body: TestSendBody,
        response: { 202: z.object({ status: z.literal('queued') }), ...errors, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      await service.sendTest(deps, req.actor, req.params.id, req.body);
      return reply.status(202).send({ status: 'queued' as const });
    },
  );

  app.post(
    '/api/v1/newsletter/campaigns/:id/send',
    {
      schema: {
        tags,
        summary: 'Start sending now (staff)',
        params: IdParams,
        response: { 200: CampaignDetail, ...errors },
      },
    },
    async (req) => service.sendNow(deps, req.actor, req.params.id),
  );

  app.post(
    '/api/v1/newsletter/campaigns/:id/schedule',
    {
      schema: {
        tags,
        summary: 'Send at a given time (staff)',
        params: IdParams,
        body: ScheduleBody,
        response: { 200: CampaignDetail, ...errors },
      },
    },
    async (req) => service.schedule(deps, req.actor, req.params.id, new Date(req.body.at)),
  );

  app.post(
    '/api/v1/newsletter/campaigns/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a scheduled campaign (back to draft) or stop one that is sending (staff)',
        params: IdParams,
        response: { 200: CampaignDetail, ...errors },
      },
    },
    async (req) => service.cancel(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/newsletter/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: 'Sent, failed and remaining mails of a campaign (staff)',
        params: IdParams,
        response: { 200: CampaignProgress, ...errors },
      },
    },
    async (req) => service.campaignProgress(deps, req.actor, req.params.id),
  );

  app.get(
    '/api/v1/newsletter/campaigns/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'Per-recipient status of a campaign, by address (staff)',
        params: IdParams,
        querystring: DeliveryListQuery,
        response: { 200: DeliveryList, ...errors },
      },
    },
    async (req) => service.listDeliveries(deps, req.actor, req.params.id, req.query),
  );

  app.post(
    '/api/v1/newsletter/campaigns/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send again the mails the outbox gave up on (staff)',
        params: IdParams,
        response: { 200: RetryResponse, ...errors },
      },
    },
    async (req) => ({ retried: await service.retryFailedMails(deps, req.actor, req.params.id) }),
  );
}
