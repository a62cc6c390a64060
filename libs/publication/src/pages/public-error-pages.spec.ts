import type { Request } from 'express';
import { PublicErrorPages } from './public-error-pages';

const request = (method: string, url: string, accept?: string) => ({ method, originalUrl: url, headers: accept ? { accept } : {} }) as unknown as Request;

describe('PublicErrorPages', () => {
  const pages = new PublicErrorPages();

  it('answers a GET or HEAD under a public page root with a Swedish HTML page under the layout', () => {
    for (const url of ['/kommun/9999', '/sammantraden/x?y=1', '/anslagstavla/2085/finns-inte', '/handlingar/x']) {
      const page = pages.render(request('GET', url), 404, 'Resursen hittades inte');
      expect(page).toContain('<html lang="sv">');
      expect(page).toContain('<h1>Sidan finns inte</h1>');
      expect(page).toContain('<main id="innehall"');
    }
    expect(pages.render(request('HEAD', '/kommun/9999'), 404, '')).not.toBeNull();
  });

  it('leaves the API, OParl, other methods and a malformed request from a non-browser to the JSON error', () => {
    expect(pages.render(request('GET', '/api/v1/meetings'), 404, '')).toBeNull();
    expect(pages.render(request('GET', '/oparl/v1/finns-inte'), 404, '')).toBeNull();
    expect(pages.render(request('POST', '/kommun/2085'), 404, '')).toBeNull();
    expect(pages.render(request('GET', '/anslagstavla/12%0034'), 400, '')).toBeNull();
    expect(pages.render(request('GET', '/anslagstavla/12%0034', 'text/html,application/xhtml+xml'), 400, 'Ogiltig begäran')).toContain('Ogiltig begäran');
  });
});
