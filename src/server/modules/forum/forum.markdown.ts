// Forum Markdown → safe HTML, rendered once when a post is written. Two layers:
//  1. marked with a renderer that prints raw HTML as text, keeps only http(s), mailto and same-site links,
//     drops images (they would let a post load anything from anywhere) and turns `@[Name](uuid)` into a
//     mention;
//  2. a tag/attribute whitelist (js-xss) over the result, so a bug or a parser trick in layer 1 still
//     cannot let a script, an event handler, a style or a dangerous URL through.
// forum.markdown.test.ts proves it against a corpus of XSS payloads.
import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { FilterXSS } from 'xss';

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const MENTION = /^@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/i;
const MENTION_ANYWHERE = new RegExp(MENTION.source.slice(1), 'gi');

/** The people a text mentions (ids, deduplicated, at most 20). */
export function mentionedUserIds(markdown: string): string[] {
  const ids = new Set<string>();
  for (const m of markdown.matchAll(MENTION_ANYWHERE)) {
    ids.add((m[2] as string).toLowerCase());
    if (ids.size >= 20) break;
  }
  return [...ids];
}

/** A link target that stays a link: absolute http(s)/mailto, or a path/anchor on this site. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  // A same-site path, but not "//host" (protocol-relative) nor "/\host" (browsers read it as "//host").
  if (/^\/(?![/\\])/.test(h) || h.startsWith('#')) return /[\s\\]/.test(h) ? null : h;
  try {
    const u = new URL(h);
    if (u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:') return u.toString();
  } catch {
    // not an absolute address: dropped
  }
  return null;
}

const mention: TokenizerAndRendererExtension = {
  name: 'mention',
  level: 'inline',
  start(src: string) {
    const i = src.indexOf('@[');
    return i < 0 ? undefined : i;
  },
  tokenizer(src: string) {
    const m = MENTION.exec(src);
    if (!m) return undefined;
    return { type: 'mention', raw: m[0], name: m[1], userId: (m[2] as string).toLowerCase() };
  },
  renderer(token) {
    return `<span class="mention" data-user-id="${escapeHtml(String(token.userId))}">@${escapeHtml(String(token.name))}</span>`;
  },
};

const marked = new Marked({ gfm: true, breaks: true, async: false });
marked.use({
  extensions: [mention],
  renderer: {
    // A post sits under the thread's title (h1) and its author line: its headings start at h3.
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(depth + 2, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      const url = safeHref(href);
      if (!url) return inner;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      const external = !url.startsWith('/') && !url.startsWith('#');
      return `<a href="${escapeHtml(url)}"${t}${external ? ' rel="nofollow ugc noopener noreferrer"' : ''}>${inner}</a>`;
    },
    image({ href, text }: Tokens.Image) {
      // No images in posts: shown as a plain link to the address, when it is a safe one.
      const url = safeHref(href);
      const label = escapeHtml(text || href);
      return url ? `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener noreferrer">${label}</a>` : label;
    },
  },
});

const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  hr: [],
  strong: [],
  em: [],
  del: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  a: ['href', 'title', 'rel'],
  span: ['class', 'data-user-id'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
  input: ['type', 'checked', 'disabled'],
};

const whitelist = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'noscript'],
  allowCommentTag: false,
  css: false,
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      const url = safeHref(value.replaceAll('&amp;', '&'));
      return url ? `href="${escapeHtml(url)}"` : '';
    }
    if (tag === 'span' && name === 'class') return value === 'mention' ? 'class="mention"' : '';
    if (tag === 'span' && name === 'data-user-id')
      return /^[0-9a-f-]{36}$/.test(value) ? `data-user-id="${value}"` : '';
    // GFM task lists: a disabled checkbox and nothing else.
    if (tag === 'input' && name === 'type') return value === 'checkbox' ? 'type="checkbox"' : '';
    if (tag === 'input' && name === 'checked') return 'checked';
    if (tag === 'input' && name === 'disabled') return 'disabled';
    if (name === 'align') return /^(left|right|center)$/.test(value) ? `align="${value}"` : '';
    if (tag === 'ol' && name === 'start') return /^\d{1,6}$/.test(value) ? `start="${value}"` : '';
    if (tag === 'a' && (name === 'title' || name === 'rel')) return `${name}="${escapeHtml(value)}"`;
    return undefined;
  },
});

/** Markdown of a post as HTML that is safe to insert into a page as it is. */
export function renderPost(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return whitelist.process(html).trim();
}

/** The text of a post without Markdown, for search snippets and notifications. */
export function plainText(markdown: string): string {
  return markdown
    .replace(MENTION_ANYWHERE, '@$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^>.*$/gm, ' ')
    .replace(/[#*_`~|>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
