import { fullTime, relativeTime } from '../entry-text';

/** "5 minutes ago", with the full date and time on hover and for machines. */
export function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={fullTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}
