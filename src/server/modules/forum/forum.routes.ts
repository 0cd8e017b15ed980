// HTTP routes of the forum: spaces, threads, posts, reading, watching, reactions, flags, moderation.
import { z } from 'zod';
import { AuditList } from '../../../shared/audit.js';
import { ERROR_RESPONSES, ErrorBody } from '../../../shared/errors.js';
import {
  AcceptBody,
  ATTACHMENT_MAX_BYTES,
  Attachment,
  CreatePostBody,
  CreateThreadBody,
  Flag,
  FlagBody,
  ModerateBody,
  ModerationQuery,
  ModerationQueue,
  PeopleQuery,
  PersonList,
  Post,
  PostPage,
  PostPageQuery,
  ReactionSchema,
  ReadBody,
  ReadState,
  RevisionList,
  SpaceBody,
  SpaceDetail,
  SpaceList,
  ThreadDetail,
  ThreadList,
  ThreadListQuery,
  UpdatePostBody,
  UpdateSpaceBody,
  UpdateThreadBody,
  Watch,
  WatchBody,
} from '../../../shared/forum.js';
import type { AppContext, ZodApp } from '../../context.js';
import { AppError, fieldError } from '../../errors.js';
import { sendDownload } from '../../http/download.js';
import * as service from './forum.service.js';

const tags = ['forum'];
const errors = ERROR_RESPONSES;
const IdParams = z.object({ id: z.uuid() });
const SpaceParams = z.object({ id: z.string().trim().min(1).max(80) });
const ReactionParams = z.object({ id: z.uuid(), reaction: ReactionSchema });

