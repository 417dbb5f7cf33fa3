import { describe, expect, it } from 'vitest';
import { commandFor, type KeyPress } from '../../../../src-renderer/keyboard/shortcuts';

const press = (over: Partial<KeyPress>): KeyPress => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, inTextField: false, ...over });

describe('commandFor', () => {
  it('opens search with Ctrl+K and Cmd+K, even from a text field', () => {
    expect(commandFor(press({ key: 'k', code: 'KeyK', ctrlKey: true, inTextField: true }))).toBe('search');
    expect(commandFor(press({ key: 'k', code: 'KeyK', metaKey: true }))).toBe('search');
  });

  it('moves between chats with Alt+arrows and Ctrl+Tab', () => {
    expect(commandFor(press({ key: 'ArrowDown', altKey: true }))).toBe('nextChat');
    expect(commandFor(press({ key: 'ArrowUp', altKey: true }))).toBe('previousChat');
    expect(commandFor(press({ key: 'Tab', ctrlKey: true }))).toBe('nextChat');
    expect(commandFor(press({ key: 'Tab', ctrlKey: true, shiftKey: true }))).toBe('previousChat');
  });

  it('matches Alt+letter by physical key, as macOS Option types symbols', () => {
    expect(commandFor(press({ key: '˜', code: 'KeyN', altKey: true }))).toBe('acceptNext');
    expect(commandFor(press({ key: '´', code: 'KeyE', altKey: true }))).toBe('endChat');
    expect(commandFor(press({ key: 'ç', code: 'KeyC', altKey: true }))).toBe('focusComposer');
    expect(commandFor(press({ key: '¡', code: 'Digit1', altKey: true }))).toEqual({ chatIndex: 0 });
    expect(commandFor(press({ key: 'å', code: 'KeyA', altKey: true }))).toBe('goAdmin');
  });

  it('opens help with ? only outside text fields', () => {
    expect(commandFor(press({ key: '?', shiftKey: true }))).toBe('help');
    expect(commandFor(press({ key: '?', shiftKey: true, inTextField: true }))).toBeNull();
  });

  it('leaves ordinary typing alone', () => {
    expect(commandFor(press({ key: 'a', code: 'KeyA', inTextField: true }))).toBeNull();
    expect(commandFor(press({ key: 'Enter', code: 'Enter', inTextField: true }))).toBeNull();
  });
});
