import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toContractJson } from './contract.ts';
import type { ParsedMeeting } from './types.ts';

void test('the contract JSON has exactly the contract keys, in order, and no extra fields', () => {
  const parsed: ParsedMeeting = {
    committee: 'DAS',
    date: '2021-01-20',
    kind: 'agenda',
    participants: ['A'],
    apologies: [],
    guests: [],
    items: [
      {
        number: 3,
        title: 'Monitorering',
        access: 'open',
        section: 'Oplæg',
        summary: 'KLK vil ...',
        recommendations: ['DAS drøfter'],
        decision: null,
        postMeetingNote: 'note',
        attachments: [{ label: 'Bilag 2', title: 'KLK rapport' }],
        text: 'hele teksten',
        source: { fromPage: 1, toPage: 2, fromLine: 3, toLine: 4 },
        mentions: {
          municipalities: [],
          region: false,
          offers: [],
          sections: [],
          amounts: [],
          meetingReferences: [],
          itemReferences: [],
        },
      },
    ],
  };
  const json = toContractJson(parsed);
  assert.equal(
    JSON.stringify(json),
    JSON.stringify({
      committee: 'DAS',
      date: '2021-01-20',
      kind: 'agenda',
      items: [
        {
          number: 3,
          title: 'Monitorering',
          access: 'open',
          summary: 'KLK vil ...',
          recommendations: ['DAS drøfter'],
          decision: null,
          attachments: [{ label: 'Bilag 2', title: 'KLK rapport' }],
          text: 'hele teksten',
        },
      ],
    }),
  );
});
