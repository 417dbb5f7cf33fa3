// An article's status as a chip (tree rows and the editor header): the words carry it, the colour only repeats it.
import type { HelpArticleSummary } from '../../src-shared/help-center';
import { helpStatusChip } from './help-status';

export function HelpStatusChip(props: { article: Pick<HelpArticleSummary, 'status' | 'hasUnpublishedChanges'>; testId?: string }) {
  const chip = helpStatusChip(props.article);
  return (
    <span className={`help-status help-status-${chip.tone}`} title={chip.explanation} data-testid={props.testId}>
      {chip.label}
    </span>
  );
}
