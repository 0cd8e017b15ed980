import { describe, expect, it } from 'vitest';
import { mentionedUserIds, plainText, renderPost } from './forum.markdown.js';

// Payloads from the usual XSS cheat sheets (OWASP filter evasion, PortSwigger), in raw HTML and hidden
// inside Markdown constructs (links, images, autolinks, reference links, code, tables, mentions).
const CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "//evil.example/x.css";</style>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/a/-alert(1)///////">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<<script>alert(1);//<</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '"><script>alert(1)</script>',
  "'';!--\"<XSS>=&{()}",
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](  javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](//evil.example)',
  '[click](/\\evil.example)',
  '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/track.png)',
  '![x" onerror="alert(1)](https://a.example/x.png)',
  '<javascript:alert(1)>',
  '<https://ok.example/"onmouseover="alert(1)>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <script>x</script> |',
  '@[<img src=x onerror=alert(1)>](00000000-0000-4000-8000-000000000000)',
  '@[x](javascript:alert(1))',
  '<span class="mention" onclick="alert(1)" data-user-id="javascript:alert(1)">x</span>',
  '<a href="https://ok.example" onclick="alert(1)" style="color:red">x</a>',
  '<p title="</p><script>alert(1)</script>">x</p>',
  '<a href="https://ok.example"target=_blank>x</a>',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<x onclick=alert(1)>click',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
];

const ALLOWED_TAGS = new Set(
  'p br hr strong em del code pre blockquote ul ol li h3 h4 h5 h6 a span table thead tbody tr th td input'.split(
    ' ',
  ),
);
const ALLOWED_ATTRS: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel']),
  span: new Set(['class', 'data-user-id']),
  ol: new Set(['start']),
  th: new Set(['align']),
  td: new Set(['align']),
  input: new Set(['type', 'checked', 'disabled']),
};

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Every tag and attribute in the HTML, read the way a browser tokenizer would split them. */
function tagsOf(html: string) {
  const out: { tag: string; attrs: Array<[string, string]> }[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const attrs: Array<[string, string]> = [];
    for (const a of (m[2] ?? '').matchAll(/([^\s"'=/<>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs.push([(a[1] ?? '').toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? '')]);
    }
    out.push({ tag: (m[1] ?? '').toLowerCase(), attrs });
  }
  return out;
}

describe('forum Markdown rendering', () => {
  it.each(CORPUS.map((p, i) => [i, p] as const))(
    'should neutralise XSS payload #%i so no script, handler, style or dangerous URL survives',
    (_i, payload) => {
      const html = renderPost(payload);
      for (const { tag, attrs } of tagsOf(html)) {
        expect(ALLOWED_TAGS, `tag <${tag}> in ${html}`).toContain(tag);
        for (const [name, value] of attrs) {
          expect(ALLOWED_ATTRS[tag] ?? new Set(), `attribute ${name} on <${tag}> in ${html}`).toContain(name);
          if (name === 'href') {
            // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters in URLs, so must we
            const v = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
            expect(v.startsWith('javascript:') || v.startsWith('data:') || v.startsWith('vbscript:')).toBe(
              false,
            );
            expect(v.startsWith('//') || v.startsWith('/\\')).toBe(false);
            expect(/^(https?:|mailto:|\/|#)/.test(v), `href ${value}`).toBe(true);
          }
          if (name === 'class') expect(value).toBe('mention');
          if (name === 'type') expect(value).toBe('checkbox');
        }
      }
      // Whatever was written as HTML is text now: never a live tag.
      expect(html).not.toMatch(
        /<(script|style|iframe|img|svg|object|embed|form|meta|base|body|details|video)\b/i,
      );
    },
  );

  it('should keep ordinary formatting, safe links and code readable', () => {
    const html = renderPost(
      '## Esperienza\n\n**Bold**, _italic_, ~~gone~~ and `a < b`.\n\n> quoted\n\n- one\n- two\n\n[site](https://example.org/a?b=1&c=2) and [page](/forum/threads/x)',
    );
    expect(html).toContain('<h4>Esperienza</h4>');
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>italic</em>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<code>a &lt; b</code>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('href="https://example.org/a?b=1&amp;c=2"');
    expect(html).toContain('rel="nofollow ugc noopener noreferrer"');
    expect(html).toContain('<a href="/forum/threads/x">page</a>');
  });

  it('should show raw HTML as text rather than dropping what the person wrote', () => {
    expect(renderPost('Use <b>tags</b> here')).toContain('&lt;b&gt;tags&lt;/b&gt;');
  });

  it('should render mentions and list the people mentioned once each', () => {
    const id = '3f2b8c1e-1111-4aaa-8bbb-123456789abc';
    const md = `Ciao @[Anna Rossi](${id}), vedi anche @[Anna Rossi](${id.toUpperCase()})`;
    expect(renderPost(md)).toContain(`<span class="mention" data-user-id="${id}">@Anna Rossi</span>`);
    expect(mentionedUserIds(md)).toEqual([id]);
    expect(plainText(md)).toBe('Ciao @Anna Rossi, vedi anche @Anna Rossi');
  });
});
