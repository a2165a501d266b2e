import { describe, expect, it } from 'vitest';
import { deepFreeze, freezeJson } from '../../src/content/freeze.js';

describe('deepFreeze', () => {
  it('freezes everything a value reaches, through cycles, without calling accessors', () => {
    const area: Record<string, unknown> = { title: 'Skola', goals: [{ title: 'Mål', position: { start: { line: 1 } } }] };
    (area.goals as Record<string, unknown>[])[0]!.area = area;
    let called = 0;
    Object.defineProperty(area, 'text', { enumerable: true, get: () => ++called });
    deepFreeze(area);
    const goal = (area.goals as Record<string, unknown>[])[0]!;
    expect([area, area.goals, goal, goal.position, (goal.position as { start: object }).start].every(Object.isFrozen)).toBe(true);
    expect(called).toBe(0);
  });
});

describe('freezeJson', () => {
  it('freezes a parsed value to its leaves, as deepFreeze would', () => {
    const value = JSON.parse('{"type":"root","children":[{"type":"text","value":"x","position":{"start":{"line":1}}}],"data":null}') as {
      children: { position: { start: object } }[];
    };
    freezeJson(value);
    expect([value, value.children, value.children[0], value.children[0]!.position, value.children[0]!.position.start].every(Object.isFrozen)).toBe(true);
    expect(() => {
      (value.children[0]!.position.start as { line: number }).line = 2;
    }).toThrow(TypeError);
  });
});
