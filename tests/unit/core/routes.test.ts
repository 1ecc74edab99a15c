import { describe, expect, it } from 'vitest';
import { feedPath, feedViewPath } from '../../../src/core/feed-paths.ts';
import { articlePath, parseRoute } from '../../../src/core/routes.ts';
import { agencySlugBase, agencySlugs } from '../../../src/site/agency-slugs.ts';

describe('parseRoute', () => {
  it('knows the list and an article', () => {
    expect(parseRoute('/')).toEqual({ kind: 'list' });
    expect(parseRoute(articlePath('000_abc'))).toEqual({ kind: 'article', id: '000_abc' });
  });

  it('accepts every form static hosts produce: a trailing slash, the index.html they serve, .html', () => {
    expect(parseRoute('/article/000_abc/')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc/index.html')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc.html')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/index.html')).toEqual({ kind: 'list' });
  });

  it('ignores stray slashes, escaped or not', () => {
    expect(parseRoute('//')).toEqual({ kind: 'list' });
    expect(parseRoute('/article/000_abc//')).toEqual({ kind: 'article', id: '000_abc' });
    expect(parseRoute('/article/000_abc%2F')).toEqual({ kind: 'article', id: '000_abc' });
  });

  it('returns null for anything else, including malformed escapes', () => {
    expect(parseRoute('/about')).toBeNull();
    expect(parseRoute('/article/')).toBeNull();
    expect(parseRoute('/article/a/b')).toBeNull();
    expect(parseRoute('/article/%E0%A4%A')).toBeNull();
  });
});

describe('feed links', () => {
  it('puts each feed at a short, lower-case path beside its JSON twin', () => {
    expect(feedPath({ kind: 'newest' }, 'atom')).toBe('/feeds/newest.xml');
    expect(feedPath({ kind: 'country', code: 'KP' }, 'json')).toBe('/feeds/country/kp.json');
    expect(feedPath({ kind: 'agency', name: 'VOV World', slug: 'vov-world' }, 'atom')).toBe('/feeds/agency/vov-world.xml');
  });

  it('links each feed to the list filtered the same way', () => {
    expect(feedViewPath({ kind: 'newest' })).toBe('/');
    expect(feedViewPath({ kind: 'country', code: 'kp' })).toBe('/?country=KP');
    expect(feedViewPath({ kind: 'agency', name: 'Thông tấn xã Việt Nam', slug: 'thong-tan-xa-viet-nam' })).toBe('/?agency=thong-tan-xa-viet-nam');
  });
});

describe('agency slugs', () => {
  it('fold case and marks, and turn everything else into single dashes', () => {
    expect(agencySlugBase('Thông tấn xã Việt Nam')).toBe('thong-tan-xa-viet-nam');
    expect(agencySlugBase('  VOV World / Đài Tiếng nói ')).toBe('vov-world-dai-tieng-noi');
  });

  it('stay URL-safe for names without a Latin letter', () => {
    const slug = agencySlugBase('ТАСС');
    expect(slug).toMatch(/^agency-[a-z0-9]{6}$/);
    expect(agencySlugBase('新华社')).not.toBe(slug);
  });

  it('never give two agencies the same slug, even when their names fold alike', () => {
    const slugs = agencySlugs(['Việt Nam News Agency', 'Viet Nam News Agency', 'VIET NAM NEWS AGENCY', 'VOV']);
    expect(slugs.get('VOV')).toBe('vov');
    expect(slugs.get('VIET NAM NEWS AGENCY')).toBe('viet-nam-news-agency');
    expect(new Set(slugs.values()).size).toBe(4);
    for (const slug of slugs.values()) expect(slug).toMatch(/^[a-z0-9-]+$/);
  });

  it('keep an agency’s slug when other names join the archive', () => {
    const before = agencySlugs(['VNA', 'vna', 'VOV']);
    // "Vna" folds like the other two but sorts after "VNA", so neither existing slug moves.
    const after = agencySlugs(['VNA', 'vna', 'VOV', 'Xinhua', 'Vna']);
    expect(after.get('Vna')).not.toBe(after.get('vna'));
    for (const [name, slug] of before) expect(after.get(name)).toBe(slug);
  });
});
