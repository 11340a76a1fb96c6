import { describe, expect, it } from 'vitest';
import { backgroundImageUrl, lazyBackgroundUrl } from '../../../../src/content/find/css-background';

describe('backgroundImageUrl', () => {
  it('reads the first url() of a computed background-image', () => {
    expect(backgroundImageUrl('url("https://a.test/x.jpg")')).toBe('https://a.test/x.jpg');
    expect(backgroundImageUrl("url('b.png'), url(c.png)")).toBe('b.png');
    expect(backgroundImageUrl('linear-gradient(red, blue), url("d.webp")')).toBe('d.webp');
    expect(backgroundImageUrl('image-set(url("e1.jpg") 1x, url("e2.jpg") 2x)')).toBe('e1.jpg');
  });

  it('finds nothing in gradients and none', () => {
    expect(backgroundImageUrl('none')).toBeUndefined();
    expect(backgroundImageUrl('linear-gradient(45deg, #fff, #000)')).toBeUndefined();
  });
});

describe('lazyBackgroundUrl', () => {
  it('takes a bare address or a url() value', () => {
    expect(lazyBackgroundUrl('/img/hero.jpg')).toBe('/img/hero.jpg');
    expect(lazyBackgroundUrl(' url("/img/hero.jpg") ')).toBe('/img/hero.jpg');
    expect(lazyBackgroundUrl('/a.jpg, /b.jpg')).toBe('/a.jpg');
    expect(lazyBackgroundUrl('  ')).toBeUndefined();
  });
});
