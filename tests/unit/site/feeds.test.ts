/** Feeds as a feed reader meets them: well-formed Atom, JSON Feed 1.1, and the dispatches' own facts. */
import { describe, expect, it } from 'vitest';
import {
  atomFeed, entryId, feedFiles, jsonFeed, planFeeds, type FeedEntry, type FeedPlan, type FeedSite,
} from '../../../src/site/feeds.ts';
import { feedPath } from '../../../src/core/feed-paths.ts';
import { agencySlugs } from '../../../src/site/agency-slugs.ts';
import { allElements, childNamed, childrenNamed, parseXml, textOf, type XmlElement } from './xml.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const SITE: FeedSite = {
  origin: 'https://dispatches.example',
  countryNames: { KP: 'North Korea', VN: 'Vietnam', RU: 'Russia', BG: 'Bulgaria' },
};
const LOCAL: FeedSite = { ...SITE, origin: undefined };
// RFC 3339 date-time, as Atom's updated and published and JSON Feed's dates must be.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function dispatch(id: string, overrides: Partial<FeedEntry> = {}): FeedEntry {
  return {
    id,
    title: `Việt Nam and North Korea agree on closer ties (${id})`,
    date: '2025-10-09',
    agency: 'Vietnam News Agency',
    language: 'en',
    countries: ['KP', 'VN'],
    summary: 'The two parties agreed to exchange delegations and share experience in economic management.',
    firstSeen: '2025-10-10T06:30:00Z',
    ...overrides,
  };
}

const ARCHIVE: FeedEntry[] = [
  dispatch('kp-talks'),
  dispatch('ru-visit', {
    title: 'Russian delegation visits Hà Nội', date: '2025-09-30', countries: ['RU', 'VN'], agency: 'VOV World',
  }),
  dispatch('bg-parties', {
    title: 'Hợp tác giữa hai đảng', date: '2025-07', language: 'vi', countries: ['BG', 'VN'], agency: null,
    firstSeen: '2025-08-02T09:15:00+07:00',
  }),
  dispatch('undated-kp', { date: null, language: 'und', firstSeen: '2025-06-01T00:00:00Z' }),
];

function planFor(entries: FeedEntry[], kind: FeedPlan['view']['kind'], site = SITE, key?: string): FeedPlan {
  const found = planFeeds(entries, site).find(
    (plan) =>
      plan.view.kind === kind &&
      (key === undefined || (plan.view.kind === 'country' ? plan.view.code : plan.view.kind === 'agency' ? plan.view.name : '') === key),
  );
  if (found === undefined) throw new Error(`no ${kind} feed for ${key ?? 'the archive'}`);
  return found;
}

function atomOf(plan: FeedPlan, site = SITE): XmlElement {
  return parseXml(atomFeed(plan, site));
}

function entryFor(feed: XmlElement, dispatchId: string): XmlElement {
  const found = childrenNamed(feed, 'entry').find((entry) => textOf(entry, 'id') === entryId(dispatchId));
  if (found === undefined) throw new Error(`no entry for ${dispatchId}`);
  return found;
}

function hrefOf(element: XmlElement, rel: string, type?: string): string | undefined {
  return childrenNamed(element, 'link').find(
    (link) => link.attributes.rel === rel && (type === undefined || link.attributes.type === type),
  )?.attributes.href;
}

