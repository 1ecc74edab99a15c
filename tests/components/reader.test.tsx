/**
 * The reader as people use it: through URLs, the list, the filters and the reading pane.
 * Built from the real seeds through the real ingest; expected values come from reading the seeds.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SiteModel } from '../../src/site/site-model.ts';
import { seedSite } from '../support/sites.ts';
import { currentUrl, renderAt } from './render-app.tsx';

const GERMANY = '000_c1e9c1a179e0b2a5'; // 2026-01-10, Berlin
const PUTIN = '001_660d5ccee3f9ddf8'; // undated, VOV World
const AZERBAIJAN = '002_ab79468c31c8404f'; // 2026-01-26, Hà Nội
const NORTH_KOREA = '003_de0e4ba2ab4b4e39'; // 2025-10-09, Norwegian
const BULGARIA = '004_fddb412e61d3f82b'; // 2025-10-24, Sofia

const PUTIN_TITLE = 'Party General Secretary Nguyen Phu Trong holds talks with Russian President Vladimir Putin';
const NORWEGIAN_TITLE = 'Fremme forholdet mellom Vietnam og Nord-Korea for å gå inn i en ny utviklingsfase';

let site: SiteModel;
beforeAll(async () => {
  site = await seedSite();
});

function listedIds(): string[] {
  const list = screen.getByRole('list', { name: 'Dispatches' });
  return within(list)
    .getAllByRole('link')
    .map((link) => new URL(link.getAttribute('href') ?? '', 'http://localhost').pathname.replace('/article/', ''));
}

/** Opens a facet ("Country") and ticks or unticks one of its choices. */
async function toggleChoice(facet: string, choice: RegExp) {
  const summary = screen.getByText(facet, { selector: 'summary' });
  // A browser opens a <details> whatever becomes of the click; happy-dom only when the click bubbles
  // up to it, and React stops the first click on filters it has not taken over yet (their code is on
  // its way). So the test clicks again if it has to, as a reader would.
  await waitFor(async () => {
    if (!summary.closest('details')?.open) await userEvent.click(summary);
    expect(summary.closest('details')).toHaveAttribute('open');
  });
  await userEvent.click(await screen.findByRole('checkbox', { name: choice }));
}

async function typeSearch(text: string) {
  const box = screen.getByRole('searchbox', { name: 'Search dispatches' });
  await userEvent.clear(box);
  if (text !== '') await userEvent.type(box, text);
}

describe('the list', () => {
  it('shows every dispatch newest first, with the undated one last, under month headers', async () => {
    renderAt('/', site);
    expect(listedIds()).toEqual([AZERBAIJAN, GERMANY, BULGARIA, NORTH_KOREA, PUTIN]);
    expect(await screen.findByText('5 dispatches')).toHaveAttribute('role', 'status');
    const headers = [...document.querySelectorAll('.entries .period')].map((header) => header.textContent);
    expect(headers).toEqual(['January 2026', 'October 2025', 'Undated']);
  });

  it('gives each entry its date, dateline, agency, country names and a language badge when not in English', () => {
    renderAt('/', site);
    const items = within(screen.getByRole('list', { name: 'Dispatches' })).getAllByRole('listitem');
    const germany = items[1];
    const putin = items[4];
    const norwegian = items[3];
    expect(germany).toHaveTextContent('10 January 2026 · Berlin · VNA/VNS');
    // Every dispatch is about Việt Nam: a row names the other side only.
    expect(germany).toHaveTextContent('Germany');
    expect(germany).not.toHaveTextContent('Vietnam');
    expect(germany).not.toHaveTextContent('Norwegian');
    expect(putin).toHaveTextContent('Undated · VOV World');
    expect(putin).toHaveTextContent('Russia, Ukraine');
    expect(norwegian).toHaveTextContent('9 October 2025');
    expect(norwegian).toHaveTextContent('North Korea');
    expect(norwegian).toHaveTextContent('Norwegian Bokmål');
  });
});

