/** A login through the municipality's provider that did not succeed, said in Danish. */
export class OidcLoginError extends Error {
  override name = 'OidcLoginError';
  constructor(
    /** A short code for tests and logs: state, nonce, signature, expired, … */
    public readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}
