import type { DType } from './dtype.ts';
import type { Shape } from './shape.ts';
import type { TensorValue } from './tensor-value.ts';

/** An op attribute, tagged with the AttrValue field TF stores it in. */
export type AttrValue =
  | { readonly kind: 'type'; readonly value: DType }
  | { readonly kind: 'shape'; readonly value: Shape }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'tensor'; readonly value: TensorValue }
  | { readonly kind: 'list_string'; readonly value: readonly string[] }
  | { readonly kind: 'list_int'; readonly value: readonly number[] }
  | { readonly kind: 'list_type'; readonly value: readonly DType[] }
  | { readonly kind: 'list_shape'; readonly value: readonly Shape[] };

export type Attrs = Readonly<Record<string, AttrValue>>;

export const attr = {
  type: (value: DType): AttrValue => ({ kind: 'type', value }),
  shape: (value: Shape): AttrValue => ({ kind: 'shape', value }),
  int: (value: number): AttrValue => ({ kind: 'int', value }),
  float: (value: number): AttrValue => ({ kind: 'float', value }),
  bool: (value: boolean): AttrValue => ({ kind: 'bool', value }),
  string: (value: string): AttrValue => ({ kind: 'string', value }),
  tensor: (value: TensorValue): AttrValue => ({ kind: 'tensor', value }),
  listString: (value: readonly string[]): AttrValue => ({ kind: 'list_string', value }),
  listInt: (value: readonly number[]): AttrValue => ({ kind: 'list_int', value }),
  listType: (value: readonly DType[]): AttrValue => ({ kind: 'list_type', value }),
};

type KindValue<K extends AttrValue['kind']> = Extract<AttrValue, { kind: K }>['value'];

/** Read an attr of a known kind; throws naming the op when it is missing or of another kind. */
export function getAttr<K extends AttrValue['kind']>(attrs: Attrs, name: string, kind: K, opName = '?'): KindValue<K> {
  const a = attrs[name];
  if (a === undefined) throw new Error(`Operation '${opName}' has no attr named '${name}'`);
  if (a.kind !== kind) throw new Error(`Attr '${name}' of operation '${opName}' is a ${a.kind}, expected ${kind}`);
  return a.value as KindValue<K>;
}
