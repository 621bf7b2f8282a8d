import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  acceptsDecisions,
  availableActions,
  decisionsArePublic,
  isLocked,
  nextStage,
  StageError,
} from './stages.ts';
import type { Stage } from './types.ts';

const m = (stage: Stage, status: 'planned' | 'held' | 'cancelled' = 'planned') => ({
  stage,
  status,
});

void describe('meeting stages', () => {
  void it('walks the whole life of a meeting forward', () => {
    let stage: Stage = 'agenda-draft';
    stage = nextStage(m(stage), 'publish-agenda');
    assert.equal(stage, 'agenda-published');
    stage = nextStage(m(stage), 'start-minutes');
    assert.equal(stage, 'minutes-draft');
    stage = nextStage(m(stage), 'publish-minutes');
    assert.equal(stage, 'minutes-published');
    stage = nextStage(m(stage), 'approve-minutes');
    assert.equal(stage, 'minutes-approved');
  });

  void it('refuses to skip a step, with a Danish reason naming the stages', () => {
    assert.throws(
      () => nextStage(m('agenda-draft'), 'publish-minutes'),
      (e: unknown) => {
        assert.ok(e instanceof StageError);
        assert.match(e.message, /Dagsorden under udarbejdelse/);
        assert.match(e.message, /Referat under udarbejdelse/);
        return true;
      },
    );
    assert.throws(() => nextStage(m('minutes-draft'), 'approve-minutes'), StageError);
  });

  void it('refuses minutes for a cancelled meeting', () => {
    assert.throws(() => nextStage(m('agenda-published', 'cancelled'), 'start-minutes'), /aflyst/);
  });

  void it('offers only the actions that are possible, never approval by hand', () => {
    assert.deepEqual(availableActions(m('agenda-draft')), ['publish-agenda']);
    assert.deepEqual(availableActions(m('agenda-published')), ['publish-agenda', 'start-minutes']);
    assert.deepEqual(availableActions(m('minutes-published')), ['publish-minutes']);
    assert.deepEqual(availableActions(m('minutes-approved')), []);
  });

  void it('locks approved minutes and shows decisions publicly only once published', () => {
    assert.equal(isLocked(m('minutes-published')), false);
    assert.equal(isLocked(m('minutes-approved')), true);
    assert.equal(decisionsArePublic(m('minutes-draft')), false);
    assert.equal(decisionsArePublic(m('minutes-published')), true);
    assert.equal(acceptsDecisions(m('agenda-published')), false);
    assert.equal(acceptsDecisions(m('agenda-published', 'cancelled')), true);
  });
});
