import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocateDeficit, toDeficitCoverJson, type DeficitCoverModel } from './deficit-cover.ts';
import { fraction, sum, toNumber } from './fraction.ts';
import { POPULATION_2020K1 } from './population-2020.fixture.ts';

const TOTAL_POPULATION = 589_936n;

/**
 * Kvisten 2021 (DOMAIN "Money") with usage 2017-2019 made up so shares are easy by hand:
 * Brønderslev's from the CONTRACT example (2,454,018 kr.), Aalborg the same sum, others none.
 */
function kvisten(deficit: number): DeficitCoverModel {
  return {
    deficit,
    threshold: 500_000,
    operator: 'Region Nordjylland',
    operatorShareAboveThreshold: 0.25,
    weights: { population: 0.5, usage: 0.5 },
    municipalities: POPULATION_2020K1.map(([name, population]) => ({
      name,
      population,
      usage:
        name === 'Brønderslev'
          ? [447_455, 746_001, 1_260_562]
          : name === 'Aalborg'
            ? [818_006, 818_006, 818_006]
            : [0, 0, 0],
    })),
  };
}

const byName = (model: DeficitCoverModel, name: string) => {
  const line = allocateDeficit(model).municipalities.find((m) => m.name === name);
  assert.ok(line, name);
  return line;
};

void describe('allocateDeficit: Kvisten 2021, deficit 1,500,000 kr.', () => {
  const result = allocateDeficit(kvisten(1_500_000));

  void it('puts 500,000 + 25 % of 1,000,000 on the region', () => {
    assert.equal(result.thresholdPart, 500_000);
    assert.equal(result.partAbove, 1_000_000);
    assert.equal(result.operator.amount, 750_000);
    assert.deepEqual(result.operator.key, fraction(1n, 4n));
  });

  void it('adds up to the deficit exactly, and the kommuner to 750,000 kr.', () => {
    const kommuner = result.municipalities.reduce((a, m) => a + m.amount, 0);
    assert.equal(kommuner, 250_000 * 3);
    assert.equal(result.operator.amount + kommuner, 1_500_000);
    assert.deepEqual(
      sum([result.operator.key, ...result.municipalities.map((m) => m.key)]),
      fraction(1n),
    );
  });

  void it('gives Læsø 0.75 × 0.5 × 1,786/589,936 = 0.00114 and 1,135 kr.', () => {
    const laesoe = byName(kvisten(1_500_000), 'Læsø');
    assert.deepEqual(laesoe.usageShare, fraction(0n));
    assert.deepEqual(laesoe.key, fraction(3n * 1786n, 8n * TOTAL_POPULATION));
    assert.equal(laesoe.amount, 1_135); // exact quota 1,135.29
  });

  void it('gives Brønderslev 0.75 × (0.5 × 36,304/589,936 + 0.5 × ½) = 0.21058 and 210,577 kr.', () => {
    const broenderslev = byName(kvisten(1_500_000), 'Brønderslev');
    assert.deepEqual(broenderslev.populationShare, fraction(36_304n, TOTAL_POPULATION));
    assert.deepEqual(broenderslev.usageShare, fraction(1n, 2n));
    assert.deepEqual(
      broenderslev.key,
      fraction(3n * 36_304n * 2n + 3n * TOTAL_POPULATION, 16n * TOTAL_POPULATION),
    );
    assert.equal(broenderslev.amount, 210_577); // exact quota 210,577.08
  });

  void it('keeps every amount within 1 kr. of its exact quota here', () => {
    for (const m of result.municipalities) {
      assert.ok(Math.abs(m.amount - toNumber(m.key) * 1_000_000) < 1, m.name);
    }
  });

  void it('prints the CONTRACT shape: operator first, key to 5 decimals, whole kroner', () => {
    const json = toDeficitCoverJson(result);
    assert.equal(json.total, 1_500_000);
    assert.deepEqual(json.allocations[0], {
      party: 'Region Nordjylland',
      key: 0.25,
      amount: 750_000,
    });
    assert.deepEqual(
      json.allocations.find((a) => a.party === 'Brønderslev'),
      { party: 'Brønderslev', key: 0.21058, amount: 210_577 },
    );
    assert.deepEqual(
      json.allocations.slice(1).map((a) => a.party),
      POPULATION_2020K1.map(([n]) => n),
    );
  });
});

