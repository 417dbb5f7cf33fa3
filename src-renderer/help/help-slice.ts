// Help center slice (leads and admins): the authoring tree, the article open in the editor with the author's unsaved
// text, and why the last read failed. Kept while the author visits other screens (a chat needs answering mid-article);
// cleared at sign-out with the rest of the specialist's state. Nothing of it is stored offline.
import type { StateCreator } from 'zustand';
import type { HelpTree } from '../../src-shared/help-center';
import type { AppState } from '../store/app-store';
import type { HelpEditor } from './help-editor';

export type HelpSlice = {
  /** Null until the first answer. Kept when a re-read fails. */
  helpTree: HelpTree | null;
  /** Why the last tree read failed (offline, refused), or null. */
  helpProblem: string | null;
  helpEditor: HelpEditor | null;
  setHelpTree: (tree: HelpTree) => void;
  setHelpProblem: (problem: string | null) => void;
  setHelpEditor: (editor: HelpEditor | null) => void;
  /** Changes the open editor (the author typing, a request starting or ending); nothing when none is open. */
  patchHelpEditor: (patch: Partial<HelpEditor> | ((e: HelpEditor) => Partial<HelpEditor>)) => void;
};

export const createHelpSlice: StateCreator<AppState, [], [], HelpSlice> = (set) => ({
  helpTree: null,
  helpProblem: null,
  helpEditor: null,
  setHelpTree: (helpTree) => set({ helpTree, helpProblem: null }),
  setHelpProblem: (helpProblem) => set({ helpProblem }),
  setHelpEditor: (helpEditor) => set({ helpEditor }),
  patchHelpEditor: (patch) =>
    set((s) => (s.helpEditor ? { helpEditor: { ...s.helpEditor, ...(typeof patch === 'function' ? patch(s.helpEditor) : patch) } } : {})),
});
