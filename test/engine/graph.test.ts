import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/engine/graph.ts';
import { constant } from '../../src/engine/op-builder.ts';
import { attr } from '../../src/engine/attr.ts';
import { ValueError } from '../../src/engine/errors.ts';

const identity = (g: Graph, x: ReturnType<typeof constant>, name = 'Identity') =>
  g.createOp('Identity', [x], { T: attr.type(x.dtype) }, name).output;

describe('Graph naming (TF 1.x unique_name / name_scope)', () => {
  it('uniquifies names case-insensitively with _N suffixes', () => {
    const g = new Graph();
    g.asDefault(() => {
      expect(constant(1).op.name).toBe('Const');
      expect(constant(1).op.name).toBe('Const_1');
      expect(constant(1, undefined, undefined, 'const').op.name).toBe('const_2');
      // Asking for "Const_1" explicitly takes the next free suffix, as TF does.
      expect(constant(1, undefined, undefined, 'Const_3').op.name).toBe('Const_3');
      expect(constant(1).op.name).toBe('Const_4');
    });
  });

  it('nests name scopes and re-opens a used scope as foo_1', () => {
    const g = new Graph();
    g.asDefault(() => {
      g.nameScope('foo', (s) => {
        expect(s).toBe('foo/');
        expect(constant(1).op.name).toBe('foo/Const');
        g.nameScope('bar', (s2) => expect(s2).toBe('foo/bar/'));
      });
      g.nameScope('foo', (s) => {
        expect(s).toBe('foo_1/');
        expect(constant(1).op.name).toBe('foo_1/Const');
      });
      // A trailing slash re-enters the exact scope.
      g.nameScope('foo/', () => expect(constant(1).op.name).toBe('foo/Const_1'));
      // null resets to the root.
      g.nameScope('a', () => g.nameScope(null, (s) => {
        expect(s).toBe('');
        expect(constant(1).op.name).toBe('Const');
      }));
    });
  });

  it('an op named like a scope shares the scope name (TF: `add` op and `add/y`)', () => {
    const g = new Graph();
    g.asDefault(() => {
      g.nameScope('add', (scope) => {
        constant(1, undefined, undefined, 'y');
        expect(identity(g, constant(2), scope).op.name).toBe('add');
      });
      expect(g.getOperationByName('add/y').type).toBe('Const');
    });
  });

  it('adds control inputs inside controlDependencies, skipping dominated ops', () => {
    const g = new Graph();
    g.asDefault(() => {
      const a = constant(1, undefined, undefined, 'a');
      const [b, c] = g.controlDependencies([a.op], () => {
        const b = constant(2, undefined, undefined, 'b');
        // c's input b was created inside this block, so c needs no control input of its own.
        const c = identity(g, b, 'c');
        return [b, c];
      });
      expect(b!.op.controlInputs.map((o) => o.name)).toEqual(['a']);
      expect(c!.op.controlInputs).toEqual([]);
      // A dependency that is already a data input is not repeated.
      const d = g.controlDependencies([a.op], () => identity(g, a, 'd'));
      expect(d.op.controlInputs).toEqual([]);
    });
  });

  it('colocates ops with `_class: loc:@op`', () => {
    const g = new Graph();
    g.asDefault(() => {
      const a = constant(1, undefined, undefined, 'a');
      const b = g.colocateWith(a.op, () => identity(g, a, 'b'));
      expect(b.op.attrs['_class']).toEqual({ kind: 'list_string', value: ['loc:@a'] });
      // Colocating with a colocated op joins its group.
      const c = g.colocateWith(b.op, () => identity(g, b, 'c'));
      expect(c.op.attrs['_class']).toEqual({ kind: 'list_string', value: ['loc:@a'] });
    });
  });

  it('looks up tensors and ops by name with TF errors', () => {
    const g = new Graph();
    g.asDefault(() => constant(1, undefined, undefined, 'x'));
    expect(g.getTensorByName('x:0').op.name).toBe('x');
    expect(() => g.getTensorByName('x')).toThrow(/looks like an \(invalid\) Operation name/);
    expect(() => g.getTensorByName('y:0')).toThrow(ValueError);
    expect(() => g.getTensorByName('x:1')).toThrow(/only has 1 outputs/);
    expect(() => g.getOperationByName('nope')).toThrow(/not in the graph/);
  });

  it('rejects invalid scope names', () => {
    const g = new Graph();
    expect(() => g.nameScope('_bad', () => 0)).toThrow(/not a valid scope name/);
  });
});
