import { describe, expect, it } from 'vitest';
import { categoryLabel, humanizeId, productLabel, resolutionLabel, statusLabel, ticketChannelLabels } from '../../../../src-renderer/tickets/ticket-labels';

describe('ticket labels', () => {
  it('reads resolution types from the catalogue', () => {
    expect(resolutionLabel('action-required-by-client')).toBe('Action required (by client)');
    expect(resolutionLabel('code-fix')).toBe('Code fix');
  });

  it('still shows words for a resolution type the catalogue does not know', () => {
    expect(resolutionLabel('retired-type-x')).toBe('Retired type x');
  });

  it('reads statuses and categories, and refuses what is not one', () => {
    expect(statusLabel('awaiting_reply')).toBe('Awaiting your reply');
    expect(statusLabel('pending')).toBeNull();
    expect(categoryLabel('other_technical')).toBe('Other technical problem');
    expect(categoryLabel(3)).toBeNull();
  });

  it('names channels and products', () => {
    expect(ticketChannelLabels.email).toBe('Email');
    expect(ticketChannelLabels.web).toBe('Web form');
    expect(productLabel('lumina')).toBe('Lumina');
    expect(productLabel('brand-ocean')).toBe('Brand Ocean');
  });

  it('turns any id into words as a last resort', () => {
    expect(humanizeId('accountManagement')).toBe('Account management');
    expect(humanizeId('canadian-spot')).toBe('Canadian spot');
    expect(humanizeId('fixed_pending_rca')).toBe('Fixed pending rca');
  });
});
