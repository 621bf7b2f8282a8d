/** The access levels: open, closed (the committee's members) and personal (the named users). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canSeeAccess, effectiveAccess, type Viewer } from './access.ts';

const member = (userId: number, committeeIds: number[]): Viewer => ({
  userId,
  role: 'member',
  committeeIds,
});
const secretariat: Viewer = { userId: 1, role: 'secretariat', committeeIds: [] };
const anonymous: Viewer = { userId: null, role: 'anonymous', committeeIds: [] };

void describe('access levels', () => {
  void it('shows a closed item to the committee and the secretariat', () => {
    assert.equal(canSeeAccess(member(2, [7]), 7, 'closed'), true);
    assert.equal(canSeeAccess(member(2, [8]), 7, 'closed'), false);
    assert.equal(canSeeAccess(anonymous, 7, 'closed'), false);
    assert.equal(canSeeAccess(secretariat, 7, 'closed'), true);
  });

  void it('shows a personal item only to the named users and the secretariat', () => {
    assert.equal(canSeeAccess(member(2, [7]), 7, 'personal', [3]), false);
    assert.equal(canSeeAccess(member(3, [8]), 7, 'personal', [3]), true);
    assert.equal(canSeeAccess(secretariat, 7, 'personal'), true);
    // without the names loaded, nobody but the secretariat
    assert.equal(canSeeAccess(member(3, [7]), 7, 'personal'), false);
    assert.equal(canSeeAccess(anonymous, 7, 'personal', [3]), false);
  });

  void it('makes an attachment as strict as the stricter of it and its item', () => {
    assert.equal(effectiveAccess('open', 'open'), 'open');
    assert.equal(effectiveAccess('closed', 'open'), 'closed');
    assert.equal(effectiveAccess('open', 'closed'), 'closed');
    assert.equal(effectiveAccess('closed', 'personal'), 'personal');
    assert.equal(effectiveAccess('personal', 'closed'), 'personal');
  });
});
