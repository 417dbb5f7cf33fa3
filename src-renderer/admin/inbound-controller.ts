// The Inbound mail screen's side of the ConsoleApi: reads the list (with the count of mails that could not be
// read, whatever the filter), opens one mail, and processes one again (admins). Online only: the core answers
// `offline` at once and the screen says so. Re-read while showing when tickets change — a mail that was processed
// made or touched one.
import type { ConsoleApi } from '../../src-shared/console-api';
import type { InboundMailStatus } from '../../src-shared/inbound-mail';
import { inboundMailStatusLabels } from '../../src-shared/inbound-mail';
import type { AppStore } from '../store/app-store';
import { canSeeAdmin } from './admin-access';

/** The most the server lists at once (agent.ts `inbound:list`); the failed count says "200+" at this many. */
export const INBOUND_LIST_LIMIT = 200;

export type InboundController = ReturnType<typeof createInboundController>;

export function createInboundController(api: ConsoleApi, store: AppStore) {
  const s = () => store.getState();
  const showing = () => s().view === 'admin' && s().adminSection === 'inbound' && canSeeAdmin(s().session?.me ?? null);

  let loading: Promise<void> | null = null;
  let again = false;
  /** One read at a time; a change (or a new filter) during a read asks for one more, so the last one always shows. */
  function refresh(): Promise<void> {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        const filter = s().inboundFilter;
        const list = await api.listInboundMail({ ...(filter ? { status: filter } : {}), limit: INBOUND_LIST_LIMIT });
        if (!list.ok) {
          s().setInboundProblem(list.error.message);
          continue;
        }
        // Filtered to failed, the list is the count; otherwise one more question (the count stays visible).
        const failed = filter === 'failed' ? list : await api.listInboundMail({ status: 'failed', limit: INBOUND_LIST_LIMIT });
        // A filter chosen meanwhile: this answer is for the old one, and the next round reads the new one.
        if (s().inboundFilter !== filter) again = true;
        else s().setInboundMails(list.value, failed.ok ? failed.value.length : null);
      } while (again);
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    refresh,
    subscribe(): (() => void)[] {
      return [
        api.on('tickets', () => showing() && void refresh()),
        api.on('connection', (c) => c.state === 'online' && showing() && s().inboundProblem !== null && void refresh()),
      ];
    },
    setFilter(status: InboundMailStatus | null): Promise<void> {
      s().setInboundFilter(status);
      return refresh();
    },
    /** Shows one mail with its headers and source; a refusal (offline, gone) is a toast. */
    async open(inboundId: number): Promise<void> {
      const r = await api.getInboundMail({ inboundId });
      if (r.ok) s().setInboundOpen(r.value);
      else s().showToast(r.error.message, 'error');
    },
    close(): void {
      s().setInboundOpen(null);
    },
    /** Admins: processes a failed or waiting mail again; the problem to show, or null once it ran (whatever became of it). */
    async retry(inboundId: number): Promise<string | null> {
      const r = await api.retryInboundMail({ inboundId });
      if (!r.ok) return r.error.message;
      s().showToast(`Mail #${inboundId} processed again: ${inboundMailStatusLabels[r.value.status].toLowerCase()}.`);
      void refresh();
      if (s().inboundOpen?.id === inboundId) {
        const detail = await api.getInboundMail({ inboundId });
        if (detail.ok && s().inboundOpen?.id === inboundId) s().setInboundOpen(detail.value);
      }
      return null;
    },
  };
}
