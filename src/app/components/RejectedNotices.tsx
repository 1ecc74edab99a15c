import { describeRejected } from '../../core/filter-notices.ts';
import type { Rejected } from '../../core/filters.ts';

/** What the link asked for that the list could not use, in words, never as markup. */
export default function RejectedNotices({ rejected }: { rejected: Rejected[] }) {
  return (
    <ul className="notices" aria-label="Ignored link parameters">
      {describeRejected(rejected).map((notice) => <li key={notice}>{notice}</li>)}
    </ul>
  );
}
