import { effectiveNodeKeys } from './inheritance';

const indicator = (key: string, parent: string | null, nodes: string[] = []) => ({ key, parent, nodes });

describe('effectiveNodeKeys', () => {
  it("gives a sub-measure without goals its parent's, up the chain", () => {
    const measured = effectiveNodeKeys([indicator('nki', null, ['nojda']), indicator('nki-bygglov', 'nki'), indicator('nki-bygglov-villa', 'nki-bygglov')]);
    expect(Object.fromEntries(measured)).toEqual({ nki: ['nojda'], 'nki-bygglov': ['nojda'], 'nki-bygglov-villa': ['nojda'] });
  });

  it('keeps the goals a sub-measure names itself, whatever the order of the list', () => {
    const measured = effectiveNodeKeys([indicator('miljo', 'nki', ['miljomal']), indicator('bygglov', 'nki'), indicator('nki', null, ['nojda'])]);
    expect(Object.fromEntries(measured)).toEqual({ miljo: ['miljomal'], bygglov: ['nojda'], nki: ['nojda'] });
  });

  it('leaves an indicator without goals or parent without goals, and stops at a cycle', () => {
    expect(Object.fromEntries(effectiveNodeKeys([indicator('lost', null), indicator('orphan', 'unknown')]))).toEqual({ lost: [], orphan: [] });
    expect(Object.fromEntries(effectiveNodeKeys([indicator('a', 'b'), indicator('b', 'a')]))).toEqual({ a: [], b: [] });
  });
});
