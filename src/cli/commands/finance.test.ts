import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../io.ts';
import { financeCommand } from './finance.ts';
import { fakeIo } from '../../../test/support/cli-io.ts';

const model = {
  deficit: 1_500_000,
  threshold: 500_000,
  operator: 'Region Nordjylland',
  operatorShareAboveThreshold: 0.25,
  weights: { population: 0.5, usage: 0.5 },
  municipalities: [
    { name: 'Brønderslev', population: 36_304, usage: [447_455, 746_001, 1_260_562] },
    { name: 'Læsø', population: 1_786, usage: [0, 0, 0] },
  ],
};

async function usageErrorOf(args: string[], stdin = ''): Promise<string> {
  const io = fakeIo(stdin);
  await assert.rejects(financeCommand(args, io), UsageError);
  assert.deepEqual(io.out, [], 'nothing on stdout when refused');
  try {
    await financeCommand(args, io);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

void describe('finance deficit --json', () => {
  void it('prints the allocation JSON, 2-space indented, and exits 0', async () => {
    const io = fakeIo(JSON.stringify(model));
    assert.equal(await financeCommand(['deficit', '--json'], io), 0);
    const text = io.out.join('');
    assert.match(text, /^\{\n {2}"total": 1500000,\n {2}"allocations": \[\n/);
    const json = JSON.parse(text) as {
      total: number;
      allocations: { party: string; key: number; amount: number }[];
    };
    assert.deepEqual(Object.keys(json), ['total', 'allocations']);
    assert.deepEqual(Object.keys(json.allocations[0] ?? {}), ['party', 'key', 'amount']);
    assert.deepEqual(json.allocations[0], {
      party: 'Region Nordjylland',
      key: 0.25,
      amount: 750_000,
    });
    assert.deepEqual(
      json.allocations.map((a) => a.party),
      ['Region Nordjylland', 'Brønderslev', 'Læsø'],
    );
    assert.equal(
      json.allocations.reduce((a, b) => a + b.amount, 0),
      1_500_000,
    );
  });

  void it('refuses input that is not JSON, quoting the parser', async () => {
    assert.match(
      await usageErrorOf(['deficit', '--json'], '{ deficit: 1 '),
      /^Input er ikke gyldig JSON: .+/,
    );
    assert.match(
      await usageErrorOf(['deficit', '--json'], '  \n'),
      /^Input er ikke gyldig JSON: standardinput er tomt/,
    );
  });

  void it('lists every invalid field with its Danish message', async () => {
    const bad = {
      ...model,
      deficit: -5,
      weights: { population: 0.5, usage: 0.6 },
      municipalities: [],
    };
    const message = await usageErrorOf(['deficit', '--json'], JSON.stringify(bad));
    assert.match(message, /^Modellen for underskudsdækning er ugyldig/);
    assert.match(message, /\n {2}deficit: Underskud \(deficit\) må ikke være negativt\./);
    assert.match(message, /\n {2}weights: Vægtene .* skal summe til 1/);
    assert.match(message, /\n {2}municipalities: .*mindst én kommune/);
  });

  void it('shows the usage in Danish for an unknown or missing subcommand or flag', async () => {
    assert.match(
      await usageErrorOf(['surplus']),
      /Ukendt underkommando "surplus"\.\nBrug: socialaftale finance deficit --json/,
    );
    assert.match(await usageErrorOf([]), /Angiv en underkommando\.\nBrug:/);
    assert.match(await usageErrorOf(['deficit']), /Angiv --json/);
    assert.match(await usageErrorOf(['deficit', '--json', '--csv']), /Ukendt tilvalg: --csv/);
  });
});
