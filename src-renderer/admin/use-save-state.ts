// A form's save state on the admin screens: busy while the server answers, then its message (success or the
// refusal) and the field issues to show next to inputs.
import { useCallback, useState } from 'react';
import type { FieldIssues } from './field-issues';
import type { SaveOutcome } from './admin-controller';

export interface SaveState {
  busy: boolean;
  /** Shown under the form: what happened last. */
  message: { tone: 'ok' | 'error'; text: string } | null;
  issues: FieldIssues;
}

const idle: SaveState = { busy: false, message: null, issues: {} };

export function useSaveState() {
  const [state, setState] = useState<SaveState>(idle);
  /** Runs a save; the outcome goes to the form and back to the caller. */
  const run = useCallback(async <T,>(save: () => Promise<SaveOutcome<T>>, okText: string): Promise<SaveOutcome<T>> => {
    setState({ busy: true, message: null, issues: {} });
    const outcome = await save();
    setState(
      outcome.ok
        ? { busy: false, message: { tone: 'ok', text: okText }, issues: {} }
        : { busy: false, message: { tone: 'error', text: outcome.message }, issues: outcome.issues },
    );
    return outcome;
  }, []);
  /** Problems found before sending (the shared schema refused the input). */
  const invalid = useCallback((issues: FieldIssues, text = 'Some fields need a look — see the notes next to them.') => {
    setState({ busy: false, message: { tone: 'error', text }, issues });
  }, []);
  const say = useCallback((tone: 'ok' | 'error', text: string) => setState({ busy: false, message: { tone, text }, issues: {} }), []);
  const reset = useCallback(() => setState(idle), []);
  return { ...state, run, invalid, say, reset };
}