describe('the Atom feed of the newest dispatches', () => {
  const feed = atomOf(planFor(ARCHIVE, 'newest'));

  it('is an Atom feed, every element in the Atom namespace', () => {
    expect(feed.name).toBe('feed');
    for (const element of allElements(feed)) expect(element.namespace).toBe(ATOM);
  });

  it('has the feed-level elements RFC 4287 requires, and names the view in its title', () => {
    expect(textOf(feed, 'title')).toBe('Dispatch Reader · Newest dispatches');
    expect(textOf(feed, 'id')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(hrefOf(feed, 'self', 'application/atom+xml')).toBe('https://dispatches.example/feeds/newest.xml');
    expect(hrefOf(feed, 'alternate', 'text/html')).toBe('https://dispatches.example/');
  });

  it('is updated when its newest entry is', () => {
    const updated = childrenNamed(feed, 'entry').map((entry) => textOf(entry, 'updated') ?? '');
    expect(textOf(feed, 'updated')).toBe([...updated].sort().at(-1));
  });

  it('gives every entry a title, a link to its article, an id, an RFC 3339 time and an author', () => {
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(ARCHIVE.length);
    for (const entry of entries) {
      expect(textOf(entry, 'title')).not.toBe('');
      expect(hrefOf(entry, 'alternate')).toMatch(/^https:\/\/dispatches\.example\/article\/[a-z0-9-]+$/);
      expect(textOf(entry, 'id')).toMatch(/^urn:uuid:/);
      expect(textOf(entry, 'updated')).toMatch(RFC_3339);
      expect(textOf(childNamed(entry, 'author'), 'name')).not.toBe('');
    }
  });

  it('shows the dispatch’s own facts: title, link, agency, summary, date, language and countries', () => {
    const entry = entryFor(feed, 'kp-talks');
    expect(textOf(entry, 'title')).toBe('Việt Nam and North Korea agree on closer ties (kp-talks)');
    expect(hrefOf(entry, 'alternate')).toBe('https://dispatches.example/article/kp-talks');
    expect(textOf(childNamed(entry, 'author'), 'name')).toBe('Vietnam News Agency');
    expect(textOf(entry, 'summary')).toBe(ARCHIVE[0]?.summary);
    expect(textOf(entry, 'updated')).toBe('2025-10-09T00:00:00Z');
    expect(textOf(entry, 'published')).toBe('2025-10-09T00:00:00Z');
    expect(entry.attributes['xml:lang']).toBe('en');
    expect(childrenNamed(entry, 'category').map((category) => category.attributes.label)).toEqual(['North Korea', 'Vietnam']);
  });

  it('dates a month-only dispatch by when the archive first saw it, and says so', () => {
    const entry = entryFor(feed, 'bg-parties');
    expect(textOf(entry, 'updated')).toBe('2025-08-02T02:15:00.000Z');
    expect(textOf(entry, 'published')).toBeUndefined();
    expect(textOf(entry, 'summary')).toContain('dated July 2025 only; the time given here is when this archive first saw it');
    expect(entry.attributes['xml:lang']).toBe('vi');
  });

  it('dates an undated dispatch by when the archive first saw it, and says so', () => {
    const entry = entryFor(feed, 'undated-kp');
    expect(textOf(entry, 'updated')).toBe('2025-06-01T00:00:00.000Z');
    expect(textOf(entry, 'summary')).toContain('The dispatch carries no date; the time given here is when this archive first saw it.');
  });

  it('says nothing about stand-in times for a fully dated dispatch', () => {
    expect(textOf(entryFor(feed, 'kp-talks'), 'summary')).not.toContain('first saw');
  });

  it('marks a dispatch of unknown language as such instead of letting the feed’s English apply', () => {
    expect(feed.attributes['xml:lang']).toBe('en');
    expect(entryFor(feed, 'undated-kp').attributes['xml:lang']).toBe('');
  });

  it('names the agency as not stated when the dispatch does not say, since Atom needs an author', () => {
    expect(textOf(childNamed(entryFor(feed, 'bg-parties'), 'author'), 'name')).toBe('Agency not stated');
  });
});

describe('which feeds an archive has', () => {
  it('keeps only the newest 50, in the order the list shows them', () => {
    const many = Array.from({ length: 60 }, (_, index) => dispatch(`d${String(index).padStart(2, '0')}`));
    const newest = planFor(many, 'newest');
    expect(newest.entries.map((entry) => entry.id)).toEqual(many.slice(0, 50).map((entry) => entry.id));
    expect(childrenNamed(atomOf(newest), 'entry')).toHaveLength(50);
  });

  it('keeps the newest 10 of a country or an agency, in the order its filtered list shows them', () => {
    const many = Array.from({ length: 30 }, (_, index) => dispatch(`d${String(index).padStart(2, '0')}`, { countries: ['KP'] }));
    const northKorea = planFor(many, 'country', SITE, 'KP');
    expect(northKorea.entries.map((entry) => entry.id)).toEqual(many.slice(0, 10).map((entry) => entry.id));
    expect(planFor(many, 'newest').entries).toHaveLength(30);
  });

  it('has one feed per country the archive tags, holding only that country’s dispatches', () => {
    const plans = planFeeds(ARCHIVE, SITE);
    const countries = plans.flatMap((plan) => (plan.view.kind === 'country' ? [plan.view.code] : []));
    expect(countries).toEqual(['BG', 'KP', 'RU', 'VN']);
    const northKorea = atomOf(planFor(ARCHIVE, 'country', SITE, 'KP'));
    expect(textOf(northKorea, 'title')).toBe('Dispatch Reader · North Korea');
    expect(hrefOf(northKorea, 'alternate', 'text/html')).toBe('https://dispatches.example/?country=KP');
    expect(hrefOf(northKorea, 'self')).toBe('https://dispatches.example/feeds/country/kp.xml');
    expect(childrenNamed(northKorea, 'entry').map((entry) => textOf(entry, 'id'))).toEqual(
      [entryId('kp-talks'), entryId('undated-kp')],
    );
  });

  it('has one feed per agency, linked to the list filtered by that agency', () => {
    const vov = atomOf(planFor(ARCHIVE, 'agency', SITE, 'VOV World'));
    expect(textOf(vov, 'title')).toBe('Dispatch Reader · VOV World');
    expect(hrefOf(vov, 'alternate', 'text/html')).toBe('https://dispatches.example/?agency=vov-world');
    expect(hrefOf(vov, 'self')).toBe('https://dispatches.example/feeds/agency/vov-world.xml');
    expect(childrenNamed(vov, 'entry')).toHaveLength(1);
  });

  it('gives two agencies whose names fold alike two feeds, each with its own dispatches', () => {
    const archive = [dispatch('a', { agency: 'VNA' }), dispatch('b', { agency: 'vna' }), dispatch('c', { agency: 'VNA' })];
    const files = [...feedFiles(archive, SITE)].filter((file) => file.path.startsWith('/feeds/agency/'));
    const paths = files.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    const authorsByFeed = files
      .filter((file) => file.mediaType === 'application/atom+xml')
      .map((file) => childrenNamed(parseXml(file.text), 'entry').map((entry) => textOf(childNamed(entry, 'author'), 'name')));
    expect(authorsByFeed).toHaveLength(2);
    expect(authorsByFeed).toContainEqual(['VNA', 'VNA']);
    expect(authorsByFeed).toContainEqual(['vna']);
  });

  it('writes an Atom and a JSON Feed file for every feed, each well-formed', () => {
    const files = [...feedFiles(ARCHIVE, SITE)];
    const plans = planFeeds(ARCHIVE, SITE);
    expect(files).toHaveLength(plans.length * 2);
    for (const file of files) {
      if (file.mediaType === 'application/atom+xml') expect(parseXml(file.text).name).toBe('feed');
      else expect(JSON.parse(file.text)).toHaveProperty('version', 'https://jsonfeed.org/version/1.1');
    }
  });
});

describe('feeds built without a site origin', () => {
  const feed = atomOf(planFor(ARCHIVE, 'newest', LOCAL), LOCAL);

  it('link site-relative, which Atom allows and readers resolve against the feed’s address', () => {
    expect(hrefOf(feed, 'self')).toBe('/feeds/newest.xml');
    expect(hrefOf(entryFor(feed, 'kp-talks'), 'alternate')).toBe('/article/kp-talks');
  });

  it('keep the same absolute ids as a hosted build, so moving the site never duplicates entries', () => {
    const hosted = atomOf(planFor(ARCHIVE, 'newest'));
    expect(textOf(feed, 'id')).toBe(textOf(hosted, 'id'));
    expect(childrenNamed(feed, 'entry').map((entry) => textOf(entry, 'id'))).toEqual(
      childrenNamed(hosted, 'entry').map((entry) => textOf(entry, 'id')),
    );
  });
});

describe('stable ids', () => {
  it('are the same on every build, different per dispatch, and different per feed', () => {
    expect(entryId('kp-talks')).toBe(entryId('kp-talks'));
    expect(entryId('kp-talks')).not.toBe(entryId('ru-visit'));
    const ids = planFeeds(ARCHIVE, SITE).map((plan) => textOf(atomOf(plan), 'id'));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the JSON Feed', () => {
  // Every top-level and item field JSON Feed 1.1 defines; anything else would be an unknown extension.
  const FEED_FIELDS = ['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url',
    'icon', 'favicon', 'authors', 'language', 'expired', 'hubs', 'items'];
  const ITEM_FIELDS = ['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image',
    'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments'];
  const json = JSON.parse(jsonFeed(planFor(ARCHIVE, 'newest'), SITE)) as {
    [field: string]: unknown;
    items: Array<Record<string, unknown>>;
  };

  it('is version 1.1 and uses only the fields 1.1 defines', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(FEED_FIELDS).toEqual(expect.arrayContaining(Object.keys(json)));
    for (const item of json.items) expect(ITEM_FIELDS).toEqual(expect.arrayContaining(Object.keys(item)));
  });

  it('has the feed-level fields a reader shows, and no 1.0 "author"', () => {
    expect(json.title).toBe('Dispatch Reader · Newest dispatches');
    expect(json.home_page_url).toBe('https://dispatches.example/');
    expect(json.feed_url).toBe('https://dispatches.example/feeds/newest.json');
    expect(json).not.toHaveProperty('author');
  });

  it('gives each item its id, link, text, times, agency as authors, and language', () => {
    const item = json.items.find((candidate) => candidate.id === entryId('kp-talks'));
    expect(item).toMatchObject({
      url: 'https://dispatches.example/article/kp-talks',
      title: 'Việt Nam and North Korea agree on closer ties (kp-talks)',
      content_text: ARCHIVE[0]?.summary,
      date_published: '2025-10-09T00:00:00Z',
      date_modified: '2025-10-09T00:00:00Z',
      authors: [{ name: 'Vietnam News Agency' }],
      tags: ['North Korea', 'Vietnam'],
      language: 'en',
    });
    for (const each of json.items) {
      expect(each.date_modified).toMatch(RFC_3339);
      expect(typeof each.content_text).toBe('string');
    }
  });

  it('says when a time is the archive’s, and leaves out what is unknown', () => {
    const item = json.items.find((candidate) => candidate.id === entryId('undated-kp'));
    expect(item?.content_text).toContain('carries no date');
    // The summary alone, without the note, beside the content that carries it.
    expect(item?.summary).not.toContain('carries no date');
    expect(json.items.find((candidate) => candidate.id === entryId('kp-talks'))).not.toHaveProperty('summary');
    expect(item).not.toHaveProperty('date_published');
    expect(item).not.toHaveProperty('language');
    const noAgency = json.items.find((candidate) => candidate.id === entryId('bg-parties'));
    expect(noAgency).not.toHaveProperty('authors');
  });
});

describe('hostile text', () => {
  const longWord = 'ư'.repeat(10_000);
  const title = `A < B && C ]]> D ]]> E \u0001\u0008\u000B\u001F \u202Eevil\u202C 🇻🇳 🤝 ${longWord}`;
  const summary = `Quote: "<script>alert('x')</script>" & ]]> \uFFFE \uD800 ok`;
  const agency = 'Agence <France> & "Presse"';
  const hostile = [dispatch('hostile', { title, summary, agency, countries: ['KP'] })];
  const expectedTitle = `A < B && C ]]> D ]]> E  \u202Eevil\u202C 🇻🇳 🤝 ${longWord}`;

  it('keeps the Atom feed well-formed and every character XML can carry', () => {
    const feed = atomOf(planFor(hostile, 'newest'));
    const entry = entryFor(feed, 'hostile');
    expect(textOf(entry, 'title')).toBe(expectedTitle);
    expect(textOf(entry, 'summary')).toBe(`Quote: "<script>alert('x')</script>" & ]]>   ok`);
    expect(textOf(childNamed(entry, 'author'), 'name')).toBe(agency);
  });

  it('keeps an agency feed well-formed when the agency’s name is hostile', () => {
    const feed = atomOf(planFor(hostile, 'agency', SITE, agency));
    expect(textOf(feed, 'title')).toBe(`Dispatch Reader · ${agency}`);
    expect(hrefOf(feed, 'alternate', 'text/html')).toBe('https://dispatches.example/?agency=agence-france-presse');
    expect(hrefOf(feed, 'self')).toBe(`https://dispatches.example${feedPath({ kind: 'agency', name: agency, slug: agencySlugs([agency]).get(agency) ?? '' }, 'atom')}`);
  });

  it('round-trips the same text through the JSON Feed', () => {
    const json = JSON.parse(jsonFeed(planFor(hostile, 'newest'), SITE)) as { items: Array<{ title: string; authors: unknown }> };
    expect(json.items[0]?.title).toBe(expectedTitle);
    expect(json.items[0]?.authors).toEqual([{ name: agency }]);
  });
});

describe('bad input', () => {
  it('names the dispatch and the field when a stand-in time is not an ISO time', () => {
    const broken = [dispatch('no-time', { date: null, firstSeen: 'last Tuesday' })];
    expect(() => atomFeed(planFor(broken, 'newest'), SITE)).toThrow('no-time: firstSeen "last Tuesday"');
  });
});