describe('a deep link', () => {
  it('opens the dispatch beside the list, in its own language', async () => {
    renderAt(`/article/${NORTH_KOREA}`, site);
    const heading = screen.getByRole('heading', { level: 1, name: NORWEGIAN_TITLE });
    expect(heading).toHaveAttribute('lang', 'nb');
    expect(screen.getByRole('article')).toHaveTextContent('Kim Jong-un');
    expect(document.querySelector('.article-body')).toHaveAttribute('lang', 'nb');
    expect(screen.getByRole('link', { name: /Read the original at www\.vietnamplus\.vn/ })).toHaveAttribute(
      'href',
      expect.stringMatching(/^https:\/\/www\.vietnamplus\.vn\//),
    );
    expect(screen.getByRole('region', { name: 'Photo captions' }).querySelectorAll('figcaption')).toHaveLength(3);
    expect(screen.getByRole('list', { name: 'Dispatches' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe(`${NORWEGIAN_TITLE} · Dispatch Reader`));
  });

  it('keeps the filters from its query string', async () => {
    renderAt(`/article/${PUTIN}?country=ru&q=putin`, site);
    expect(screen.getByRole('heading', { level: 1, name: PUTIN_TITLE })).toBeInTheDocument();
    // The page was prerendered without the query; the filters take it over as their code arrives.
    await waitFor(() => expect(screen.getByText('Country', { selector: 'summary' })).toHaveTextContent('Country · 1'));
    expect(screen.getByRole('searchbox', { name: 'Search dispatches' })).toHaveValue('putin');
    await waitFor(() => expect(listedIds()).toEqual([PUTIN]));
    expect(await screen.findByText('1 of 5 dispatches')).toHaveAttribute('role', 'status');
  });

  it('to an unknown dispatch says it was not found and leads back to the list', async () => {
    renderAt('/article/no-such-dispatch?country=DE', site);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dispatch not found' })).toBeInTheDocument();
    expect(screen.getByText('/article/no-such-dispatch')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Back to all dispatches' }));
    expect(currentUrl()).toBe('/?country=DE');
    // The reading pane follows the URL once the click has painted.
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Dispatch not found' })).not.toBeInTheDocument());
  });
});

describe('a part that cannot be shown', () => {
  /** The seeds' site, with one dispatch's data in a shape the reading pane cannot take. */
  function withBrokenArticle(id: string): SiteModel {
    return {
      ...site,
      pageFor(pathname) {
        const served = site.pageFor(pathname);
        const { article } = served.page.data;
        if (article?.entry.id !== id) return served;
        const broken = { ...article, sourceUrl: 'not an address' };
        return { ...served, page: { ...served.page, data: { ...served.page.data, article: broken } } };
      },
    };
  }

  it('says so in its own pane, with a way back, and the list goes on working', async () => {
    // React reports the error it caught; the reader sees the notice instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAt(`/article/${GERMANY}`, withBrokenArticle(GERMANY));
    act(() => void window.dispatchEvent(new Event('pointerdown')));
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('This dispatch could not be shown. Back to the list or reload the page.');
    expect(within(notice).getByRole('link', { name: 'Back to the list' })).toHaveAttribute('href', '/');
    expect(listedIds()).toEqual([AZERBAIJAN, GERMANY, BULGARIA, NORTH_KOREA, PUTIN]);
    await userEvent.click(screen.getByRole('link', { name: /Tô Lâm met with Atanas Zafirov/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /Tô Lâm met with Atanas Zafirov/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('filters', () => {
  it('by country: choosing one adds a history entry and narrows the list; several match any', async () => {
    renderAt('/', site);
    const before = window.history.length;
    await toggleChoice('Country', /North Korea/);
    // The box ticks at once; the choice reaches the URL once that has painted.
    expect(screen.getByRole('checkbox', { name: /North Korea/ })).toBeChecked();
    await waitFor(() => expect(currentUrl()).toBe('/?country=KP'));
    expect(window.history.length).toBe(before + 1);
    await waitFor(() => expect(listedIds()).toEqual([NORTH_KOREA]));
    await toggleChoice('Country', /Germany/);
    await waitFor(() => expect(currentUrl()).toBe('/?country=KP,DE'));
    await waitFor(() => expect(listedIds()).toEqual([GERMANY, NORTH_KOREA]));
    expect(await screen.findByText('2 of 5 dispatches')).toHaveAttribute('role', 'status');
  });

  it('keeps every box ticked in quick succession, each one a step of history', async () => {
    renderAt('/', site);
    const before = window.history.length;
    await toggleChoice('Country', /Germany/);
    // Clicks faster than a frame: each lands before the one before it has reached the URL.
    act(() => {
      fireEvent.click(screen.getByRole('checkbox', { name: /Bulgaria/ }));
      fireEvent.click(screen.getByRole('checkbox', { name: /Germany/ }));
      fireEvent.click(screen.getByRole('checkbox', { name: /North Korea/ }));
    });
    await waitFor(() => expect(currentUrl()).toBe('/?country=BG,KP'));
    expect(screen.getByRole('checkbox', { name: /Germany/ })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Bulgaria/ })).toBeChecked();
    expect(window.history.length).toBe(before + 4);
    await waitFor(() => expect(listedIds()).toEqual([BULGARIA, NORTH_KOREA]));
  });

  it('lists every country with its count, most frequent first', async () => {
    renderAt('/', site);
    await userEvent.click(screen.getByText('Country', { selector: 'summary' }));
    const group = await screen.findByRole('group', { name: 'Country' });
    const labels = within(group).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    expect(labels[0]).toBe('Vietnam 5');
    expect(labels).toEqual(expect.arrayContaining(['Russia 1', 'Ukraine 1', 'North Korea 1', 'Germany 1', 'Azerbaijan 1', 'Bulgaria 1']));
    expect(labels).toHaveLength(7);
  });

  it('by agency and by language', async () => {
    renderAt('/', site);
    await toggleChoice('Agency', /VOV World/);
    await waitFor(() => expect(listedIds()).toEqual([PUTIN]));
    expect(currentUrl()).toBe('/?agency=vov-world');
    await toggleChoice('Agency', /VOV World/);
    await toggleChoice('Language', /Norwegian/);
    expect(currentUrl()).toBe('/?lang=nb');
    await waitFor(() => expect(listedIds()).toEqual([NORTH_KOREA]));
  });

  it('by date: an inclusive range, hiding undated dispatches with a count and a way to show them', async () => {
    renderAt('/?from=2025-10-24&to=2026-01-10', site);
    await waitFor(() => expect(listedIds()).toEqual([GERMANY, BULGARIA]));
    expect(screen.getByText(/1 undated dispatch is hidden by the date range/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show undated too' }));
    expect(currentUrl()).toBe('/?from=2025-10-24&to=2026-01-10&undated=1');
    await waitFor(() => expect(listedIds()).toEqual([GERMANY, BULGARIA, PUTIN]));
  });

  it('by a month given in the link', async () => {
    renderAt('/?from=2025-10&to=2025-10', site);
    await waitFor(() => expect(listedIds()).toEqual([BULGARIA, NORTH_KOREA]));
  });

  it('by a year given in the link: "to" counts to its last day', async () => {
    renderAt('/?to=2025', site);
    await waitFor(() => expect(listedIds()).toEqual([BULGARIA, NORTH_KOREA]));
  });

  it('oldest first, undated still last', async () => {
    renderAt('/?sort=oldest', site);
    await waitFor(() => expect(listedIds()).toEqual([NORTH_KOREA, BULGARIA, GERMANY, AZERBAIJAN, PUTIN]));
  });

  it('that match nothing say so in words and offer to clear them', async () => {
    renderAt('/?q=zzyzx&country=BG', site);
    expect(await screen.findByText('No dispatches match “zzyzx” in Bulgaria.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Dispatches' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(currentUrl()).toBe('/');
    await waitFor(() => expect(listedIds()).toHaveLength(5));
  });

  it('ignores bad parameters with a notice, never as markup', async () => {
    const scriptsBefore = document.querySelectorAll('script').length;
    renderAt('/?from=yesterday&to=2025-13-45&country=%3Cscript%3Ealert(1)%3C/script%3E', site);
    const notices = await screen.findByRole('list', { name: 'Ignored link parameters' });
    expect(notices).toHaveTextContent('Ignored from=“yesterday”: dates are written YYYY-MM-DD, YYYY-MM or YYYY.');
    expect(notices).toHaveTextContent('Ignored to=“2025-13-45”');
    expect(notices).toHaveTextContent('Ignored country=“<script>alert(1)</script>”');
    expect(document.querySelectorAll('script')).toHaveLength(scriptsBefore);
    expect(listedIds()).toHaveLength(5);
  });
});

describe('search', () => {
  it('ignores case and diacritics: "to lam" finds Tô Lâm and To Lam alike', async () => {
    renderAt('/', site);
    await typeSearch('to lam');
    await waitFor(() => expect(listedIds().sort()).toEqual([AZERBAIJAN, NORTH_KOREA, BULGARIA].sort()));
    // The marks follow the results (the highlighter loads with the search's code).
    const marks = () => [...document.querySelectorAll('.entries mark')].map((mark) => mark.textContent);
    await waitFor(() => expect(marks()).toEqual(expect.arrayContaining(['Tô', 'Lâm'])));
  });

  it('finds Hà Nội and Hanoi however they are written, and "doi moi" in Đổi mới', async () => {
    renderAt('/?q=ha+noi', site);
    await waitFor(() => expect(listedIds()).toEqual([AZERBAIJAN, PUTIN]));
    await typeSearch('hanoi');
    await waitFor(() => expect(listedIds()).toEqual([AZERBAIJAN, PUTIN]));
    await typeSearch('doi moi');
    await waitFor(() => expect(listedIds()).toEqual([BULGARIA]));
  });

  it('finds every spelling of Việt Nam, and a country by its other names', async () => {
    renderAt('/?q=viet+nam', site);
    await waitFor(() => expect(listedIds()).toHaveLength(5));
    await typeSearch('dprk');
    await waitFor(() => expect(listedIds()).toEqual([NORTH_KOREA]));
  });

  it('understands "exact phrases", -exclusions and plurals', async () => {
    renderAt('/?q=%22national+congress%22', site);
    await waitFor(() => expect(listedIds()).toEqual([AZERBAIJAN, GERMANY]));
    await typeSearch('congress -azerbaijan');
    await waitFor(() => expect(listedIds()).toEqual([GERMANY]));
    await typeSearch('congresses');
    await waitFor(() => expect(listedIds()).toContain(GERMANY));
  });

  it('finds a dispatch by its country’s English name whatever its language', async () => {
    renderAt('/', site);
    await typeSearch('north korea');
    await waitFor(() => expect(listedIds()).toEqual([NORTH_KOREA]));
  });

  it('requires every word, the last one as a prefix while typing', async () => {
    renderAt('/', site);
    await typeSearch('putin negotiat');
    await waitFor(() => expect(listedIds()).toEqual([PUTIN]));
    await typeSearch('putin azerbaijan');
    await waitFor(() => expect(screen.getByText(/No dispatches match/)).toBeInTheDocument());
  });

  it('ranks title matches above body matches when sorted by best match', async () => {
    renderAt('/?sort=relevance', site);
    await typeSearch('nord korea');
    // The Norwegian dispatch has "Nord-Korea" in its title.
    await waitFor(() => expect(listedIds()[0]).toBe(NORTH_KOREA));
  });

  it('typing replaces the history entry instead of piling them up', async () => {
    renderAt('/', site);
    const before = window.history.length;
    await typeSearch('bulgaria');
    expect(currentUrl()).toBe('/?q=bulgaria');
    expect(window.history.length).toBe(before + 1);
  });

  it('writes one history entry for the first key on a page never scrolled, and nothing else', async () => {
    // Each history write costs the key's paint a few milliseconds on a phone; the top of the page is
    // where an entry without a position is restored to anyway.
    renderAt('/', site);
    const pushes = vi.spyOn(window.history, 'pushState');
    const replaces = vi.spyOn(window.history, 'replaceState');
    try {
      await userEvent.type(screen.getByRole('searchbox', { name: 'Search dispatches' }), 'b');
      expect(currentUrl()).toBe('/?q=b');
      expect([pushes.mock.calls.length, replaces.mock.calls.length]).toEqual([1, 0]);
    } finally {
      pushes.mockRestore();
      replaces.mockRestore();
    }
  });

  it('keeps the query when the order, the saved box or a date changes after it', async () => {
    renderAt('/', site);
    await typeSearch('to lam');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'Oldest first');
    await waitFor(() => expect(new URLSearchParams(currentUrl().split('?')[1]).get('sort')).toBe('oldest'));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-01' } });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Saved' }));
    const params = new URLSearchParams(currentUrl().split('?')[1]);
    expect([params.get('q'), params.get('sort'), params.get('from'), params.get('saved')]).toEqual(['to lam', 'oldest', '2025-01-01', '1']);
    expect(screen.getByRole('searchbox', { name: 'Search dispatches' })).toHaveValue('to lam');
  });

  it('highlights matches in the reading pane', async () => {
    renderAt(`/article/${GERMANY}?q=hegemonism`, site);
    await waitFor(() => expect(document.querySelectorAll('.article-body mark').length).toBeGreaterThanOrEqual(2));
    expect(document.querySelector('.article-body mark')).toHaveTextContent('hegemonism');
  });
});

describe('reading', () => {
  it('opening a dispatch from the list keeps the filters and moves focus to its heading', async () => {
    renderAt('/?country=VN', site);
    await screen.findByText('5 of 5 dispatches');
    await userEvent.click(screen.getByRole('link', { name: PUTIN_TITLE }));
    expect(currentUrl()).toBe(`/article/${PUTIN}?country=VN`);
    const heading = await screen.findByRole('heading', { level: 1, name: PUTIN_TITLE });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await screen.findByText(/Regarding the situation in Ukraine/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: PUTIN_TITLE })).toHaveAttribute('aria-current', 'page');
  });

  it('offers the previous and next dispatch of the current list', () => {
    renderAt(`/article/${BULGARIA}`, site);
    const pager = screen.getByRole('navigation', { name: 'Previous and next dispatch' });
    const [previous, next] = within(pager).getAllByRole('link');
    expect(previous).toHaveAttribute('href', `/article/${GERMANY}`);
    expect(next).toHaveAttribute('href', `/article/${NORTH_KOREA}`);
  });

  it('back and forward walk through what the reader did', async () => {
    renderAt('/', site);
    await toggleChoice('Country', /Bulgaria/);
    await waitFor(() => expect(listedIds()).toEqual([BULGARIA]));
    await userEvent.click(within(screen.getByRole('list', { name: 'Dispatches' })).getByRole('link'));
    expect(currentUrl()).toBe(`/article/${BULGARIA}?country=BG`);
    await act(async () => {
      window.history.back();
      await waitFor(() => expect(currentUrl()).toBe('/?country=BG'));
    });
    // The screen follows the address once the reader's input has painted.
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    // Focus returns to the entry the reader had opened.
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Dispatches' })).getByRole('link')).toHaveFocus());
    await act(async () => {
      window.history.back();
      await waitFor(() => expect(currentUrl()).toBe('/'));
    });
    await waitFor(() => expect(listedIds()).toHaveLength(5));
    await act(async () => {
      window.history.forward();
      await waitFor(() => expect(currentUrl()).toBe('/?country=BG'));
    });
    await waitFor(() => expect(listedIds()).toEqual([BULGARIA]));
  });
});

describe('keyboard', () => {
  it('j opens the next dispatch even right after the reader ticked a country', async () => {
    renderAt('/', site);
    await toggleChoice('Country', /Vietnam/);
    expect(screen.getByRole('checkbox', { name: /Vietnam/ })).toHaveFocus();
    await userEvent.keyboard('j');
    await waitFor(() => expect(currentUrl()).toBe(`/article/${AZERBAIJAN}?country=VN`));
  });

  it('leaves Ctrl, Alt and Meta combinations to the browser', async () => {
    renderAt(`/article/${GERMANY}`, site);
    for (const combination of ['{Control>}j{/Control}', '{Meta>}j{/Meta}', '{Alt>}k{/Alt}']) {
      await userEvent.keyboard(combination);
    }
    expect(currentUrl()).toBe(`/article/${GERMANY}`);
  });

  it('Esc leaves the search box without emptying it', async () => {
    renderAt('/', site);
    await typeSearch('putin');
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('searchbox', { name: 'Search dispatches' })).not.toHaveFocus();
    expect(screen.getByRole('searchbox', { name: 'Search dispatches' })).toHaveValue('putin');
    expect(currentUrl()).toBe('/?q=putin');
  });
});

describe('date fields', () => {
  it('add one history entry for a date, however many keystrokes it takes, and ignore years no one means', async () => {
    renderAt('/', site);
    const from = screen.getByLabelText('From');
    const before = window.history.length;
    fireEvent.change(from, { target: { value: '0002-01-01' } });
    expect(currentUrl()).toBe('/');
    fireEvent.change(from, { target: { value: '2026-01-01' } });
    fireEvent.change(from, { target: { value: '2026-01-15' } });
    expect(currentUrl()).toBe('/?from=2026-01-15');
    expect(window.history.length).toBe(before + 1);
  });
});

describe('a page left open across a new build', () => {
  it('reloads when the data files it reads have moved to the new build', async () => {
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const { fetch } = renderAt('/', site);
    await userEvent.click(screen.getByRole('searchbox', { name: 'Search dispatches' }));
    await screen.findByText('5 dispatches');
    // The new build has replaced every data file of the build this page came from.
    fetch.mockImplementation(async () => new Response('Not found', { status: 404 }));
    await typeSearch('putin');
    await waitFor(() => expect(reload).toHaveBeenCalled());
    reload.mockRestore();
  });
});

