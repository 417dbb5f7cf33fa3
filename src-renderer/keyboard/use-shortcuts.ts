// Global key handling: maps key presses to commands (keyboard/shortcuts.ts) and runs them against the store.
import { useEffect } from 'react';
import { appStore } from '../store/app-store';
import { isLive } from '../store/conversation-views';
import type { ConsoleController } from '../app/console-controller';
import { commandFor } from './shortcuts';

const isTextField = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);

export function useShortcuts(controller: ConsoleController): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandFor({
        key: e.key,
        code: e.code,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        inTextField: isTextField(document.activeElement),
      });
      if (command === null) return;
      const s = appStore.getState();
      const lead = s.session?.me?.role === 'lead' || s.session?.me?.role === 'admin';
      if (command === 'closeOverlay') {
        if (s.overlay !== 'none') s.setOverlay('none');
        return;
      }
      e.preventDefault();
      if (typeof command === 'object') {
        const id = s.openChatIds[command.chatIndex];
        if (id) {
          s.focusChat(id);
          s.navigate('chats');
        }
        return;
      }
      switch (command) {
        case 'search':
          s.setOverlay(s.overlay === 'search' ? 'none' : 'search');
          break;
        case 'help':
          s.setOverlay('help');
          break;
        case 'nextChat':
        case 'previousChat':
          s.cycleChats(command === 'nextChat' ? 1 : -1);
          s.navigate('chats');
          break;
        case 'acceptNext':
          void controller.acceptNext();
          break;
        case 'endChat': {
          const c = s.activeChatId ? s.conversations[s.activeChatId] : undefined;
          if (c && isLive(c) && c.specialist?.id === s.session?.me?.id) {
            s.navigate('chats');
            s.setChatDialog({ kind: 'end', conversationId: c.id });
          }
          break;
        }
        case 'focusComposer':
          s.navigate('chats');
          requestAnimationFrame(() => {
            const id = appStore.getState().activeChatId;
            if (id) document.querySelector<HTMLTextAreaElement>(`textarea[data-composer="${CSS.escape(id)}"]`)?.focus();
          });
          break;
        case 'goQueue':
          s.setQueueFilter(null);
          break;
        case 'goChats':
          s.navigate('chats');
          break;
        case 'goTickets':
          s.navigate('tickets');
          break;
        case 'goDashboard':
          if (lead) s.navigate('dashboard');
          break;
        case 'goAdmin':
          if (lead) s.navigate('admin');
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);
}
