// HTTP routes of the resource library: items, search, file versions, downloads and collections.
import { z } from 'zod';
import { ERROR_RESPONSES, ErrorBody } from '../../../shared/errors.js';
import {
  CollectionBody,
  CollectionList,
  CreateResourceBody,
  DownloadQuery,
  RESOURCE_MAX_BYTES,
  ResourceCollection,
  ResourceDetail,
  ResourceList,
  ResourceListQuery,
  ResourceVersion,
  UpdateCollectionBody,
  UpdateResourceBody,
  VersionList,
} from '../../../shared/resources.js';
import type { AppContext, ZodApp } from '../../context.js';
import { AppError } from '../../errors.js';
import { sendDownload } from '../../http/download.js';
import * as service from './resources.service.js';

const tags = ['resources'];
const IdParams = z.object({ id: z.uuid() });
const errors = ERROR_RESPONSES;

export function resourcesRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/resources',
    {
      schema: {
        tags,
        summary: 'List or search the library (Italian full text over titles, summaries, tags and file text)',
        querystring: ResourceListQuery,
        response: { 200: ResourceList, 400: ErrorBody },
      },
    },
    async (req) => service.listResources(ctx, req.actor, req.query),
  );

  app.post(
    '/api/v1/resources',
    {
      schema: {
        tags,
        summary: 'Add an item (staff; org admins and operators for their organisation)',
        body: CreateResourceBody,
        response: { 201: ResourceDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createResource(ctx, req.actor, req.body)),
  );

  app.get(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        summary: 'An item with its versions',
        params: IdParams,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => service.getResource(ctx, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        summary: 'Edit, publish or unpublish an item',
        params: IdParams,
        body: UpdateResourceBody,
        response: { 200: ResourceDetail, ...errors },
      },
    },
    async (req) => service.updateResource(ctx, req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/resources/:id',
    {
      schema: {
        tags,
        summary: 'Delete an item (staff)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.deleteResource(ctx, req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/resources/:id/versions',
    {
      schema: {
        tags,
        summary: 'Version history',
        params: IdParams,
        response: { 200: VersionList, ...errors },
      },
    },
    async (req) => service.listVersions(ctx, req.actor, req.params.id),
  );

  app.post(
    '/api/v1/resources/:id/versions',
    {
      schema: {
        tags,
        summary:
          'Upload a new version (multipart: optional field "note", then "file"; PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG or WebP up to 50 MB)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ResourceVersion, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data');
      const part = await req.file({ limits: { fileSize: RESOURCE_MAX_BYTES } });
      if (part?.fieldname !== 'file') throw new AppError('BAD_REQUEST', 'The field "file" is missing');
      const noteField = part.fields.note as { value?: unknown } | undefined;
      const note = typeof noteField?.value === 'string' ? noteField.value : '';
      // toBuffer() throws a 413 as soon as the stream passes the limit.
      const data = await part.toBuffer();
      const out = await service.uploadVersion(ctx, req.actor, req.params.id, {
        filename: part.filename,
        note,
        data,
      });
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/api/v1/resources/:id/download',
    {
      schema: {
        tags,
        summary: 'Download the current file, or an older one with ?version=',
        params: IdParams,
        querystring: DownloadQuery,
      },
    },
    async (req, reply) => {
      const f = await service.download(ctx, req.actor, req.params.id, req.query.version);
      return sendDownload(reply, f);
    },
  );

  app.get(
    '/api/v1/resource-collections',
    {
      schema: {
        tags,
        summary: 'Collections with their visible items, in order',
        response: { 200: CollectionList },
      },
    },
    async (req) => service.listCollections(ctx, req.actor),
  );

  app.post(
    '/api/v1/resource-collections',
    {
      schema: {
        tags,
        summary: 'Create a collection (staff)',
        body: CollectionBody,
        response: { 201: ResourceCollection, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createCollection(ctx, req.actor, req.body)),
  );

  app.get(
    '/api/v1/resource-collections/:id',
    {
      schema: {
        tags,
        summary: 'A collection',
        params: IdParams,
        response: { 200: ResourceCollection, ...errors },
      },
    },
    async (req) => service.getCollection(ctx, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/resource-collections/:id',
    {
      schema: {
        tags,
        summary: 'Edit a collection; resourceIds sets its items in order (staff)',
        params: IdParams,
        body: UpdateCollectionBody,
        response: { 200: ResourceCollection, ...errors },
      },
    },
    async (req) => service.updateCollection(ctx, req.actor, req.params.id, req.body),
  );

  app.delete(
    '/api/v1/resource-collections/:id',
    {
      schema: {
        tags,
        summary: 'Delete a collection (staff)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.deleteCollection(ctx, req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
