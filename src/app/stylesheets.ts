/**
 * Style sheets for what the first screen never shows: dialogs and a facet's choices. Every
 * built page inlines the sheet its first paint needs (styles.css), and that sheet is stored once per
 * dispatch, so the rest is kept out of it and fetched, once, when it is needed.
 */
const requested = new Map<string, Promise<void>>();

/** Resolves once the sheet applies, or could not be had: a part without its styles still works. */
export function loadStylesheet(href: string): Promise<void> {
  // Test runners that leave style sheets out give them no address.
  if (href === '') return Promise.resolve();
  let loaded = requested.get(href);
  if (loaded === undefined) {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    loaded = new Promise<void>((resolve) => {
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
    });
    document.head.append(link);
    requested.set(href, loaded);
  }
  return loaded;
}
