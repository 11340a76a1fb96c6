import { describe, expect, it } from 'vitest';
import { pinnedStyle } from '../../../../src/content/host/hardened-host';

describe('a hardened host\'s pinned style', () => {
  it('pins every declaration with !important', () => {
    expect(pinnedStyle(['all: initial', 'display: block'])).toBe('all: initial !important; display: block !important');
  });

  it('lets a caller replace a base value in its place, each property once', () => {
    const style = pinnedStyle(['all: initial', 'z-index: 2147483647', 'pointer-events: none', 'z-index: 2147483646', 'pointer-events: auto', 'cursor: crosshair']);
    expect(style).toBe('all: initial !important; z-index: 2147483646 !important; pointer-events: auto !important; cursor: crosshair !important');
  });

  it('keeps values that hold colons or parentheses whole', () => {
    expect(pinnedStyle(['max-width: calc(100vw - 16px)', 'transform: translateX(-50%)'])).toBe('max-width: calc(100vw - 16px) !important; transform: translateX(-50%) !important');
  });
});
