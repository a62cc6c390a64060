import { InvalidInputError } from '@namndrum/core';
import { oparlDateTime, pageLinks, parseListQuery } from './oparl-query';

describe('OParl list queries', () => {
  it('reads the four filters as instants, Swedish time when no offset is given', () => {
    const query = parseListQuery({ modified_since: '2024-03-01T12:00:00+01:00', created_until: '2024-07-01', page: '3' });
    expect(query.filters.modified_since?.toISOString()).toBe('2024-03-01T11:00:00.000Z');
    expect(query.filters.created_until?.toISOString()).toBe('2024-06-30T22:00:00.000Z');
    expect(query.page).toBe(3);
  });

  it('refuses a filter that is no date, and a page that is no positive integer, naming the parameter', () => {
    expect(() => parseListQuery({ modified_since: 'igår' })).toThrow(InvalidInputError);
    try {
      parseListQuery({ created_since: '2024-13-45', page: '0' });
    } catch (error) {
      expect((error as InvalidInputError).details?.map((detail) => detail.field)).toEqual(['created_since', 'page']);
    }
  });

  it('keeps the filters in every link and links next only while there is a next page', () => {
    const query = parseListQuery({ modified_since: '2024-03-01T12:00:00+01:00', page: '2' });
    const { pagination, links } = pageLinks('https://x.example/oparl/v1/body/2085/meeting', query, 250);
    expect(pagination).toEqual({ totalElements: 250, elementsPerPage: 100, currentPage: 2, totalPages: 3 });
    expect(links.next).toBe('https://x.example/oparl/v1/body/2085/meeting?modified_since=2024-03-01T12%3A00%3A00%2B01%3A00&page=3');
    expect(links.prev).toBe('https://x.example/oparl/v1/body/2085/meeting?modified_since=2024-03-01T12%3A00%3A00%2B01%3A00');
    expect(pageLinks('https://x.example/l', parseListQuery({ page: '3' }), 250).links.next).toBeUndefined();
  });

  it('writes instants with the Swedish offset, summer and winter', () => {
    expect(oparlDateTime(new Date('2023-01-11T13:00:00Z'))).toBe('2023-01-11T14:00:00+01:00');
    expect(oparlDateTime(new Date('2023-06-11T12:00:00Z'))).toBe('2023-06-11T14:00:00+02:00');
  });
});
