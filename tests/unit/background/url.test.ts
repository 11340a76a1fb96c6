import { describe, expect, it } from 'vitest';
import { credentialsOf, safeOrigin, withoutCredentials } from '../../../src/background/url';

describe('credentials in addresses never reach history', () => {
  it('strips user and password, keeps the rest of the address', () => {
    expect(withoutCredentials('http://user:pass@127.0.0.1:8080/a/b.jpg?x=1#y')).toBe('http://127.0.0.1:8080/a/b.jpg?x=1#y');
    expect(withoutCredentials('https://token@example.com/')).toBe('https://example.com/');
    expect(withoutCredentials('https://example.com/a@b.jpg')).toBe('https://example.com/a@b.jpg');
    expect(withoutCredentials('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(withoutCredentials(undefined)).toBeUndefined();
  });

  it('an origin loses them in both addresses, keeps its title', () => {
    expect(safeOrigin({ pageUrl: 'http://a:b@h/p', imageUrl: 'http://a:b@h/i.jpg', pageTitle: 'T' })).toEqual({
      pageUrl: 'http://h/p', imageUrl: 'http://h/i.jpg', pageTitle: 'T',
    });
  });

  it('reads them back (percent-decoded) for a server that asks', () => {
    expect(credentialsOf(new URL('http://us%20er:p%40ss@h/'))).toBe('us er:p@ss');
    expect(credentialsOf(new URL('http://h/'))).toBeUndefined();
  });
});
