/** What the app says about the parameters of a link it had to leave out (see `parseFilters`). */
import { cutByCodePoints, type Rejected } from './filters.ts';

const RULES: Record<string, string> = {
  country: 'country codes are two letters, such as VN',
  agency: 'agencies are named as in the filter list',
  lang: 'languages are codes such as en or vi',
  from: 'dates are written YYYY-MM-DD, YYYY-MM or YYYY',
  to: 'dates are written YYYY-MM-DD, YYYY-MM or YYYY',
  sort: 'the list sorts by newest, oldest or relevance',
};

/** One short sentence per parameter left out of a link. */
export function describeRejected(rejected: readonly Rejected[]): string[] {
  return rejected.map(([name, value]) =>
    name === 'from>to' ? 'The dates were the wrong way round, so they were swapped.' : `Ignored ${name}=“${shorten(value)}”: ${RULES[name] ?? 'not understood'}.`,
  );
}

function shorten(value: string): string {
  const cut = cutByCodePoints(value, 40);
  return cut === value ? value : `${cut}…`;
}
