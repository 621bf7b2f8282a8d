import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditChanges, formatAuditValue, type AuditEvent } from './index.ts';

const event = (e: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at: new Date('2021-01-10T09:00:00Z'),
  actorUserId: 3,
  actorLabel: 'Anne',
  table: 'item',
  rowKey: '7',
  operation: 'update',
  before: null,
  after: null,
  changedColumns: [],
  ...e,
});

void describe('audit trail as read', () => {
  void it('writes logged values out in Danish', () => {
    assert.equal(formatAuditValue(null), '–');
    assert.equal(formatAuditValue(''), '(tom)');
    assert.equal(formatAuditValue(true), 'ja');
    assert.equal(formatAuditValue('agenda-published', 'stage'), 'Dagsorden udsendt');
    assert.equal(formatAuditValue('closed', 'access'), 'Lukket');
    // A code is only translated in its own column.
    assert.equal(formatAuditValue('closed', 'title'), 'closed');
    assert.equal(formatAuditValue('2021-01-20', 'date'), '20. januar 2021');
    assert.equal(formatAuditValue('13:00:00', 'start_time'), '13.00');
    assert.equal(
      formatAuditValue('2021-08-06T08:00:00.123+00:00', 'created_at'),
      '6. august 2021 kl. 10.00',
    );
    assert.equal(formatAuditValue(['Godkende', 'Drøfte']), 'Godkende; Drøfte');
    assert.equal(
      formatAuditValue({ sha256: 'ab12cd34ef56ab12cd34', length: 5120 }),
      'tekst på 5120 tegn (gemt som kontrolsum ab12cd34ef56…)',
    );
  });

  void it('shows an update’s changed fields before and after, and a secret only as changed', () => {
    const changes = auditChanges(
      event({
        table: 'app_user',
        before: { id: 3, name: 'Anne', active: true },
        after: { id: 3, name: 'Anne Hansen', active: true },
        changedColumns: ['password_hash', 'name'],
      }),
    );
    assert.deepEqual(changes, [
      {
        column: 'password_hash',
        label: 'Adgangskode',
        before: '(ændret; gemmes ikke i logbogen)',
        after: '(ændret; gemmes ikke i logbogen)',
      },
      { column: 'name', label: 'Navn', before: 'Anne', after: 'Anne Hansen' },
    ]);
  });

  void it('shows a new row’s filled-in fields by label, and a deleted row’s last values', () => {
    const inserted = auditChanges(
      event({
        operation: 'insert',
        after: { title: 'Takster', summary: '', public_title: null, number: 4 },
      }),
    );
    assert.deepEqual(
      inserted.map((c) => [c.label, c.before, c.after]),
      [
        ['Nummer', null, '4'],
        ['Titel', null, 'Takster'],
      ],
    );
    const deleted = auditChanges(event({ operation: 'delete', before: { title: 'Takster' } }));
    assert.deepEqual(deleted, [
      { column: 'title', label: 'Titel', before: 'Takster', after: null },
    ]);
  });
});
