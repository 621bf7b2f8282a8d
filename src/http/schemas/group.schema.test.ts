import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupSchema, wantedSchema } from './group.schema.ts';

void describe('group schema', () => {
  void it('reads milestones with Danish dates and keeps lines without', () => {
    const r = groupSchema.parse({
      name: 'AG',
      shortName: 'AG',
      groupType: 'working-group',
      tasks: '- Analysere\n\n- Foreslå',
      deliverables: '',
      milestones: '19.10.2021 Status til DAS\n- 2022-01-20: Beslutning\nUltimo 2022 afslutning',
      evaluationDate: '30.06.2022',
    });
    assert.deepEqual(r.tasks, ['Analysere', 'Foreslå']);
    assert.deepEqual(r.milestones, [
      { date: '2021-10-19', text: 'Status til DAS' },
      { date: '2022-01-20', text: 'Beslutning' },
      { date: null, text: 'Ultimo 2022 afslutning' },
    ]);
    assert.equal(r.evaluationDate, '2022-06-30');
    assert.equal(r.parentId, null);
  });

  void it('gives Danish messages', () => {
    const r = groupSchema.safeParse({
      groupType: 'x',
      tasks: '',
      deliverables: '',
      milestones: '',
    });
    assert.ok(!r.success);
    const msgs = r.error.issues.map((i) => i.message).join(' ');
    assert.ok(msgs.includes('Skriv gruppens navn.'));
    assert.ok(msgs.includes('Vælg en af: Følgegruppe'));
    const w = wantedSchema.safeParse({ label: 'x', minCount: '-1', maxCount: '' });
    assert.ok(!w.success);
  });
});
