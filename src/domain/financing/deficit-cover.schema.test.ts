import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDeficitCoverModel, type FieldError } from './deficit-cover.schema.ts';

const valid = () => ({
  deficit: 1_500_000,
  threshold: 500_000,
  operator: 'Region Nordjylland',
  operatorShareAboveThreshold: 0.25,
  weights: { population: 0.5, usage: 0.5 },
  municipalities: [
    { name: 'Brønderslev', population: 36_304, usage: [447_455, 746_001, 1_260_562] },
    { name: 'Læsø', population: 1_786, usage: [0, 0, 0] },
  ],
});

function errorsOf(input: unknown): FieldError[] {
  const result = parseDeficitCoverModel(input);
  assert.equal(result.ok, false, 'expected the input to be refused');
  return result.ok ? [] : result.errors;
}

function assertError(input: unknown, path: string, pattern: RegExp): void {
  const errors = errorsOf(input);
  const hit = errors.find((e) => e.path === path);
  assert.ok(hit, `no error at "${path}" in ${JSON.stringify(errors)}`);
  assert.match(hit.message, pattern);
}

void describe('parseDeficitCoverModel', () => {
  void it('accepts the CONTRACT example and returns the model', () => {
    const result = parseDeficitCoverModel(valid());
    assert.ok(result.ok);
    assert.equal(result.value.municipalities[0]?.name, 'Brønderslev');
  });

  void it('accepts weights that sum to 1 within 1e-9, refuses beyond', () => {
    assert.ok(
      parseDeficitCoverModel({ ...valid(), weights: { population: 0.07, usage: 1 - 0.07 } }).ok,
    );
    assertError(
      { ...valid(), weights: { population: 0.5, usage: 0.6 } },
      'weights',
      /summe til 1.*1\.1/,
    );
  });

  void it('refuses shares and weights outside 0-1, naming the field', () => {
    assertError(
      { ...valid(), operatorShareAboveThreshold: 1.25 },
      'operatorShareAboveThreshold',
      /operatorShareAboveThreshold.*mellem 0 og 1/,
    );
    assertError(
      { ...valid(), weights: { population: -0.5, usage: 1.5 } },
      'weights.population',
      /weights\.population/,
    );
    assertError(
      { ...valid(), weights: { population: -0.5, usage: 1.5 } },
      'weights.usage',
      /weights\.usage/,
    );
  });

  void it('refuses a negative or fractional deficit and threshold', () => {
    assertError(
      { ...valid(), deficit: -1 },
      'deficit',
      /Underskud \(deficit\) må ikke være negativt/,
    );
    assertError({ ...valid(), deficit: 10.5 }, 'deficit', /helt antal kroner/);
    assertError({ ...valid(), threshold: -500_000 }, 'threshold', /threshold/);
  });

  void it('refuses a kommune with no or zero population', () => {
    const [first, second] = valid().municipalities;
    assertError(
      { ...valid(), municipalities: [{ ...first, population: 0 }, second] },
      'municipalities.0.population',
      /større end 0/,
    );
    assertError(
      { ...valid(), municipalities: [first, { name: 'Læsø', usage: [] }] },
      'municipalities.1.population',
      /Befolkningstal \(population\) mangler/,
    );
  });

  void it('refuses negative usage and a usage weight when nobody used the offer', () => {
    const [first, second] = valid().municipalities;
    assertError(
      { ...valid(), municipalities: [first, { ...second, usage: [0, -1] }] },
      'municipalities.1.usage.1',
      /negativt/,
    );
    const noUse = valid().municipalities.map((m) => ({ ...m, usage: [0] }));
    assertError(
      { ...valid(), municipalities: noUse },
      'municipalities',
      /Ingen kommune har forbrug/,
    );
    assert.ok(
      parseDeficitCoverModel({
        ...valid(),
        weights: { population: 1, usage: 0 },
        municipalities: noUse,
      }).ok,
    );
  });

  void it('refuses an empty list and duplicate names', () => {
    assertError({ ...valid(), municipalities: [] }, 'municipalities', /mindst én kommune/);
    const [first] = valid().municipalities;
    assertError(
      { ...valid(), municipalities: [first, first] },
      'municipalities.1.name',
      /"Brønderslev".*flere gange.*nr\. 1/,
    );
  });

  void it('reports every bad field at once, in Danish, and a non-object as a whole', () => {
    const errors = errorsOf({
      ...valid(),
      deficit: 'mange',
      operator: '',
      municipalities: 'ingen',
    });
    assert.deepEqual(errors.map((e) => e.path).sort(), ['deficit', 'municipalities', 'operator']);
    assert.match(errors.find((e) => e.path === 'deficit')?.message ?? '', /skal være et tal/);
    assertError([1, 2], '', /JSON-objekt/);
    assertError({}, 'deficit', /mangler/);
    assertError({}, 'weights', /Vægte \(weights\) mangler/);
    assertError({}, 'municipalities', /Kommuner \(municipalities\) mangler/);
  });
});
