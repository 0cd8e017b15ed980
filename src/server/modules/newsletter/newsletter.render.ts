// Markdown → the HTML and text of a newsletter. The same function renders the staff preview, every mail and
// the public archive, so what staff see is what subscribers get. Raw HTML in the Markdown is shown as text
// and only http(s)/mailto links survive: staff input can never put script into a mail or the archive.
import { Marked, type Tokens } from 'marked';

export function escapeHtml(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function safeUrl(href: string, allowMailto: boolean): string | null {
  try {
    const u = new URL(href);
    if (u.protocol === 'https:' || u.protocol === 'http:') return u.toString();
    if (allowMailto && u.protocol === 'mailto:') return u.toString();
  } catch {
    // Relative and malformed addresses mean nothing in a mail: dropped.
  }
  return null;
}

const marked = new Marked({ gfm: true, breaks: true, async: false });
marked.use({
  renderer: {
    // The subject is the page's only h1, in the mail and in the archive; the text's headings sit below it.
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(depth + 1, 6);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const inner = this.parser.parseInline(tokens);
      const url = safeUrl(href, true);
      if (!url) return inner;
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(url)}"${t} rel="noopener noreferrer">${inner}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const url = safeUrl(href, false);
      if (!url) return escapeHtml(text);
      const t = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${t} style="max-width:100%;height:auto">`;
    },
  },
});

/** The body of an issue as safe HTML (no wrapper), used by the archive and inside the mail. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown) as string;
}

export type RenderedMail = { subject: string; html: string; text: string };

export type MailFrame = {
  networkName: string;
  locale: string;
  unsubscribeUrl: string;
  archiveUrl: string;
  footer: string;
  unsubscribeLabel: string;
  archiveLabel: string;
};

/** A whole mail: the body in a small, mail-client-friendly page, with the unsubscribe link in the footer. */
export function renderMail(subject: string, markdown: string, frame: MailFrame): RenderedMail {
  const dir = frame.locale === 'ar' ? 'rtl' : 'ltr';
  const body = renderMarkdown(markdown);
  const html = `<!doctype html>
<html lang="${escapeHtml(frame.locale)}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif;color:#1f2328">
<div style="max-width:640px;margin:0 auto;padding:24px 16px;background:#ffffff;line-height:1.5">
<p style="margin:0 0 16px;color:#555;font-size:14px">${escapeHtml(frame.networkName)}</p>
<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(subject)}</h1>
${body}
<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">
<p style="font-size:13px;color:#555">${escapeHtml(frame.footer)}<br>
<a href="${escapeHtml(frame.unsubscribeUrl)}">${escapeHtml(frame.unsubscribeLabel)}</a> · <a href="${escapeHtml(frame.archiveUrl)}">${escapeHtml(frame.archiveLabel)}</a></p>
</div>
</body>
</html>`;
  const text = [
    frame.networkName,
    '',
    subject,
    '',
    markdown.trim(),
    '',
    '--',
    frame.footer,
    `${frame.unsubscribeLabel}: ${frame.unsubscribeUrl}`,
    `${frame.archiveLabel}: ${frame.archiveUrl}`,
  ].join('\n');
  return { subject, html, text };
}
