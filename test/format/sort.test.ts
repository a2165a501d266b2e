import { describe, expect, it } from 'vitest';
import { compareSwedish } from '../../src/format/sort.js';

const sorted = (items: string[]) => [...items].sort(compareSwedish);

describe('compareSwedish', () => {
  it('puts å, ä, ö after z, in that order', () => {
    expect(sorted(['ö', 'ä', 'å', 'z', 'a'])).toEqual(['a', 'z', 'å', 'ä', 'ö']);
    expect(sorted(['Örebro', 'Ängelholm', 'Åre', 'Zürich', 'Alvesta'])).toEqual(['Alvesta', 'Zürich', 'Åre', 'Ängelholm', 'Örebro']);
  });

  it('puts "Ängelholm" after "Zürich" and "Öland" after "Ängelholm"', () => {
    expect(compareSwedish('Ängelholm', 'Zürich')).toBeGreaterThan(0);
    expect(compareSwedish('Zürich', 'Ängelholm')).toBeLessThan(0);
    expect(compareSwedish('Öland', 'Ängelholm')).toBeGreaterThan(0);
  });

  it('does not treat å, ä, ö as a and o', () => {
    expect(compareSwedish('å', 'a')).not.toBe(0);
    expect(compareSwedish('ö', 'o')).not.toBe(0);
    expect(sorted(['Oskarshamn', 'Öland', 'Påskallavik', 'Pataholm'])).toEqual(['Oskarshamn', 'Pataholm', 'Påskallavik', 'Öland']);
  });

  it('ignores case', () => {
    expect(compareSwedish('kalmar', 'Kalmar')).toBe(0);
    expect(sorted(['beta', 'Alfa', 'alfa2', 'Gamma'])).toEqual(['Alfa', 'alfa2', 'beta', 'Gamma']);
  });

  it('orders numbers by value', () => {
    expect(sorted(['Mål 10', 'Mål 2', 'Mål 1'])).toEqual(['Mål 1', 'Mål 2', 'Mål 10']);
  });

  it('is a consistent comparator (antisymmetric)', () => {
    const words = ['Åre', 'Zürich', 'ankor', 'Ärla', 'Öland', 'Borgholm', '10 år', '9 år'];
    for (const a of words) for (const b of words) expect(Math.sign(compareSwedish(a, b)) + Math.sign(compareSwedish(b, a))).toBe(0);
  });
});
