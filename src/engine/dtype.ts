/** Element types the engine computes with. Names follow TensorFlow.js; enum numbers follow tensorflow/core/framework/types.proto. */
export type DType = 'float32' | 'int32' | 'bool' | 'string';

/** tensorflow.DataType numbers, used in GraphDef attrs (`dtype`, `T`). */
export const DATA_TYPE_ENUM: Readonly<Record<DType, number>> = { float32: 1, int32: 3, string: 7, bool: 10 };

/** TensorFlow's own spelling of a dtype in messages ("with dtype float"). */
export function tfDTypeName(dtype: DType): string {
  switch (dtype) {
    case 'float32': return 'float';
    case 'int32': return 'int32';
    case 'bool': return 'bool';
    case 'string': return 'string';
  }
}

export function dtypeFromEnum(n: number): DType | null {
  for (const [k, v] of Object.entries(DATA_TYPE_ENUM)) if (v === n) return k as DType;
  return null;
}

export function isNumeric(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'int32';
}
