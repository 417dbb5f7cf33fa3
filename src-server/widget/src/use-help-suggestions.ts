// Binds the CONTACT US question to its article suggestions (help-suggestions.ts): the hits to show, and the calls
// that log what the customer did with them. One session per page load, shared by every form mounted in it.
import { useEffect, useRef, useState } from 'react';
import type { HelpSearchHit } from '../../../src-shared/help-center';
import { helpProductIdSchema } from '../../../src-shared/help-center';
import { newClientId } from './client-id';
import { HelpSuggestions, type SuggestionSession } from './help-suggestions';
import { fetchSuggestions, postSuggestionEvent } from './server-api';

const pageSession: SuggestionSession = { id: newClientId(), shown: false, asked: false };

export interface SuggestionsBinding {
  hits: readonly HelpSearchHit[];
  opened(hit: HelpSearchHit): void;
  asked(): void;
}

/** `departmentId` names the help product whose articles come first (the seeded tiles share the departments' ids). */
export function useHelpSuggestions(origin: string, question: string, departmentId: string | null): SuggestionsBinding {
  const [hits, setHits] = useState<readonly HelpSearchHit[]>([]);
  const controller = useRef<HelpSuggestions | null>(null);
  if (controller.current === null) {
    controller.current = new HelpSuggestions({
      session: pageSession,
      fetchSuggestions: (q, productId, signal) => fetchSuggestions(origin, q, productId, signal),
      // Outcomes are for the leads' numbers; a lost one changes nothing for the customer.
      logEvent: (e) => void postSuggestionEvent(origin, e).catch(() => undefined),
      schedule: (run, ms) => {
        const t = setTimeout(run, ms);
        return () => clearTimeout(t);
      },
      onHits: setHits,
    });
  }
  const productId = departmentId && helpProductIdSchema.safeParse(departmentId).success ? departmentId : undefined;

  useEffect(() => {
    controller.current?.update(question, productId);
  }, [question, productId]);
  useEffect(() => () => controller.current?.dispose(), []);

  const c = controller.current;
  return { hits, opened: (hit) => c.opened(hit), asked: () => c.asked() };
}
