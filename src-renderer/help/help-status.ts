// The status chip beside each article in the authoring tree and editor: what readers see now, in four words or less.
import type { HelpArticleSummary } from '../../src-shared/help-center';

export type HelpStatusTone = 'draft' | 'published' | 'changed' | 'unpublished';

export interface HelpStatusChip {
  label: string;
  tone: HelpStatusTone;
  /** A sentence for the chip's title and screen readers. */
  explanation: string;
}

export function helpStatusChip(article: Pick<HelpArticleSummary, 'status' | 'hasUnpublishedChanges'>): HelpStatusChip {
  switch (article.status) {
    case 'draft':
      return { label: 'Draft', tone: 'draft', explanation: 'Never published: readers do not see it.' };
    case 'unpublished':
      return { label: 'Unpublished', tone: 'unpublished', explanation: 'Taken down: readers get “not found”. Its revisions are kept.' };
    case 'published':
      return article.hasUnpublishedChanges
        ? { label: 'Published · unpublished changes', tone: 'changed', explanation: 'Readers see an older revision; the newest saved one waits until you publish.' }
        : { label: 'Published', tone: 'published', explanation: 'Readers see the newest revision.' };
  }
}
