import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCommonPassword, passwordProblem } from './password-policy.ts';

void describe('password policy', () => {
  void it('wants at least 12 characters, counted as the user sees them', () => {
    assert.match(passwordProblem('kort 2 ord') ?? '', /mindst 12 tegn/);
    // 11 characters, several of them outside ASCII: still too short.
    assert.match(passwordProblem('æøå-ÆØÅ-æø1') ?? '', /mindst 12 tegn/);
    assert.equal(passwordProblem('æøå-ÆØÅ-æøå1'), null);
    assert.match(passwordProblem('x1 '.repeat(100)) ?? '', /højst være 256 tegn/);
  });

  void it('refuses the common passwords, also dressed up with digits and signs', () => {
    for (const common of [
      '123456789012',
      'Password1234',
      'Sommer2024!!',
      '!!Adgangskode2025',
      'Velkommen12345',
      'qwertyuiop123',
      'aaaaaaaaaaaa1',
      '121212121212',
      'abcabcabcabc',
    ]) {
      assert.ok(isCommonPassword(common), common);
      assert.match(passwordProblem(common) ?? '', /for almindelig/, common);
    }
    for (const fine of ['sommer i skagen 1987', 'lang nok og 2 ord', 'Kaffe-og-kage-kl-15']) {
      assert.equal(isCommonPassword(fine), false, fine);
      assert.equal(passwordProblem(fine), null, fine);
    }
  });

  void it('refuses a password containing the name part of the e-mail, in any casing', () => {
    const email = 'Anne.Holm@aalborg.dk';
    assert.match(passwordProblem('ANNE.HOLM-er-min-kode', email) ?? '', /e-mailadresse/);
    assert.equal(passwordProblem('anne holm er min kode', email), null); // not the local part
    assert.equal(passwordProblem('anne.holm-er-min-kode'), null); // no e-mail given
    // A local part of one or two letters would forbid half the alphabet: not checked.
    assert.equal(passwordProblem('ab er mit navn 7', 'ab@kommune.dk'), null);
  });

  void it('keeps the rule against only letters or only digits', () => {
    assert.match(passwordProblem('739284615092') ?? '', /lutter/);
    assert.match(passwordProblem('korrekthestebatteri') ?? '', /lutter/);
  });
});
