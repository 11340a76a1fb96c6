import { describe, expect, it, vi } from 'vitest';
import { withShot } from '../../../../src/content/read/read-source';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const area = (top: number, height: number) => ({ left: 40, top, width: 400, height, dpr: 1 });

describe('a picture captured after the page moved it is sent with where the capture shows it', () => {
  const measured = { area: area(500, 300), part: { x: 0, y: 0, width: 1, height: 1 } };
  const source = { kind: 'url' as const, url: 'https://photos.test/llama.jpg', onScreen: measured };

  it('a retake after scrolling: the shot\'s place (a sliver at the bottom), not the first measure (the whole photo)', () => {
    const shown = { area: area(740, 60), part: { x: 0, y: 0, width: 1, height: 0.2 } };
    expect(withShot(source, { id: 'shot-1', place: shown })).toEqual({ ...source, onScreen: shown, shot: 'shot-1' });
  });

  it('a screen area moves with its shot too', () => {
    const screen = { kind: 'screen' as const, area: area(500, 300) };
    expect(withShot(screen, { id: 'shot-2', place: { area: area(200, 300), part: measured.part } })).toEqual({ kind: 'screen', area: area(200, 300), shot: 'shot-2' });
  });

  it('gone from the screen before the capture: a picture with an address is read as off screen; a screen area has nothing left', () => {
    expect(withShot(source, null)).toEqual({ kind: 'url', url: source.url, offScreen: true });
    expect(withShot({ kind: 'screen', area: area(0, 300) }, null)).toBeUndefined();
  });

  it('no capture from the page\'s side: the source goes as it was (the worker captures)', () => {
    expect(withShot(source, undefined)).toBe(source);
  });
});
