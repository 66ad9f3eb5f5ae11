import { describe, expect, it } from 'vitest';
import { groupTags } from '../../../renderer/scalars/tag-groups.ts';

describe('groupTags', () => {
  it("groups by the first '/' segment in natural order, like TensorBoard", () => {
    expect(groupTags(['loss/loss', 'layer10/w', 'accuracy', 'layer9/w', 'loss/eval', 'layer9/b', 'accuracy'])).toEqual([
      { name: 'accuracy', tags: ['accuracy'] },
      { name: 'layer9', tags: ['layer9/b', 'layer9/w'] },
      { name: 'layer10', tags: ['layer10/w'] },
      { name: 'loss', tags: ['loss/eval', 'loss/loss'] },
    ]);
  });
});