export function forumRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/forum/spaces',
    { schema: { tags, summary: 'Spaces the caller may see', response: { 200: SpaceList } } },
    async (req) => service.listSpaces(ctx, req.actor),
  );
  app.post(
    '/api/v1/forum/spaces',
    {
      schema: {
        tags,
        summary: 'Create a space (staff)',
        body: SpaceBody,
        response: { 201: SpaceDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createSpace(ctx, req.actor, req.body)),
  );
  app.get(
    '/api/v1/forum/spaces/:id',
    {
      schema: {
        tags,
        summary: 'A space by id or slug (opening it counts as a visit)',
        params: SpaceParams,
        response: { 200: SpaceDetail, ...errors },
      },
    },
    async (req) => service.getSpace(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/v1/forum/spaces/:id',
    {
      schema: {
        tags,
        summary: 'Change a space, its moderators or who may enter it (staff)',
        params: SpaceParams,
        body: UpdateSpaceBody,
        response: { 200: SpaceDetail, ...errors },
      },
    },
    async (req) => service.updateSpace(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/forum/spaces/:id/people',
    {
      schema: {
        tags,
        summary: 'People who may read the space, by name (for @mentions)',
        params: SpaceParams,
        querystring: PeopleQuery,
        response: { 200: PersonList, ...errors },
      },
    },
    async (req) => service.peopleOf(ctx, req.actor, req.params.id, req.query.q),
  );
  app.put(
    '/api/v1/forum/spaces/:id/watch',
    {
      schema: {
        tags,
        summary: 'Watch a space (new threads and posts), or stop with mode null',
        params: SpaceParams,
        body: WatchBody,
        response: { 200: Watch, ...errors },
      },
    },
    async (req) => service.watchSpace(ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/v1/forum/threads',
    {
      schema: {
        tags,
        summary: 'Threads of a space or of all visible spaces; unanswered questions; unread threads',
        querystring: ThreadListQuery,
        response: { 200: ThreadList, ...errors },
      },
    },
    async (req) => service.listThreads(ctx, req.actor, req.query),
  );
  app.post(
    '/api/v1/forum/threads',
    {
      schema: {
        tags,
        summary: 'Start a discussion, ask the experts or deposit a piece of work',
        body: CreateThreadBody,
        response: { 201: ThreadDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createThread(ctx, req.actor, req.body)),
  );
  app.get(
    '/api/v1/forum/threads/:id',
    { schema: { tags, summary: 'A thread', params: IdParams, response: { 200: ThreadDetail, ...errors } } },
    async (req) => service.getThread(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/v1/forum/threads/:id',
    {
      schema: {
        tags,
        summary: 'Edit title or lessons (author, moderators); pin, lock or move (moderators)',
        params: IdParams,
        body: UpdateThreadBody,
        response: { 200: ThreadDetail, ...errors },
      },
    },
    async (req) => service.updateThread(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/forum/threads/:id/posts',
    {
      schema: {
        tags,
        summary:
          'A page of posts: ?page=N, the page of ?post=SEQ, or the page of my first unread (?unread=true)',
        params: IdParams,
        querystring: PostPageQuery,
        response: { 200: PostPage, ...errors },
      },
    },
    async (req) => service.listPosts(ctx, req.actor, req.params.id, req.query),
  );
  app.post(
    '/api/v1/forum/threads/:id/posts',
    {
      schema: {
        tags,
        summary: 'Reply',
        params: IdParams,
        body: CreatePostBody,
        response: { 201: Post, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createPost(ctx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/forum/threads/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark read up to a post number (never moves back)',
        params: IdParams,
        body: ReadBody,
        response: { 200: ReadState, ...errors },
      },
    },
    async (req) => service.markRead(ctx, req.actor, req.params.id, req.body.seq),
  );
  app.post(
    '/api/v1/forum/threads/:id/accept',
    {
      schema: {
        tags,
        summary: "Mark a reply as the question's accepted answer, or clear it with postId null",
        params: IdParams,
        body: AcceptBody,
        response: { 200: ThreadDetail, ...errors },
      },
    },
    async (req) => service.acceptAnswer(ctx, req.actor, req.params.id, req.body),
  );
  app.put(
    '/api/v1/forum/threads/:id/watch',
    {
      schema: {
        tags,
        summary: 'Watch a thread (immediate, daily, app) or mute it; mode null goes back to the default',
        params: IdParams,
        body: WatchBody,
        response: { 200: Watch, ...errors },
      },
    },
    async (req) => service.watchThread(ctx, req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/v1/forum/posts/:id',
    { schema: { tags, summary: 'A post', params: IdParams, response: { 200: Post, ...errors } } },
    async (req) => service.getPost(ctx, req.actor, req.params.id),
  );
  app.patch(
    '/api/v1/forum/posts/:id',
    {
      schema: {
        tags,
        summary: 'Edit a post (the previous text is kept in its history)',
        params: IdParams,
        body: UpdatePostBody,
        response: { 200: Post, ...errors },
      },
    },
    async (req) => service.updatePost(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/forum/posts/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Earlier texts of a post, newest first',
        params: IdParams,
        response: { 200: RevisionList, ...errors },
      },
    },
    async (req) => service.revisions(ctx, req.actor, req.params.id),
  );
  app.put(
    '/api/v1/forum/posts/:id/reactions/:reaction',
    {
      schema: {
        tags,
        summary: 'Add my reaction',
        params: ReactionParams,
        response: { 200: Post, ...errors },
      },
    },
    async (req) => service.react(ctx, req.actor, req.params.id, req.params.reaction, true),
  );
  app.delete(
    '/api/v1/forum/posts/:id/reactions/:reaction',
    {
      schema: {
        tags,
        summary: 'Remove my reaction',
        params: ReactionParams,
        response: { 200: Post, ...errors },
      },
    },
    async (req) => service.react(ctx, req.actor, req.params.id, req.params.reaction, false),
  );
  app.post(
    '/api/v1/forum/posts/:id/flags',
    {
      schema: {
        tags,
        summary: 'Flag a post for the moderators',
        params: IdParams,
        body: FlagBody,
        response: { 201: Flag, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.flagPost(ctx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/forum/posts/:id/moderate',
    {
      schema: {
        tags,
        summary: 'Hide, restore or approve a post, or dismiss its flags (moderators)',
        params: IdParams,
        body: ModerateBody,
        response: { 200: Post, ...errors },
      },
    },
    async (req) => service.moderate(ctx, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/forum/posts/:id/audit',
    {
      schema: {
        tags,
        summary: 'Moderation history of a post (moderators)',
        params: IdParams,
        response: { 200: AuditList, ...errors },
      },
    },
    async (req) => service.postAudit(ctx, req.actor, req.params.id),
  );
  app.get(
    '/api/v1/forum/moderation',
    {
      schema: {
        tags,
        summary: 'Review queue: held posts and flagged posts of the spaces I moderate',
        querystring: ModerationQuery,
        response: { 200: ModerationQueue, ...errors },
      },
    },
    async (req) => service.moderationQueue(ctx, req.actor, req.query),
  );

  app.post(
    '/api/v1/forum/attachments',
    {
      schema: {
        tags,
        summary: 'Upload an attachment (multipart field "file"; PDF, office documents or images up to 20 MB)',
        consumes: ['multipart/form-data'],
        response: { 201: Attachment, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      if (!req.actor) throw new AppError('UNAUTHENTICATED', 'Log in first');
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data');
      const part = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES } });
      if (part?.fieldname !== 'file')
        throw fieldError('file', 'missing: send the document in the field "file"');
      const data = await part.toBuffer();
      return reply.status(201).send(await service.uploadAttachment(ctx, req.actor, data, part.filename));
    },
  );
  app.get(
    '/api/v1/forum/attachments/:id',
    { schema: { tags, summary: 'Download an attachment', params: IdParams } },
    async (req, reply) => sendDownload(reply, await service.readAttachment(ctx, req.actor, req.params.id)),
  );
}