void describe('allocateDeficit: edge rules', () => {
  void it('puts a deficit at or below the threshold all on the operator', () => {
    for (const deficit of [0, 1, 499_999, 500_000]) {
      const result = allocateDeficit(kvisten(deficit));
      assert.equal(result.operator.amount, deficit);
      assert.ok(result.municipalities.every((m) => m.amount === 0));
    }
  });

  void it('splits by population alone when the usage weight is 0, even with no usage at all', () => {
    const model = { ...kvisten(1_500_000), weights: { population: 1, usage: 0 } };
    const noUsage = {
      ...model,
      municipalities: model.municipalities.map((m) => ({ ...m, usage: [] })),
    };
    const aalborg = allocateDeficit(noUsage).municipalities[0];
    assert.deepEqual(aalborg?.key, fraction(3n * 217_075n, 4n * TOTAL_POPULATION));
    assert.deepEqual(aalborg?.usageShare, fraction(0n));
  });

  void it('refuses a usage weight when nobody used the offer (the schema says so first)', () => {
    const model = kvisten(1_500_000);
    const noUsage = {
      ...model,
      municipalities: model.municipalities.map((m) => ({ ...m, usage: [0] })),
    };
    assert.throws(() => allocateDeficit(noUsage), /Ingen kommune har forbrug/);
  });

  void it('treats weights 0.3 + 0.7 as exact (decimal, not binary)', () => {
    const model = { ...kvisten(1_500_000), weights: { population: 0.3, usage: 0.7 } };
    const keys = allocateDeficit(model);
    assert.deepEqual(
      sum([keys.operator.key, ...keys.municipalities.map((m) => m.key)]),
      fraction(1n),
    );
  });

  void it('lets an operator share of 1 carry the whole deficit', () => {
    const result = allocateDeficit({ ...kvisten(1_500_000), operatorShareAboveThreshold: 1 });
    assert.equal(result.operator.amount, 1_500_000);
  });
});

const modelArb: fc.Arbitrary<DeficitCoverModel> = fc
  .record({
    deficit: fc.integer({ min: 0, max: 20_000_000 }),
    threshold: fc.integer({ min: 0, max: 5_000_000 }),
    share: fc.integer({ min: 0, max: 100 }),
    populationWeight: fc.integer({ min: 0, max: 100 }),
    years: fc.integer({ min: 1, max: 3 }),
    municipalities: fc.array(
      fc.record({
        population: fc.integer({ min: 1, max: 300_000 }),
        usage: fc.array(fc.integer({ min: 0, max: 200_000_000 }), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map((r) => ({
    deficit: r.deficit,
    threshold: r.threshold,
    operator: 'Driftsherre',
    operatorShareAboveThreshold: r.share / 100,
    // 1 − p/100 is often a binary near-miss (0.9299999999999999): exercises the tolerance.
    weights: { population: r.populationWeight / 100, usage: 1 - r.populationWeight / 100 },
    municipalities: r.municipalities.map((m, i) => ({
      name: `Kommune ${i + 1}`,
      population: m.population,
      // Some usage in øre, and at least one kommune with usage so the usage share exists.
      usage: m.usage.slice(0, r.years).map((u, y) => (i === 0 && y === 0 ? u + 1 : u) / 100),
    })),
  }));

const amountsOf = (model: DeficitCoverModel) => {
  const result = allocateDeficit(model);
  return [result.operator.amount, ...result.municipalities.map((m) => m.amount)];
};

void describe('allocateDeficit: properties', () => {
  void it('sums exactly to the deficit, with no negative amount', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const amounts = amountsOf(model);
        assert.equal(
          amounts.reduce((a, b) => a + b, 0),
          model.deficit,
        );
        assert.ok(amounts.every((a) => Number.isSafeInteger(a) && a >= 0));
      }),
    );
  });

  void it('never makes a party pay more when the deficit falls, across the threshold too', () => {
    fc.assert(
      fc.property(modelArb, fc.integer({ min: 0, max: 20_000_000 }), (model, lower) => {
        const smaller = { ...model, deficit: Math.min(lower, model.deficit) };
        const before = amountsOf(model);
        amountsOf(smaller).forEach((a, i) => assert.ok(a <= (before[i] as number), `party ${i}`));
      }),
    );
  });

  void it("includes the threshold part in the operator's amount", () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const { operator } = allocateDeficit(model);
        assert.equal(operator.thresholdPart, Math.min(model.deficit, model.threshold));
        assert.equal(operator.amount, operator.thresholdPart + operator.partAbove);
      }),
    );
  });

  void it('keeps each part above within ½ + key × n/2 kr. of key × part above (the divisor bound)', () => {
    fc.assert(
      fc.property(modelArb, (model) => {
        const result = allocateDeficit(model);
        const parties = [result.operator, ...result.municipalities];
        for (const p of parties) {
          const quota = toNumber(p.key) * result.partAbove;
          const bound = 0.5 + (toNumber(p.key) * parties.length) / 2 + 1e-6;
          assert.ok(
            Math.abs(p.partAbove - quota) <= bound,
            `${p.name}: ${p.partAbove} vs ${quota}`,
          );
        }
      }),
    );
  });
});
